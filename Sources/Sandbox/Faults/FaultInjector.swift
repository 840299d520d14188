/// The pending faults of one sandbox, handed out first-come to matching requests.
actor FaultInjector {
    private var pending: [SandboxFault] = []

    /// Queues `fault` behind any already pending.
    func add(_ fault: SandboxFault) {
        pending.append(fault)
    }

    /// Drops every pending fault and says how many there were.
    @discardableResult
    func clear() -> Int {
        defer { pending = [] }
        return pending.count
    }

    /// The pending faults with their remaining counts.
    func list() -> [SandboxFault] {
        pending
    }

    /// The first pending fault matching the request, counted down by one use.
    func take(method: String, path: String) -> SandboxFault? {
        guard let index = pending.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let fault = pending[index]
        pending[index].count -= 1
        if pending[index].count == 0 { pending.remove(at: index) }
        return fault
    }
}

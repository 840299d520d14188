import Synchronization

/// The port every side effect goes through: network, files, browser, randomness.
///
/// The real adapter lives in the app; tests use an in-memory one. Drivers run a journey's effects
/// through it and feed the results back.
public protocol EffectPerformer: Sendable {
    /// Runs `effect`, handing each result to `emit` as it comes (a listing emits one per page).
    func perform(_ effect: Effect, emit: @escaping @Sendable (EffectResult) -> Void) async
}

extension EffectPerformer {
    /// Runs `effect` to its end and returns every result it emitted, in order.
    public func results(of effect: Effect) async -> [EffectResult] {
        let collected = Mutex<[EffectResult]>([])
        await perform(effect) { result in collected.withLock { $0.append(result) } }
        return collected.withLock { $0 }
    }
}

extension Journey {
    /// Runs `effects` through `performer` and feeds each result back, until nothing more is started.
    ///
    /// For drivers that wait for each call (line and batch); effects a terminal performs itself
    /// (clipboard, quitting) and the loopback listener (which waits for the browser, not for a
    /// call) are left to `unhandled`.
    public mutating func run(_ effects: [Effect], with performer: any EffectPerformer,
                             unhandled: (Effect) -> Void = { _ in }) async {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .copyToClipboard, .quit, .startCreate, .cancelRequest, .listenForRedirect, .stopListening:
                unhandled(effect)
            default:
                for result in await performer.results(of: effect) { pending += receive(result) }
            }
        }
    }
}

/// All instances of one sandbox; every change is saved to the state file before it counts.
actor InstanceStore {
    private var state: StateSnapshot
    private let stateFile: StateFile?

    /// Creates a store holding `snapshot`, saving to `stateFile` when one is given.
    init(snapshot: StateSnapshot, stateFile: StateFile?) {
        self.state = snapshot
        self.stateFile = stateFile
    }

    /// Every instance in id order.
    func all() -> [InstanceRecord] {
        state.instances
    }

    /// The instance with `id`, if any.
    func record(id: Int) -> InstanceRecord? {
        state.instances.first { $0.id == id }
    }

    /// Adds the instance `make` builds for the next free id, and returns it.
    func create(_ make: @Sendable (Int) -> InstanceRecord) throws -> InstanceRecord {
        var next = state
        let record = make(next.nextInstanceID)
        next.nextInstanceID += 1
        next.instances.append(record)
        try commit(next)
        return record
    }

    /// Applies `change` to the instance with `id`; `nil` when there is none.
    func update(id: Int, _ change: @Sendable (inout InstanceRecord) -> Void) throws -> InstanceRecord? {
        guard let index = state.instances.firstIndex(where: { $0.id == id }) else { return nil }
        var next = state
        change(&next.instances[index])
        next.instances[index].id = id
        try commit(next)
        return next.instances[index]
    }

    /// Removes the instance with `id`; `false` when there is none.
    func delete(id: Int) throws -> Bool {
        guard let index = state.instances.firstIndex(where: { $0.id == id }) else { return false }
        var next = state
        next.instances.remove(at: index)
        try commit(next)
        return true
    }

    /// Saves `next` (when persistent) and makes it the current state.
    private func commit(_ next: StateSnapshot) throws {
        try stateFile?.save(next)
        state = next
    }
}

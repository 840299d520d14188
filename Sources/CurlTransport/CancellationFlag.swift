import Synchronization

/// Set once when the task waiting for a transfer is cancelled; read by the progress callback.
///
/// The callback runs on the transfer queue while cancellation arrives on any thread, hence an atomic.
final class CancellationFlag: Sendable {
    private let state = Atomic<Bool>(false)

    /// Whether the transfer should stop.
    var isSet: Bool { state.load(ordering: .acquiring) }

    /// Asks the transfer to stop.
    func set() { state.store(true, ordering: .releasing) }
}

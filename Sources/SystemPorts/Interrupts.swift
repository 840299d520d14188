/// The port for Ctrl-C in a command that runs until stopped (`events listen`).
public protocol InterruptWaiting: Sendable {
    /// Takes over SIGINT and SIGTERM, calls `armed` once they are caught, and returns the number of
    /// the first that arrives, or 0 when the calling task is cancelled first; the default handlers
    /// are back when it returns.
    func nextInterrupt(armed: @escaping @Sendable () -> Void) async -> Int32
}

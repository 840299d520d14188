import Foundation

/// Runs blocking work (socket and pipe reads) on its own thread, so neither Swift's
/// cooperative pool nor GCD's CPU-sized pool starves the in-process servers under test.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

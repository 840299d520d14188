import Foundation

/// A clock tests move by hand, injected as `SandboxConfiguration.now`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts at `start` (a fixed, whole-second instant by default).
    init(start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = start
    }

    /// The current time.
    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves the clock forward by `seconds`.
    func advance(by seconds: TimeInterval) {
        lock.lock()
        current += seconds
        lock.unlock()
    }
}

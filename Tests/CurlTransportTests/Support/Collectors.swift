import Foundation
import Synchronization

/// Collects lines written from any thread (verbose logs), in order.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])

    /// Appends a line; usable directly as a `log` closure.
    @Sendable func append(_ line: String) {
        storage.withLock { $0.append(line) }
    }

    /// Everything collected so far.
    var lines: [String] { storage.withLock { $0 } }
}

/// A clock the sandbox reads and a test moves forward, for code expiry.
final class TestClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    /// The real time plus every advance so far.
    @Sendable func now() -> Date {
        Date().addingTimeInterval(offset.withLock { $0 })
    }

    /// Moves the clock forward by `seconds`.
    func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }
}

/// Polls `condition` until it holds or `timeout` passes; the test fails with `description` on timeout.
func waitUntil(_ description: String, timeout: Duration = .seconds(5),
               _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw TimedOutWaiting(description: description) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

/// Thrown by `waitUntil` when its condition never held.
struct TimedOutWaiting: Error, CustomStringConvertible {
    /// What was waited for.
    var description: String
}

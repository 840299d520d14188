import Foundation
import OpenConnectors
import Testing

/// The one-line-per-call log: method, redacted URL, outcome, time; never headers or bodies.
@Suite("LoggingTransport")
struct LoggingTransportTests {
    /// A thread-safe list, written from `@Sendable` closures.
    final class Recorder<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Value] = []
        func append(_ value: Value) { lock.withLock { storage.append(value) } }
        var values: [Value] { lock.withLock { storage } }
    }

    /// A clock that advances by `step` on every reading.
    final class SteppingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var now = ContinuousClock.now
        private let step: Duration
        init(step: Duration) { self.step = step }
        func read() -> ContinuousClock.Instant {
            lock.withLock {
                defer { now += step }
                return now
            }
        }
    }

    @Test("logs method, redacted URL, status and milliseconds, and nothing secret")
    func success() async throws {
        let lines = Recorder<String>()
        let clock = SteppingClock(step: .milliseconds(42))
        let base = FakeTransport([.json("{}", status: 201)])
        let logging = LoggingTransport(wrapping: base, log: { lines.append($0) }, clock: { clock.read() })
        let request = HTTPRequest(method: "GET", url: "https://h/elements/api-v2/elements/microsoftgraph/oauth/url?apiKey=id&apiSecret=topsecret",
                                  headers: [HTTPHeader("Authorization", "User u-secret, Organization o-secret")], body: Array("body-secret".utf8))
        let response = try await logging.send(request)
        #expect(response.status == 201)
        #expect(await base.requests == [request])
        #expect(lines.values == ["GET https://h/elements/api-v2/elements/microsoftgraph/oauth/url?apiKey=id&apiSecret=*** → 201 in 42 ms"])
    }

    @Test("logs a transport failure with its message and passes the error on")
    func failure() async {
        let lines = Recorder<String>()
        let clock = SteppingClock(step: .seconds(2))
        let logging = LoggingTransport(wrapping: FakeTransport([.failure(TransportError.timedOut(seconds: 2))]), log: { lines.append($0) }, clock: { clock.read() })
        await #expect(throws: TransportError.timedOut(seconds: 2)) {
            try await logging.send(HTTPRequest(method: "POST", url: "https://h/instances"))
        }
        #expect(lines.values == ["POST https://h/instances → failed after 2000 ms: The service did not answer within 2 seconds."])
    }
}

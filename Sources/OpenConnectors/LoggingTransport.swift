/// Wraps a transport and reports each call as one line: method, redacted URL, status, time.
///
/// It never logs header values or bodies, which may hold secrets.
public struct LoggingTransport: HTTPTransport {
    private let base: any HTTPTransport
    private let log: @Sendable (String) -> Void
    private let clock: @Sendable () -> ContinuousClock.Instant

    /// Wraps `base`, sending lines to `log`.
    public init(wrapping base: any HTTPTransport, log: @escaping @Sendable (String) -> Void,
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.base = base; self.log = log; self.clock = clock
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let start = clock()
        let line = "\(request.method) \(Redaction.url(request.url))"
        do {
            let response = try await base.send(request)
            log("\(line) → \(response.status) in \(Self.milliseconds(clock() - start)) ms")
            return response
        } catch {
            let reason = (error as? TransportError)?.message ?? String(describing: type(of: error))
            log("\(line) → failed after \(Self.milliseconds(clock() - start)) ms: \(reason)")
            throw error
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

import FoundationEssentials
import OpenConnectors
import SystemPorts
import WebhookSigning

/// A signed sample notification sent to a receiver the way the platform sends one, and what the
/// receiver's answer means for real deliveries.
struct TestDelivery {
    /// The receiver's URL (`event.notification.callback.url`).
    let url: String
    /// The signature key.
    let key: Secret
    /// The instance the sample names, if known.
    let instanceId: Int?
    /// An answer slower than this counts as slow.
    let slowAfter: Duration

    /// The default for `slowAfter`: a receiver should acknowledge at once and work afterwards.
    static let defaultSlowAfter = Duration.seconds(3)

    /// What happened.
    enum Outcome: Equatable {
        /// The receiver answered with `status` after `elapsed`.
        case answered(status: Int, elapsed: Duration)
        /// No answer: refused, timed out, TLS failure, …
        case failed(TransportError)
    }

    /// The request: the sample body in the documented envelope, `Elements-Webhook-Signature` and
    /// `Elements-Webhook-Id`, as the platform sends them.
    func request(eventId: String, date: String) throws(CryptoUnavailable) -> HTTPRequest {
        let body = Array(WebhookNotification.sample(eventId: eventId, instanceId: instanceId, date: date).compactText.utf8)
        return HTTPRequest(method: "POST", url: url, headers: [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader(WebhookSignature.headerName, try WebhookSignature.header(body: body, key: Array(key.revealed.utf8))),
            HTTPHeader(WebhookSignature.idHeaderName, eventId),
        ], body: body)
    }

    /// A new event id for a test notification.
    static func newEventId(random: any RandomSource) -> String {
        "ocwizard-test-" + Randomness(source: random).oauthState()
    }

    /// Builds the sample for `eventId`, dated now, signs it, sends it through `transport`, and
    /// times the answer.
    func deliver(eventId: String, through transport: any HTTPTransport) async throws(CryptoUnavailable) -> Outcome {
        await Self.send(try request(eventId: eventId, date: Date().ISO8601Format()), through: transport)
    }

    /// Sends `request` through `transport` and times the answer.
    static func send(_ request: HTTPRequest, through transport: any HTTPTransport) async -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await transport.send(request)
            return .answered(status: response.status, elapsed: start.duration(to: clock.now))
        } catch let error as TransportError {
            return .failed(error)
        } catch {
            return .failed(.other(code: -1, detail: String(describing: error)))
        }
    }

    /// Whether the outcome is what a working receiver does: 2xx, quickly.
    func isGood(_ outcome: Outcome) -> Bool {
        if case .answered(let status, let elapsed) = outcome { return (200..<300).contains(status) && elapsed <= slowAfter }
        return false
    }

    /// The answer and what it means, one sentence a line.
    func report(_ outcome: Outcome) -> [String] {
        let retry = "The platform retries a failed delivery up to 9 times over about 73 hours (after 4 s, 16 s, 64 s, …) and then deactivates the subscription and queues the events."
        switch outcome {
        case .failed(let error):
            return ["✗ No answer from \(Redaction.url(url)): \(error.message)", retry]
        case .answered(let status, let elapsed):
            let time = "\(status) in \(Self.milliseconds(elapsed)) ms"
            if !(200..<300).contains(status) {
                return ["✗ The receiver answered \(time): not 2xx, so the platform counts the delivery as failed.", retry]
            }
            if elapsed > slowAfter {
                return ["! The receiver answered \(time): 2xx, but slowly (more than \(Self.milliseconds(slowAfter)) ms).",
                        "Answer first and work afterwards: a delivery that times out counts as failed. " + retry]
            }
            return ["✓ The receiver answered \(time): 2xx quickly, so the platform counts the delivery as done."]
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}

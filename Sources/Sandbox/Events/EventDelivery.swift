import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import WebhookSigning

/// Delivers a notification like the platform (API notes 7): a signed JSON POST to the instance's
/// `event.notification.callback.url` with `Elements-Webhook-Signature` (when the instance has a
/// signature key) and `Elements-Webhook-Id`, retried with a backoff scaled down from the
/// platform's 4 s, 16 s, 64 s, … so that a test or `make run` sees it in under a second.
struct EventDelivery: Sendable {
    /// The waits before each retry: the platform's first three (4 s, 16 s, 64 s) divided by 100.
    /// The platform retries 9 times over about 73 hours and then deactivates the subscription.
    static let retryDelays: [Duration] = [.milliseconds(40), .milliseconds(160), .milliseconds(640)]
    /// How long one attempt waits for the receiver.
    static let attemptTimeout: TimeInterval = 5

    let url: URL
    let body: Data
    let eventId: String
    let signature: String?

    /// The notification body in the documented envelope: one `UPDATED` calendar event of `instanceId`.
    static func body(eventId: String, instanceId: Int, objectId: String, date: String) -> Data {
        let raw: [String: Any] = ["value": [["changeType": "updated", "resource": "Users/sandbox/Events/\(objectId)"]]]
        let event: [String: Any] = ["elementKey": "microsoftgraph", "eventType": "UPDATED", "objectType": "events", "objectId": objectId, "date": date]
        let message: [String: Any] = ["eventId": eventId, "elementKey": "microsoftgraph", "instanceId": instanceId, "events": [event], "raw": raw]
        return (try? JSONSerialization.data(withJSONObject: ["message": message], options: [.sortedKeys])) ?? Data()
    }

    /// Signs `body` with `key` (the instance's signature key), or `nil` when it has none.
    static func signature(of body: Data, key: String?) throws -> String? {
        guard let key, !key.isEmpty else { return nil }
        return try WebhookSignature.header(body: Array(body), key: Array(key.utf8))
    }

    /// Sends until a 2xx answer or the retries are spent, reporting every attempt to `record`.
    func run(record: @escaping @Sendable (WireEvent.Attempt) async -> Void) async {
        for attempt in 0...Self.retryDelays.count {
            if attempt > 0 { try? await Task.sleep(for: Self.retryDelays[attempt - 1]) }
            let (status, error) = await send()
            await record(WireEvent.Attempt(attempt: attempt + 1, date: Timestamp.string(from: Date()), status: status, error: error))
            if let status, (200..<300).contains(status) { return }
        }
    }

    /// One POST; the status, or why there was none.
    private func send() async -> (Int?, String?) {
        var request = URLRequest(url: url, timeoutInterval: Self.attemptTimeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(eventId, forHTTPHeaderField: WebhookSignature.idHeaderName)
        if let signature { request.setValue(signature, forHTTPHeaderField: WebhookSignature.headerName) }
        // The completion-handler API, started from a dispatch thread: corelibs' async
        // `URLSession.data(for:)` blocks the calling thread in `DispatchQueue.sync`, and on the
        // cooperative pool (two threads here) a few deliveries at once stalled every other task of
        // the process, the sandbox's own HTTP server included.
        let prepared = request
        return await withCheckedContinuation { (continuation: CheckedContinuation<(Int?, String?), Never>) in
            DispatchQueue.global().async {
                Self.session.dataTask(with: prepared) { _, response, error in
                    if let error {
                        continuation.resume(returning: (nil, error.localizedDescription))
                    } else {
                        continuation.resume(returning: ((response as? HTTPURLResponse)?.statusCode, nil))
                    }
                }.resume()
            }
        }
    }

    /// The session deliveries use: no cache, no cookies, and no proxy (the platform delivers
    /// straight to the receiver; a local receiver behind `http_proxy` would never be reached).
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        return URLSession(configuration: configuration)
    }()
}

import FoundationEssentials
import LineUI
import OpenConnectors
import SystemPorts
import WebhookSigning

/// What the receiver of `events listen` makes of one request: the answer, and what to print.
struct WebhookReceiver: Sendable {
    /// The signature key, as UTF-8 bytes.
    let key: Secret
    /// The only path served, or `nil` for any path.
    let path: String?

    /// One request received, with its verdict.
    struct Delivery: Sendable {
        /// When it arrived (ISO 8601, UTC).
        let time: String
        /// The status answered.
        let status: Int
        /// The signature's verdict, or `nil` when the request was not a notification (wrong method or path).
        let verdict: SignatureVerdict?
        /// The `Elements-Webhook-Id` header.
        let webhookId: String?
        /// The body as parsed, when it is a notification.
        let notification: WebhookNotification?
        /// The raw body.
        let body: [UInt8]
    }

    /// Checks `request` and says what to answer: 200 at once for a genuine notification, 401 for a
    /// bad signature, 404 for another path, 405 for another method.
    func receive(_ request: HTTPServerRequest, at time: String) throws(CryptoUnavailable) -> Delivery {
        if let path, request.path != path {
            return Delivery(time: time, status: 404, verdict: nil, webhookId: nil, notification: nil, body: [])
        }
        guard request.method == "POST" else {
            return Delivery(time: time, status: 405, verdict: nil, webhookId: nil, notification: nil, body: [])
        }
        let verdict = try SignatureCheck.check(header: request.header(WebhookSignature.headerName), body: request.body, key: Array(key.revealed.utf8))
        return Delivery(time: time, status: verdict.isGenuine ? 200 : 401, verdict: verdict, webhookId: request.header(WebhookSignature.idHeaderName),
                        notification: WebhookNotification(body: request.body), body: request.body)
    }
}

extension WebhookReceiver.Delivery {
    /// The answer's body: short, and never the key or the expected signature.
    var replyText: String {
        switch status {
        case 200: "ok\n"
        case 401: "bad signature: \(verdict.map { VerdictReport($0).label } ?? "")\n"
        case 404: "not the events path\n"
        default: "POST a notification\n"
        }
    }

    /// Lines for a person: the time, the status, the verdict, the ids, then one line per event.
    /// Untrusted text (ids, types, the method) is made visible.
    var humanLines: [String] {
        guard let verdict else { return ["\(time)  \(status)  (not a notification: \(status == 404 ? "another path" : "not a POST"))"] }
        let report = VerdictReport(verdict)
        var head = "\(time)  \(status)  \(report.isGenuine ? "✓" : "✗") \(report.label)"
        if let id = notification?.eventId { head += "  event \(TextSafety.visible(id))" }
        if let instance = notification?.instanceId { head += "  instance \(TextSafety.visible(instance))" }
        if let webhookId { head += "  webhook-id \(TextSafety.visible(webhookId))" }
        var lines = [head]
        if !report.isGenuine { lines += report.lines.map { "    " + $0 } }
        if notification == nil { lines.append("    (the body is not a notification in the documented envelope)") }
        for event in notification?.events ?? [] {
            lines.append("    " + [event.eventType, event.objectType, event.objectId].map { TextSafety.visible($0 ?? "-") }.joined(separator: "  "))
        }
        return lines
    }

    /// One JSON line: the same fields, and the raw body as a string.
    var jsonLine: String {
        let text = { (value: String?) -> JSONValue in value.map(JSONValue.string) ?? .null }
        let events = (notification?.events ?? []).map { event -> JSONValue in
            .object([("eventType", text(event.eventType)), ("objectType", text(event.objectType)), ("objectId", text(event.objectId))])
        }
        return JSONValue.object([
            ("time", .string(time)), ("status", .integer(status)),
            ("signature", text(verdict.map { VerdictReport($0).label })), ("webhookId", text(webhookId)),
            ("eventId", text(notification?.eventId)), ("instanceId", text(notification?.instanceId)),
            ("events", .array(events)), ("body", .string(String(decoding: body, as: UTF8.self))),
        ]).compactText
    }
}

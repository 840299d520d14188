import Foundation

/// One HTTP response produced by the sandbox, independent of the server library.
struct SandboxResponse: Sendable {
    /// The status code.
    var status: Int
    /// Header name/value pairs, in order.
    var headers: [(name: String, value: String)]
    /// The raw body.
    var body: Data

    /// Creates a response from its parts.
    init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response with `value` encoded by the sandbox's encoder.
    static func json(_ value: some Encodable, status: Int = 200, headers: [(name: String, value: String)] = []) -> SandboxResponse {
        let body = (try? WireCoding.encoder.encode(value)) ?? Data("{}".utf8)
        return SandboxResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    /// A `302 Found` to `location`, with a short HTML body for people reading it in a browser.
    static func redirect(to location: String) -> SandboxResponse {
        let escaped = location.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let html = "<html><body>Redirecting to <a href=\"\(escaped)\">\(escaped)</a></body></html>\n"
        return SandboxResponse(
            status: 302,
            headers: [("Location", location), ("Content-Type", "text/html; charset=utf-8")],
            body: Data(html.utf8)
        )
    }

    /// A plain-text response, for pages a browser shows (the authorize endpoint's own errors).
    static func text(_ text: String, status: Int) -> SandboxResponse {
        SandboxResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data((text + "\n").utf8))
    }

    /// The first value of header `name` (any case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

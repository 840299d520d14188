import OpenConnectors

/// An in-memory `HTTPTransport`: records every request and answers from a script, in order.
///
/// When the script runs out it throws, so a client that sends one request too many fails its
/// test instead of hanging or passing by accident.
actor FakeTransport: HTTPTransport {
    /// One scripted answer.
    enum Reply: Sendable {
        case response(HTTPResponse)
        case failure(any Error & Sendable)
    }

    /// The detail of the error thrown once the script is exhausted.
    static let exhaustedDetail = "no scripted response left"

    private var script: [Reply]
    /// Every request sent, in order.
    private(set) var requests: [HTTPRequest] = []

    /// A transport that answers with `script`, one reply per request.
    init(_ script: [Reply]) {
        self.script = script
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        guard !script.isEmpty else { throw TransportError.other(code: -99, detail: Self.exhaustedDetail) }
        switch script.removeFirst() {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }
}

extension FakeTransport.Reply {
    /// A JSON answer with `status` and optional extra headers.
    static func json(_ text: String, status: Int = 200, headers: [HTTPHeader] = []) -> Self {
        .response(HTTPResponse(status: status, headers: [HTTPHeader("Content-Type", "application/json")] + headers, body: Array(text.utf8)))
    }

    /// An answer with no body.
    static func empty(status: Int, headers: [HTTPHeader] = []) -> Self {
        .response(HTTPResponse(status: status, headers: headers))
    }
}

extension HTTPRequest {
    /// The body as text, or `nil` without a body.
    var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }

    /// The value of the first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

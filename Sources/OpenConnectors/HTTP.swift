/// One HTTP request, transport-neutral.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields in order; the transport adds `User-Agent`.
    public var headers: [HTTPHeader]
    /// The body, if any.
    public var body: [UInt8]?

    /// Makes a request.
    public init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }
}

/// One header field.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// One HTTP response.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// Header fields as received.
    public var headers: [HTTPHeader]
    /// The body bytes.
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status; self.headers = headers; self.body = body
    }

    /// The first header named `name`, compared without case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends HTTP requests; the real one is libcurl, tests may use an in-memory one.
///
/// Implementations throw `TransportError` and honour task cancellation.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Removes secrets from a URL's query string (and fragment) before it is logged or shown.
public enum URLRedaction {
    /// Query parameter names whose values are secret.
    public static let secretNames: Set<String> = [
        "apisecret", "code", "client_secret", "secret", "token", "password", "signaturekey",
        "access_token", "refresh_token", "id_token",
    ]

    /// `url` with the values of secret query parameters replaced by `***`.
    ///
    /// Parameters after `#` are redacted too: `response_mode=fragment` puts the grant code there.
    public static func redact(_ url: String) -> String {
        guard let start = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return url }
        var result = String(url[...start])
        var rest = url[url.index(after: start)...]
        while true {
            let end = rest.firstIndex(where: { $0 == "&" || $0 == "#" }) ?? rest.endIndex
            result += redactedPair(rest[..<end])
            guard end < rest.endIndex else { return result }
            result.append(rest[end])
            rest = rest[rest.index(after: end)...]
        }
    }

    /// `name=value`, with the value replaced by `***` when the name is a secret one.
    private static func redactedPair(_ pair: Substring) -> String {
        guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
        let name = QueryString.decode(pair[..<equals]).lowercased()
        return secretNames.contains(name) ? pair[...equals] + "***" : String(pair)
    }
}

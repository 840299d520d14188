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
    /// Sends `first`, then the request `next` makes of each answer (`nil` ends the run), each as
    /// soon as the answer before it is in, while the reader still reads the earlier ones. The run
    /// ends with the first error; when the reader stops reading, the request under way is stopped.
    func sendEach(_ first: HTTPRequest, next: @escaping @Sendable (HTTPResponse) -> HTTPRequest?) -> HTTPResponses
}

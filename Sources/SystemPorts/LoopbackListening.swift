/// Where a loopback listener accepts connections: an address of this machine and a port.
public struct LoopbackEndpoint: Sendable, Equatable, Hashable {
    /// `127.0.0.1` or `::1` (a `localhost` callback listens on `127.0.0.1`).
    public var address: String
    /// The TCP port, 1–65535.
    public var port: Int
    /// An endpoint on `address` and `port`.
    public init(address: String, port: Int) { self.address = address; self.port = port }
}

/// The first line of an HTTP request a listener read.
public struct LoopbackRequest: Sendable, Equatable {
    /// `GET`, `HEAD`, …
    public var method: String
    /// The request target as sent: the path and `?query`.
    public var target: String
    /// A request with this method and target.
    public init(method: String, target: String) { self.method = method; self.target = target }
}

/// What a listener sends back: an HTML page with a status, and whether to stop listening after it.
public struct LoopbackReply: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// The page, as HTML.
    public var html: String
    /// Whether this answer ends the listening.
    public var ends: Bool
    /// A reply with this status and page; `ends` stops the listener after sending it.
    public init(status: Int, html: String, ends: Bool) { self.status = status; self.html = html; self.ends = ends }
}

/// Why a listener could not listen.
public enum ListenFailure: Error, Sendable, Equatable {
    /// Another program already listens on the port.
    case portInUse(port: Int)
    /// The port needs privileges this user lacks (below 1024).
    case permissionDenied(port: Int)
    /// Anything else, in the system's words.
    case other(String)

    /// A sentence for the user that names the port and says what to do.
    public var reason: String {
        switch self {
        case .portInUse(let port):
            "Port \(port) is already in use by another program, so the wizard cannot catch the sign-in there. Close that program (or pick another port in the callback URL and register it on the Azure app), or paste the address by hand."
        case .permissionDenied(let port):
            "Port \(port) needs administrator rights to listen on. Use a port above 1024 in the callback URL (such as http://localhost:8765/callback, registered on the Azure app), or paste the address by hand."
        case .other(let detail):
            "Cannot listen for the sign-in (\(detail)); paste the address by hand."
        }
    }
}

/// The port for a small HTTP listener on a loopback address, one connection at a time.
public protocol LoopbackListening: Sendable {
    /// Listens on `endpoint`, calls `ready` once it accepts connections, and answers each request
    /// with `answer` until a reply ends it or the calling task is cancelled.
    ///
    /// Requests are read with a size and time limit; a request that is too large, too slow or not
    /// HTTP gets a 400 answer (or none) and does not reach `answer`.
    func serve(_ endpoint: LoopbackEndpoint, ready: @escaping @Sendable () -> Void,
               answer: @escaping @Sendable (LoopbackRequest) -> LoopbackReply) async throws(ListenFailure)
}

/// One HTTP/1.1 request a small server read whole: request line, headers and body.
public struct HTTPServerRequest: Sendable, Equatable {
    /// `GET`, `POST`, …
    public var method: String
    /// The request target as sent: the path and `?query`.
    public var target: String
    /// The header fields in their order, names as sent.
    public var headers: [HTTPHeaderField]
    /// The body's bytes, exactly as received (empty without `Content-Length`).
    public var body: [UInt8]

    /// A request with these parts.
    public init(method: String, target: String, headers: [HTTPHeaderField] = [], body: [UInt8] = []) {
        self.method = method; self.target = target; self.headers = headers; self.body = body
    }

    /// The value of the first header field named `name` (any case), or `nil`.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The target without its `?query`.
    public var path: Substring { target.prefix { $0 != "?" } }
}

/// One header field: a name and its value (white space around the value removed).
public struct HTTPHeaderField: Sendable, Equatable {
    /// The name as sent.
    public var name: String
    /// The value.
    public var value: String
    /// A field `name: value`.
    public init(name: String, value: String) { self.name = name; self.value = value }
}

/// What a small server sends back to one request, and whether to stop serving after it.
public struct HTTPServerReply: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// The `Content-Type`.
    public var contentType: String
    /// The body.
    public var body: [UInt8]
    /// Whether this answer ends the serving.
    public var ends: Bool

    /// A reply with this status, type and body; `ends` stops the server after sending it.
    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: [UInt8] = [], ends: Bool = false) {
        self.status = status; self.contentType = contentType; self.body = body; self.ends = ends
    }
}

/// How much of a request a small server reads, and for how long.
public struct HTTPServerLimits: Sendable, Equatable {
    /// The most bytes of request line and headers.
    public var maximumHeadBytes: Int
    /// The most bytes of body (`Content-Length`); a larger one gets 413 and never reaches the answer.
    public var maximumBodyBytes: Int
    /// How long one connection may take to send its whole request, in milliseconds.
    public var timeLimit: Int

    /// Limits with these values.
    public init(maximumHeadBytes: Int = 8192, maximumBodyBytes: Int = 0, timeLimit: Int = 2000) {
        self.maximumHeadBytes = maximumHeadBytes; self.maximumBodyBytes = maximumBodyBytes; self.timeLimit = timeLimit
    }
}

/// The port for a small HTTP server (one connection at a time) that reads whole requests, bodies
/// included: the webhook receiver of `ocwizard events listen`. The sign-in's `LoopbackListening`
/// is the same server with head-only requests.
public protocol HTTPServing: Sendable {
    /// Listens on `endpoint` (any local address: `127.0.0.1` unless the user asks otherwise), calls
    /// `ready` once it accepts connections, and answers each whole request with `answer` until a
    /// reply ends it or the calling task is cancelled.
    ///
    /// A request over `limits`, too slow, chunked or not HTTP gets a 4xx answer (or none) and does
    /// not reach `answer`.
    func serveHTTP(_ endpoint: LoopbackEndpoint, limits: HTTPServerLimits, ready: @escaping @Sendable () -> Void,
                   answer: @escaping @Sendable (HTTPServerRequest) -> HTTPServerReply) async throws(ListenFailure)
}

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

import SystemPorts

/// The small HTTP server (`SmallHTTPServer`) behind both ports: the sign-in's loopback listener
/// (head-only requests, an HTML page back) and the webhook receiver (whole requests).
public struct SystemLoopbackListener: LoopbackListening, HTTPServing {
    /// The most bytes read of one sign-in request (request line and headers).
    public let maximumRequestBytes: Int
    /// How long one sign-in connection may take to send its request, in milliseconds.
    public let requestTimeLimit: Int

    /// A listener with these limits for the sign-in's requests.
    public init(maximumRequestBytes: Int = 8192, requestTimeLimit: Int = 2000) {
        self.maximumRequestBytes = maximumRequestBytes; self.requestTimeLimit = requestTimeLimit
    }

    public func serve(_ endpoint: LoopbackEndpoint, ready: @escaping @Sendable () -> Void,
                      answer: @escaping @Sendable (LoopbackRequest) -> LoopbackReply) async throws(ListenFailure) {
        let limits = HTTPServerLimits(maximumHeadBytes: maximumRequestBytes, maximumBodyBytes: 0, timeLimit: requestTimeLimit)
        try await SmallHTTPServer.serve(endpoint, limits: limits, ready: ready) { request in
            let reply = answer(LoopbackRequest(method: request.method, target: request.target))
            return HTTPServerReply(status: reply.status, contentType: "text/html; charset=utf-8", body: Array(reply.html.utf8), ends: reply.ends)
        }
    }

    public func serveHTTP(_ endpoint: LoopbackEndpoint, limits: HTTPServerLimits, ready: @escaping @Sendable () -> Void,
                          answer: @escaping @Sendable (HTTPServerRequest) -> HTTPServerReply) async throws(ListenFailure) {
        try await SmallHTTPServer.serve(endpoint, limits: limits, ready: ready, answer: answer)
    }
}

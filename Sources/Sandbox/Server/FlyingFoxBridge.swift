import FlyingFox
import FlyingSocks
import Foundation

/// Adapts FlyingFox's requests and responses to the sandbox's own, and plays the transport
/// faults (truncated bodies, dropped connections) that a normal response cannot express.
struct FlyingFoxBridge: HTTPHandler {
    /// The behaviour behind the server.
    let api: SandboxAPI

    /// Answers one FlyingFox request through the sandbox API.
    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let incoming = try await Self.sandboxRequest(from: request)
        switch await api.outcome(for: incoming) {
        case .respond(let response):
            // One write for the whole body, as a web server does, instead of FlyingFox's 4 KiB
            // pieces (53 system calls for a 200-instance page).
            return Self.flyingFoxResponse(response, body: HTTPBodySequence(data: response.body, suggestedBufferSize: max(response.body.count, 4096)))
        case .truncate(let response):
            let sent = Array(response.body.prefix(response.body.count / 2))
            let declared = max(response.body.count, sent.count + 1)
            return Self.flyingFoxResponse(response, body: HTTPBodySequence(from: CutOffBytes(bytes: sent), count: declared))
        case .drop:
            // FlyingFox runs a WebSocket handler before it writes anything; one that fails
            // makes the server close the connection without a byte of answer.
            return FlyingFox.HTTPResponse(webSocket: HangUp())
        case .reset:
            // The same hang-up, with the socket set to end in a reset when it is closed.
            _ = ConnectionReset.arm(peer: request.remoteAddress)
            return FlyingFox.HTTPResponse(webSocket: HangUp())
        }
    }

    /// The sandbox's view of a FlyingFox request (decoded path and query, joined headers).
    static func sandboxRequest(from request: FlyingFox.HTTPRequest) async throws -> SandboxRequest {
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            let key = name.rawValue.lowercased()
            headers[key] = headers[key].map { "\($0), \(value)" } ?? value
        }
        // The raw target, not FlyingFox's parsed `path`: its URLComponents parse gives up on
        // targets such as `?tags[]=a` that curl and browsers send unescaped.
        let path = request.target.path()
        return SandboxRequest(
            method: request.method.rawValue,
            path: path.removingPercentEncoding ?? path,
            query: FormEncoding.decode(request.target.query()),
            headers: headers,
            body: try await request.bodyData
        )
    }

    /// A FlyingFox response with the status and headers of `response` and the given body.
    private static func flyingFoxResponse(_ response: SandboxResponse, body: HTTPBodySequence) -> FlyingFox.HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in response.headers {
            headers.addValue(value, for: HTTPHeader(name))
        }
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: StatusPhrase.phrase(for: response.status)),
            headers: headers,
            body: body
        )
    }
}

/// Why the sandbox closed a connection on purpose.
struct ConnectionCut: Error {}

/// Body bytes that end in an error, so FlyingFox closes the connection mid-body.
struct CutOffBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    /// The bytes sent before the cut.
    let bytes: [UInt8]

    /// An iterator over `bytes` that then fails.
    func makeAsyncIterator() -> Iterator {
        Iterator(remaining: bytes[...])
    }

    /// Hands out the bytes, then throws `ConnectionCut`.
    struct Iterator: AsyncBufferedIteratorProtocol {
        var remaining: ArraySlice<UInt8>

        /// The next byte, or the cut.
        mutating func next() async throws -> UInt8? {
            guard let byte = remaining.popFirst() else { throw ConnectionCut() }
            return byte
        }

        /// Up to `count` next bytes, or the cut.
        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard !remaining.isEmpty else { throw ConnectionCut() }
            let buffer = remaining.prefix(Swift.max(count, 1))
            remaining = remaining.dropFirst(buffer.count)
            return buffer
        }
    }
}

/// A WebSocket handler that refuses to start, so the connection closes unanswered.
struct HangUp: WSHandler {
    /// Always fails.
    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw ConnectionCut()
    }
}

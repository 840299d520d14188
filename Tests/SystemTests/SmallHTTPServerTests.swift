import Glibc
import Synchronization
@testable import System
import SystemPorts
import SystemTesting
import Testing

/// The shared small HTTP server reading whole requests (the webhook receiver's side), over real sockets.
@Suite("Small HTTP server over real sockets")
struct SmallHTTPServerTests {
    /// Serves whole requests on a free port, echoing the body's length; `/done` ends it. Runs `body`
    /// (on a thread of its own: it blocks on sockets) once it listens, and returns what `body`
    /// returned and the requests that reached the answer; checks happen afterwards, in the test.
    private func serving<Result: Sendable>(_ limits: HTTPServerLimits, _ body: @escaping @Sendable (Int) -> Result) async throws -> (Result, [HTTPServerRequest]) {
        let port = freeLoopbackPort()
        let seen = Mutex<[HTTPServerRequest]>([])
        let ready = Atomic<Bool>(false)
        let serving = Task {
            try await SystemLoopbackListener().serveHTTP(LoopbackEndpoint(address: "127.0.0.1", port: port), limits: limits,
                                                         ready: { ready.store(true, ordering: .relaxed) }) { request in
                seen.withLock { $0.append(request) }
                return HTTPServerReply(status: 200, body: Array("got \(request.body.count)".utf8), ends: request.path == "/done")
            }
        }
        try await waitUntil(ready)
        let result = await onOwnThread { body(port) }
        try await serving.value
        return (result, seen.withLock { $0 })
    }

    /// Sends `pieces` one after another on a new connection to `port` and reads the answer to the end.
    private static func exchange(_ pieces: [String], port: Int) -> String {
        let client = RawClient(port: port)!
        for piece in pieces { client.send(piece) }
        return client.readAll()
    }

    @Test("A POST's headers and exact body reach the answer, sent in pieces or with Expect: 100-continue")
    func wholeRequests() async throws {
        let body = "{\"a\":1}\r\n\u{7f}\u{ff}"  // no NUL: RawClient sends C strings
        let (answers, seen) = try await serving(HTTPServerLimits(maximumBodyBytes: 1024, timeLimit: 5000)) { port in
            [Self.exchange(["POST /events?x=1 HTTP/1.1\r\nHost: x\r\nElements-Webhook-Signature:  sha256=abc= \r\nContent-",
                            "Length: \(body.utf8.count)\r\n\r\n{\"a\"", String(body.dropFirst(4))], port: port),
             Self.exchange(["POST /done HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n", "ok"], port: port)]
        }
        #expect(answers[0].hasPrefix("HTTP/1.1 200 OK\r\n") && answers[0].hasSuffix("got \(body.utf8.count)"), "\(answers[0])")
        #expect(answers[1].hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), "\(answers[1])")
        #expect(seen.count == 2)
        #expect(seen.first?.body == Array(body.utf8))
        #expect(seen.first?.header("elements-webhook-signature") == "sha256=abc=")
        #expect(seen.first?.path == "/events")
        #expect(seen.last?.body == Array("ok".utf8))
    }

    @Test("A body over the limit gets 413, a chunked one 411, a short one is dropped; none reaches the answer")
    func boundedBodies() async throws {
        // One second: long enough that a busy machine does not drop the whole requests too.
        let (answers, seen) = try await serving(HTTPServerLimits(maximumBodyBytes: 16, timeLimit: 1000)) { port in
            [Self.exchange(["POST /events HTTP/1.1\r\nContent-Length: 17\r\n\r\n"], port: port),
             Self.exchange(["POST /events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"], port: port),
             Self.exchange(["POST /events HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"], port: port),  // never sends the rest
             Self.exchange(["POST /events HTTP/1.1\r\nContent-Length: -3\r\n\r\n"], port: port),
             Self.exchange(["GET /done HTTP/1.1\r\n\r\n"], port: port)]
        }
        #expect(answers[0].hasPrefix("HTTP/1.1 413"))
        #expect(answers[1].hasPrefix("HTTP/1.1 411"))
        #expect(answers[2].isEmpty)
        #expect(answers[3].hasPrefix("HTTP/1.1 400"))
        #expect(answers[4].hasPrefix("HTTP/1.1 200"))
        #expect(seen.map(\.target) == ["/done"])
    }

    @Test("A header line without a colon is a bad request")
    func headParsing() {
        #expect(HTTPHead.parse(ArraySlice("GET / HTTP/1.1\r\nno colon".utf8)) == nil)
        #expect(HTTPHead.parse(ArraySlice("GET / HTTP/1.1\r\nA:  b \t".utf8))?.fields == [HTTPHeaderField(name: "A", value: "b")])
    }
}

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
    /// once it listens and returns the requests that reached the answer.
    private func serving(_ limits: HTTPServerLimits, _ body: @escaping @Sendable (Int) -> Void) async throws -> [HTTPServerRequest] {
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
        await onOwnThread { body(port) }
        try await serving.value
        return seen.withLock { $0 }
    }

    @Test("A POST's headers and exact body reach the answer, sent in pieces or with Expect: 100-continue")
    func wholeRequests() async throws {
        let body = "{\"a\":1}\r\n\u{7f}\u{ff}"  // no NUL: RawClient sends C strings
        let seen = try await serving(HTTPServerLimits(maximumBodyBytes: 1024, timeLimit: 2000)) { port in
            let split = RawClient(port: port)!
            split.send("POST /events?x=1 HTTP/1.1\r\nHost: x\r\nElements-Webhook-Signature:  sha256=abc= \r\nContent-")
            split.send("Length: \(body.utf8.count)\r\n\r\n{\"a\"")
            split.send(String(body.dropFirst(4)))
            let answer = split.readAll()
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.hasSuffix("got \(body.utf8.count)"), "\(answer)")
            let expecting = RawClient(port: port)!
            expecting.send("POST /done HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            expecting.send("ok")
            let reply = expecting.readAll()
            #expect(reply.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), "\(reply)")
        }
        #expect(seen.count == 2)
        #expect(seen.first?.body == Array(body.utf8))
        #expect(seen.first?.header("elements-webhook-signature") == "sha256=abc=")
        #expect(seen.first?.path == "/events")
        #expect(seen.last?.body == Array("ok".utf8))
    }

    @Test("A body over the limit gets 413, a chunked one 411, a short one is dropped; none reaches the answer")
    func boundedBodies() async throws {
        let seen = try await serving(HTTPServerLimits(maximumBodyBytes: 16, timeLimit: 300)) { port in
            let large = RawClient(port: port)!
            large.send("POST /events HTTP/1.1\r\nContent-Length: 17\r\n\r\n")
            #expect(large.readAll().hasPrefix("HTTP/1.1 413"))
            let chunked = RawClient(port: port)!
            chunked.send("POST /events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
            #expect(chunked.readAll().hasPrefix("HTTP/1.1 411"))
            let short = RawClient(port: port)!
            short.send("POST /events HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")  // never sends the rest
            #expect(short.readAll().isEmpty)
            let badLength = RawClient(port: port)!
            badLength.send("POST /events HTTP/1.1\r\nContent-Length: -3\r\n\r\n")
            #expect(badLength.readAll().hasPrefix("HTTP/1.1 400"))
            let done = RawClient(port: port)!
            done.send("GET /done HTTP/1.1\r\n\r\n")
            #expect(done.readAll().hasPrefix("HTTP/1.1 200"))
        }
        #expect(seen.map(\.target) == ["/done"])
    }

    @Test("A header line without a colon is a bad request")
    func headParsing() {
        #expect(HTTPHead.parse(ArraySlice("GET / HTTP/1.1\r\nno colon".utf8)) == nil)
        #expect(HTTPHead.parse(ArraySlice("GET / HTTP/1.1\r\nA:  b \t".utf8))?.fields == [HTTPHeaderField(name: "A", value: "b")])
    }
}

import Glibc
import Synchronization
import System
import SystemPorts
import SystemTesting
import Testing

/// A raw TCP client on 127.0.0.1, to send a listener well-formed, broken and slow requests.
struct RawClient {
    let fd: Int32

    /// Connects to `port` on 127.0.0.1, or `nil` when nothing listens.
    init?(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        if result != 0 { close(fd); return nil }
    }

    func send(_ text: String) { _ = text.withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }

    /// Everything the server sends until it closes.
    func readAll() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 4096, 0) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        close(fd)
        return String(decoding: bytes, as: UTF8.self)
    }
}


/// Polls `flag` until it is set, for at most 10 seconds.
func waitUntil(_ flag: borrowing Atomic<Bool>) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !flag.load(ordering: .relaxed), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
}

@Suite("Loopback listener over real sockets")
struct LoopbackListenerTests {
    /// Serves on a free port with a listener that answers `/done` with a page that ends it and
    /// everything else with 404; runs `body` (on a thread of its own: it blocks on sockets) once
    /// it listens, and returns what `body` returned and the targets the listener saw. Checks
    /// happen afterwards, in the test's task, where a failure is the test's.
    private func serving<Result: Sendable>(timeLimit: Int, _ body: @escaping @Sendable (Int) -> Result) async throws -> (Result, [String]) {
        let port = freeLoopbackPort()
        let seen = Mutex<[String]>([])
        let ready = Atomic<Bool>(false)
        let listener = SystemLoopbackListener(maximumRequestBytes: 1024, requestTimeLimit: timeLimit)
        let serving = Task {
            try await listener.serve(LoopbackEndpoint(address: "127.0.0.1", port: port), ready: { ready.store(true, ordering: .relaxed) }) { request in
                seen.withLock { $0.append(request.target) }
                let done = request.target == "/done"
                return LoopbackReply(status: done ? 200 : 404, html: done ? "bye" : "no", ends: done)
            }
        }
        try await waitUntil(ready)
        let result = await onOwnThread { body(port) }
        try await serving.value
        return (result, seen.withLock { $0 })
    }

    /// Sends `text` on a new connection to `port` and reads the answer to the end.
    private static func exchange(_ text: String, port: Int) -> String {
        let client = RawClient(port: port)!
        client.send(text)
        return client.readAll()
    }

    @Test("Answers other paths with 404 and keeps listening; a reply that ends it stops it")
    func answersUntilEnded() async throws {
        let (answers, seen) = try await serving(timeLimit: 5000) { port in
            [Self.exchange("GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n", port: port), Self.exchange("GET /done HTTP/1.1\r\nHost: x\r\n\r\n", port: port)]
        }
        #expect(answers[0].hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(answers[1].hasPrefix("HTTP/1.1 200 OK\r\n") && answers[1].contains("Content-Length: 3\r\n") && answers[1].hasSuffix("\r\n\r\nbye"))
        #expect(seen == ["/favicon.ico", "/done"])
    }

    @Test("Garbage gets 400, never reaches the answer, and the next request is served")
    func garbage() async throws {
        let (answers, seen) = try await serving(timeLimit: 5000) { port in
            [Self.exchange("\u{1}\u{2}hello\r\n\r\n", port: port), Self.exchange("GET /done HTTP/1.1\r\n\r\n", port: port)]
        }
        #expect(answers[0].hasPrefix("HTTP/1.1 400"))
        #expect(answers[1].hasPrefix("HTTP/1.1 200"))
        #expect(seen == ["/done"])
    }

    @Test("A slow or endless request is dropped at the time or size limit; neither reaches the answer, and the next request is served")
    func slowRequests() async throws {
        // One second: long enough that a busy machine does not drop the last, whole request too.
        let (answers, seen) = try await serving(timeLimit: 1000) { port in
            [Self.exchange("GET /done HTTP/1.1\r\n", port: port),  // never ends its headers
             Self.exchange("GET /done HTTP/1.1\r\nX: " + String(repeating: "a", count: 4000), port: port),
             Self.exchange("GET /done HTTP/1.1\r\n\r\n", port: port)]
        }
        #expect(answers[0].isEmpty)
        #expect(answers[1].isEmpty)
        #expect(answers[2].hasPrefix("HTTP/1.1 200"))
        #expect(seen == ["/done"])
    }

    @Test("A port in use is reported with its number")
    func portInUse() async throws {
        let port = freeLoopbackPort()
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(holder, 1)
        await #expect(throws: ListenFailure.portInUse(port: port)) {
            try await SystemLoopbackListener().serve(LoopbackEndpoint(address: "127.0.0.1", port: port), ready: {}) { _ in LoopbackReply(status: 200, html: "", ends: true) }
        }
        #expect(ListenFailure.portInUse(port: port).reason.contains("Port \(port) is already in use"))
    }

    @Test("Cancelling the task stops the listener and frees the port")
    func cancelStops() async throws {
        let port = freeLoopbackPort()
        let ready = Atomic<Bool>(false)
        let task = Task {
            try await SystemLoopbackListener().serve(LoopbackEndpoint(address: "127.0.0.1", port: port), ready: { ready.store(true, ordering: .relaxed) }) { _ in
                LoopbackReply(status: 404, html: "", ends: false)
            }
        }
        try await waitUntil(ready)
        #expect(RawClient(port: port) != nil)
        task.cancel()
        try await task.value
        #expect(RawClient(port: port) == nil)
    }
}

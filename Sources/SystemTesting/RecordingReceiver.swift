import Glibc
import Synchronization
import SystemPorts

/// A webhook receiver for tests: serves whole requests on a free loopback port with `server`,
/// keeps every request, and answers each with `status` after `delay` (the slowness a test wants
/// to see; it runs on the server's own thread). Runs `body` with the receiver's URL
/// (`http://127.0.0.1:PORT/events`) and a way to read what arrived so far, then stops it.
public func withRecordingReceiver(server: any HTTPServing, status: Int, delay: Duration = .zero,
                                  _ body: (String, @escaping @Sendable () -> [HTTPServerRequest]) async throws -> Void) async throws {
    let port = freeLoopbackPort()
    let seen = Mutex<[HTTPServerRequest]>([])
    let ready = Atomic<Bool>(false)
    let serving = Task {
        try await server.serveHTTP(LoopbackEndpoint(address: "127.0.0.1", port: port), limits: HTTPServerLimits(maximumBodyBytes: 1 << 20),
                                   ready: { ready.store(true, ordering: .relaxed) }) { request in
            seen.withLock { $0.append(request) }
            if delay > .zero { usleep(UInt32(delay.components.seconds * 1_000_000 + delay.components.attoseconds / 1_000_000_000_000)) }
            return HTTPServerReply(status: status)
        }
    }
    let deadline = ContinuousClock.now + .seconds(10)
    while !ready.load(ordering: .relaxed), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    do {
        try await body("http://127.0.0.1:\(port)/events") { seen.withLock { $0 } }
    } catch {
        serving.cancel()
        throw error
    }
    serving.cancel()
    _ = try? await serving.value
}

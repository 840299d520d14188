import Glibc
import Synchronization
import SystemPorts

/// A webhook receiver for tests: serves whole requests on a free loopback port with `server`,
/// keeps every request, and answers each with `status` after `delay` (the slowness a test wants
/// to see; it runs on the server's own thread). Runs `body` with the receiver's URL
/// (`http://127.0.0.1:PORT/events`) and a way to read what arrived so far, then stops it.
public func withRecordingReceiver(server: any HTTPServing, status: Int, delay: Duration = .zero,
                                  _ body: (String, @escaping @Sendable () -> [HTTPServerRequest]) async throws -> Void) async throws {
    let seen = RecordedRequests()
    // A free port can be taken by a parallel test between the look and the bind: then the
    // receiver does not listen, and a request would reach the other test's server. Try again on
    // another port until one listens.
    for _ in 0..<20 {
        let port = freeLoopbackPort()
        let phase = ListenPhase()
        let serving = Task {
            defer { phase.set(.ended) }
            try await server.serveHTTP(LoopbackEndpoint(address: "127.0.0.1", port: port), limits: HTTPServerLimits(maximumBodyBytes: 1 << 20),
                                       ready: { phase.set(.ready) }) { request in
                seen.append(request)
                if delay > .zero { usleep(UInt32(delay.components.seconds * 1_000_000 + delay.components.attoseconds / 1_000_000_000_000)) }
                return HTTPServerReply(status: status)
            }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while phase.value == .starting, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        guard phase.value == .ready else {
            serving.cancel()
            _ = try? await serving.value
            continue
        }
        do {
            try await body("http://127.0.0.1:\(port)/events") { seen.all }
        } catch {
            serving.cancel()
            throw error
        }
        serving.cancel()
        _ = try? await serving.value
        return
    }
    throw ReceiverNotListening()
}

/// The recording receiver found no port to listen on.
public struct ReceiverNotListening: Error, CustomStringConvertible {
    public var description: String { "the recording receiver could not listen on any of 20 free loopback ports" }
}

/// Whether a receiver is starting, listening, or ended (could not listen).
private final class ListenPhase: Sendable {
    enum Value { case starting, ready, ended }
    private let current = Mutex<Value>(.starting)
    var value: Value { current.withLock { $0 } }
    /// Moves on; an ended receiver stays ended.
    func set(_ next: Value) { current.withLock { if $0 != .ended { $0 = next } } }
}

/// The requests a receiver got, in order.
private final class RecordedRequests: Sendable {
    private let requests = Mutex<[HTTPServerRequest]>([])
    var all: [HTTPServerRequest] { requests.withLock { $0 } }
    func append(_ request: HTTPServerRequest) { requests.withLock { $0.append(request) } }
}

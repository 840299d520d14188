import FlyingFox
import FlyingSocks
import Foundation

/// A running emulator of the Open Connectors API on `127.0.0.1`, for people and tests.
///
/// ```swift
/// let sandbox = SandboxServer()
/// let port = try await sandbox.start()          // any free port
/// let base = await sandbox.baseURL              // http://127.0.0.1:PORT/elements/api-v2
/// await sandbox.stop()
/// ```
public actor SandboxServer {
    /// The settings this sandbox was created with.
    public nonisolated let configuration: SandboxConfiguration
    private let faults = FaultInjector()
    private let journal = RequestJournal()
    private var running: Running?

    /// A started server and what it needs to stop.
    private struct Running {
        var server: HTTPServer
        var task: Task<Void, any Error>
        var port: UInt16
        var store: InstanceStore
    }

    /// Creates a stopped sandbox.
    public init(configuration: SandboxConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Loads (or seeds) the instances, binds `127.0.0.1:port` (0 = any free port), starts
    /// serving in the background and returns the bound port. Starting twice returns the port.
    public func start(port: UInt16 = 0) async throws -> UInt16 {
        if let running { return running.port }
        let store = try Self.makeStore(configuration)
        let api = SandboxAPI(configuration: configuration, store: store, faults: faults, journal: journal)
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: port),
            timeout: 900,
            logger: .disabled,
            handler: FlyingFoxBridge(api: api)
        )
        let task = Task { try await server.run() }
        try await Self.waitUntilListening(server, or: task)
        guard case .ip4(_, let boundPort)? = await server.listeningAddress else {
            await server.stop()
            throw StartFailure(description: "the server did not report its address")
        }
        NoDelay.apply(listeningOn: boundPort)
        running = Running(server: server, task: task, port: boundPort, store: store)
        return boundPort
    }

    /// `http://127.0.0.1:PORT/elements/api-v2` (port 0 before `start`).
    public var baseURL: String {
        "http://127.0.0.1:\(running?.port ?? 0)\(Route.apiPrefix)"
    }

    /// The bound port, or `nil` when stopped.
    public var port: UInt16? {
        running?.port
    }

    /// Stops serving and closes open connections. Safe to call when stopped.
    public func stop() async {
        guard let running else { return }
        self.running = nil
        await running.server.stop(timeout: 0)
        running.task.cancel()
        _ = await running.task.result
    }

    /// The configuration of instance `id` as stored, secrets in the clear (for tests that check
    /// what a `PUT` kept); `nil` when stopped or when there is no such instance.
    public func storedConfiguration(id: Int) async -> [String: String]? {
        await running?.store.record(id: id)?.configuration
    }

    /// Queues `fault` for the next matching requests, as `POST /sandbox/faults` does.
    public func injectFault(_ fault: SandboxFault) async throws {
        await faults.add(try fault.validated())
    }

    /// Drops every pending fault, as `DELETE /sandbox/faults` does.
    public func clearFaults() async {
        await faults.clear()
    }

    /// The API requests received so far (method and path, oldest first; `/sandbox/faults` left
    /// out), for tests that must know how often a request arrived.
    public func receivedRequests() async -> [ReceivedRequest] {
        await journal.entries()
    }

    /// Why `start` failed.
    public struct StartFailure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The store for `configuration`: the saved state if there is one, otherwise the seeded
    /// instances (saved at once when a state file is configured).
    private static func makeStore(_ configuration: SandboxConfiguration) throws -> InstanceStore {
        let stateFile = configuration.statePath.map(StateFile.init)
        if let saved = try stateFile?.load() {
            return InstanceStore(snapshot: saved, stateFile: stateFile)
        }
        var snapshot = StateSnapshot.empty
        var generator = InstanceGenerator(seed: configuration.seed, now: configuration.now())
        snapshot.instances = generator.instances(count: max(configuration.seedCount, 0), firstID: snapshot.nextInstanceID)
        snapshot.nextInstanceID += snapshot.instances.count
        if configuration.plays(.otherConnectors) {
            let others = InstanceGenerator.otherConnectorInstances(firstID: snapshot.nextInstanceID, created: configuration.now())
            snapshot.instances += others
            snapshot.nextInstanceID += others.count
        }
        try stateFile?.save(snapshot)
        return InstanceStore(snapshot: snapshot, stateFile: stateFile)
    }

    /// Returns once `server` listens, or throws the error that ended `task` first (e.g. the port is taken).
    private static func waitUntilListening(_ server: HTTPServer, or task: Task<Void, any Error>) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let once = ResumeOnce(continuation)
            Task {
                do {
                    try await server.waitUntilListening(timeout: 30)
                    once.resume(with: .success(()))
                } catch {
                    once.resume(with: .failure(error))
                }
            }
            Task {
                let result = await task.result
                once.resume(with: .failure(result.failure ?? StartFailure(description: "the server stopped before listening")))
            }
        }
    }
}

/// Resumes a continuation with whichever result arrives first and ignores the rest.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, any Error>?

    /// Wraps `continuation`.
    init(_ continuation: CheckedContinuation<Void, any Error>) {
        self.continuation = continuation
    }

    /// Resumes with `result` unless already resumed.
    func resume(with result: Result<Void, any Error>) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(with: result)
    }
}

private extension Result {
    /// The error of a failure, `nil` for a success.
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

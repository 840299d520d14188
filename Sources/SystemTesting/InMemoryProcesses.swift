import Synchronization
import SystemPorts

/// Child processes that are only recorded: what would have been started, with which argv and environment.
public final class InMemoryProcesses: ProcessLauncher {
    /// A started program and how it was started.
    public struct Launch: Sendable, Equatable {
        public var request: LaunchRequest
        public var detached: Bool
        public init(request: LaunchRequest, detached: Bool) { self.request = request; self.detached = detached }
    }

    private let launches = Mutex<[Launch]>([])
    private let owned = Mutex<[ScriptedProcess]>([])
    private let firstLine: String?
    private let executables: Set<String>
    private let directory: String

    /// Owned children print `firstLine`; `executables` are the paths that may be started; the executable lives in `directory`.
    public init(firstLine: String? = nil, executables: Set<String> = [], directory: String = "/opt/ocwizard/bin") {
        self.firstLine = firstLine; self.executables = executables; self.directory = directory
    }

    /// Everything started, in order.
    public var started: [Launch] { launches.withLock { $0 } }

    /// The owned children handed out, in order.
    public var children: [ScriptedProcess] { owned.withLock { $0 } }

    public func startDetached(_ request: LaunchRequest) throws(LaunchFailure) {
        launches.withLock { $0.append(Launch(request: request, detached: true)) }
    }

    public func startOwned(_ request: LaunchRequest) throws(LaunchFailure) -> any OwnedProcess {
        launches.withLock { $0.append(Launch(request: request, detached: false)) }
        let child = ScriptedProcess(firstLine: firstLine)
        owned.withLock { $0.append(child) }
        return child
    }

    public func executableDirectory() -> String { directory }

    public func isExecutable(_ path: String) -> Bool { executables.contains(path) }
}

/// An owned child that prints a given first line and ends when told to.
public final class ScriptedProcess: OwnedProcess {
    private let line: String?
    private let state = Mutex<(ended: String?, stopped: Bool)>((nil, false))

    /// A child whose first output line is `firstLine`.
    public init(firstLine: String? = nil) { line = firstLine }

    /// Makes the child end as described ("exited with status 3").
    public func end(_ how: String) { state.withLock { $0.ended = $0.ended ?? how } }

    /// Whether `stop()` was called.
    public var wasStopped: Bool { state.withLock { $0.stopped } }

    public func firstOutputLine() -> String? { line }
    public func ending() -> String? { state.withLock { $0.ended } }
    public func stop() {
        state.withLock { state in
            state.stopped = true
            state.ended = state.ended ?? "stopped by ocwizard"
        }
    }
}

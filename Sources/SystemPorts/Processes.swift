/// A program to start: what, with which arguments and which environment (nothing is inherited).
public struct LaunchRequest: Sendable, Equatable {
    /// The program: a path, or a name looked up in `PATH`.
    public var program: String
    /// Its arguments (argv is public on this machine: never a secret).
    public var arguments: [String]
    /// Its whole environment.
    public var environment: ProcessEnvironment

    /// A request to start `program` with `arguments` and exactly `environment`.
    public init(program: String, arguments: [String], environment: ProcessEnvironment) {
        self.program = program; self.arguments = arguments; self.environment = environment
    }
}

/// Why a program could not be started.
public struct LaunchFailure: Error, Sendable, Equatable {
    /// What went wrong, in words for the user.
    public var reason: String
    /// A failure with this reason.
    public init(reason: String) { self.reason = reason }
}

/// The port for child processes: start, watch and stop them.
public protocol ProcessLauncher: Sendable {
    /// Starts a program nobody waits for (a browser): its standard streams are `/dev/null`, and it is reaped in the background.
    func startDetached(_ request: LaunchRequest) throws(LaunchFailure)
    /// Starts a helper this process owns: its standard input stays open while this process lives
    /// (so it sees end-of-file when this process dies), and its first output line can be read.
    func startOwned(_ request: LaunchRequest) throws(LaunchFailure) -> any OwnedProcess
    /// The directory the running executable is in.
    func executableDirectory() -> String
    /// Whether `path` is a file this process may execute.
    func isExecutable(_ path: String) -> Bool
}

/// A child process started with `ProcessLauncher.startOwned`; safe to ask from any thread.
public protocol OwnedProcess: AnyObject, Sendable {
    /// Reads the first line the child writes to standard output, then closes that pipe; `nil` when it wrote none.
    func firstOutputLine() -> String?
    /// How the child ended ("exited with status 3", "killed by signal 9 (SIGKILL)"), or `nil` while it runs.
    func ending() -> String?
    /// Stops the child (end of input, then SIGTERM) unless it has ended, and waits for it.
    func stop()
}

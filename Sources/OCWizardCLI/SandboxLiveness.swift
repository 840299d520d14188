import Glibc
import Synchronization

/// Whether the embedded sandbox child still runs, and how it ended; safe to ask from any thread.
final class SandboxLiveness: Sendable {
    private let pid: pid_t
    /// How the child ended, once it has been reaped.
    private let ended = Mutex<String?>(nil)

    /// Watches the child `pid` (which this process started and nobody else waits for).
    init(pid: pid_t) { self.pid = pid }

    /// How the child ended ("exited with status 3"), or `nil` while it runs; reaps it once it has ended.
    func ending() -> String? {
        ended.withLock { ended in
            if ended == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { ended = Self.describe(status) }
            }
            return ended
        }
    }

    /// Stops the child with SIGTERM, unless it has ended already, and waits for it.
    func stop() {
        ended.withLock { ended in
            guard ended == nil else { return }
            kill(pid, SIGTERM)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            ended = "stopped by ocwizard"
        }
    }

    /// "exited with status N" or "killed by signal N (SIGNAME)" for a `waitpid` status.
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7F
        guard signal != 0 else { return "exited with status \((status >> 8) & 0xFF)" }
        return "killed by signal \(signal)\(signalNames[signal].map { " (\($0))" } ?? "")"
    }

    /// The names of the signals a process commonly dies of.
    private static let signalNames: [Int32: String] = [
        SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS",
        SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM",
    ]
}

/// The sandbox `--sandbox` started: where it listens and whether it still runs.
struct EmbeddedSandbox: Sendable {
    /// Its API base.
    let baseURL: String
    /// Its process.
    let liveness: SandboxLiveness
}

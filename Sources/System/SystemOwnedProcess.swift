import Glibc
import Synchronization
import SystemPorts

/// A child this process started and alone waits for: its lifeline, its output, how it ended.
final class SystemOwnedProcess: OwnedProcess {
    private let pid: pid_t
    /// The descriptors still open: the write end of the child's stdin and the read end of its stdout.
    private let descriptors: Mutex<(lifeline: Int32?, output: Int32?)>
    /// How the child ended, once it has been reaped.
    private let ended = Mutex<String?>(nil)

    /// Watches `pid`, holding the write end of its stdin (`lifeline`) and the read end of its stdout.
    init(pid: pid_t, lifeline: Int32, output: Int32) {
        self.pid = pid
        descriptors = Mutex((lifeline, output))
    }

    deinit { stop() }

    func firstOutputLine() -> String? {
        guard let descriptor = descriptors.withLock({ open in defer { open.output = nil }; return open.output }) else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    func ending() -> String? {
        ended.withLock { ended in
            if ended == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid { ended = Self.describe(status) }
            }
            return ended
        }
    }

    func stop() {
        let open = descriptors.withLock { open in defer { open = (nil, nil) }; return open }
        if let lifeline = open.lifeline { close(lifeline) }
        if let output = open.output { close(output) }
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

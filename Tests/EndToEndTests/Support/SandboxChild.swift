import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import SystemTesting

/// An `ocwizard-sandbox --port 0` of the test's own, for runs of the wizard without `--sandbox`.
final class SandboxChild: @unchecked Sendable {
    /// `http://127.0.0.1:PORT/elements/api-v2`.
    let baseURL: String
    private let pid: pid_t
    /// The read end of its stdout, kept open for its lifetime (its banner goes there).
    private let output: Int32
    private var stopped = false

    /// Starts the sandbox and waits for its `listening on …` line.
    static func start() async throws -> SandboxChild {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Command.SpawnFailure(description: "pipe failed") }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(devNull) }
        let pid: pid_t
        do {
            pid = try Command.spawn(try Executables.sandbox, ["--port", "0"], environment: nil, stdin: devNull, stdout: pipeEnds[1], stderr: devNull)
        } catch {
            close(pipeEnds[0])
            close(pipeEnds[1])
            throw error
        }
        close(pipeEnds[1])
        let reader = pipeEnds[0]
        // Read on a thread of its own: GCD's global pool is as wide as the machine has cores.
        let line: String? = await onOwnThread {
            var bytes: [UInt8] = []
            var byte: UInt8 = 0
            while read(reader, &byte, 1) == 1, byte != UInt8(ascii: "\n") { bytes.append(byte) }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
        let prefix = "listening on "
        guard let line, line.hasPrefix(prefix) else {
            kill(pid, SIGTERM)
            _ = await Command.wait(for: pid)
            close(reader)
            throw SandboxHTTP.Unexpected(description: "ocwizard-sandbox did not start; it printed: \(line ?? "nothing")")
        }
        return SandboxChild(baseURL: String(line.dropFirst(prefix.count)), pid: pid, output: reader)
    }

    private init(baseURL: String, pid: pid_t, output: Int32) {
        self.baseURL = baseURL
        self.pid = pid
        self.output = output
    }

    /// Stops the sandbox (SIGTERM) and waits for it.
    func stop() async {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        _ = await Command.wait(for: pid)
        close(output)
    }

    deinit {
        guard !stopped else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(output)
    }

    /// The API client for this sandbox.
    var api: SandboxHTTP { SandboxHTTP(baseURL: baseURL) }

    /// Queues a fault (`POST /sandbox/faults` with `fault` as its JSON body); fails the test if refused.
    func injectFault(_ fault: [String: Any]) async throws {
        let body = try JSONSerialization.data(withJSONObject: fault)
        let reply = try await SandboxHTTP.send("POST", baseURL.replacingOccurrences(of: "/elements/api-v2", with: "") + "/sandbox/faults",
                                               headers: [("Content-Type", "application/json")], body: body)
        #expect((200..<300).contains(reply.status), "the fault was not set: \(reply.status)")
    }
}

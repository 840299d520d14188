import Foundation
import SystemTesting
#if canImport(Glibc)
import Glibc
#endif

/// A finished child process: its status and what it printed.
struct CommandResult: Sendable {
    /// The exit status, or 128 + the signal that ended it.
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Starts programs with `posix_spawn`, with every signal unblocked and at its default action.
///
/// Foundation's `Process` passes on the spawning thread's signal mask, and the test runner's
/// threads block SIGCHLD, SIGTERM, SIGHUP and more: a tmux server started that way never
/// reaps its panes and ignores `kill-server`. Output goes to temporary files, not pipes, so
/// that a daemon (the tmux server forks from its client) cannot hold a pipe open.
enum Command {
    /// Runs `executable` with `arguments` to completion; `stdin` is written to it, or it reads `/dev/null`.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: Data? = nil
    ) async throws -> CommandResult {
        let output = try TemporaryFile()
        let errors = try TemporaryFile()
        let input = try stdin.map { try TemporaryFile(contents: $0) }
        let devNull = open("/dev/null", O_RDONLY)
        defer { close(devNull) }
        _ = fcntl(devNull, F_SETFD, FD_CLOEXEC)
        let pid = try spawn(executable, arguments, environment: environment,
                            stdin: input?.descriptor ?? devNull, stdout: output.descriptor, stderr: errors.descriptor)
        let status = await wait(for: pid)
        return CommandResult(status: status, stdout: output.contents(), stderr: errors.contents())
    }

    /// Spawns `executable` with the given descriptors as its standard input, output and error.
    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]?,
        stdin: Int32, stdout: Int32, stderr: Int32
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnFailure(description: "could not start \(executable): \(String(cString: strerror(result)))") }
        return pid
    }

    /// Waits (on a thread of its own, so neither the cooperative pool nor GCD's CPU-wide pool is
    /// held) for `pid` to end; its exit status, or 128 + signal.
    static func wait(for pid: pid_t) async -> Int32 {
        await onOwnThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        }
    }

    /// A program could not be started.
    struct SpawnFailure: Error, CustomStringConvertible { let description: String }
}

/// An unlinked temporary file, open for reading and writing (close-on-exec).
final class TemporaryFile {
    let descriptor: Int32

    init(contents: Data = Data()) throws {
        var template = Array((NSTemporaryDirectory() + "/ocw-e2e-out-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Command.SpawnFailure(description: "mkstemp failed: \(String(cString: strerror(errno)))") }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        contents.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        lseek(descriptor, 0, SEEK_SET)
    }

    /// Everything in the file, as UTF-8 text.
    func contents() -> String {
        lseek(descriptor, 0, SEEK_SET)
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { break }
            data += chunk[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    deinit { close(descriptor) }
}

import Glibc
import SystemPorts

/// Child processes over `posix_spawn`, without a shell.
public struct SystemProcesses: ProcessLauncher {
    /// The real launcher.
    public init() {}

    public func startDetached(_ request: LaunchRequest) throws(LaunchFailure) {
        let pid = try spawn(request, stdin: nil, stdout: nil, closing: [])
        // Reap it in the background so no zombie is left behind.
        DetachedThread.start { var status: Int32 = 0; waitpid(pid, &status, 0) }
    }

    public func startOwned(_ request: LaunchRequest) throws(LaunchFailure) -> any OwnedProcess {
        var output: [Int32] = [0, 0]
        var input: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { throw LaunchFailure(reason: "could not create a pipe: \(systemErrorText())") }
        guard pipe(&input) == 0 else {
            close(output[0]); close(output[1])
            throw LaunchFailure(reason: "could not create a pipe: \(systemErrorText())")
        }
        let pid: pid_t
        do {
            pid = try spawn(request, stdin: input[0], stdout: output[1], closing: [output[0], input[1]])
        } catch {
            for descriptor in output + input { close(descriptor) }
            throw error
        }
        close(output[1])
        close(input[0])
        _ = fcntl(input[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(output[0], F_SETFD, FD_CLOEXEC)
        return SystemOwnedProcess(pid: pid, lifeline: input[1], output: output[0])
    }

    public func executableDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return "." }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
    }

    public func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }

    /// Spawns the request; standard input and output go to the given descriptors (or /dev/null), standard error to /dev/null.
    private func spawn(_ request: LaunchRequest, stdin: Int32?, stdout: Int32?, closing: [Int32]) throws(LaunchFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in [(stdin, STDIN_FILENO), (stdout, STDOUT_FILENO), (nil, STDERR_FILENO)] {
            if let source {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
            }
        }
        for descriptor in closing { posix_spawn_file_actions_addclose(&actions, descriptor) }
        // Threads of the Swift runtime and Dispatch block signals; a child would inherit that mask
        // and ignore SIGTERM. Start it with no signal blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([request.program] + request.arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The child gets exactly the request's environment, never this process's `environ`.
        let envp = request.environment.values.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, request.program, &actions, &attributes, argv, envp)
        guard status == 0 else { throw LaunchFailure(reason: "could not start \(request.program): \(String(cString: strerror(status)))") }
        return pid
    }
}

/// A tiny detached-thread helper (no Foundation).
enum DetachedThread {
    /// Runs `body` on a new detached thread.
    static func start(_ body: @escaping @Sendable () -> Void) {
        final class Box: @unchecked Sendable { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        pthread_create(&thread, nil, { pointer in
            let box = Unmanaged<Box>.fromOpaque(pointer!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        pthread_detach(thread)
    }
}

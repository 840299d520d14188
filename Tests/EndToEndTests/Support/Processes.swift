import Foundation

/// What /proc tells about processes.
enum Processes {
    /// The pids whose parent is `parent`.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { stat($0)?.parent == parent }.sorted()
    }

    /// The command name (`comm`, at most 15 characters) of `pid`.
    static func name(of pid: pid_t) -> String? {
        stat(pid)?.name
    }

    /// Whether `pid` is a live process (a zombie has already ended).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = stat(pid)?.state else { return false }
        return state != "Z" && state != "X"
    }

    /// The full command line of `pid`, arguments separated by spaces.
    static func commandLine(of pid: pid_t) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\0").joined(separator: " ")
    }

    /// Waits (polling) for a child of `parent` whose name starts with `prefix`.
    static func waitForChild(of parent: pid_t, named prefix: String, timeout: Duration = .seconds(10)) async throws -> pid_t {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let pid = children(of: parent).first(where: { name(of: $0)?.hasPrefix(prefix) == true }) { return pid }
            guard ContinuousClock.now < deadline else {
                throw TmuxSession.Timeout(description: "no child process \(prefix)… of \(parent) within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(40))
        }
    }

    /// Waits (polling) until `pid` has ended; returns whether it did within `timeout`.
    static func waitForEnd(of pid: pid_t, timeout: Duration = .seconds(10)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isRunning(pid) {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(40))
        }
        return true
    }

    /// The TCP ports `pid` listens on (its socket descriptors matched against `/proc/PID/net/tcp`
    /// and `tcp6`): how a test finds the port of the sandbox that `ocwizard --sandbox` started.
    static func listeningPorts(of pid: pid_t) -> [Int] {
        let fdDirectory = "/proc/\(pid)/fd"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: fdDirectory)) ?? []
        let inodes = Set(descriptors.compactMap { entry -> String? in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDirectory)/\(entry)"),
                  target.hasPrefix("socket:["), target.hasSuffix("]") else { return nil }
            return String(target.dropFirst("socket:[".count).dropLast())
        })
        var ports: [Int] = []
        for table in ["tcp", "tcp6"] {
            guard let text = readWhole("/proc/\(pid)/net/\(table)") else { continue }
            // "sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …"; 0A is LISTEN.
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 9, fields[3] == "0A", inodes.contains(String(fields[9])),
                      let port = fields[1].split(separator: ":").last.flatMap({ Int($0, radix: 16) }) else { continue }
                ports.append(port)
            }
        }
        return ports.sorted()
    }

    /// A file read to its end. `FileManager.contents(atPath:)` stops after the first 4 KB of a
    /// /proc file (its size is 0), which cuts a long socket table short.
    private static func readWhole(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            data += chunk[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `/proc/PID/stat`: name, state and parent pid.
    private static func stat(_ pid: pid_t) -> (name: String, state: Character, parent: pid_t)? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // "PID (comm) S PPID …"; comm may hold spaces and parentheses, so split at the last ')'.
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        let name = String(text[text.index(after: open)..<close])
        let rest = text[text.index(after: close)...].split(separator: " ")
        guard rest.count >= 2, let state = rest[0].first, let parent = pid_t(rest[1]) else { return nil }
        return (name, state, parent)
    }
}

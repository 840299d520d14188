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

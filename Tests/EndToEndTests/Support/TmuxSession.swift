import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running in a detached tmux session on a private socket, driven like a person at
/// a terminal: keys, literal text, bracketed pastes and resizes in; the screen's text out.
///
/// Each session has its own tmux server (`tmux -L ocw-e2e-…`, no configuration file), its own
/// temporary directory (also `HOME`, so no profile or last-run file of the machine is used)
/// and a clean environment (no `OC_*`, `NO_COLOR`, `DISPLAY` or `TMUX`). The server is killed
/// in all cases by `TmuxSession.with`, and as a last resort when the object goes away.
final class TmuxSession: @unchecked Sendable {
    /// The private socket name (`-L`).
    let socket: String
    /// The session (and target) name.
    let target = "e2e"
    /// A directory of its own: the pane's working directory and `HOME`.
    let directory: URL
    /// The screen as last captured, for failure messages.
    private(set) var lastScreen = ""
    private let tmuxPath: String
    private let environment: [String: String]
    private let recordingExitStatus: Bool
    private var killed = false
    /// Where the wrapper shell writes the program's exit status.
    static let exitStatusFile = ".exit-status"

    /// Starts `command` (argv) in a `width`×`height` session, runs `body`, and kills the tmux
    /// server whatever happens.
    ///
    /// With `recordingExitStatus` the command runs under `sh -c '"$@"; echo $? > FILE; exec sleep'`
    /// so that `waitForExit` can read its status (tmux's own `pane_dead_status` is unreliable:
    /// tmux 3.3 can miss the SIGCHLD while libutempter's helper runs as the pane closes) and
    /// the last screen stays readable. Otherwise the command is the pane's process itself.
    static func with<T>(
        _ command: [String], width: Int = 80, height: Int = 24, environment extra: [String: String] = [:],
        recordingExitStatus: Bool = true,
        _ body: (TmuxSession) async throws -> T
    ) async throws -> T {
        let session = try await TmuxSession(command, width: width, height: height, environment: extra, recordingExitStatus: recordingExitStatus)
        do {
            let result = try await body(session)
            await session.kill()
            return result
        } catch {
            await session.kill()
            throw error
        }
    }

    private init(_ command: [String], width: Int, height: Int, environment extra: [String: String], recordingExitStatus: Bool) async throws {
        tmuxPath = try Executables.tmux
        self.recordingExitStatus = recordingExitStatus
        socket = "ocw-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        environment = Self.cleanEnvironment(home: directory.path)
        var newSession = ["new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", "-c", directory.path,
                          "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color"]
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { newSession += ["-e", "\(key)=\(value)"] }
        if recordingExitStatus {
            let record = "\"$@\"; echo $? > '\(directory.path)/\(Self.exitStatusFile)'; exec sleep 600"
            newSession += ["--", "/bin/sh", "-c", record, "sh"] + command
        } else {
            newSession += ["--"] + command
        }
        // The options come first so that they hold from the pane's first byte: no status line
        // (the pane is the whole window), keep a dead pane's last screen, no Esc delay.
        do {
            try await tmux(["start-server", ";",
                            "set-option", "-g", "status", "off", ";",
                            "set-option", "-g", "remain-on-exit", "on", ";",
                            "set-option", "-g", "escape-time", "0", ";"] + newSession)
        } catch {
            await kill()
            throw error
        }
    }

    deinit {
        guard !killed else { return }
        // Last resort (a test that did not use `with`): block briefly to stop the server.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmuxPath)
        process.arguments = ["-L", socket, "kill-server"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops the tmux server (and so every program in it), waits for the programs to end (they
    /// may still write into the directory as they go), and removes the directory and the socket.
    func kill() async {
        guard !killed else { return }
        killed = true
        let pane = try? await panePID()
        let programs = pane.map { [$0] + Processes.children(of: $0).flatMap { [$0] + Processes.children(of: $0) } } ?? []
        let socketPath = try? await display("#{socket_path}")
        _ = try? await Command.run(tmuxPath, ["-L", socket, "kill-server"], environment: environment)
        for pid in programs { _ = try? await Processes.waitForEnd(of: pid, timeout: .seconds(5)) }
        try? FileManager.default.removeItem(at: directory)
        // tmux leaves its socket file behind.
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    /// Runs a tmux command on this session's server; throws when tmux fails.
    @discardableResult
    func tmux(_ arguments: [String], stdin: Data? = nil) async throws -> String {
        let result = try await Command.run(tmuxPath, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment, stdin: stdin)
        guard result.status == 0 else {
            throw TmuxFailure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    // MARK: Input

    /// Presses keys by tmux name (`Enter`, `Tab`, `BTab`, `Down`, `NPage`, `Space`, `C-c`, `F1`, …).
    func press(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally, character by character.
    func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", target, "-l", "--", text])
    }

    /// Pastes `text` as a terminal would: bracketed (`ESC[200~ … ESC[201~`) when the program asked for it.
    func paste(_ text: String) async throws {
        let buffer = "e2e-paste"
        try await tmux(["load-buffer", "-b", buffer, "-"], stdin: Data(text.utf8))
        try await tmux(["paste-buffer", "-p", "-d", "-b", buffer, "-t", target])
    }

    /// Resizes the window, which the program sees as `SIGWINCH` / `KEY_RESIZE`.
    func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: Output

    /// The screen as text (trailing blanks trimmed).
    func screen() async throws -> String {
        let text = try await tmux(["capture-pane", "-t", target, "-p"])
        lastScreen = text
        return text
    }

    /// The screen with its escape sequences (colours and attributes), trailing blanks kept.
    func styledScreen() async throws -> String {
        try await tmux(["capture-pane", "-t", target, "-p", "-e", "-N"])
    }

    /// A tmux format about the pane, e.g. `#{pane_pid}` or `#{cursor_x}`.
    func display(_ format: String) async throws -> String {
        try await tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the pane's first process.
    func panePID() async throws -> pid_t {
        guard let pid = pid_t(try await display("#{pane_pid}")) else { throw TmuxFailure(description: "no pane pid") }
        return pid
    }

    // MARK: Waiting

    /// Polls the screen until it contains `text`; returns that (whole) screen, or throws with
    /// the last screen seen when `timeout` passes first.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitFor("\"\(text)\" on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds for it; returns that screen once it is whole.
    ///
    /// A capture can catch a frame half drawn (the title already there, the rows below not yet),
    /// so a matching screen counts only when a second capture a moment later is the same.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(15), until condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let text = try await screen()
            if condition(text) {
                try await Task.sleep(for: .milliseconds(30))
                if try await screen() == text { return text }
            }
            guard ContinuousClock.now < deadline else {
                throw Timeout(description: "waited \(timeout) for \(what); the screen was:\n\(Self.framed(text))")
            }
            try await Task.sleep(for: .milliseconds(40))
        }
    }

    /// Presses `key` one at a time, as a person would, until `text` is on screen: after each
    /// press it waits for the screen or the cursor to change and then to settle, and it never
    /// presses while a request is in flight (the wizard ignores keys but Esc then). Returns the screen.
    @discardableResult
    func press(_ key: String, until text: String, atMost limit: Int = 10, timeout: Duration = .seconds(15)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var presses = 0
        while true {
            let current = try await screen()
            if current.contains(text) { return try await waitFor(text: text, timeout: max(.zero, deadline - ContinuousClock.now)) }
            guard ContinuousClock.now < deadline, presses < limit else {
                throw Timeout(description: "pressed \(key) \(presses) times and waited \(timeout) for \"\(text)\"; the screen was:\n\(Self.framed(current))")
            }
            if current.contains("Esc cancel") {
                try await Task.sleep(for: .milliseconds(40))
                continue
            }
            let before = try await look()
            try await press(key)
            presses += 1
            while try await look() == before, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            // A capture can catch a frame half drawn (the footer not yet "Esc cancel"): decide
            // on the next press only once the screen has stayed the same for a moment.
            // (At most a second: a spinner never settles, and the loop waits for it anyway.)
            var previous = try await look()
            let settled = min(deadline, ContinuousClock.now + .seconds(1))
            while ContinuousClock.now < settled {
                try await Task.sleep(for: .milliseconds(50))
                let current = try await look()
                if current == previous { break }
                previous = current
            }
        }
    }

    /// The screen with its attributes and the cursor: what changes when the focus moves.
    private func look() async throws -> String {
        try await styledScreen() + (try await display("#{cursor_x},#{cursor_y},#{cursor_flag}"))
    }

    /// Waits until the program has exited and returns its exit status (needs `recordingExitStatus`).
    func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        let text = try await waitForFile(directory.appendingPathComponent(Self.exitStatusFile).path, timeout: timeout)
        guard let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxFailure(description: "not an exit status: \(text)")
        }
        return status
    }

    /// The pid of the program: the pane's process, or its child under the status-recording shell.
    func programPID() async throws -> pid_t {
        let pane = try await panePID()
        guard recordingExitStatus else { return pane }
        return try await Processes.waitForChild(of: pane, named: "")
    }

    /// Waits until `path` exists with some content (written by the pane's shell) and returns it.
    func waitForFile(_ path: String, timeout: Duration = .seconds(15)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let data = FileManager.default.contents(atPath: path), !data.isEmpty,
               let text = String(data: data, encoding: .utf8), text.hasSuffix("\n") {
                return text
            }
            guard ContinuousClock.now < deadline else {
                throw Timeout(description: "waited \(timeout) for \(path); the screen was:\n\(Self.framed(try await screen()))")
            }
            try await Task.sleep(for: .milliseconds(40))
        }
    }

    /// `text` between rulers, so that blank lines and edges show in a failure message.
    static func framed(_ text: String) -> String {
        let ruler = String(repeating: "-", count: 80)
        return "\(ruler)\n\(text)\(text.hasSuffix("\n") ? "" : "\n")\(ruler)"
    }

    /// The process environment without whatever would change the program's behaviour.
    private static func cleanEnvironment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let dropped: Set = ["TMUX", "TMUX_PANE", "NO_COLOR", "ACCESSIBLE", "BROWSER", "DISPLAY", "WAYLAND_DISPLAY", "COLUMNS", "LINES",
                            "LC_ALL", "LC_CTYPE"]
        for key in environment.keys where key.hasPrefix("OC_") || key.hasPrefix("XDG_") || dropped.contains(key) {
            environment[key] = nil
        }
        environment["HOME"] = home
        environment["LANG"] = "C.UTF-8"
        return environment
    }

    /// A tmux command failed.
    struct TmuxFailure: Error, CustomStringConvertible { let description: String }

    /// What the test waited for did not happen in time.
    struct Timeout: Error, CustomStringConvertible { let description: String }
}

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The terminal is given back as it was on every way out, in every mode that changes it (the
/// create and recover screens, the create and recover prompts at a secret), and the sandbox
/// child goes too. SIGQUIT and the crash signals end the process as that signal.
@Suite("End to end: terminal restored on exit")
struct TerminalRestoreTests {
    /// How the wizard is ended.
    enum Ending: String, CustomTestStringConvertible, CaseIterable, Sendable {
        case controlC, sigterm, sighup, sigquit, sigabrt, sigsegv, sigbus, sigill, sigfpe, sigtrap
        var testDescription: String { self == .controlC ? "Ctrl-C" : rawValue.uppercased() }
        /// The signal sent to the wizard's process (Ctrl-C is typed instead).
        var signalNumber: Int32 {
            switch self {
            case .controlC: SIGINT
            case .sigterm: SIGTERM
            case .sighup: SIGHUP
            case .sigquit: SIGQUIT
            case .sigabrt: SIGABRT
            case .sigsegv: SIGSEGV
            case .sigbus: SIGBUS
            case .sigill: SIGILL
            case .sigfpe: SIGFPE
            case .sigtrap: SIGTRAP
            }
        }
    }

    /// Where the wizard is when the ending comes.
    enum Mode: String, CaseIterable, Sendable {
        case createScreen, recoverScreen, createPrompt, recoverPrompt
        var usesScreen: Bool { self == .createScreen || self == .recoverScreen }
        /// The wizard's arguments.
        var arguments: String {
            switch self {
            case .createScreen: "--sandbox"
            case .recoverScreen: "recover --sandbox"
            case .createPrompt: "--plain --base-url http://127.0.0.1:1/elements/api-v2"
            case .recoverPrompt: "recover --plain --base-url http://127.0.0.1:1/elements/api-v2"
            }
        }

        /// How the process ends: `(exit status, signal)` as its parent's `wait` sees them.
        /// The screens turn Ctrl-C (a key there), SIGTERM and SIGHUP into the exit status 128 + n
        /// (130 for Ctrl-C); SIGQUIT, the crash signals, and every signal at a prompt end the
        /// process as that signal.
        func expectedEnd(_ ending: Ending) -> (status: Int32, signal: Int32) {
            [.controlC, .sigterm, .sighup].contains(ending) && usesScreen ? (128 + ending.signalNumber, 0) : (0, ending.signalNumber)
        }
    }

    // One test per mode, its endings one after the other: at most four wizards run at once (forty
    // tmux sessions at once, each polled, starved the in-process sandboxes of other suites).

    @Test("Create screen: stty -g is the same before and after, the screen is left, the process ends as expected",
          .serialized, arguments: Ending.allCases)
    func createScreen(_ ending: Ending) async throws { try await restoresTerminal(.createScreen, ending) }

    @Test("Recover screen: stty -g is the same before and after, the screen is left, the process ends as expected",
          .serialized, arguments: Ending.allCases)
    func recoverScreen(_ ending: Ending) async throws { try await restoresTerminal(.recoverScreen, ending) }

    @Test("Create prompt at a secret: stty -g (echo) is the same before and after, the process ends as expected",
          .serialized, arguments: Ending.allCases)
    func createPrompt(_ ending: Ending) async throws { try await restoresTerminal(.createPrompt, ending) }

    @Test("Recover prompt at a secret: stty -g (echo) is the same before and after, the process ends as expected",
          .serialized, arguments: Ending.allCases)
    func recoverPrompt(_ ending: Ending) async throws { try await restoresTerminal(.recoverPrompt, ending) }

    /// Ends the wizard in `mode` with `ending`, and checks the terminal and how the process ended.
    private func restoresTerminal(_ mode: Mode, _ ending: Ending) async throws {
        let wizard = try Executables.ocwizard
        // A non-interactive sh: an interactive shell would repair the tty itself and hide a fault.
        // perl (essential on Debian) writes the wait status as "exit-status signal"; it and the
        // shell outlive Ctrl-C. The shell stays alive afterwards (sleep) so that the pane can be read.
        let wait = #"perl -e 'my $out = shift; system @ARGV; open my $f, ">", $out or die; printf $f "%d %d\n", $? >> 8, $? & 127' status"#
        let script = "trap : INT; stty -g > before; \(wait) '\(wizard)' \(mode.arguments); stty -g > after; exec sleep 120"
        try await TmuxSession.with(["/bin/sh", "-c", script], recordingExitStatus: false) { tmux in
            let directory = tmux.directory.path
            let perl = try await Processes.waitForChild(of: try await tmux.panePID(), named: "perl")
            let wizardPID = try await Processes.waitForChild(of: perl, named: "ocwizard")
            let sandboxPID = try await Self.reachMidway(mode, tmux: tmux, wizardPID: wizardPID)

            switch ending {
            case .controlC: try await tmux.press("C-c")
            default: kill(wizardPID, ending.signalNumber)
            }

            let status = try await tmux.waitForFile("\(directory)/status")
            let expected = mode.expectedEnd(ending)
            #expect(status == "\(expected.status) \(expected.signal)\n", "exit status and signal")
            let after = try await tmux.waitForFile("\(directory)/after")
            let before = try String(contentsOfFile: "\(directory)/before", encoding: .utf8)
            #expect(before == after, "stty -g changed (raw mode or echo left?): before \(before) after \(after)")
            #expect(try await tmux.display("#{alternate_on}") == "0", "the alternate screen was not left")
            #expect(try await tmux.display("#{cursor_flag}") == "1", "the cursor was left hidden")
            // Bracketed paste is off again: a paste reaches the (echoing) tty without ESC[200~.
            try await tmux.paste("paste-probe")
            let echoed = try await tmux.waitFor(text: "paste-probe")
            #expect(!echoed.contains("200~"), "bracketed paste is still on after the wizard ended")
            if let sandboxPID {
                #expect(try await Processes.waitForEnd(of: sandboxPID), "ocwizard-sandbox (\(sandboxPID)) still runs after the wizard ended")
            }
            #expect(!Processes.isRunning(wizardPID))
        }
    }

    /// Brings the wizard to where the terminal is changed: a screen in use (mid-form on the create
    /// screen, with something typed) or a prompt for a secret (echo off). Returns the sandbox child's pid.
    private static func reachMidway(_ mode: Mode, tmux: TmuxSession, wizardPID: pid_t) async throws -> pid_t? {
        switch mode {
        case .createScreen, .recoverScreen:
            try await tmux.waitFor(text: mode == .createScreen ? "Step 1 of 9 · Connection" : "Recover · Connection")
            let sandboxPID = try await Processes.waitForChild(of: wizardPID, named: "ocwizard-sandbo")
            if mode == .createScreen {
                try await tmux.press("NPage")
                try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
                // Every value is pre-filled, so the step starts on [ Next ]: Tab wraps to the client id.
                try await tmux.press("Tab")
                try await tmux.type("-typed")
                try await tmux.waitFor(text: "000000000001-typed")
            }
            #expect(try await tmux.display("#{alternate_on}") == "1", "the wizard does not use the alternate screen")
            return sandboxPID
        case .createPrompt, .recoverPrompt:
            try await tmux.waitFor(text: "API base URL")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "User secret")
            return nil
        }
    }
}

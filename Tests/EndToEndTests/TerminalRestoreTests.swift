import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The terminal is given back as it was on every way out, and the sandbox child goes too.
@Suite("End to end: terminal restored on exit")
struct TerminalRestoreTests {
    /// How the wizard is ended.
    enum Ending: String, CustomTestStringConvertible, CaseIterable, Sendable {
        case controlC, sigterm, sighup, sigquit, sigabrt, sigsegv
        var testDescription: String {
            switch self {
            case .controlC: "Ctrl-C"
            case .sigterm: "SIGTERM"
            case .sighup: "SIGHUP"
            case .sigquit: "SIGQUIT"
            case .sigabrt: "SIGABRT"
            case .sigsegv: "SIGSEGV"
            }
        }
        /// The signal sent to the wizard's process (Ctrl-C is typed instead).
        var signalNumber: Int32 {
            switch self {
            case .controlC: SIGINT
            case .sigterm: SIGTERM
            case .sighup: SIGHUP
            case .sigquit: SIGQUIT
            case .sigabrt: SIGABRT
            case .sigsegv: SIGSEGV
            }
        }
        /// The shell's `$?` afterwards.
        var expectedStatus: Int32 {
            switch self {
            case .controlC: 130
            default: 128 + signalNumber
            }
        }
    }

    @Test("stty -g is the same before and after, with the expected exit status", arguments: [Ending.controlC, .sigterm, .sighup, .sigquit, .sigsegv])
    func restoresTerminal(_ ending: Ending) async throws {
        let wizard = try Executables.ocwizard
        // A non-interactive sh: an interactive shell would repair the tty itself and hide a fault.
        // It stays alive afterwards (sleep) so that the pane's cursor and screen can be read.
        let script = "stty -g > before; '\(wizard)' --sandbox; echo $? > status; stty -g > after; exec sleep 120"
        try await TmuxSession.with(["/bin/sh", "-c", script], recordingExitStatus: false) { tmux in
            let directory = tmux.directory.path
            let shell = try await tmux.panePID()
            // Mid-form: on step 2 with something typed, so the screen and the tty modes are in use.
            try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            let wizardPID = try await Processes.waitForChild(of: shell, named: "ocwizard")
            let sandboxPID = try await Processes.waitForChild(of: wizardPID, named: "ocwizard-sandbo")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            // Every value is pre-filled, so the step starts on [ Next ]: Tab wraps to the client id.
            try await tmux.press("Tab")
            try await tmux.type("-typed")
            try await tmux.waitFor(text: "000000000001-typed")
            #expect(try await tmux.display("#{alternate_on}") == "1", "the wizard does not use the alternate screen")

            switch ending {
            case .controlC: try await tmux.press("C-c")
            default: kill(wizardPID, ending.signalNumber)
            }

            let status = try await tmux.waitForFile("\(directory)/status")
            #expect(status == "\(ending.expectedStatus)\n")
            let after = try await tmux.waitForFile("\(directory)/after")
            let before = try String(contentsOfFile: "\(directory)/before", encoding: .utf8)
            #expect(before == after, "stty -g changed: before \(before) after \(after)")
            #expect(try await tmux.display("#{alternate_on}") == "0", "the alternate screen was not left")
            #expect(try await tmux.display("#{cursor_flag}") == "1", "the cursor was left hidden")
            // Bracketed paste is off again: a paste reaches the (echoing) tty without ESC[200~.
            try await tmux.paste("paste-probe")
            let echoed = try await tmux.waitFor(text: "paste-probe")
            #expect(!echoed.contains("200~"), "bracketed paste is still on after the wizard ended")
            #expect(try await Processes.waitForEnd(of: sandboxPID), "ocwizard-sandbox (\(sandboxPID)) still runs after the wizard ended")
            #expect(!Processes.isRunning(wizardPID))
        }
    }

    @Test("Plain mode: Ctrl-C at a secret prompt (echo off) leaves the terminal as it was", arguments: [Ending.controlC, .sigterm, .sigquit, .sigabrt, .sigsegv])
    func plainModeSecretPrompt(_ ending: Ending) async throws {
        let wizard = try Executables.ocwizard
        // The shell ignores SIGINT so that it lives on to record the status after Ctrl-C.
        let script = "trap '' INT; stty -g > before; '\(wizard)' --plain --base-url http://127.0.0.1:1/elements/api-v2; echo $? > status; stty -g > after; exec sleep 120"
        try await TmuxSession.with(["/bin/sh", "-c", script], recordingExitStatus: false) { tmux in
            let directory = tmux.directory.path
            let shell = try await tmux.panePID()
            try await tmux.waitFor(text: "API base URL")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "User secret")
            let wizardPID = try await Processes.waitForChild(of: shell, named: "ocwizard")
            switch ending {
            case .controlC: try await tmux.press("C-c")
            default: kill(wizardPID, ending.signalNumber)
            }
            let status = try await tmux.waitForFile("\(directory)/status")
            #expect(status == "\(ending == .controlC ? 128 + SIGINT : ending.expectedStatus)\n")
            let after = try await tmux.waitForFile("\(directory)/after")
            let before = try String(contentsOfFile: "\(directory)/before", encoding: .utf8)
            #expect(before == after, "stty -g changed (echo left off?): before \(before) after \(after)")
        }
    }
}

import LineUI
import SystemPorts

/// The real line I/O over the terminal port: standard input and output, echo off for secrets.
final class TerminalPrompter: LineIO {
    private let terminal: any TerminalDevice

    /// Prompts on `terminal`'s standard streams.
    init(terminal: any TerminalDevice) { self.terminal = terminal }

    func ask(_ prompt: String) -> String? {
        terminal.write(TextSafety.visibleLines(prompt), to: .output)
        return readAnswer()
    }

    /// Reads a line; when the answer came from a pipe (not echoed), ends the prompt's line.
    private func readAnswer() -> String? {
        let line = terminal.readLine()
        if !terminal.isTerminal(.input) { terminal.write("\n", to: .output) }
        return line
    }

    /// On a terminal, waits for a line in short polls and gives up once `interrupted()` holds;
    /// elsewhere (a pipe holds its answers) reads as it comes.
    func ask(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
        guard terminal.isTerminal(.input) else { return ask(prompt).map(LineAnswer.line) ?? .endOfInput }
        terminal.write(TextSafety.visibleLines(prompt), to: .output)
        guard waitForLine(until: interrupted) else { return .interrupted }
        return readAnswer().map(LineAnswer.line) ?? .endOfInput
    }

    func askSecret(_ prompt: String) -> String? {
        terminal.write(TextSafety.visibleLines(prompt), to: .output)
        guard terminal.silenceEcho() else { return readAnswer() }
        defer {
            terminal.restoreEcho()
            // The Enter the user typed was not echoed either.
            terminal.write("\n", to: .output)
        }
        return terminal.readLine()
    }

    /// Like `askSecret(_:)`, and gives way once `interrupted()` holds (the browser came back
    /// while the grant code was asked for).
    func askSecret(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
        guard terminal.isTerminal(.input) else { return askSecret(prompt).map(LineAnswer.line) ?? .endOfInput }
        terminal.write(TextSafety.visibleLines(prompt), to: .output)
        let silenced = terminal.silenceEcho()
        defer { if silenced { terminal.restoreEcho() } }
        guard waitForLine(until: interrupted) else { return .interrupted }
        guard silenced else { return readAnswer().map(LineAnswer.line) ?? .endOfInput }
        let line = terminal.readLine()
        // The Enter the user typed was not echoed either.
        terminal.write("\n", to: .output)
        return line.map(LineAnswer.line) ?? .endOfInput
    }

    /// Waits in short polls for a line on the terminal; `false` (after ending the prompt's line)
    /// once `interrupted()` holds first.
    private func waitForLine(until interrupted: () -> Bool) -> Bool {
        while !terminal.waitForInput(milliseconds: 100) {
            if interrupted() {
                terminal.write("\n", to: .output)
                return false
            }
        }
        return true
    }

    /// Prints a line, control characters but newline and tab made visible (it may hold the service's words).
    func say(_ text: String) { terminal.printOutput(text) }
}

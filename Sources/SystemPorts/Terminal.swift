/// One of the three standard streams.
public enum StandardStream: Sendable, Equatable {
    case input, output, error
}

/// The port for the standard streams and the terminal's echo (termios).
public protocol TerminalDevice: AnyObject, Sendable {
    /// Whether `stream` is a terminal.
    func isTerminal(_ stream: StandardStream) -> Bool
    /// Reads a line from standard input without its newline; `nil` at end of input.
    func readLine() -> String?
    /// Standard input to its end as bytes, at most `limit + 1` of them (so a caller can tell "too
    /// long"); a default joins `readLine`'s lines.
    func readAllInput(limit: Int) -> [UInt8]
    /// Writes `text` as it is to standard output or standard error.
    func write(_ text: String, to stream: StandardStream)
    /// Writes UTF-8 `bytes` as they are (a large listing, without a copy into a `String`).
    func write(bytes: [UInt8], to stream: StandardStream)
    /// Turns the input terminal's echo off (it comes back if a signal ends the process meanwhile);
    /// `false`, and nothing changed, when standard input is not a terminal.
    func silenceEcho() -> Bool
    /// Puts back the echo `silenceEcho` turned off.
    func restoreEcho()
    /// Waits up to `milliseconds` for standard input to have a line (or its end) to read; `true`
    /// when `readLine` would not block.
    func waitForInput(milliseconds: Int) -> Bool
}

extension TerminalDevice {
    /// Input that is always ready (scripted terminals): nothing to wait for.
    public func waitForInput(milliseconds: Int) -> Bool { true }

    /// Terminals that keep text (scripted ones) take the bytes as text.
    public func write(bytes: [UInt8], to stream: StandardStream) { write(String(decoding: bytes, as: UTF8.self), to: stream) }
}

extension TerminalDevice {
    /// The default for scripted terminals: the remaining lines joined with line breaks.
    public func readAllInput(limit: Int) -> [UInt8] {
        var lines: [String] = []
        while let line = readLine() { lines.append(line) }
        return Array(lines.joined(separator: "\n").utf8.prefix(limit + 1))
    }
}

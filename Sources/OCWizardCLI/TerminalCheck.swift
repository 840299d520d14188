import Glibc

/// Whether this process may draw a full-screen interface.
enum TerminalCheck {
    /// Why not, or `nil` when stdin and stdout are terminals that can draw.
    static func reasonNoScreen() -> String? {
        if isatty(STDIN_FILENO) == 0 { return "standard input is not a terminal" }
        if isatty(STDOUT_FILENO) == 0 { return "standard output is not a terminal" }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty || term == "dumb" { return "TERM is \(term.isEmpty ? "not set" : "dumb")" }
        return nil
    }

    /// Whether `NO_COLOR` asks for no colour (any non-empty value).
    static var noColor: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    var line = Array((text + "\n").utf8)[...]
    while !line.isEmpty {
        let written = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        line = line.dropFirst(written)
    }
}

import Glibc
import LineUI

/// The real line I/O: standard input and output, termios for secrets.
final class TerminalPrompter: LineIO {
    func ask(_ prompt: String) -> String? {
        writeOut(prompt)
        return readAnswer()
    }

    /// Reads a line; when the answer came from a pipe (not echoed), ends the prompt's line.
    private func readAnswer() -> String? {
        let line = readLine(strippingNewline: true)
        if isatty(STDIN_FILENO) == 0 { writeOut("\n") }
        return line
    }

    func askSecret(_ prompt: String) -> String? {
        writeOut(prompt)
        var settings = termios()
        let isTerminal = isatty(STDIN_FILENO) != 0 && tcgetattr(STDIN_FILENO, &settings) == 0
        if isTerminal {
            EchoGuard.begin(restoring: settings)
            var silent = settings
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        let line = isTerminal ? readLine(strippingNewline: true) : readAnswer()
        if isTerminal {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
            EchoGuard.end()
            writeOut("\n")
        }
        return line
    }

    func say(_ text: String) { writeOut(text + "\n") }

    private func writeOut(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// The terminal settings to put back if a signal ends the process while echo is off.
nonisolated(unsafe) private var echoRestore = termios()

/// Puts echo back when Ctrl-C, SIGTERM or SIGHUP arrives during a secret prompt, then dies of the signal.
enum EchoGuard {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// The handlers in place before `begin`, put back by `end`.
    nonisolated(unsafe) private static var previous: [Int32: __sighandler_t?] = [:]

    /// Remembers `settings` and takes over the signals until `end()`.
    static func begin(restoring settings: termios) {
        echoRestore = settings
        for number in signals {
            previous[number] = signal(number) { number in
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &echoRestore)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// Puts the signals' previous handling back.
    static func end() {
        for number in signals { signal(number, previous[number] ?? SIG_DFL) }
    }
}

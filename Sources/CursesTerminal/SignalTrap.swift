import Glibc

/// The last terminating signal received (0 = none); written only by the signal handler.
nonisolated(unsafe) private var receivedSignal: sig_atomic_t = 0
/// The terminal settings before start-up, restored on a crash.
nonisolated(unsafe) private var savedTerminalSettings = termios()
nonisolated(unsafe) private var haveSavedTerminalSettings = false

/// Catches SIGTERM/SIGHUP/SIGINT/SIGQUIT so the loop can restore the terminal, and restores it on crashes.
enum SignalTrap {
    /// The signals that ask the wizard to end: the loop restores the terminal and exits 128 + the
    /// number (for SIGQUIT, `exitProcess` then ends the process as that signal).
    static let terminating = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    /// The signals of a crash: the handler restores the terminal itself, then dies of the signal.
    static let crashing = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Installs the handlers and remembers the terminal's settings.
    static func install() {
        if tcgetattr(STDIN_FILENO, &savedTerminalSettings) == 0 { haveSavedTerminalSettings = true }
        for number in terminating {
            signal(number) { number in receivedSignal = number }
        }
        for number in crashing {
            signal(number) { number in
                // Async-signal-safe restore: leave bracketed paste and the alternate screen, reset the tty, re-raise.
                let reset: StaticString = "\u{1B}[?2004l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                if haveSavedTerminalSettings { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminalSettings) }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// The terminating signal received since the last call, if any.
    static func takeSignal() -> Int32? {
        let number = receivedSignal
        receivedSignal = 0
        return number == 0 ? nil : number
    }

    /// Puts the default handlers back.
    static func uninstall() {
        for number in terminating + crashing {
            signal(number, SIG_DFL)
        }
    }
}

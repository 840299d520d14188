import Glibc
import SystemPorts

/// The standard streams of this process, and the echo of its input terminal (termios).
public final class SystemTerminal: TerminalDevice {
    /// The real standard streams.
    public init() {}

    public func isTerminal(_ stream: StandardStream) -> Bool {
        isatty(Self.descriptor(stream)) != 0
    }

    public func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    public func readAllInput(limit: Int) -> [UInt8] {
        SystemFiles.readBytes(STDIN_FILENO, limit: limit)
    }

    public func write(_ text: String, to stream: StandardStream) {
        write(bytes: Array(text.utf8), to: stream)
    }

    public func write(bytes all: [UInt8], to stream: StandardStream) {
        let descriptor = Self.descriptor(stream)
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    public func silenceEcho() -> Bool {
        var settings = termios()
        guard isatty(STDIN_FILENO) != 0, tcgetattr(STDIN_FILENO, &settings) == 0 else { return false }
        EchoGuard.begin(restoring: settings)
        var silent = settings
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        return true
    }

    public func restoreEcho() {
        guard var settings = EchoGuard.end() else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
    }

    public func waitForInput(milliseconds: Int) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(milliseconds))
        return ready != 0  // an error (EINTR) also returns, so the caller looks again
    }

    private static func descriptor(_ stream: StandardStream) -> Int32 {
        switch stream {
        case .input: STDIN_FILENO
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }
}

/// The terminal settings to put back if a signal ends the process while echo is off.
nonisolated(unsafe) private var echoRestore = termios()

/// Puts echo back when a signal that ends the process (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, or a crash:
/// SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE) arrives while echo is off, then dies of the signal.
private enum EchoGuard {
    private static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// The handlers in place before `begin`, put back by `end`; `nil` while echo is on.
    nonisolated(unsafe) private static var previous: [Int32: __sighandler_t?]?

    /// Remembers `settings` and takes over the signals until `end()`.
    static func begin(restoring settings: termios) {
        echoRestore = settings
        var handlers: [Int32: __sighandler_t?] = [:]
        for number in signals {
            handlers[number] = signal(number) { number in
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &echoRestore)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        previous = handlers
    }

    /// Puts the signals' previous handling back; returns the settings to restore, or `nil` when echo was not off.
    static func end() -> termios? {
        guard let handlers = previous else { return nil }
        for number in signals { signal(number, handlers[number] ?? SIG_DFL) }
        previous = nil
        return echoRestore
    }
}

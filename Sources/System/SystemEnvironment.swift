import Glibc
import SystemPorts

extension ProcessEnvironment {
    /// The environment of this process, read once.
    public static func current() -> ProcessEnvironment {
        var values: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                values[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return ProcessEnvironment(values: values)
    }
}

/// Ends this process with `status` (what `main` returns to the shell).
///
/// 128 + SIGQUIT is the status of a screen that SIGQUIT ended, once the terminal is restored and
/// the sandbox child stopped: the process then ends as that signal, as a quit from the keyboard
/// does (the crash signals do the same from their handlers; core files are off, `CoreDumps`).
public func exitProcess(_ status: Int32) -> Never {
    if status == 128 + SIGQUIT {
        fflush(nil)
        signal(SIGQUIT, SIG_DFL)
        // The async main may run on a dispatch worker thread, which blocks such signals: unblock it here.
        var quit = sigset_t()
        sigemptyset(&quit)
        sigaddset(&quit, SIGQUIT)
        pthread_sigmask(SIG_UNBLOCK, &quit, nil)
        raise(SIGQUIT)
    }
    exit(status)
}

/// The text of the current `errno`.
func systemErrorText() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
}

/// Input from the terminal: a key, a bracketed paste, a resize, or a signal that ends the run.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    case paste(String)
    case resize
    /// SIGTERM, SIGHUP or SIGINT arrived.
    case signal(Int32)
}

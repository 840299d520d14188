#if canImport(Glibc)
import Glibc
#endif
import TerminalKeys

/// What the run loop needs from a terminal. The real one is ncurses; tests use `InMemoryTerminal`.
public protocol TerminalBackend: AnyObject {
    /// Current size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows a buffer and its cursor; only `changedRows` differ from what is on screen.
    func present(_ buffer: CellBuffer, changedRows: [Int])
    /// Waits up to `timeoutMilliseconds` for input; `nil` when none came.
    func nextInput(timeoutMilliseconds: Int) -> TerminalInput?
    /// Puts text on the user's clipboard (OSC 52).
    func copyToClipboard(_ text: String)
}

/// A terminal in memory: scripted input, the last presented buffer kept for assertions.
public final class InMemoryTerminal: TerminalBackend {
    public var size: (width: Int, height: Int)
    /// Input still to deliver, in order.
    public var pendingInput: [TerminalInput]
    /// Every buffer presented, oldest first.
    public private(set) var frames: [CellBuffer] = []
    /// Texts put on the clipboard.
    public private(set) var clipboard: [String] = []
    /// Called when input runs out; return more input or `nil` to keep waiting.
    public var onIdle: (() -> [TerminalInput]?)?

    public init(width: Int = 80, height: Int = 24, input: [TerminalInput] = []) {
        size = (width, height)
        pendingInput = input
    }

    /// The rows each presented frame was said to change, in order.
    public private(set) var presentedRows: [[Int]] = []

    public func present(_ buffer: CellBuffer, changedRows: [Int]) {
        frames.append(buffer)
        presentedRows.append(changedRows)
    }

    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        if pendingInput.isEmpty, let more = onIdle?() { pendingInput += more }
        if pendingInput.isEmpty {
            // Nothing to deliver: wait a little, as a real terminal would, instead of spinning.
            usleep(UInt32(min(timeoutMilliseconds, 2) * 1000))
            return nil
        }
        return pendingInput.removeFirst()
    }

    public func copyToClipboard(_ text: String) { clipboard.append(text) }
}

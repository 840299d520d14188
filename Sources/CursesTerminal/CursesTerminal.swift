import CNCursesW
import FoundationEssentials
import Glibc
import TerminalUI
import Wizard

/// The ncurses backend: owns the screen from `init` until `restore()`, which every exit path calls.
public final class CursesTerminal: TerminalBackend {
    private let colors: Bool
    private var pairs: [Int: Int16] = [:]
    private var restored = false
    private var pendingInput: [TerminalInput] = []
    /// A reused run of wide characters for `present`.
    private var run: [wchar_t] = []

    /// Takes over the terminal: UTF-8 locale, raw keys, no echo, keypad, short Esc delay, bracketed paste.
    /// - Parameter useColor: `false` for `NO_COLOR`.
    public init(useColor: Bool) {
        SignalTrap.install()
        ocw_use_environment_locale()
        initscr()
        raw()
        noecho()
        nonl()
        keypad(ocw_stdscr(), true)
        set_escdelay(25)
        colors = useColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
        }
        Self.writeDirect("\u{1B}[?2004h")
    }

    deinit { restore() }

    /// Gives the terminal back: bracketed paste off, ncurses ended. Safe to call twice.
    public func restore() {
        guard !restored else { return }
        restored = true
        Self.writeDirect("\u{1B}[?2004l")
        endwin()
        SignalTrap.uninstall()
    }

    public var size: (width: Int, height: Int) {
        (Int(ocw_cols()), Int(ocw_lines()))
    }

    public func present(_ buffer: CellBuffer, changedRows: [Int]) {
        // Only the rows the run loop found changed are handed to ncurses: after a keystroke that
        // is a few rows, not width × height cells (ncurses' own diff then decides what to send).
        let width = buffer.width
        let cells = buffer.cells
        for row in changedRows where row < buffer.height {
            let rowStart = row * width
            var column = 0
            while column < width {
                let style = cells[rowStart + column].style
                let start = column
                run.removeAll(keepingCapacity: true)
                while column < width, cells[rowStart + column].style == style {
                    if let character = cells[rowStart + column].character {
                        for scalar in character.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    column += 1
                }
                apply(style)
                let count = Int32(run.count)
                run.append(0)
                _ = ocw_put(Int32(row), Int32(start), run, count)
            }
        }
        ocw_set_style(ocw_attr_normal(), 0)
        if let cursor = buffer.cursor {
            curs_set(1)
            move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        refresh()
    }

    public func nextInput(timeoutMilliseconds: Int) -> TerminalInput? {
        if !pendingInput.isEmpty { return pendingInput.removeFirst() }
        if let number = SignalTrap.takeSignal() { return .signal(number) }
        timeout(Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let status = wget_wch(ocw_stdscr(), &value)
        if let number = SignalTrap.takeSignal() { return .signal(number) }
        if status == ERR { return nil }
        if status == ocw_key_code_yes() {
            // On a resize the run loop forgets its last frame, so every row is drawn again.
            return CursesKeyDecoder.functionKey(Int32(value))
        }
        if value == 27 { return readEscapeSequence() }
        return CursesKeyDecoder.character(UInt32(value)).map(TerminalInput.key)
    }

    public func copyToClipboard(_ text: String) {
        let encoded = Data(text.utf8).base64EncodedString()
        Self.writeDirect("\u{1B}]52;c;\(encoded)\u{07}")
    }

    /// After Esc: a bracketed paste, an Alt-arrow, or Esc itself.
    private func readEscapeSequence() -> TerminalInput? {
        var sequence: [UInt32] = []
        timeout(30)
        while sequence.count < 6 {
            var value: wint_t = 0
            guard wget_wch(ocw_stdscr(), &value) != ERR else { break }
            sequence.append(UInt32(value))
            let text = String(String.UnicodeScalarView(sequence.compactMap(Unicode.Scalar.init)))
            if text == "[200~" { return .paste(readPaste()) }
            if text == "[1;3D" { return .key(.altLeft) }
            if text == "[1;3C" { return .key(.altRight) }
            if !"[200~".hasPrefix(text) && !"[1;3D".hasPrefix(text) && !"[1;3C".hasPrefix(text) { break }
        }
        guard !sequence.isEmpty else { return .key(.escape) }
        // Alt plus a key, or an unknown sequence: Esc, then replay the keys that followed.
        pendingInput += sequence.compactMap { CursesKeyDecoder.character($0).map(TerminalInput.key) }
        return .key(.escape)
    }

    /// Reads a bracketed paste up to `ESC [201~`.
    private func readPaste() -> String {
        var scalars: [Unicode.Scalar] = []
        let end: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
        timeout(2000)
        while true {
            var value: wint_t = 0
            guard wget_wch(ocw_stdscr(), &value) != ERR, let scalar = Unicode.Scalar(UInt32(value)) else { break }
            scalars.append(scalar)
            if scalars.count >= end.count, Array(scalars.suffix(end.count)) == end {
                scalars.removeLast(end.count)
                break
            }
        }
        return String(String.UnicodeScalarView(scalars.map { $0 == "\r" ? "\n" : $0 }))
    }

    private func apply(_ style: Style) {
        var attributes = ocw_attr_normal()
        if style.bold { attributes |= ocw_attr_bold() }
        if style.dim { attributes |= ocw_attr_dim() }
        if style.underline { attributes |= ocw_attr_underline() }
        if style.reverse { attributes |= ocw_attr_reverse() }
        ocw_set_style(attributes, colors ? pair(style.foreground, style.background) : 0)
    }

    /// The colour pair for a combination, created on first use.
    private func pair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int16 {
        if foreground == .default && background == .default { return 0 }
        let key = foreground.rawValue * 16 + background.rawValue
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        init_pair(number, Self.cursesColor(foreground), Self.cursesColor(background))
        pairs[key] = number
        return number
    }

    private static func cursesColor(_ color: TerminalColor) -> Int16 {
        color == .default ? -1 : Int16(color.rawValue)
    }

    /// Writes escape sequences straight to the terminal, past ncurses' buffer.
    private static func writeDirect(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { if written < 0 && errno == EINTR { continue }; return }
            bytes = bytes.dropFirst(written)
        }
    }
}

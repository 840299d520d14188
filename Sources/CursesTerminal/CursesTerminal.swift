import CNCursesW
import FoundationEssentials
import Glibc
import TerminalKeys
import TerminalUI

/// The ncurses backend: owns the screen from `init` until `restore()`, which every exit path calls.
public final class CursesTerminal: TerminalBackend {
    private let colors: Bool
    private var pairs: [Int: Int16] = [:]
    private var restored = false
    private var pendingInput: [TerminalInput] = []
    /// Turns the scalars ncurses reads into keys, graphemes and pastes.
    private var decoder = InputDecoder()
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
        // Feed the decoder until it completes an input and has nothing pending: a held grapheme
        // waits only for what is already there, an escape sequence or a paste a little longer.
        var wait = decoder.pending == .nothing ? timeoutMilliseconds : Self.patience(for: decoder.pending)
        repeat {
            timeout(Int32(wait))
            var value: wint_t = 0
            let status = wget_wch(ocw_stdscr(), &value)
            if let number = SignalTrap.takeSignal() { return .signal(number) }
            if status == ERR {
                pendingInput += decoder.inputPaused()
            } else if status == ocw_key_code_yes() {
                guard let input = CursesKeyDecoder.functionKey(Int32(value)) else { continue }
                // On a resize the run loop forgets its last frame, so every row is drawn again.
                pendingInput += decoder.feed(decoded: input)
            } else if let scalar = Unicode.Scalar(UInt32(value)) {
                pendingInput += decoder.feed(CollectionOfOne(scalar))
            }
            wait = Self.patience(for: decoder.pending)
        } while decoder.pending != .nothing
        return pendingInput.isEmpty ? nil : pendingInput.removeFirst()
    }

    /// How long to wait for the rest of what the decoder is in the middle of, in milliseconds.
    private static func patience(for pending: InputDecoder.Pending) -> Int {
        switch pending {
        case .nothing, .grapheme: 0
        case .escapeSequence: 30
        case .paste: 2000
        }
    }

    public func copyToClipboard(_ text: String) {
        let encoded = Data(text.utf8).base64EncodedString()
        Self.writeDirect("\u{1B}]52;c;\(encoded)\u{07}")
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

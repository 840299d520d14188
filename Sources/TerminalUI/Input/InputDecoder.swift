import TerminalKeys
import Wizard

/// Turns what a terminal sends (bytes or scalars) into keys and pastes: a pure state machine.
///
/// Feed it bytes or scalars in chunks of any size; it returns the inputs each chunk completes,
/// the same whatever the split. Call `inputPaused()` when nothing more is available without
/// waiting: that ends a lone Esc (Esc, not the start of a sequence) and a held grapheme.
///
/// - Scalars that arrive together and extend one grapheme become one `Key.character`; a mark
///   that arrives after a pause is a `.character` of its own, which the editor merges.
/// - Escape sequences (`EscapeSequences`) become keys; unknown complete ones are consumed whole
///   and ignored, never read as Esc. Esc followed by a printable key (Alt plus that key) is ignored;
///   Esc followed at once by a control key (Enter, Tab, Backspace) is Esc and then that key.
/// - `ESC [200~ … ESC [201~` is one `.paste`, with CR read as LF.
/// - Controls: Tab, CR/LF (Enter), BS/DEL (Backspace), Ctrl plus a letter; other controls are dropped.
public struct InputDecoder: Sendable {
    /// What the decoder is in the middle of: tells a feeder how long to wait for more input.
    public enum Pending: Sendable, Equatable {
        /// Nothing: every input fed so far has been returned.
        case nothing
        /// A grapheme that the next scalar may still extend.
        case grapheme
        /// Esc or an escape sequence that is not complete yet.
        case escapeSequence
        /// A bracketed paste before its end marker.
        case paste
    }

    private enum State: Sendable {
        case ground
        case escape
        case csi(body: String)
        case ss3
        case paste
    }

    private var state = State.ground
    /// The scalars of the paste being read, end marker included once it arrives.
    private var pasted: [Unicode.Scalar] = []
    private var grapheme = ""
    private var utf8 = UTF8Assembler()

    /// A decoder with nothing pending.
    public init() {}

    /// What is pending; `.nothing` after `inputPaused()`.
    public var pending: Pending {
        switch state {
        case .ground: grapheme.isEmpty ? .nothing : .grapheme
        case .escape, .csi, .ss3: .escapeSequence
        case .paste: .paste
        }
    }

    /// Feeds UTF-8 bytes.
    public mutating func feed(bytes: some Sequence<UInt8>) -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        for byte in bytes {
            for scalar in utf8.add(byte) { feed(scalar, into: &inputs) }
        }
        return inputs
    }

    /// Feeds scalars, as ncurses' `wget_wch` returns them.
    public mutating func feed(_ scalars: some Sequence<Unicode.Scalar>) -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        for scalar in scalars { feed(scalar, into: &inputs) }
        return inputs
    }

    /// Feeds an input the terminal library decoded itself (a function key, a resize): it ends what
    /// was pending first, except inside a paste, which goes on.
    public mutating func feed(decoded input: TerminalInput) -> [TerminalInput] {
        if case .paste = state { return [input] }
        return inputPaused() + [input]
    }

    /// Nothing more is available now: returns a held grapheme, a lone Esc, or a paste cut short;
    /// drops an incomplete escape sequence.
    public mutating func inputPaused() -> [TerminalInput] {
        var inputs: [TerminalInput] = []
        for scalar in utf8.flush() { feed(scalar, into: &inputs) }
        switch state {
        case .ground: break
        case .escape: inputs.append(.key(.escape))
        case .csi, .ss3: break
        case .paste: inputs.append(.paste(Self.pasteText(pasted))); pasted = []
        }
        state = .ground
        endGrapheme(into: &inputs)
        return inputs
    }

    /// One scalar through the state machine.
    private mutating func feed(_ scalar: Unicode.Scalar, into inputs: inout [TerminalInput]) {
        switch state {
        case .ground:
            ground(scalar, into: &inputs)
        case .escape:
            switch scalar {
            case "[": state = .csi(body: "")
            case "O": state = .ss3
            case "\u{1B}": inputs.append(.key(.escape))
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                // Esc, then a control key typed or sent quickly after it (Esc Enter, Esc Tab):
                // no terminal sends Alt this way for these, so both keys count.
                inputs.append(.key(.escape))
                state = .ground
                feed(scalar, into: &inputs)
            default: state = .ground  // Alt plus a printable key: no binding, ignored
            }
        case .csi(let body):
            if EscapeSequences.isCSIBody(scalar) {
                state = .csi(body: body.unicodeScalars.count < EscapeSequences.longestCSIBody ? body + String(scalar) : body)
            } else if EscapeSequences.isFinal(scalar) {
                let sequence = body + String(scalar)
                state = sequence == EscapeSequences.pasteStart ? .paste : .ground
                if let key = EscapeSequences.csi[sequence] { inputs.append(.key(key)) }
            } else {
                // Not a sequence after all: drop what was read and take the scalar afresh.
                state = .ground
                feed(scalar, into: &inputs)
            }
        case .ss3:
            state = .ground
            if EscapeSequences.isFinal(scalar) {
                if let key = EscapeSequences.ss3[String(scalar)] { inputs.append(.key(key)) }
            } else {
                feed(scalar, into: &inputs)
            }
        case .paste:
            pasted.append(scalar)
            if scalar == "~", pasted.suffix(EscapeSequences.pasteEnd.count).elementsEqual(EscapeSequences.pasteEnd) {
                inputs.append(.paste(Self.pasteText(pasted.dropLast(EscapeSequences.pasteEnd.count))))
                pasted = []
                state = .ground
            }
        }
    }

    /// A scalar outside any sequence: a control, Esc, or part of a grapheme.
    private mutating func ground(_ scalar: Unicode.Scalar, into inputs: inout [TerminalInput]) {
        if scalar == "\u{1B}" || DisplayWidth.isControl(scalar) {
            endGrapheme(into: &inputs)
            if scalar == "\u{1B}" { state = .escape } else if let key = Self.controlKey(scalar) { inputs.append(.key(key)) }
            return
        }
        let extended = grapheme + String(scalar)
        if extended.count == 1 {
            grapheme = extended
        } else {
            endGrapheme(into: &inputs)
            grapheme = String(scalar)
        }
    }

    /// Returns the held grapheme as a key.
    private mutating func endGrapheme(into inputs: inout [TerminalInput]) {
        guard let character = grapheme.first else { return }
        inputs.append(.key(.character(character)))
        grapheme = ""
    }

    /// The key of a control character, if it has one.
    static func controlKey(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 9: .tab
        case 10, 13: .enter
        case 8, 127: .backspace
        case 1...26: .control(Character(Unicode.Scalar(scalar.value + 96)!))
        default: nil
        }
    }

    /// The text of a paste, CR read as LF.
    private static func pasteText(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars.map { $0 == "\r" ? "\n" : $0 }))
    }
}

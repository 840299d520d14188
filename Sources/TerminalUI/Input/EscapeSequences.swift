import TerminalKeys
import Wizard

/// The escape sequences terminals send for keys, by what follows `ESC [` (CSI) or `ESC O` (SS3).
///
/// ncurses decodes the sequences its terminfo entry lists; these cover the ones it passes on
/// undecoded (tmux sends Home and End as `ESC [1~` and `ESC [4~` under TERM=xterm-256color).
/// Any other complete sequence is ignored.
enum EscapeSequences {
    /// What starts a bracketed paste, after `ESC [`.
    static let pasteStart = "200~"
    /// What ends a bracketed paste.
    static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

    /// Keys by the parameters and final byte of a CSI sequence.
    static let csi: [String: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "Z": .backTab,
        "1;3D": .altLeft, "1;3C": .altRight,
        "1~": .home, "7~": .home, "4~": .end, "8~": .end, "3~": .delete, "5~": .pageUp, "6~": .pageDown,
        "11~": .function(1), "12~": .function(2), "13~": .function(3), "14~": .function(4),
        "15~": .function(5), "17~": .function(6), "18~": .function(7), "19~": .function(8),
        "20~": .function(9), "21~": .function(10), "23~": .function(11), "24~": .function(12),
    ]

    /// Keys by the final byte of an SS3 sequence (application cursor and keypad mode).
    static let ss3: [String: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "M": .enter,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    ]

    /// Bytes allowed between `ESC [` and the final byte: parameters (0x30–0x3F) and intermediates (0x20–0x2F).
    static func isCSIBody(_ scalar: Unicode.Scalar) -> Bool { (0x20...0x3F).contains(scalar.value) }

    /// A final byte of a CSI or SS3 sequence (0x40–0x7E).
    static func isFinal(_ scalar: Unicode.Scalar) -> Bool { (0x40...0x7E).contains(scalar.value) }

    /// The longest CSI body kept; longer ones are still consumed whole, and ignored.
    static let longestCSIBody = 16
}

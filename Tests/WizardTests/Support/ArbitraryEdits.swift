import PropertyBased
import TerminalKeys
import Wizard

/// One step of a random editing session: a key, or a paste.
enum EditStep: Sendable, CustomStringConvertible {
    case key(Key)
    case paste(String)

    var description: String {
        switch self {
        case .key(.character(let character)): "type \(String(character).unicodeScalars.map { "U+\(String($0.value, radix: 16, uppercase: true))" }.joined(separator: "+"))"
        case .key(let key): "press \(key)"
        case .paste(let text): "paste \(text.debugDescription)"
        }
    }
}

/// Generators of text and edits that stress grapheme handling.
enum ArbitraryEdits {
    /// Scalars that merge with what comes before them or start clusters: combining marks, variation
    /// selectors, the zero-width joiner, regional indicators, skin-tone modifiers, emoji, a prepend
    /// mark, Hangul jamo, CJK, CR and LF.
    static let clusterScalars: [Unicode.Scalar] = [
        "e", "a", " ", "-", "\u{301}", "\u{308}", "\u{20DD}", "\u{FE0F}", "\u{FE0E}", "\u{200D}",
        "\u{1F1E9}", "\u{1F1EA}", "\u{1F1EB}", "\u{1F1F7}", "\u{1F3FB}", "\u{1F3FD}", "\u{1F44D}", "\u{1F469}",
        "\u{1F466}", "\u{2764}", "\u{1F321}", "\u{600}", "\u{1100}", "\u{1161}", "\u{11A8}", "中", "日", "\r", "\n",
    ]

    /// One scalar: mostly cluster-building ones, some ASCII, some from anywhere in the code space.
    static let scalar = Gen.frequency(
        (weight: 4, gen: Gen.element(of: clusterScalars).map { $0! }),
        (weight: 2, gen: Gen<UInt32>.value(in: 0x20...0x7E).map { Unicode.Scalar($0)! }),
        (weight: 1, gen: Gen<UInt32>.value(in: 0...0x10FFFF).map { Unicode.Scalar($0) ?? "\u{FFFD}" })
    )

    /// A string of a few such scalars.
    static let text = scalar.array(of: 0...6).map { String(String.UnicodeScalarView($0)) }

    /// Every editing key the editor knows, plus one it does not.
    static let editingKeys: [Key] = [
        .backspace, .delete, .control("d"), .left, .right, .home, .end, .control("a"), .control("e"),
        .control("u"), .control("k"), .control("w"), .tab,
    ]

    /// A step: typing one scalar as its own key (as a terminal delivers a late combining mark),
    /// pasting a string, or an editing key.
    static let step = Gen.frequency(
        (weight: 5, gen: scalar.map { EditStep.key(.character(Character($0))) }),
        (weight: 1, gen: text.map { EditStep.paste($0) }),
        (weight: 4, gen: Gen.element(of: editingKeys).map { EditStep.key($0!) })
    )

    /// A session of up to 40 steps.
    static let session = step.array(of: 0...40)
}

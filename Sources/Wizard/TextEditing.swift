import TerminalKeys

/// A one-line text value with a cursor, edited by keys and pastes, grapheme by grapheme.
///
/// The cursor counts graphemes (`Character`s). Every edit rebuilds the text from the part before
/// the cursor, the change and the part after it, and puts the cursor after the graphemes that
/// start before the end of the change: a combining mark, variation selector, joiner, regional
/// indicator or skin-tone modifier that merges with the grapheme before it leaves the cursor after
/// the merged grapheme. A cursor or text set from outside is clamped first, so no edit can trap.
public struct TextEditor: Sendable, Equatable {
    /// The text.
    public var text: String
    /// Cursor position in graphemes, `0...text.count` (clamped before every edit).
    public var cursor: Int

    /// An editor with the cursor at the end.
    public init(text: String) {
        self.text = text
        self.cursor = text.count
    }

    /// Applies an editing key; returns whether the key was an edit or cursor move.
    public mutating func apply(_ key: Key) -> Bool {
        let (before, after) = split()
        switch key {
        case .character(let character):
            replace(before: before, after: after, with: String(character))
        case .backspace:
            replace(before: before.dropLast(), after: after)
        case .delete, .control("d"):
            replace(before: before, after: after.dropFirst())
        case .left: cursor = max(0, before.count - 1)
        case .right: cursor = before.count + (after.isEmpty ? 0 : 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"): replace(before: before.prefix(0), after: after)
        case .control("k"): replace(before: before, after: after.prefix(0))
        case .control("w"): replace(before: Self.droppingLastWord(before), after: after)
        default:
            return false
        }
        return true
    }

    /// Inserts text at the cursor.
    public mutating func insert(_ piece: String) {
        let (before, after) = split()
        replace(before: before, after: after, with: piece)
    }

    /// The text before and after the (clamped) cursor.
    private func split() -> (before: Substring, after: Substring) {
        let index = text.index(text.startIndex, offsetBy: max(0, cursor), limitedBy: text.endIndex) ?? text.endIndex
        return (text[..<index], text[index...])
    }

    /// Sets the text to `before + piece + after`, the cursor after the graphemes that start in `before + piece`.
    private mutating func replace(before: Substring, after: Substring, with piece: String = "") {
        let head = String(before) + piece
        // Grapheme boundaries inside `head` do not depend on what follows it, so its count is the
        // number of graphemes of the new text that start before the end of the change.
        cursor = head.count
        text = head + after
    }

    /// `text` without the word before its end (and the spaces after that word), as Ctrl-W deletes.
    private static func droppingLastWord(_ text: Substring) -> Substring {
        let withoutSpaces = text[..<(text.lastIndex(where: { $0 != " " }).map { text.index(after: $0) } ?? text.startIndex)]
        return withoutSpaces[..<(withoutSpaces.lastIndex(of: " ").map { withoutSpaces.index(after: $0) } ?? withoutSpaces.startIndex)]
    }
}

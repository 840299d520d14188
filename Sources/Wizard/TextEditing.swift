/// A one-line text value with a cursor, edited by keys and pastes.
public struct TextEditor: Sendable, Equatable {
    /// The text.
    public var text: String
    /// Cursor position in characters, `0...text.count`.
    public var cursor: Int

    /// An editor with the cursor at the end.
    public init(text: String) {
        self.text = text
        self.cursor = text.count
    }

    /// Applies an editing key; returns whether the key was an edit or cursor move.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(String(character))
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: cursor))
            cursor = 0
        case .control("k"):
            text.removeSubrange(text.index(text.startIndex, offsetBy: cursor)...)
        case .control("w"):
            let prefix = Array(text.prefix(cursor))
            var start = prefix.count
            while start > 0, prefix[start - 1] == " " { start -= 1 }
            while start > 0, prefix[start - 1] != " " { start -= 1 }
            text = String(prefix[..<start]) + text.dropFirst(cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Inserts text at the cursor.
    public mutating func insert(_ piece: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: piece, at: index)
        cursor += piece.count
    }
}

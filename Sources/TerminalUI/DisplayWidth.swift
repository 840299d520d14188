/// How many terminal columns text takes, as `wcwidth` counts them.
public enum DisplayWidth {
    /// Columns of one grapheme: 0 for controls and lone combining marks, 2 for wide and emoji.
    public static func of(_ character: Character) -> Int {
        // ASCII (one scalar, or CR LF) needs no Unicode property lookups: controls 0, the rest 1.
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        let category = first.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark || category == .format { return 0 }
        if first.properties.isEmojiPresentation || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji {
            return 2
        }
        return isWide(first.value) ? 2 : 1
    }

    /// Columns of a string.
    public static func of(_ text: some StringProtocol) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Whether every byte is printable ASCII, so that each byte is one character of one column.
    @inline(__always)
    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// East Asian Wide and Fullwidth ranges.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// The longest prefix of `text` that fits in `columns`.
    public static func prefix(of text: some StringProtocol, fitting columns: Int) -> String {
        if isPrintableASCII(text) {
            // One byte, one character, one column: cut by UTF-8 offset, without grapheme breaking.
            let utf8 = text.utf8
            return String(text[..<utf8.index(utf8.startIndex, offsetBy: min(max(0, columns), utf8.count))])
        }
        var used = 0
        var result = ""
        for character in text {
            let width = of(character)
            if used + width > columns { break }
            used += width
            result.append(character)
        }
        return result
    }

    /// The longest suffix of `text` that fits in `columns`.
    public static func suffix(of text: some StringProtocol, fitting columns: Int) -> String {
        var used = 0
        var result: [Character] = []
        for character in text.reversed() {
            let width = of(character)
            if used + width > columns { break }
            used += width
            result.append(character)
        }
        return String(result.reversed())
    }
}

/// How many terminal columns text takes: as many as ncurses advances when it draws it.
///
/// ncurses places each scalar by glibc's `wcwidth` (`WcwidthTable.swift`, generated from glibc):
/// a scalar of width 0 joins the cell before it, any other takes its own cells. So a grapheme is
/// the sum of its scalars' widths (`👍🏽` is 2 + 2, `🇩🇪` 1 + 1, `❤️` 1 + 0). Where `wcwidth` says
/// "not printable" (-1), controls count 0 (the renderer never draws them) and everything else 1,
/// the column ncurses and tmux give it (docs/DECISIONS.md, 2026-12-02).
public enum DisplayWidth {
    /// Columns of one grapheme: the sum of its scalars' columns.
    public static func of(_ character: Character) -> Int {
        // ASCII (one scalar, or CR LF) needs no table lookups: controls 0, the rest 1.
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        return character.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
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

    /// Columns ncurses advances for one scalar: `wcwidth`, with non-printables as 0 (controls) or 1.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        let width = wcwidth(scalar)
        if width >= 0 { return width }
        return isControl(scalar) ? 0 : 1
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// glibc's `wcwidth` under a UTF-8 locale (-1, 0, 1 or 2), looked up in the generated table.
    static func wcwidth(_ scalar: Unicode.Scalar) -> Int {
        let breakpoints = wcwidthBreakpoints
        let key = scalar.value << 2 | 3
        // The last breakpoint at or below the scalar: binary search for the first one above it.
        var low = 0
        var high = breakpoints.count
        while low < high {
            let middle = (low + high) / 2
            if breakpoints[middle] <= key { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? -1 : Int(breakpoints[low - 1] & 3) - 1
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

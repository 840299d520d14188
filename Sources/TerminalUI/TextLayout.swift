/// Word wrapping by display width.
public enum TextLayout {
    /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible
    /// and inside long words (URLs) where not. Existing line breaks (`\n`, `\r\n`, `\r`) are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // Any line break: "\r\n" is one Character that is not "\n" (Microsoft's error texts use it),
        // and a cell cannot show it, so the lines around it would run together.
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            var currentWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var piece = String(word)
                let separator = current.isEmpty ? 0 : 1
                if currentWidth + separator + DisplayWidth.of(piece) <= width {
                    if separator == 1 { current += " " }
                    current += piece
                    currentWidth += separator + DisplayWidth.of(piece)
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = ""
                currentWidth = 0
                while DisplayWidth.of(piece) > width {
                    let head = DisplayWidth.prefix(of: piece, fitting: width)
                    guard !head.isEmpty else { piece = ""; break }
                    lines.append(head)
                    piece = String(piece.dropFirst(head.count))
                }
                current = piece
                currentWidth = DisplayWidth.of(piece)
            }
            lines.append(current)
        }
        return lines
    }

    /// Breaks `text` into chunks of exactly `width` columns (the last may be shorter): URLs shown whole.
    public static func hardWrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let head = DisplayWidth.prefix(of: rest, fitting: width)
            guard !head.isEmpty else { break }
            lines.append(head)
            // `head` is a prefix of `rest` made of whole characters: skip it by its UTF-8 length
            // (counting its characters again would walk grapheme boundaries a second time).
            rest = rest[rest.utf8.index(rest.startIndex, offsetBy: head.utf8.count)...]
        }
        return lines.isEmpty ? [""] : lines
    }
}

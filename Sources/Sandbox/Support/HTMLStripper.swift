/// Removes HTML tags from instance names, as the service does before storing them.
enum HTMLStripper {
    /// `text` without anything between `<` and the next `>`, trimmed of surrounding whitespace.
    ///
    /// A `<` with no closing `>` is kept as text, so `a < b` survives.
    static func strip(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                result += rest[open...]
                rest = ""
                break
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Turns typed values into the form that is validated and sent. Normalising twice changes nothing.
public enum Normalizer {
    /// The suffix every Open Connectors platform API base ends in.
    public static let apiPathSuffix = "/elements/api-v2"

    /// The normalized value of `value` for parameter `id`.
    public static func normalize(_ id: ParameterID, _ value: String) -> String {
        let trimmed = trim(value)
        switch ParameterTable[id].kind {
        case .scopeList:
            return scopeTokens(trimmed).joined(separator: " ")
        case .tagList:
            return tagList(trimmed).joined(separator: ", ")
        case .boolean:
            return booleanValue(trimmed).map { $0 ? "true" : "false" } ?? trimmed
        case .secret where id == .code:
            return String(trimmed.unicodeScalars.filter { !$0.isWhiteSpace }.map(Character.init))
        default:
            return id == .baseURL ? baseURL(trimmed) : trimmed
        }
    }

    /// Strips white space and line breaks from both ends.
    public static func trim(_ value: String) -> String {
        // Most values have nothing to trim: say so without Unicode property lookups.
        if let first = value.utf8.first, let last = value.utf8.last,
           first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return value }
        var scalars = Substring(value).unicodeScalars[...]
        while let first = scalars.first, first.isWhiteSpace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhiteSpace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Splits a comma-separated tag field into trimmed tags, keeping empty entries for validation.
    public static func tagList(_ value: String) -> [String] {
        let trimmed = trim(value)
        guard !trimmed.isEmpty else { return [] }
        return split(trimmed, omittingEmpty: false) { $0 == "," }.map(trim)
    }

    /// Splits a scope field into its tokens at any white space.
    public static func scopeTokens(_ value: String) -> [String] {
        split(value, omittingEmpty: true) { $0.isWhiteSpace }
    }

    /// Splits `value` at every separator scalar.
    ///
    /// Works on Unicode scalars, not characters: a combining mark right after a comma or a space
    /// joins it into one character, which would otherwise hide the separator on one pass and
    /// reveal it on the next.
    private static func split(_ value: String, omittingEmpty: Bool, at isSeparator: (Unicode.Scalar) -> Bool) -> [String] {
        value.unicodeScalars.split(omittingEmptySubsequences: omittingEmpty, whereSeparator: isSeparator)
            .map { String(String.UnicodeScalarView($0)) }
    }

    /// Reads `true/false`, `yes/no`, `on/off`, `1/0` in any case.
    public static func booleanValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1", "y": true
        case "false", "no", "off", "0", "n", "": false
        default: nil
        }
    }

    /// Drops trailing slashes and makes the URL end in `/elements/api-v2`.
    ///
    /// A pasted endpoint such as `…/elements/api-v2/instances` (the seed's curl example) is cut
    /// back to its base. White space between trailing slashes goes too, so that normalising
    /// the result again changes nothing.
    public static func baseURL(_ value: String) -> String {
        var url = trimmingTrailingSlashes(trim(value))
        guard !url.isEmpty, let parsed = ParsedURL(url) else { return url }
        if parsed.query == nil, parsed.fragment == nil, let suffix = url.firstRange(of: apiPathSuffix + "/") {
            url = String(url[..<suffix.lowerBound])
        }
        if url.hasSuffix(apiPathSuffix) { return url }
        if url.hasSuffix("/elements") { return url + "/api-v2" }
        return url + apiPathSuffix
    }

    /// `value` without trailing `/` and white space.
    private static func trimmingTrailingSlashes(_ value: String) -> String {
        var scalars = Substring(value).unicodeScalars[...]
        while let last = scalars.last, last == "/" || last.isWhiteSpace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

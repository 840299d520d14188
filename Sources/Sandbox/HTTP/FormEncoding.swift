import Foundation

/// Query-string decoding and encoding in the `application/x-www-form-urlencoded` style.
enum FormEncoding {
    /// Name/value pairs of a raw query string, in order; `+` is a space and `%XX` is decoded.
    static func decode(_ rawQuery: String) -> [(name: String, value: String)] {
        rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? unescape(parts[1]) : ""
            return (unescape(parts[0]), value)
        }
    }

    /// A query string of `pairs`, each name and value percent-encoded; spaces become `%20`,
    /// or `+` with `spaceAsPlus` (as in the scope of Microsoft's authorize URLs).
    static func encode(_ pairs: [(name: String, value: String)], spaceAsPlus: Bool = false) -> String {
        pairs.map { pair in
            let value = escape(pair.value)
            return "\(escape(pair.name))=\(spaceAsPlus ? value.replacingOccurrences(of: "%20", with: "+") : value)"
        }.joined(separator: "&")
    }

    /// `text` with everything outside the RFC 3986 unreserved set percent-encoded.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// A component with `+` read as a space and percent escapes decoded (kept as-is if invalid).
    private static func unescape(_ component: Substring) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// ALPHA / DIGIT / "-" / "." / "_" / "~".
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
}

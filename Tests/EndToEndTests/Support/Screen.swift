import Foundation

/// Reading values off the wizard's screen text.
enum Screen {
    /// The text after `label` on the first row that starts with it (after indentation), trimmed.
    static func value(of label: String, in screen: String) -> String? {
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            let row = line.drop { $0 == " " }
            guard row.hasPrefix(label + " ") else { continue }
            return row.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The sign-in URL on the Authorize step: the first row that starts with `http://` or
    /// `https://` and holds no space (a sentence that wraps before a URL does not count), and the
    /// rows after it up to a blank one, joined (the wizard wraps it at the screen's edge).
    static func signInURL(in screen: String) -> String? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = rows.firstIndex(where: { ($0.hasPrefix("http://") || $0.hasPrefix("https://")) && !$0.contains(" ") }) else { return nil }
        return rows[first...].prefix { !$0.isEmpty }.joined()
    }

    /// The first `http://127.0.0.1:PORT/elements/api-v2` on the screen.
    static func sandboxBaseURL(in screen: String) -> String? {
        guard let range = screen.range(of: #"http://127\.0\.0\.1:[0-9]+/elements/api-v2"#, options: .regularExpression) else { return nil }
        return String(screen[range])
    }

    /// The first row containing `text`.
    static func row(containing text: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init)
    }
}

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

    /// The sign-in URL on the Authorize step: the rows after "accept the consent screen:" up to
    /// the next blank row, joined (the wizard wraps it at the screen's edge).
    static func signInURL(in screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let intro = lines.firstIndex(where: { $0.contains("consent screen:") }) else { return nil }
        var url = ""
        for line in lines[(intro + 1)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { if url.isEmpty { continue } else { break } }
            url += trimmed
        }
        return url.hasPrefix("http") ? url : nil
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

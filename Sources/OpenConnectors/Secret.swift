/// A secret value — user or organization secret, client secret, signature key, grant code,
/// instance token — that never shows itself by accident.
///
/// `description`, `debugDescription`, reflection (`dump`, `Mirror`) and string interpolation all
/// give `Redaction.dots`; so does any struct or enum that holds one and is printed whole. The value
/// comes out only through `revealed`, called where it must leave the process: a request header or
/// body, a screen or line the user asked to reveal, a file the user asked to save (`grep -rn
/// '\.revealed' Sources` lists them all).
public struct Secret: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible,
                      CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Wraps `value`.
    public init(_ value: String) { self.value = value }

    /// Wraps a literal (the sandbox's well-known secrets, tests).
    public init(stringLiteral value: String) { self.value = value }

    /// The value itself; only where it must go out (see the type's documentation).
    public var revealed: String { value }

    /// Whether the secret is empty (not set).
    public var isEmpty: Bool { value.isEmpty }

    /// How many characters it has (what a length-showing mask tells).
    public var count: Int { value.count }

    public var description: String { Redaction.dots }
    public var debugDescription: String { "Secret(\(Redaction.dots))" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension Secret: Decodable {
    /// Decodes a JSON string as a secret.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
}

/// Masking and redaction, in one place: how a secret looks on screen, in a body shown for review,
/// in a log line and in a shell command.
public enum Redaction {
    /// A fixed-length mask that says nothing about the secret.
    public static let dots = "••••••••"

    /// How a hidden instance token looks: fixed length, so it says nothing about the token.
    public static let tokenMask = String(repeating: "•", count: 24)

    /// What a log line shows instead of a secret.
    public static let logMarker = "***"

    /// A hidden field being edited: one dot per grapheme, so the cursor keeps its place.
    public static func field(_ text: String) -> String {
        String(repeating: "•", count: text.count)
    }

    /// Query parameter names whose values are secret.
    public static let secretQueryNames: Set<String> = [
        "apisecret", "code", "client_secret", "secret", "token", "password", "signaturekey",
        "access_token", "refresh_token", "id_token",
    ]

    /// `url` with the values of secret query parameters replaced by `logMarker`.
    ///
    /// Parameters after `#` are redacted too: `response_mode=fragment` puts the grant code there.
    public static func url(_ url: String) -> String {
        guard let start = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return url }
        var result = String(url[...start])
        var rest = url[url.index(after: start)...]
        while true {
            let end = rest.firstIndex(where: { $0 == "&" || $0 == "#" }) ?? rest.endIndex
            result += redactedPair(rest[..<end])
            guard end < rest.endIndex else { return result }
            result.append(rest[end])
            rest = rest[rest.index(after: end)...]
        }
    }

    /// `name=value`, with the value replaced by `logMarker` when the name is a secret one.
    private static func redactedPair(_ pair: Substring) -> String {
        guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
        let name = QueryString.decode(pair[..<equals]).lowercased()
        return secretQueryNames.contains(name) ? pair[...equals] + logMarker : String(pair)
    }
}

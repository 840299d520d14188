import PropertyBased

/// Generators of hostile text for property tests.
enum Arbitrary {
    /// Scalars that tend to break text handling: controls (C0, DEL, C1), every kind of space and
    /// line break, combining marks, zero-width and joiner characters, a prepend mark, bidi
    /// controls, the BOM, a regional indicator, emoji with modifiers, and the noncharacter U+FFFF.
    static let trickyScalars: [Unicode.Scalar] = [
        "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}",
        " ", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}",
        "\u{300}", "\u{301}", "\u{36F}", "\u{20DD}", "\u{FE0F}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}",
        "\u{600}", "\u{200E}", "\u{202E}", "\u{FEFF}", "\u{1F1E9}", "\u{1F469}", "\u{1F3FD}", "\u{1F4C5}", "\u{FFFF}",
        "é", "ß", "İ", "ﬁ", "中",
    ]

    /// Pieces of URLs, queries, scopes and tags, so that random text often looks almost valid.
    static let syntaxPieces: [String] = [
        "https://", "http://", "://", "localhost", "127.0.0.1", "[::1]", "example.com", ":8080", ":", "@", "/", "//",
        "/elements", "/api-v2", "/elements/api-v2", "?", "#", "&", "=", "code=", "state=", "error=access_denied",
        "error_description=", "%", "%2", "%2F", "%C3%A9", "%ZZ", "+", ",", ", ", ";", "<", ">", "\"", "\\",
        "offline_access", "Calendars.Read", "microsoftgraph", "true", "YES", "0", "tag",
    ]

    /// One scalar: a tricky one, a printable ASCII one, or any scalar of the whole code space
    /// (surrogate code points, which are not scalars, are replaced by U+FFFD).
    static let scalar = Gen.frequency(
        (weight: 2, gen: Gen.element(of: trickyScalars).map { $0! }),
        (weight: 2, gen: Gen<UInt32>.value(in: 0x20...0x7E).map { Unicode.Scalar($0)! }),
        (weight: 1, gen: Gen<UInt32>.value(in: 0...0x10FFFF).map { Unicode.Scalar($0) ?? "\u{FFFD}" })
    )

    /// A short run of arbitrary scalars, as a string.
    static let scalarRun = scalar.array(of: 1...6).map { String(String.UnicodeScalarView($0)) }

    /// Arbitrary Unicode text of up to about 80 scalars, mixing syntax pieces with arbitrary scalars.
    static let text = Gen.frequency(
        (weight: 1, gen: Gen.element(of: syntaxPieces).map { $0! }),
        (weight: 1, gen: scalarRun)
    ).array(of: 0...14).map { $0.joined() }

}

import OpenConnectors

/// The file a user may save after creating an instance: what later calls need, nothing more.
public enum ResultFile {
    /// The instance in ocwizard's one JSON shape (`InstanceDocument`), indented.
    public static func contents(instance: Instance, baseURL: String) -> String {
        InstanceDocument.json(instance, baseURL: baseURL).prettyText + "\n"
    }

    /// The end of every default file name.
    static let fileNameSuffix = ".ocwizard.json"

    /// A file name derived from the instance name, never empty and at most 255 bytes.
    ///
    /// Unicode letters, digits and symbols (`カレンダー`, `å`, `🙂`) are kept; path separators,
    /// characters other systems forbid (`\ : * ? " < > |`), white space, control and format
    /// characters become `-`; runs of `-` collapse, and leading dots go (no hidden file, no `..`).
    public static func defaultFileName(for name: String) -> String {
        let safe = String(name.map { isUnsafeInFileName($0) ? "-" : $0 })
        var stem = Substring(safe.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-"))
        stem = stem.drop { $0 == "." || $0 == "-" }
        while stem.utf8.count > 255 - fileNameSuffix.utf8.count || stem.last == "." || stem.last == "-" { stem.removeLast() }
        return (stem.isEmpty ? "instance" : String(stem)) + fileNameSuffix
    }

    /// Whether `character` cannot, or should not, stand in a file name.
    private static func isUnsafeInFileName(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            "/\\:*?\"<>|".unicodeScalars.contains(scalar) || scalar.properties.isWhitespace
                || scalar.properties.generalCategory == .control
                || (scalar.properties.generalCategory == .format && scalar != "\u{200D}")  // keep emoji joiners
        }
    }

    /// The absolute path a typed save path stands for: `~` and `~/…` are under `home`, other
    /// relative paths under `currentDirectory`; `nil` when the needed directory is unknown.
    ///
    /// `~user/…` is not expanded (it names a file in a directory called `~user`).
    public static func absolutePath(_ typed: String, home: String?, currentDirectory: String?) -> String? {
        if typed == "~" || typed.hasPrefix("~/") {
            guard let home, home.hasPrefix("/") else { return nil }
            return joined(home, typed.dropFirst(typed == "~" ? 1 : 2))
        }
        if typed.hasPrefix("/") { return typed }
        guard let currentDirectory, currentDirectory.hasPrefix("/") else { return nil }
        return joined(currentDirectory, typed[...])
    }

    /// `base/rest`, without a doubled `/` and without leading `./` in `rest`.
    private static func joined(_ base: String, _ rest: Substring) -> String {
        var rest = rest
        while rest.hasPrefix("./") { rest = rest.dropFirst(2).drop { $0 == "/" } }
        if rest.isEmpty { return base }
        return base.hasSuffix("/") ? base + rest : base + "/" + rest
    }
}

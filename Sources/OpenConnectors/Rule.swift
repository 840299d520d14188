/// What a rule may look at besides the value itself.
public struct ValidationContext: Sendable {
    /// The whole form, for rules that depend on another value.
    public let form: InstanceForm
    /// The OAuth `state` this run sent, when a redirected URL should carry it back.
    public let expectedState: String?
}

/// One small check on one normalized value; rules are composed per row of the parameter table.
public struct Rule: Sendable {
    /// Runs the check on a non-empty normalized value.
    public let check: @Sendable (_ value: String, _ context: ValidationContext) -> [Finding]

    /// Makes a rule from a check.
    public init(_ check: @escaping @Sendable (_ value: String, _ context: ValidationContext) -> [Finding]) {
        self.check = check
    }
}

extension Rule {
    /// No line breaks, tabs or other control characters.
    public static let singleLine = Rule { value, _ in
        value.unicodeScalars.contains(where: isLineBreakOrControl)
            ? [.error("must be a single line without tabs or control characters; remove line breaks and paste it again.")]
            : []
    }

    /// No white space inside (secrets and ids never contain any).
    ///
    /// Tabs and line breaks are left to `singleLine`, so one stray character is reported once.
    public static let noSpaces = Rule { value, _ in
        value.unicodeScalars.contains { $0.properties.isWhitespace && !isLineBreakOrControl($0) }
            ? [.error("must not contain spaces; copy the value again without spaces.")]
            : []
    }

    /// Control characters (tabs and line feeds among them) and the Unicode line and paragraph separators.
    private static func isLineBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Exactly the given value.
    public static func fixedValue(_ expected: String) -> Rule {
        Rule { value, _ in value == expected ? [] : [.error("must be \(expected); ocwizard only creates \(expected) instances.")] }
    }

    /// `true` or `false` (or yes/no, on/off, 1/0).
    public static let boolean = Rule { value, _ in
        Normalizer.booleanValue(value) == nil ? [.error("must be true or false.")] : []
    }

    /// An `https` API base (plain `http` only for a sandbox on this machine), without query or fragment.
    public static let baseURL = webURL(example: ParameterTable.defaultBaseURL) { url in
        if url.scheme == "http" && !url.isLoopback {
            return [.error("must start with https:// (http:// is only for a sandbox on localhost or 127.0.0.1).")]
        }
        if url.query != nil || url.fragment != nil {
            return [.error("must not have a ?query or #fragment; use the address that ends in /elements/api-v2.")]
        }
        return []
    }

    /// The OAuth redirect URI: `https`, or `http` on localhost as Microsoft allows; no fragment.
    public static let oauthCallbackURL = webURL(example: "https://myapp.example.com/oauth/callback, exactly as registered on the Azure app") { url in
        if url.scheme == "http" && !(url.host == "localhost" || url.host == "127.0.0.1") {
            return [.error("must start with https://; Microsoft only accepts http:// redirect URIs for localhost or 127.0.0.1.")]
        }
        if url.fragment != nil {
            return [.error("must not contain a #fragment; Microsoft does not accept redirect URIs with one.")]
        }
        return []
    }

    /// Where events are posted: `https`, and reachable from the internet.
    public static let eventsCallbackURL = webURL(example: "https://myapp.example.com/oc-events") { url in
        if url.scheme != "https" {
            return [.error("must start with https://; Open Connectors only delivers events over TLS.")]
        }
        if url.isLoopback {
            return [.warning("points at this machine; the real Open Connectors service cannot reach it (fine for the sandbox).")]
        }
        return []
    }

    /// A rule for an absolute `http`/`https` URL with a host and no user name or password, whose
    /// remaining checks are `checks`; `example` completes "such as …".
    private static func webURL(example: String, _ checks: @escaping @Sendable (ParsedURL) -> [Finding]) -> Rule {
        Rule { value, _ in
            guard let url = ParsedURL(value), ["http", "https"].contains(url.scheme) else {
                return [.error("must be an absolute URL such as \(example).")]
            }
            guard url.userInfo == nil else {
                return [.error("must not contain a user name or password before @; remove the part up to the @.")]
            }
            return checks(url)
        }
    }

    /// Space-separated scope tokens, each valid and listed once.
    public static let scopeTokens = Rule { value, _ in
        var findings: [Finding] = []
        var seen: Set<String> = []
        for token in Normalizer.scopeTokens(value) {
            if token.contains(",") || token.contains(";") {
                findings.append(.error("must list names separated by spaces, not commas or semicolons (found \(token))."))
            } else if token.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value > 0x7E || $0 == "\"" || $0 == "\\" }) {
                findings.append(.error("has an invalid entry \(token); use scope names such as Calendars.Read, separated by spaces."))
            }
            if !seen.insert(token.lowercased()).inserted {
                findings.append(.error("lists \(token) more than once; keep one."))
            }
        }
        return findings
    }

    /// Warns when `offline_access` is missing: no refresh token, the instance dies after about an hour.
    public static let offlineAccess = Rule { value, _ in
        Normalizer.scopeTokens(value).contains { $0.lowercased() == "offline_access" }
            ? []
            : [.warning("has no offline_access: Microsoft then issues no refresh token and the instance stops working after about an hour. Add offline_access.")]
    }

    /// A code that can be extracted from what was pasted, with the expected `state`.
    public static let grantCode = Rule { value, context in
        switch GrantCode.parse(value, expectedState: context.expectedState) {
        case .success: []
        case .failure(let problem): [.error("cannot be used. \(problem.message)")]
        }
    }

    /// Warns below `length` characters.
    public static func minimumLength(_ length: Int) -> Rule {
        Rule { value, _ in
            value.count < length
                ? [.warning("is shorter than \(length) characters; a longer random key is harder to guess (the wizard can generate one).")]
                : []
        }
    }

    /// Warns about `<` and `>`: the platform strips HTML tags from names.
    public static let noHTML = Rule { value, _ in
        value.contains(where: { $0 == "<" || $0 == ">" })
            ? [.warning("contains < or >; Open Connectors strips HTML tags from names, so the saved name may differ.")]
            : []
    }

    /// Comma-separated tags: none empty, none twice. (Messages follow the plural label "Tags".)
    public static let tagList = Rule { value, _ in
        var findings: [Finding] = []
        var seen: Set<String> = []
        for tag in Normalizer.tagList(value) {
            if tag.isEmpty {
                findings.append(.error("contain an empty entry; remove the extra comma."))
            } else if !seen.insert(tag).inserted {
                findings.append(.error("list \(tag) more than once; keep one."))
            }
        }
        return findings
    }
}

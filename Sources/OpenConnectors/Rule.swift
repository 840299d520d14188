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
        value.unicodeScalars.contains { $0.isWhiteSpace && !isLineBreakOrControl($0) }
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
    public static let baseURL = webURL(example: ParameterTable.defaultBaseURL, plainHTTP: "http:// is only for a sandbox on localhost or 127.0.0.1") { url in
        if url.scheme == "http" && !url.isLoopback {
            return [.error("must start with https:// (http:// is only for a sandbox on localhost or 127.0.0.1).")]
        }
        if url.query != nil || url.fragment != nil {
            return [.error("must not have a ?query or #fragment; use the address that ends in /elements/api-v2.")]
        }
        return []
    }

    /// The OAuth redirect URI: `https`, or `http` on localhost as Microsoft allows; no fragment.
    public static let oauthCallbackURL = webURL(example: "https://myapp.example.com/oauth/callback, exactly as registered on the Azure app",
                                                plainHTTP: "http:// only for localhost or 127.0.0.1") { url in
        if url.scheme == "http" && !(url.host == "localhost" || url.host == "127.0.0.1") {
            return [.error("must start with https://; Microsoft only accepts http:// redirect URIs for localhost or 127.0.0.1. To let the wizard catch the sign-in itself, register http://localhost:8765/callback as a Web redirect URI on the Azure app and use that.")]
        }
        if url.fragment != nil {
            return [.error("must not contain a #fragment; Microsoft does not accept redirect URIs with one.")]
        }
        return []
    }

    /// Where events are posted: `https`, and reachable from the internet.
    public static let eventsCallbackURL = webURL(example: "https://myapp.example.com/oc-events", plainHTTP: nil) { url in
        if url.scheme != "https" {
            return [.error("must start with https://; Open Connectors only delivers events over TLS.")]
        }
        if url.isLoopback {
            return [.warning("points at this machine; the real Open Connectors service cannot reach it (fine for the sandbox).")]
        }
        return []
    }

    /// A rule for an absolute `http`/`https` URL with a host and no user name or password, whose
    /// remaining checks are `checks`; `example` completes "such as …", and `plainHTTP` says where
    /// `http://` is allowed (`nil`: nowhere) when another scheme such as `ftp://` is typed.
    private static func webURL(example: String, plainHTTP: String?, _ checks: @escaping @Sendable (ParsedURL) -> [Finding]) -> Rule {
        Rule { value, _ in
            if let scheme = ParsedURL.scheme(of: value), !["http", "https"].contains(scheme) {
                return [.error("must start with https:// (the scheme \(scheme):// is not allowed\(plainHTTP.map { "; \($0)" } ?? "")).")]
            }
            guard let url = ParsedURL(value) else {
                if let port = ParsedURL.outOfRangePort(in: value) {
                    return [.error("has the port \(port); a port is a whole number from 1 to 65535.")]
                }
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

    /// A plausible code that can be extracted from what was pasted, with the expected `state`,
    /// from a redirect to the form's callback URL when a whole address was pasted.
    public static let grantCode = Rule { value, context in
        switch GrantCode.parse(value, expectedState: context.expectedState) {
        case .success(let grant): RedirectMatch.findings(landedAt: grant.landedAt, callbackURL: context.form.normalized(.callbackURL))
        case .failure(let problem): [.error("cannot be used. \(problem.message)")]
        }
    }

    /// Warns when an Azure client ID is not a GUID (Microsoft's are; other providers' keys may not be).
    ///
    /// A value with spaces or line breaks is left to `noSpaces` and `singleLine`, so one mistake gives one message.
    public static let clientIDShape = Rule { value, _ in
        isGUID(value) || value.unicodeScalars.contains(where: { $0.isWhiteSpace || $0.isControlCharacter })
            ? []
            : [.warning("is not a GUID; Azure client IDs look like 0f5e4a1c-6b2d-4e8f-9a3b-7c1d2e3f4a5b. Copy the Application (client) ID on the app's Overview page in the Azure portal (Microsoft Entra ID > App registrations).")]
    }

    /// Warns when a client secret is a GUID: that is the secret's Secret ID, which Microsoft refuses.
    public static let clientSecretShape = Rule { value, _ in
        isGUID(value)
            ? [.warning("looks like the secret's Secret ID, not its Value. In the Azure portal (Certificates & secrets) copy the Value column; it is shown only once, so create a new secret if it is hidden.")]
            : []
    }

    /// Whether `value` is a GUID written `8-4-4-4-12` in hexadecimal digits.
    private static func isGUID(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
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

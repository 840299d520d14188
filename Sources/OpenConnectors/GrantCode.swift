/// Why a pasted grant code (or redirected URL) could not be used.
public enum GrantCodeProblem: Error, Sendable, Equatable {
    /// Nothing was pasted.
    case empty
    /// The redirect carried `error=…` instead of a code: the sign-in was refused or failed.
    case providerError(error: String, description: String?)
    /// The redirect's `state` is not the one this run asked for.
    case stateMismatch(expected: String, received: String)
    /// A URL or query was pasted, but it has no `code` parameter.
    case missingCode
    /// The code is shorter than any code Microsoft issues: a fragment, or something else pasted.
    case implausibleLength(length: Int, minimum: Int)
    /// The code holds characters no Microsoft code contains (listed once each, in order).
    case impossibleCharacters(String)

    /// A sentence that says what happened and what to do.
    public var message: String {
        switch self {
        case .empty:
            "Paste the grant code, or the whole address of the page Microsoft sent you to after sign-in."
        case .providerError(let error, let description):
            "Sign-in did not give a code: Microsoft answered \(error)\(description.map { " (\"\($0)\")" } ?? ""). Open the authorization URL again and accept the consent screen."
        case .stateMismatch(let expected, let received):
            "The pasted address belongs to another sign-in (state \(received), expected \(expected)). Paste the address from the sign-in you just started, or open the authorization URL again."
        case .missingCode:
            "The pasted address has no code=… parameter. Copy the whole address from the browser's address bar after sign-in."
        case .implausibleLength(let length, let minimum):
            "The code is only \(length) character\(length == 1 ? "" : "s") long; Microsoft's grant codes are at least \(minimum) (usually hundreds). Copy it again: paste the whole address from the browser's address bar after sign-in, or the whole value after code= up to the next &."
        case .impossibleCharacters(let characters):
            "The code contains \(characters) which cannot be part of a code (codes use letters, digits and - _ . * ! ~ + / =). Paste the whole address from the browser's address bar after sign-in, or only the value after code= up to the next &."
        }
    }
}

/// A grant code taken out of what the user pasted, with the `state` that came with it.
public struct GrantCode: Sendable, Equatable {
    /// The authorization grant code, URL-decoded.
    public let code: Secret
    /// The `state` of the redirect, when a URL or query was pasted.
    public let state: String?
    /// The address the browser was sent to, when a whole redirected URL was pasted.
    public let landedAt: ParsedURL?

    /// A code with the `state` and address it came with.
    public init(code: String, state: String?, landedAt: ParsedURL? = nil) {
        self.code = Secret(code)
        self.state = state
        self.landedAt = landedAt
    }

    /// The fewest characters a code may have: the seed documentation's example code has 20.
    ///
    /// Real codes are far longer (work and school accounts: hundreds; personal accounts: about
    /// 50), so anything shorter is a fragment. See docs/DECISIONS.md.
    public static let minimumLength = 20

    /// Extracts the code as `extract` does, then refuses one that cannot be a Microsoft code.
    public static func parse(_ pasted: String, expectedState: String? = nil) -> Result<GrantCode, GrantCodeProblem> {
        extract(pasted, expectedState: expectedState).flatMap { grant in
            if let problem = shapeProblem(of: grant.code.revealed) { return .failure(problem) }
            return .success(grant)
        }
    }

    /// Why `code` cannot be a code Microsoft issued, or `nil` when it may be one.
    ///
    /// Codes are URL-safe base64 with `.`, `-`, `_`, `*`, `!` and `~` (and `+ / =` once decoded).
    public static func shapeProblem(of code: String) -> GrantCodeProblem? {
        var impossible: [Character] = []
        for character in code where !isCodeCharacter(character) && !impossible.contains(character) {
            impossible.append(character)
        }
        if !impossible.isEmpty { return .impossibleCharacters(impossible.map(String.init).joined(separator: " ")) }
        return code.count < minimumLength ? .implausibleLength(length: code.count, minimum: minimumLength) : nil
    }

    private static func isCodeCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-._*!~+/=".contains(character))
    }

    /// Takes the code out of a bare code, a whole redirected URL, or its `?code=…&state=…` part,
    /// without judging its shape.
    ///
    /// White space and line breaks anywhere are removed first (terminals wrap long URLs);
    /// `state` is checked only when both sides have one.
    public static func extract(_ pasted: String, expectedState: String? = nil) -> Result<GrantCode, GrantCodeProblem> {
        let compact = String(pasted.unicodeScalars.filter { !$0.isWhiteSpace && $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        guard !compact.isEmpty else { return .failure(.empty) }
        guard let query = querySection(of: compact) else {
            return .success(GrantCode(code: QueryString.decode(compact[...]), state: nil))
        }
        var values: [String: String] = [:]
        for pair in QueryString.parse(query) where values[pair.name] == nil {
            values[pair.name] = pair.value
        }
        if let error = values["error"] {
            return .failure(.providerError(error: error, description: values["error_description"].flatMap { $0.isEmpty ? nil : $0 }))
        }
        guard let code = values["code"], !code.isEmpty else { return .failure(.missingCode) }
        let state = values["state"]
        if let expectedState, let state, state != expectedState {
            return .failure(.stateMismatch(expected: expectedState, received: state))
        }
        return .success(GrantCode(code: code, state: state, landedAt: ParsedURL(compact)))
    }

    /// The `name=value&…` part of a pasted URL or query, or `nil` for a bare code.
    ///
    /// `response_mode=fragment` puts the parameters after `#`, so a fragment that holds
    /// `name=value` pairs is read as well; any other fragment (`#_=_`, `#top`) is dropped.
    private static func querySection(of text: String) -> Substring? {
        let section: Substring
        if let mark = text.firstIndex(of: "?") {
            section = text[text.index(after: mark)...]
        } else if text.contains("://") {
            guard let hash = text.firstIndex(of: "#") else { return "" }
            section = text[hash...]
        } else if ["code=", "error=", "state="].contains(where: { text.hasPrefix($0) })
                    || text.contains("&code=") || text.contains("&error=") {
            section = text[...]
        } else {
            return nil
        }
        guard let hash = section.firstIndex(of: "#") else { return section }
        let query = section[..<hash]
        let fragment = section[section.index(after: hash)...]
        let fragmentHasParameters = QueryString.parse(fragment).contains { ["code", "error", "state"].contains($0.name) }
        return fragmentHasParameters ? Substring(query + "&" + fragment) : query
    }
}

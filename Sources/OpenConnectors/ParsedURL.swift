/// The parts of an absolute URL that validation looks at, parsed without surprises.
///
/// Only `scheme://[userinfo@]host[:port][/path][?query][#fragment]` is accepted; anything else
/// is `nil`. A URL never holds raw white space or control characters, an IPv6 host must be in
/// brackets, and a port is 1–65535 written in digits only.
public struct ParsedURL: Sendable, Equatable {
    /// Lower-cased scheme, such as `https`.
    public let scheme: String
    /// The `user[:password]` before `@`, if any.
    public let userInfo: String?
    /// Lower-cased host name or address (IPv6 without brackets).
    public let host: String
    /// The explicit port, if any.
    public let port: Int?
    /// The path, possibly empty.
    public let path: String
    /// The raw query after `?`, if any.
    public let query: String?
    /// The raw fragment after `#`, if any.
    public let fragment: String?

    /// Parses `text`, or returns `nil` when it is not an absolute URL with a host.
    public init?(_ text: String) {
        guard !text.unicodeScalars.contains(where: Self.isForbiddenAnywhere),
              let scheme = Self.scheme(of: text), let schemeEnd = text.firstRange(of: "://") else { return nil }
        var rest = text[schemeEnd.upperBound...]
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var query: String?
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let path = String(rest[authorityEnd...])
        var userInfo: String?
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            guard host.contains(":"), host.unicodeScalars.allSatisfy({ $0 == ":" || Self.isHostNameScalar($0) }) else { return nil }
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
            }
            guard host.unicodeScalars.allSatisfy(Self.isHostNameScalar) else { return nil }
        }
        guard !host.isEmpty else { return nil }
        var port: Int?
        if let portText {
            guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(portText), (1...65_535).contains(value) else { return nil }
            port = value
        }
        self.scheme = scheme
        self.userInfo = userInfo
        self.host = host.lowercased()
        self.port = port
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// The lower-cased scheme of `text` when it starts with `scheme://`, whatever follows.
    ///
    /// Lets a rule say "ftp:// is not allowed" for text that is no web URL at all (`file:///x` has no host).
    public static func scheme(of text: String) -> String? {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme
    }

    /// The port written in `text` when it is what keeps `text` from being a URL: digits outside
    /// 1–65535 (a URL with port 1 there instead would parse). Lets a rule name the port.
    public static func outOfRangePort(in text: String) -> String? {
        guard let schemeEnd = text.firstRange(of: "://") else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
        guard let colon = rest[..<authorityEnd].lastIndex(of: ":") else { return nil }
        let port = rest[rest.index(after: colon)..<authorityEnd]
        guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }), !(Int(port).map { (1...65_535).contains($0) } ?? false) else { return nil }
        return ParsedURL(String(text[...colon]) + "1" + String(rest[authorityEnd...])) != nil ? String(port) : nil
    }

    /// The port in use: the explicit one, or 80/443 for `http`/`https`.
    public var effectivePort: Int? {
        port ?? Self.defaultPorts[scheme]
    }

    /// The ports `http` and `https` use when none is written.
    private static let defaultPorts = ["http": 80, "https": 443]

    /// `scheme://host[:port]/path` without user info, query or fragment (a query may hold a code).
    ///
    /// An empty path is written `/`, as browsers show it, and the default port is left out.
    public var originAndPath: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let shownPort = port.flatMap { $0 == Self.defaultPorts[scheme] ? nil : ":\($0)" } ?? ""
        return "\(scheme)://\(shownHost)\(shownPort)\(path.isEmpty ? "/" : path)"
    }

    /// Whether the host is this machine (`localhost`, `127.x.x.x`, `::1`).
    public var isLoopback: Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1"
    }

    /// White space and control characters, which no URL holds unencoded.
    private static func isForbiddenAnywhere(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isWhiteSpace || scalar.isControlCharacter
    }

    /// Letters, digits, `-._~%` and any non-ASCII scalar (internationalised names) may form a host name.
    private static func isHostNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-._~%".unicodeScalars.contains(scalar)
    }
}

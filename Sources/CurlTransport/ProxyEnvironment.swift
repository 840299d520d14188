import OpenConnectors

/// Which proxy to use for a URL, read from the environment by libcurl's own rules (as of 7.88).
///
/// The transport hands the result to libcurl explicitly (`CURLOPT_PROXY`, `CURLOPT_NOPROXY`), so
/// the proxy the verbose log names is the one actually used (libcurl has no `CURLINFO` for it
/// before 8.7) and a connection failure can be reported as a proxy failure. Rules: `no_proxy` (or
/// `NO_PROXY`) is checked first; then `<scheme>_proxy`, its upper-case form except `HTTP_PROXY`
/// (ignored for security), then `all_proxy`/`ALL_PROXY`. An empty variable counts as unset.
struct ProxyEnvironment: Sendable {
    /// The proxy decision for one URL.
    struct Choice: Sendable, Equatable {
        /// The proxy URL as configured, credentials included; `nil` for a direct connection.
        var proxy: String?
        /// The variable the decision came from (`https_proxy`, `no_proxy`, ...), if any.
        var variable: String?

        /// The verbose log line for `host`, with proxy credentials replaced by `***`.
        func logLine(host: String) -> String {
            switch (proxy, variable) {
            case (let proxy?, let variable?): "proxy for \(host): \(ProxyEnvironment.redactingCredentials(proxy)) (from \(variable))"
            case (nil, let variable?): "proxy for \(host): none (\(variable) excludes it)"
            default: "proxy for \(host): none"
            }
        }
    }

    private let variables: [String: String]

    /// Reads proxy settings from `variables` (the process environment in production).
    init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The proxy to use for `url`.
    func choice(for url: ParsedURL) -> Choice {
        if let (name, list) = firstSet(["no_proxy", "NO_PROXY"]), Self.noProxy(list, matches: url.host) {
            return Choice(proxy: nil, variable: name)
        }
        let specific = "\(url.scheme)_proxy"
        let names = specific == "http_proxy" ? [specific] : [specific, specific.uppercased()]
        guard let (name, value) = firstSet(names) ?? firstSet(["all_proxy", "ALL_PROXY"]) else {
            return Choice(proxy: nil, variable: nil)
        }
        return Choice(proxy: value, variable: name)
    }

    /// The first of `names` set to a non-empty value, with that value.
    private func firstSet(_ names: [String]) -> (String, String)? {
        for name in names { if let value = variables[name], !value.isEmpty { return (name, value) } }
        return nil
    }

    /// Whether a `no_proxy` list (comma- or blank-separated) covers `host`.
    ///
    /// `*` alone covers everything; a name covers itself and its subdomains (a leading or
    /// trailing dot is ignored, case is not); an IP address matches exactly or by `/bits` range.
    static func noProxy(_ list: String, matches host: String) -> Bool {
        guard !list.isEmpty else { return false }
        if list == "*" { return true }
        let tokens = list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
        if let address = IPAddress(host) {
            return tokens.contains { address.isCovered(by: $0) }
        }
        var name = Substring(host.lowercased())
        if name.hasSuffix(".") { name = name.dropLast() }
        return tokens.contains { token in
            var pattern = Substring(token.lowercased())
            if pattern.hasSuffix(".") { pattern = pattern.dropLast() }
            if pattern.hasPrefix(".") { pattern = pattern.dropFirst() }
            guard !pattern.isEmpty else { return false }
            return name == pattern || name.hasSuffix("." + pattern)
        }
    }

    /// `scheme://user:password@host:port` as `scheme://***@host:port`; a URL without credentials is unchanged.
    static func redactingCredentials(_ proxy: String) -> String {
        let authorityStart = proxy.firstRange(of: "://")?.upperBound ?? proxy.startIndex
        let authorityEnd = proxy[authorityStart...].firstIndex(of: "/") ?? proxy.endIndex
        guard let at = proxy[authorityStart..<authorityEnd].lastIndex(of: "@") else { return proxy }
        return String(proxy[..<authorityStart]) + Redaction.logMarker + String(proxy[at...])
    }
}

/// Compares the address the browser landed on after sign-in with the callback URL of the form.
///
/// Microsoft binds a code to the redirect URI it was issued for; Open Connectors redeems it with
/// `oauth.callback.url`, so a different scheme, host, port or path fails later with AADSTS50011.
enum RedirectMatch {
    /// Problems with a code that came with `landedAt`, given the form's normalized `callbackURL`.
    ///
    /// Nothing is reported for a bare code or a query string (no address to compare), or while the
    /// callback URL is not a web URL (its own rule reports that). An empty path equals `/`; a path
    /// that differs only by a trailing `/` warns, since a web server may have added it.
    static func findings(landedAt: ParsedURL?, callbackURL: String) -> [Finding] {
        guard let landedAt, let callback = ParsedURL(callbackURL), ["http", "https"].contains(callback.scheme) else { return [] }
        let sameOrigin = landedAt.scheme == callback.scheme && landedAt.host == callback.host && landedAt.effectivePort == callback.effectivePort
        let landedPath = landedAt.path.isEmpty ? "/" : landedAt.path
        let callbackPath = callback.path.isEmpty ? "/" : callback.path
        if sameOrigin && landedPath == callbackPath { return [] }
        let landed = landedAt.originAndPath
        let expected = callback.originAndPath
        if sameOrigin && trimmingSlash(landedPath) == trimmingSlash(callbackPath) {
            return [.warning("was sent to \(landed), which differs from the OAuth callback URL (oauth.callback.url) only by a trailing / (the callback URL is \(expected)). Fine if your web server added the / after the redirect; otherwise make the callback URL on the Azure app step the registered redirect URI and sign in again, or the service refuses the code (AADSTS50011).")]
        }
        return [.error("was sent to \(landed), but the OAuth callback URL (oauth.callback.url) is \(expected); the service would refuse this code (AADSTS50011). Either fix the OAuth callback URL on the Azure app step or sign in again, so that both are the redirect URI registered on the Azure app.")]
    }

    private static func trimmingSlash(_ path: String) -> Substring {
        path.hasSuffix("/") ? path.dropLast() : path[...]
    }
}

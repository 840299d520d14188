/// The answer of `/elements/{key}/oauth/url`: `{"oauthUrl", "element"}`.
struct WireOAuthRedirect: Encodable, Sendable {
    /// The provider's authorize URL to open in a browser.
    var oauthUrl: String
    /// The connector key, e.g. `microsoftgraph`.
    var element: String
}

import Foundation

/// Why Microsoft's token endpoint refused to redeem an authorization code, with its own text.
enum MicrosoftTokenError: Error, Equatable, Sendable {
    /// `AADSTS700016`: the client id is not a registered app.
    case unknownClient(clientID: String)
    /// `AADSTS7000215`: the client secret is wrong.
    case invalidClientSecret(clientID: String)
    /// `AADSTS9002313`: the code was never issued.
    case unknownCode
    /// `AADSTS54005`: the code was already redeemed.
    case codeAlreadyRedeemed
    /// `AADSTS70008`: the code is older than its lifetime.
    case codeExpired
    /// `AADSTS70000`: the code was issued to another client.
    case codeIssuedToAnotherClient
    /// `AADSTS50011`: the redirect URI differs from the one the code was issued for.
    case redirectURIMismatch(redirectURI: String, clientID: String)

    /// The OAuth error word Microsoft answers with (`invalid_grant`, `invalid_client`, …).
    var oauthError: String {
        switch self {
        case .unknownClient, .invalidClientSecret: "invalid_client"
        case .unknownCode: "invalid_request"
        case .codeAlreadyRedeemed, .codeExpired, .codeIssuedToAnotherClient, .redirectURIMismatch: "invalid_grant"
        }
    }

    /// The `AADSTS` number.
    var code: Int {
        switch self {
        case .unknownClient: 700_016
        case .invalidClientSecret: 7_000_215
        case .unknownCode: 9_002_313
        case .codeAlreadyRedeemed: 54005
        case .codeExpired: 70008
        case .codeIssuedToAnotherClient: 70000
        case .redirectURIMismatch: 50011
        }
    }

    /// Microsoft's description, starting with `AADSTS<code>:`.
    var description: String {
        let text = switch self {
        case .unknownClient(let clientID):
            "Application with identifier '\(clientID)' was not found in the directory 'Default Directory'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
        case .invalidClientSecret(let clientID):
            "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '\(clientID)'."
        case .unknownCode:
            "Invalid request. Request is malformed or invalid."
        case .codeAlreadyRedeemed:
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."
        case .codeExpired:
            "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."
        case .codeIssuedToAnotherClient:
            "The provided authorization code was issued to a different client."
        case .redirectURIMismatch(let redirectURI, let clientID):
            "The redirect URI '\(redirectURI)' specified in the request does not match the redirect URIs configured for the application '\(clientID)'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this."
        }
        return "AADSTS\(code): \(text)"
    }

    /// The text the service passes on as `providerMessage`: Microsoft's error word and
    /// description with its trace lines, as the token endpoint writes `error_description`.
    func providerMessage(at date: Date, using generator: inout some RandomNumberGenerator) -> String {
        let trace = RandomText.uuid(using: &generator)
        let correlation = RandomText.uuid(using: &generator)
        let timestamp = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
        return "\(oauthError): \(description)\r\nTrace ID: \(trace)\r\nCorrelation ID: \(correlation)\r\nTimestamp: \(timestamp)"
    }

    /// The service's normalized `message` for this refusal.
    var normalizedMessage: String {
        switch oauthError {
        case "invalid_client":
            "The provider rejected the OAuth client credentials (oauth.api.key / oauth.api.secret)."
        default:
            "The provider rejected the OAuth authorization code (providerData.code); authorize again to get a new one."
        }
    }
}

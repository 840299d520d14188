import Foundation

/// The codes `/sandbox/authorize` has issued, redeemed the way Microsoft's token endpoint does.
///
/// A code is single-use, lives `lifetime` seconds by the injected clock, and is bound to the
/// client id and redirect URI it was issued for. A refused redemption does not use a code up.
actor AuthorizationCodeBook {
    /// What a code was issued for.
    struct Grant: Sendable {
        var clientID: String
        var redirectURI: String
        var scope: String
        var issuedAt: Date
        var redeemed = false
    }

    /// How long a code can be redeemed, in seconds (Microsoft: about ten minutes).
    static let lifetime: TimeInterval = 600

    private var grants: [String: Grant] = [:]
    private let apps: [String: String]
    private let now: @Sendable () -> Date
    private var random = SystemRandomNumberGenerator()

    /// Creates an empty book for the registered apps (`client id → client secret`).
    init(apps: [String: String], now: @escaping @Sendable () -> Date) {
        self.apps = apps
        self.now = now
    }

    /// Whether `clientID` is a registered app.
    func isRegistered(clientID: String) -> Bool {
        apps[clientID] != nil
    }

    /// Issues a fresh code for a consent by `clientID` with `redirectURI`.
    func issue(clientID: String, redirectURI: String, scope: String) -> String {
        let code = RandomText.authorizationCode(using: &random)
        grants[code] = Grant(clientID: clientID, redirectURI: redirectURI, scope: scope, issuedAt: now())
        return code
    }

    /// Redeems `code` for the client and redirect URI given, checking them in Microsoft's order:
    /// client credentials first, then the code's existence, use, age and bindings.
    func redeem(code: String, clientID: String, clientSecret: String, redirectURI: String) throws(MicrosoftTokenError) -> Grant {
        guard let secret = apps[clientID] else { throw .unknownClient(clientID: clientID) }
        guard secret == clientSecret else { throw .invalidClientSecret(clientID: clientID) }
        guard var grant = grants[code] else { throw .unknownCode }
        guard !grant.redeemed else { throw .codeAlreadyRedeemed }
        guard now() < grant.issuedAt.addingTimeInterval(Self.lifetime) else { throw .codeExpired }
        guard grant.clientID == clientID else { throw .codeIssuedToAnotherClient }
        guard grant.redirectURI == redirectURI else {
            throw .redirectURIMismatch(redirectURI: redirectURI, clientID: clientID)
        }
        grant.redeemed = true
        grants[code] = grant
        return grant
    }
}

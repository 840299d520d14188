import OpenConnectors

/// A re-authenticating `PUT` whose answer was lost after it was sent: the service may have applied
/// it (and used the grant code), so the instance is read again and compared before anything else
/// is offered. Every driver says the same.
public struct LostReauthentication: Sendable, Equatable {
    /// How the answer was lost.
    public var cause: OpenConnectorsError
    /// The instance as it was before the `PUT`.
    public var before: Instance

    public init(cause: OpenConnectorsError, before: Instance) { self.cause = cause; self.before = before }

    /// Whether the re-read shows the re-authentication went through: a token, and not the old one.
    ///
    /// A service that keeps the token on re-authentication shows no sign either way; then the
    /// outcome stays unknown.
    public static func applied(before: Instance, after: Instance) -> Bool {
        after.token != nil && after.token != before.token
    }

    /// What happened and what the instance read again shows.
    public func banner(reread: Result<Instance, OpenConnectorsError>) -> Banner {
        let lost = "The re-authentication was sent, but its answer was lost: \(LostAnswer.describe(cause))"
        switch reread {
        case .success(let after) where Self.applied(before: before, after: after):
            return Banner(tone: .success, lines: [
                "✓ Re-authenticated: the instance, read again, has a new token (use it below).",
                lost,
            ])
        case .success:
            return Banner(tone: .warning, lines: [
                lost,
                "The instance, read again, shows no sign of it (the same token): it may or may not have been applied, and the grant code was probably used up.",
                "If calls with this token fail, re-authenticate again: that needs a new sign-in.",
            ])
        case .failure(let error):
            return Banner(tone: .warning, lines: [
                lost,
                "Reading the instance again failed too: \(error.summary)",
                "Check it before re-authenticating again: ocwizard recover --id \(before.id)",
            ])
        }
    }
}

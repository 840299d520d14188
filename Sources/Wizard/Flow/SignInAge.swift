/// How long ago the sign-in URL was fetched, and what that means for the code it leads to.
///
/// Microsoft's codes last about 10 minutes: the Authorize and Grant code steps show the age, warn
/// after 8 minutes and, after 10, say that a new sign-in is needed (the New sign-in button).
public struct SignInAge: Sendable, Equatable {
    /// From when the steps warn.
    public static let warnAfter: Duration = .seconds(8 * 60)
    /// From when a new sign-in is needed.
    public static let expiresAfter: Duration = .seconds(10 * 60)

    /// What the age means.
    public enum Level: Sendable, Equatable { case fresh, aging, expired }

    /// Time since the sign-in URL was fetched.
    public let elapsed: Duration

    /// The age of `state`'s sign-in URL at `state.now`; `nil` before a URL or a clock reading.
    public init?(_ state: JourneyState) {
        guard let fetched = state.authorization?.fetchedAt, let now = state.now else { return nil }
        elapsed = max(.zero, now - fetched)
    }

    /// Whole minutes elapsed.
    public var minutes: Int { Int(elapsed.components.seconds / 60) }

    /// Fresh, aging (8 minutes and more) or expired (10 and more).
    public var level: Level {
        if elapsed >= Self.expiresAfter { return .expired }
        return elapsed >= Self.warnAfter ? .aging : .fresh
    }

    /// The sentence the steps show.
    public var text: String {
        switch level {
        case .fresh:
            "Sign-in URL fetched \(minutes == 0 ? "less than a minute" : "\(minutes) min") ago."
        case .aging:
            "⚠ The sign-in URL was fetched \(minutes) minutes ago: sign in and paste now, or the code expires (about 10 minutes)."
        case .expired:
            "✗ The sign-in URL was fetched \(minutes) minutes ago: its code has expired, a new sign-in is needed (\(WizardAction.newSignIn.label))."
        }
    }

    /// Whether `state`'s sign-in is too old to use.
    public static func isExpired(_ state: JourneyState) -> Bool { SignInAge(state)?.level == .expired }
}

import OpenConnectors

/// Where a failed call sends the user, and what it marks there.
public struct FailureRoute: Sendable, Equatable {
    /// The step to show; `nil` stays where the failure happened.
    public var target: WizardStep?
    /// The banner across the target step.
    public var banner: Banner?
    /// Messages put on fields.
    public var messages: [ParameterID: [Problem]] = [:]
    /// Fields emptied (a used grant code).
    public var cleared: [ParameterID] = []
    /// The field to focus.
    public var focus: ParameterID?
    /// Whether the sign-in URL must be fetched again.
    public var newSignIn = false
    /// Whether the connection must be verified again.
    public var reverify = false
}

/// The one place that decides where each failure of the create and re-authenticate calls goes.
public enum FailureRouter {
    /// The route for `error`.
    public static func route(_ error: OpenConnectorsError) -> FailureRoute {
        guard case .api(let failure) = error else { return FailureRoute(banner: .failure(error)) }
        switch failure.kind {
        case .wrongSecrets:
            return FailureRoute(
                target: .connection,
                messages: [
                    .userSecret: [Problem(parameter: .userSecret, finding: .error("Open Connectors refused the user or organization secret (401). \(failure.nextStep)"))],
                    .organizationSecret: [Problem(parameter: .organizationSecret, finding: .error("Check this secret too: the service does not say which of the two is wrong."))],
                ],
                focus: .userSecret, reverify: true)
        case .grantCodeRejected:
            return FailureRoute(target: .authorize, banner: .failure(error), cleared: [.code], newSignIn: true)
        case .redirectURIMismatch:
            return FailureRoute(
                target: .azureApp, banner: .failure(error),
                messages: [.callbackURL: [Problem(parameter: .callbackURL, finding: .error("Microsoft refused this callback URL: it must be one of the app's Web redirect URIs, exactly."))]],
                cleared: [.code], focus: .callbackURL, newSignIn: true)
        case .clientSecretRejected:
            return FailureRoute(
                target: .azureApp, banner: .failure(error),
                messages: [.apiSecret: [Problem(parameter: .apiSecret, finding: .error("Microsoft refused this client secret: copy the secret's Value (not its Secret ID) from Certificates & secrets, or make a new one."))]],
                cleared: [.code], focus: .apiSecret, newSignIn: true)
        default:
            return FailureRoute(banner: .failure(error))
        }
    }

    /// The route of a failed submit, given what looking for a lost answer's instance found: none
    /// found → a new sign-in (the request probably used the grant code up); the look-up failed →
    /// stay (sending again could make a second instance); otherwise the error's own route.
    public static func route(_ error: OpenConnectorsError, lostAnswer: LostAnswer?) -> FailureRoute {
        switch lostAnswer?.search {
        case .foundNone?:
            return FailureRoute(target: .authorize, banner: Banner(tone: .info, lines: [
                "The last submit created nothing (its answer was lost, and no instance was found). Sign in again for a new code, then submit.",
            ]), cleared: [.code], newSignIn: true)
        case .failed?, .looking?:
            return FailureRoute(banner: lostAnswer?.banner)
        case .found?, nil:
            return route(error)
        }
    }

    /// The step a failed submit sends the user back to (the review when nothing needs changing).
    public static func returnStep(for error: OpenConnectorsError, lostAnswer: LostAnswer? = nil) -> WizardStep {
        route(error, lostAnswer: lostAnswer).target ?? .review
    }
}

import OpenConnectors

/// Step 2: the Azure app registration's client id, secret, callback URL and scope.
public struct AzureAppStep: FlowStep {
    public init() {}
    public var id: WizardStep { .azureApp }
    public var checked: [ParameterID] { [.apiKey, .apiSecret, .callbackURL, .scope] }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Azure app registration",
                  "The app you registered in the Azure portal for Microsoft Graph. The callback URL must be one of its Web redirect URIs.")
    }

    /// The loopback callback offered: with it registered, the wizard catches the sign-in itself.
    public static let suggestedLoopbackCallback = "http://localhost:8765/callback"

    /// "Use a loopback callback" while the callback URL is not one the wizard can listen on.
    public func actions(_ state: JourneyState) -> [WizardAction] {
        (LoopbackCallback(state.form.normalized(.callbackURL)) == nil ? [.useLoopbackCallback] : []) + [.next]
    }

    /// Sets the suggested loopback callback and says where to register it.
    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        guard action == .useLoopbackCallback else { return .stay }
        state.set(.callbackURL, to: Self.suggestedLoopbackCallback)
        state.notice = "Callback URL set to \(Self.suggestedLoopbackCallback): add it in the Azure portal as a Web redirect URI (App registrations > your app > Authentication > Add a platform > Web), and the wizard catches the sign-in itself."
        return .stay
    }
}

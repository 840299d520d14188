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
}

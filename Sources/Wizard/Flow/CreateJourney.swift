import OpenConnectors

/// The journeys of ocwizard as lists of steps.
public enum CreateJourney {
    /// Create: connection, Azure app, sign-in, grant code, events, name, review, submit, result.
    public static let steps: [any FlowStep] = [
        ConnectionStep(), AzureAppStep(), AuthorizeStep(), GrantCodeStep(), EventsStep(), InstanceStep(),
        ReviewStep(), SubmittingStep(), ResultStep(),
    ]

    /// Recover's first part: the connection alone, returning verified values.
    public static let connectionOnly: [any FlowStep] = [ConnectionStep()]

    /// Re-authenticate: a new grant code for an existing instance, returned to the caller.
    public static let signInAgain: [any FlowStep] = [AzureAppStep(), AuthorizeStep(), GrantCodeStep()]

    /// The create step that asks for `id`.
    public static func step(asking id: ParameterID) -> WizardStep? {
        steps.first { $0.checked.contains(id) }?.id
    }
}

import OpenConnectors

/// Step 4: the redirected address (or the bare code) from the browser, with the state checked.
public struct GrantCodeStep: FlowStep {
    public init() {}
    public var id: WizardStep { .grantCode }
    public var checked: [ParameterID] { [.code] }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Paste the grant code", "Paste the whole address the browser landed on, or just the code. Line breaks and spaces are removed.")
    }
}

import OpenConnectors

/// Step 6: the instance's name and tags.
public struct InstanceStep: FlowStep {
    public init() {}
    public var id: WizardStep { .instance }
    public var checked: [ParameterID] { [.name, .tags] }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Name the instance", "The name and tags help you and your team find this instance again (for example with ocwizard recover).")
    }
}

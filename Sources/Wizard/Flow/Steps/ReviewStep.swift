import OpenConnectors

/// Step 7: every value, the request body and the curl command; Submit checks everything once more.
public struct ReviewStep: FlowStep {
    public init() {}
    public var id: WizardStep { .review }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Check everything, then Submit", "")
    }

    public func actions(_ state: JourneyState) -> [WizardAction] { [.submit, .back] }

    /// Checks every value; the first step with an error is shown again, else the submit starts.
    public func proceed(_ state: inout JourneyState) -> StepOutcome {
        let problems = Validator.problems(in: state.form, expectedState: state.expectedState)
        guard let first = problems.errors.first else { return .advance }
        for id in Set(problems.map(\.parameter)) { state.messages[id] = problems.filter { $0.parameter == id } }
        state.focusRequest = first.parameter
        return .goTo(CreateJourney.step(asking: first.parameter) ?? .review,
                     banner: Banner(tone: .error, lines: ["Fix this before submitting: \(first.description)"]))
    }

    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        action == .submit ? proceed(&state) : .stay
    }
}

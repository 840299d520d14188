import OpenConnectors

/// Step 9: the new instance's id and token, or what went wrong and which step fixes it.
public struct ResultStep: FlowStep {
    public init() {}
    public var id: WizardStep { .result }
    public var isFinal: Bool { true }

    public func intro(_ state: JourneyState) -> StepIntro {
        state.createdInstance == nil ? StepIntro("✗ The instance was not created", "") : StepIntro("✓ Instance created", "")
    }

    public func actions(_ state: JourneyState) -> [WizardAction] {
        if state.createdInstance != nil { return [.copyToken, .saveResult, .quit] }
        let back = state.submitFailure.map(FailureRouter.returnStep(for:)) ?? .review
        return [.goTo(back)] + (back == .review ? [.retrySubmit] : []) + [.quit]
    }

    public func enter(_ state: inout JourneyState) -> [Effect] {
        if let failure = state.submitFailure { state.banner = .failure(failure) }
        return []
    }

    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        switch action {
        case .retrySubmit: return .goTo(.submitting)
        case .copyToken: return state.createdInstance?.token.map { .run([.copyToClipboard($0.revealed)]) } ?? .stay
        default: return .stay
        }
    }
}

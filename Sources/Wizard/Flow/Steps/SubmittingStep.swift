import OpenConnectors

/// Step 8: `POST /instances` in flight; the answer decides between the result and the review.
public struct SubmittingStep: FlowStep {
    public init() {}
    public var id: WizardStep { .submitting }
    public var allowsBack: Bool { false }

    public func intro(_ state: JourneyState) -> StepIntro { StepIntro("Creating the instance", "") }
    public func actions(_ state: JourneyState) -> [WizardAction] { [] }

    public func enter(_ state: inout JourneyState) -> [Effect] {
        state.submitFailure = nil
        state.beginBusy(.submitting)
        return [.createInstance(baseURL: state.form.normalized(.baseURL), credentials: Credentials(form: state.form),
                                body: InstanceRequest.body(from: state.form))]
    }

    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        guard case .instanceCreated(let outcome) = result, state.busy == .submitting else { return nil }
        state.busy = nil
        switch outcome {
        case .success(let instance):
            state.createdInstance = instance
            return .advance
        case .failure(.transport(.cancelled)):
            state.lastFailure = .transport(.cancelled)
            return .goTo(.review, banner: Banner(tone: .warning, lines: [
                "Submission cancelled.",
                "If the request had already reached the service, the instance may exist: check with ocwizard recover before creating it again.",
            ]))
        case .failure(let error):
            state.submitFailure = error
            state.lastFailure = error
            return .goTo(.result)
        }
    }
}

import OpenConnectors

/// Step 8: `POST /instances` in flight; the answer decides between the result and the review.
///
/// An answer lost after the request was sent is not a failure yet: the step looks for the
/// instance first (`LostAnswer`) and shows what it found.
public struct SubmittingStep: FlowStep {
    public init() {}
    public var id: WizardStep { .submitting }
    public var allowsBack: Bool { false }

    public func intro(_ state: JourneyState) -> StepIntro { StepIntro("Creating the instance", "") }
    public func actions(_ state: JourneyState) -> [WizardAction] { [] }

    public func enter(_ state: inout JourneyState) -> [Effect] {
        state.submitFailure = nil
        state.lostAnswer = nil
        state.beginBusy(.submitting)
        return [.createInstance(baseURL: state.form.normalized(.baseURL), credentials: Credentials(form: state.form),
                                body: InstanceRequest.body(from: state.form))]
    }

    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        if let settled = LostAnswer.settle(result, &state) { return settled }
        guard case .instanceCreated(let outcome) = result, state.busy == .submitting else { return nil }
        state.busy = nil
        switch outcome {
        case .success(let instance):
            state.createdInstance = instance
            return .advance
        case .failure(let error) where error.isOutcomeUnknown:
            return LostAnswer.startLooking(cause: error, body: InstanceRequest.body(from: state.form), &state)
        case .failure(.transport(.cancelled)):
            state.lastFailure = .transport(.cancelled)
            return .goTo(.review, banner: Banner(tone: .warning, lines: [
                "Submission cancelled before the request was sent: nothing was created.",
            ]))
        case .failure(let error):
            state.submitFailure = error
            state.lastFailure = error
            return .goTo(.result)
        }
    }
}

import OpenConnectors

/// Step 9: the new instance's id and token, or what went wrong and which step fixes it.
///
/// After a lost answer it says what looking for the instance found; when looking failed too, the
/// outcome is unknown and the only ways on are looking again and quitting (a retry could make a
/// second instance).
public struct ResultStep: FlowStep {
    public init() {}
    public var id: WizardStep { .result }
    public var isFinal: Bool { true }

    public func intro(_ state: JourneyState) -> StepIntro {
        if state.createdInstance != nil { return StepIntro("✓ Instance created", "") }
        if case .failed? = state.lostAnswer?.search {
            return StepIntro("? The instance may exist: its answer was lost", "Every value is kept: Look again asks the service once more.")
        }
        return StepIntro("✗ The instance was not created", advice(state))
    }

    /// What to do next, by the step the failure sends the user back to.
    private func advice(_ state: JourneyState) -> String {
        switch state.submitFailure.map({ FailureRouter.returnStep(for: $0, lostAnswer: state.lostAnswer) }) ?? .review {
        case .authorize: "Every other value is kept: sign in again for a new code, then submit again."
        case .azureApp: "Every value is kept: correct the Azure app values, sign in again, then submit."
        case .connection: "Every value is kept: correct the secrets, then submit again."
        default: "Every value is kept: Retry sends the same request again."
        }
    }

    public func actions(_ state: JourneyState) -> [WizardAction] {
        if state.createdInstance != nil { return [.copyToken] + (Self.testEvent(state) != nil ? [.sendTestEvent] : []) + [.saveResult, .quit] }
        if case .failed? = state.lostAnswer?.search { return [.lookAgain, .quit] }
        let back = state.submitFailure.map { FailureRouter.returnStep(for: $0, lostAnswer: state.lostAnswer) } ?? .review
        return [.goTo(back)] + (back == .review ? [.retrySubmit] : []) + [.quit]
    }

    public func enter(_ state: inout JourneyState) -> [Effect] {
        if let lost = state.lostAnswer {
            state.banner = lost.banner
        } else if let failure = state.submitFailure {
            state.banner = .failure(failure)
        }
        return []
    }

    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        switch action {
        case .retrySubmit: return .goTo(.submitting)
        case .lookAgain: return LostAnswer.lookAgain(&state)
        case .copyToken: return state.createdInstance?.token.map { .run([.copyToClipboard($0.revealed)]) } ?? .stay
        case .sendTestEvent:
            guard let request = Self.testEvent(state) else { return .stay }
            state.notice = "Sending a signed test event to \(Redaction.url(request.url))…"
            return .run([.sendTestEvent(request)])
        default: return .stay
        }
    }

    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        if case .testEventSent(let report) = result {
            state.notice = nil
            state.banner = report.banner
            return .stay
        }
        return LostAnswer.settle(result, &state)
    }

    /// The test event the created instance can be sent: events on, a callback URL and a key.
    public static func testEvent(_ state: JourneyState) -> TestEventRequest? {
        guard let instance = state.createdInstance, state.form.eventsEnabled else { return nil }
        let url = state.form.normalized(.eventsCallbackURL)
        let key = state.form.secret(.signatureKey)
        guard !url.isEmpty, !key.isEmpty else { return nil }
        return TestEventRequest(url: url, signatureKey: key, instanceId: instance.id)
    }
}

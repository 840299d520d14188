import OpenConnectors

/// Step 5: webhook events on or off, with their callback URL and signature key.
public struct EventsStep: FlowStep {
    public init() {}
    public var id: WizardStep { .events }
    public var checked: [ParameterID] { [.eventsEnabled, .eventsCallbackURL, .signatureKey] }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Webhook events (optional)", "With events on, Open Connectors posts calendar changes to your service. Space turns them on or off.")
    }

    public func fields(_ state: JourneyState) -> [ParameterID] {
        state.form.eventsEnabled ? checked : [.eventsEnabled]
    }

    public func actions(_ state: JourneyState) -> [WizardAction] {
        state.form.eventsEnabled ? [.generateKey, .next] : [.next]
    }

    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        action == .generateKey ? .run([.generateSignatureKey]) : .stay
    }

    /// Passed going forward when events were set off on purpose (a profile, `--no-events`,
    /// `OC_EVENTS`): with events off the step asks nothing else.
    public func settledReason(_ state: JourneyState) -> String? {
        guard !state.form.eventsEnabled, let source = state.options.settled[.eventsEnabled] else { return nil }
        let origin = source.origin(of: ParameterTable[.eventsEnabled], value: state.form[.eventsEnabled])
        return "Webhook events are off (set by \(origin)), so the Events step was passed; go back a step to turn them on."
    }

    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        guard case .signatureKeyGenerated(let key) = result else { return nil }
        // The form keeps editable text; the key goes back to being a `Secret` when it leaves the form.
        state.set(.signatureKey, to: key.revealed)
        state.shownOnce = key
        return .stay
    }
}

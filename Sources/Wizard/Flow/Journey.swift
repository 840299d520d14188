import OpenConnectors

/// A list of steps and the engine that walks them: validation, calls, results and failure routes.
///
/// Pure: events in, effects out. The screen, line and batch drivers all run a journey, so a step
/// behaves the same in each.
public struct Journey: Sendable, Equatable {
    /// The steps, in order.
    public let steps: [any FlowStep]
    /// Everything the journey knows.
    public var state: JourneyState

    /// A journey over `steps`, starting on the first.
    public init(steps: [any FlowStep], options: JourneyOptions, form: InstanceForm) {
        precondition(!steps.isEmpty, "a journey needs a step")
        self.steps = steps
        self.state = JourneyState(options: options, form: form, step: steps[0].id)
    }

    public static func == (lhs: Journey, rhs: Journey) -> Bool {
        lhs.state == rhs.state && lhs.steps.map(\.id) == rhs.steps.map(\.id)
    }

    /// The current step's definition.
    public var current: any FlowStep { steps[index] }
    /// The current step's position, from 0.
    public var index: Int { steps.firstIndex { $0.id == state.step } ?? 0 }
    /// The steps' names, in order.
    public var stepIDs: [WizardStep] { steps.map(\.id) }
    /// The current step's fields.
    public var fields: [ParameterID] { current.fields(state) }
    /// The current step's buttons.
    public var actions: [WizardAction] { current.actions(state) }
    /// The current step's heading and introduction.
    public var intro: StepIntro { current.intro(state) }

    /// Shows the first step; returns the effects it starts.
    public mutating func start() -> [Effect] { show(steps[0].id) }

    /// Next: validate the step (errors block, warnings ask once), then let the step go on.
    public mutating func goOn() -> [Effect] {
        guard state.busy == nil, validateStep() else { return [] }
        var state = self.state
        let outcome = current.proceed(&state)
        self.state = state
        return apply(outcome)
    }

    /// Back one step; `false` on the first step (the driver decides whether that quits).
    @discardableResult
    public mutating func goBack() -> Bool { stepBack() != nil }

    /// Back one step, returning the effects of leaving (the sign-in listener stops); `nil` when
    /// Back does not leave this step.
    public mutating func stepBack() -> [Effect]? {
        guard state.busy == nil, current.allowsBack, index > 0 else { return nil }
        if current.isFinal {
            // From the result, Back shows the review again (the instance, if any, stays).
            guard state.createdInstance == nil, let review = steps.firstIndex(where: { $0.id == .review }) else { return [] }
            return show(steps[review].id)
        }
        return show(steps[index - 1].id)
    }

    /// Presses a button of the current step.
    public mutating func press(_ action: WizardAction) -> [Effect] {
        switch action {
        case .next: return goOn()
        case .back: return stepBack() ?? []
        case .goTo(let target):
            // "Back to …" after a failed submit takes that failure's route.
            if let failure = state.submitFailure { return follow(FailureRouter.route(failure, lostAnswer: state.lostAnswer), to: target) }
            return show(target)
        default:
            var state = self.state
            let outcome = current.perform(action, &state)
            self.state = state
            return apply(outcome)
        }
    }

    /// Feeds an effect's result to the current step.
    public mutating func receive(_ result: EffectResult) -> [Effect] {
        switch result {
        case .clipboardCopied:
            state.notice = "Copied to the clipboard (OSC 52; your terminal must allow it)."
            return []
        case .browserOpened(.success):
            state.notice = "Opened the sign-in page in your browser."
            return []
        case .browserOpened(.failure(let failure)):
            state.notice = "\(failure.reason) Copy the URL instead."
            return []
        case .redirectListening(let outcome):
            noteListening(outcome)
            return []
        case .redirectCaught(let caught):
            return apply(catchRedirect(caught))
        default:
            var state = self.state
            guard let outcome = current.receive(result, &state) else { return [] }
            self.state = state
            return apply(outcome)
        }
    }

    /// Shows a step by name (when the journey has it).
    public mutating func show(_ step: WizardStep) -> [Effect] {
        guard let target = steps.first(where: { $0.id == step }) else { return [] }
        state.step = target.id
        state.banner = nil
        let stop = leaveSignInSteps()
        var state = self.state
        let effects = target.enter(&state)
        self.state = state
        return stop + effects
    }

    /// Takes a failure route: marks fields, then shows its target (or `override`).
    public mutating func follow(_ route: FailureRoute, to override: WizardStep? = nil) -> [Effect] {
        for (id, problems) in route.messages { state.messages[id] = problems }
        for id in route.cleared { state.form[id] = "" }
        if route.newSignIn { state.authorization = nil }
        if route.reverify { state.verifiedConnection = nil }
        state.focusRequest = route.focus
        state.submitFailure = nil
        state.lostAnswer = nil
        guard let target = override ?? route.target else {
            state.banner = route.banner
            return []
        }
        let effects = show(target)
        if state.banner == nil { state.banner = route.banner }
        return effects
    }

    /// Takes a journey that had finished (a child that returned its values) back to where `route`
    /// points, because what the parent did with the values failed there.
    public mutating func reopen(following route: FailureRoute) -> [Effect] {
        state.finished = false
        return follow(route)
    }

    /// Validates the current step's checked fields; returns whether it may be left.
    public mutating func validateStep() -> Bool {
        let ids = current.checked
        guard !ids.isEmpty else { return true }
        let problems = Validator.problems(in: state.form, for: ids, expectedState: state.expectedState)
        for id in ids { state.messages[id] = problems.filter { $0.parameter == id } }
        if let first = problems.errors.first {
            state.focusRequest = first.parameter
            return false
        }
        let fresh = problems.warnings.filter { !state.acknowledgedWarnings.contains($0) }
        if !fresh.isEmpty {
            state.acknowledgedWarnings.formUnion(fresh)
            state.notice = "Please read the warning\(fresh.count > 1 ? "s" : ""); press Next again to continue anyway."
            state.focusRequest = fresh[0].parameter
            return false
        }
        return true
    }

    /// Applies a step's outcome.
    mutating func apply(_ outcome: StepOutcome) -> [Effect] {
        switch outcome {
        case .stay: return []
        case .run(let effects): return effects
        case .goTo(let step, let banner):
            let effects = show(step)
            if let banner { state.banner = banner }
            return effects
        case .failed(let error):
            state.lastFailure = error
            return follow(FailureRouter.route(error))
        case .advance:
            return showStep(after: index)
        case .advancePast(let step):
            return showStep(after: steps.firstIndex { $0.id == step } ?? index)
        }
    }

    /// Shows the step after position `position`, or finishes the journey after the last.
    ///
    /// Steps whose answers were all settled before the journey are passed, and the step shown
    /// says which were passed and why (Back still shows them).
    private mutating func showStep(after position: Int) -> [Effect] {
        var next = position + 1
        var passed: [String] = []
        while next < steps.count, !steps[next].isFinal, let reason = steps[next].settledReason(state) {
            passed.append(reason)
            next += 1
        }
        guard next < steps.count else {
            state.finished = true
            return leaveSignInSteps()
        }
        let effects = show(steps[next].id)
        if !passed.isEmpty, state.banner == nil { state.banner = Banner(tone: .info, lines: passed) }
        return effects
    }
}

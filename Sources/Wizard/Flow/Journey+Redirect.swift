import OpenConnectors
import SystemPorts

/// The sign-in steps' loopback listener: started once the sign-in URL (and so its `state`) is
/// known, stopped as soon as the journey leaves Authorize and Grant code.
extension Journey {
    /// The steps during which the browser may come back.
    static let signInSteps: Set<WizardStep> = [.authorize, .grantCode]

    /// Starts (or restarts, for a new `state` or callback) the listener when the callback URL is
    /// on this machine and a sign-in URL is on hand; nothing otherwise.
    static func listenEffects(_ state: inout JourneyState) -> [Effect] {
        guard let callback = LoopbackCallback(state.form.normalized(.callbackURL)), let expected = state.expectedState else { return [] }
        if let running = state.redirectListener, running.callback == callback, running.expectedState == expected, running.failure == nil { return [] }
        state.redirectListener = RedirectListener(callback: callback, expectedState: expected)
        return [.listenForRedirect(callback, expectedState: expected)]
    }

    /// Stops the listener when the current step is no longer a sign-in step (or the journey finished).
    mutating func leaveSignInSteps() -> [Effect] {
        guard state.redirectListener != nil, state.finished || !Self.signInSteps.contains(state.step) else { return [] }
        state.redirectListener = nil
        return [.stopListening]
    }

    /// Records whether the listener could listen; a failure is shown with the port and what to do.
    mutating func noteListening(_ outcome: Result<Done, ListenFailure>) {
        guard state.redirectListener != nil else { return }
        switch outcome {
        case .success:
            state.redirectListener?.isListening = true
        case .failure(let failure):
            state.redirectListener?.failure = failure
            state.banner = Banner(tone: .warning, lines: [failure.reason])
        }
    }

    /// The browser came back: a code goes on by itself past the grant code; Microsoft's refusal is shown.
    mutating func catchRedirect(_ caught: CaughtRedirect) -> StepOutcome {
        guard state.redirectListener != nil, Self.signInSteps.contains(state.step), state.busy == nil else { return .stay }
        switch caught {
        case .signedIn(let url):
            state.set(.code, to: url)
            let problems = Validator.problems(of: .code, in: state.form, expectedState: state.expectedState)
            state.messages[.code] = problems
            guard problems.errors.isEmpty else {
                state.banner = Banner(tone: .error, lines: problems.errors.map(\.message))
                return .stay
            }
            state.redirectListener = nil  // it stopped after answering this request
            state.notice = "Signed in: the browser came back with the grant code."
            return .advancePast(.grantCode)
        case .refused(let problem):
            state.banner = Banner(tone: .error, lines: [problem.message])
            return .stay
        }
    }
}

import OpenConnectors

/// Step 4: the redirected address (or the bare code) from the browser, with the state checked.
public struct GrantCodeStep: FlowStep {
    public init() {}
    public var id: WizardStep { .grantCode }
    public var checked: [ParameterID] { [.code] }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Paste the grant code", (["Paste the whole address the browser landed on, or just the code. Line breaks and spaces are removed."]
            + [SignInAge(state)?.text].compactMap { $0 }).joined(separator: " "))
    }

    /// Next, and New sign-in first once the code has expired.
    public func actions(_ state: JourneyState) -> [WizardAction] {
        (SignInAge.isExpired(state) ? [.newSignIn] : []) + [.next]
    }

    /// New sign-in: the old URL and any pasted code go, and Authorize fetches a new URL.
    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        guard action == .newSignIn else { return .stay }
        state.authorization = nil
        state.set(.code, to: "")
        return .goTo(.authorize)
    }
}

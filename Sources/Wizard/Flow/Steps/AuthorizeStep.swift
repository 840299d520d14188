import OpenConnectors

/// Step 3: the Microsoft sign-in URL, fetched for the current Azure app values, to open in a browser.
public struct AuthorizeStep: FlowStep {
    public init() {}
    public var id: WizardStep { .authorize }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Sign in with Microsoft", ([SignInAge(state)?.text].compactMap { $0 } + [
            "Open this address in a browser, sign in with the account to connect and accept the consent screen:",
        ] + Self.waitingText(state)).joined(separator: " "))
    }

    /// What the step says about the loopback listener: where it waits, and over SSH how to reach it.
    public static func waitingText(_ state: JourneyState) -> [String] {
        guard let listener = state.redirectListener, listener.isListening else { return [] }
        let address = state.form.normalized(.callbackURL)
        var text = ["The wizard waits for the browser to come back to \(address) and goes on by itself; pasting the address on the next step works too."]
        if let host = state.options.sshHost {
            text.append("This is an SSH session: the browser must run on this machine, or forward the port first with \(listener.callback.forwardingCommand(host: host)) from the machine the browser runs on.")
        }
        return text
    }

    public func actions(_ state: JourneyState) -> [WizardAction] {
        guard state.authorization != nil else { return state.busy == nil ? [.retryAuthorizationURL, .back] : [] }
        // Enter opens the browser when one can be opened: the first button has the focus; once
        // the code has expired, Enter gets a new sign-in.
        let renew: [WizardAction] = SignInAge.isExpired(state) ? [.newSignIn] : []
        return renew + (state.options.browserAvailable ? [.openBrowser] : []) + [.copyURL] + (state.isSandbox ? [.simulateSignIn] : []) + [.next]
    }

    /// Fetches the sign-in URL unless the one on hand fits the current values (or no person signs
    /// in); with one on hand, listens for the browser's redirect on a loopback callback.
    public func enter(_ state: inout JourneyState) -> [Effect] {
        if state.options.unattended { return [] }
        let request = state.authorizationRequest
        if state.authorization?.request == request { return Journey.listenEffects(&state) }
        state.authorization = nil
        state.beginBusy(.fetchingAuthorizationURL)
        return [.fetchAuthorizationURL(request)]
    }

    public func proceed(_ state: inout JourneyState) -> StepOutcome {
        state.options.unattended || state.authorization != nil ? .advance : .stay
    }

    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        switch action {
        case .retryAuthorizationURL:
            return .run(enter(&state))
        case .newSignIn:
            state.authorization = nil
            return .run(enter(&state))
        case .copyURL:
            return state.authorization.map { .run([.copyToClipboard($0.url)]) } ?? .stay
        case .openBrowser:
            return state.authorization.map { .run([.openBrowser(url: $0.url)]) } ?? .stay
        case .simulateSignIn:
            guard let url = state.authorization?.url else { return .stay }
            state.beginBusy(.simulatingSignIn)
            return .run([.simulateSignIn(url: url)])
        default:
            return .stay
        }
    }

    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        switch result {
        case .authorizationURL(let outcome):
            guard state.busy == .fetchingAuthorizationURL else { return nil }
            state.busy = nil
            switch outcome {
            case .success(let redirect):
                state.authorization = AuthorizationURL(url: redirect.oauthUrl, request: state.authorizationRequest, fetchedAt: state.now)
                return .run(Journey.listenEffects(&state))
            case .failure(let error):
                return .failed(error)
            }
        case .signInSimulated(let outcome):
            guard state.busy == .simulatingSignIn else { return nil }
            state.busy = nil
            switch outcome {
            case .success(let redirectedURL):
                state.set(.code, to: redirectedURL)
                state.messages[.code] = Validator.problems(of: .code, in: state.form, expectedState: state.expectedState)
                state.notice = "Signed in to the sandbox; the redirected address was filled in."
                return .advance
            case .failure(let error):
                state.banner = .failure(error)
                return .stay
            }
        default:
            return nil
        }
    }
}

import OpenConnectors

extension CreateWizard {
    /// Next: validate the step (errors block, warnings ask once), then move on or start its request.
    mutating func goNext() -> [Effect] {
        guard validateStep() else { return [] }
        switch step {
        case .connection:
            let connection = currentConnection
            if verifiedConnection == connection { return enter(.azureApp) }
            beginBusy(.verifyingCredentials)
            return [.verifyCredentials(baseURL: connection.baseURL, credentials: connection.credentials)]
        case .azureApp:
            return enterAuthorize()
        case .authorize:
            return authorization == nil ? [] : enter(.grantCode)
        case .grantCode: return enter(.events)
        case .events: return enter(.instance)
        case .instance: return enter(.review)
        case .review: return submit()
        case .submitting, .result: return []
        }
    }

    /// Back one step; on the first step, quit (asking first if anything was typed).
    mutating func goBack() -> [Effect] {
        switch step {
        case .connection:
            if hasUserInput { modal = .confirmQuit; return [] }
            return [.quit(status: 130)]
        case .submitting:
            return []
        case .result:
            return enter(createdInstance == nil ? .review : .result)
        default:
            banner = nil
            step = WizardStep(rawValue: step.rawValue - 1) ?? .connection
            focusFirst()
            return []
        }
    }

    /// Starts on the Azure app step when the connection values were already verified (recover hands over to create).
    public mutating func continueWithVerifiedConnection() {
        guard step == .connection, validateStep() else { return }
        verifiedConnection = currentConnection
        _ = enter(.azureApp)
    }

    /// Validates the current step's fields; returns whether it may be left.
    mutating func validateStep() -> Bool {
        let ids = step.parameters
        guard !ids.isEmpty else { return true }
        let problems = Validator.problems(in: form, for: ids, expectedState: expectedState)
        for id in ids { messages[id] = problems.filter { $0.parameter == id } }
        if !problems.errors.isEmpty {
            focusFirst()
            return false
        }
        let fresh = problems.warnings.filter { !acknowledgedWarnings.contains($0) }
        if !fresh.isEmpty {
            acknowledgedWarnings.formUnion(fresh)
            notice = "Please read the warning\(fresh.count > 1 ? "s" : ""); press Next again to continue anyway."
            return false
        }
        return true
    }

    /// Shows a step with the focus on its first element.
    mutating func enter(_ next: WizardStep) -> [Effect] {
        step = next
        banner = nil
        scrollOffset = 0
        focusFirst()
        return []
    }

    /// What the sign-in URL is asked for with, from the current values.
    var authorizationRequest: AuthorizationRequest {
        AuthorizationRequest(
            baseURL: form.normalized(.baseURL), credentials: Credentials(form: form),
            apiKey: form.normalized(.apiKey), apiSecret: form.normalized(.apiSecret),
            callbackURL: form.normalized(.callbackURL), scope: form.normalized(.scope),
            state: configuration.oauthState)
    }

    /// Enters Authorize, fetching a sign-in URL unless the one on hand fits the current values.
    mutating func enterAuthorize() -> [Effect] {
        let request = authorizationRequest
        _ = enter(.authorize)
        if authorization?.request == request { return [] }
        authorization = nil
        beginBusy(.fetchingAuthorizationURL)
        return [.fetchAuthorizationURL(request)]
    }

    /// Validates everything and sends `POST /instances`.
    mutating func submit() -> [Effect] {
        let problems = Validator.problems(in: form, expectedState: expectedState)
        if let first = problems.errors.first {
            for id in Set(problems.map(\.parameter)) { messages[id] = problems.filter { $0.parameter == id } }
            let target = WizardStep.allCases.first { $0.parameters.contains(first.parameter) } ?? .review
            _ = enter(target)
            banner = Banner(tone: .error, lines: ["Fix this before submitting: \(first.description)"])
            return []
        }
        submitFailure = nil
        step = .submitting
        beginBusy(.submitting)
        return [.createInstance(baseURL: form.normalized(.baseURL), credentials: Credentials(form: form), body: InstanceRequest.body(from: form))]
    }

    /// Presses a button.
    mutating func perform(_ action: WizardAction) -> [Effect] {
        switch action {
        case .next: return goNext()
        case .back: return goBack()
        case .copyURL:
            guard let url = authorization?.url else { return [] }
            return [.copyToClipboard(url)]
        case .openBrowser:
            guard let url = authorization?.url else { return [] }
            return [.openBrowser(url: url)]
        case .simulateSignIn:
            guard let url = authorization?.url else { return [] }
            beginBusy(.simulatingSignIn)
            return [.simulateSignIn(url: url)]
        case .retryAuthorizationURL:
            return enterAuthorize()
        case .generateKey:
            return [.generateSignatureKey]
        case .submit, .retrySubmit:
            return submit()
        case .copyToken:
            guard let token = createdInstance?.token else { return [] }
            return [.copyToClipboard(token)]
        case .saveResult:
            guard let instance = createdInstance else { return [] }
            modal = .save(.start(for: instance))
            return []
        case .goTo(let target):
            if target == .authorize {
                replaceValue(.code, with: "")
                authorization = nil
                return enterAuthorize()
            }
            return enter(target)
        case .quit:
            return [.quit(status: createdInstance == nil ? 130 : 0)]
        }
    }
}

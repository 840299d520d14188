import OpenConnectors

extension RecoverWizard {
    /// Handles one event; returns the effects to run.
    @discardableResult
    public mutating func update(_ event: WizardEvent) -> [Effect] {
        switch event {
        case .tick(let instant):
            now = instant
            if busy != nil, busySince == nil { busySince = instant }
            return forwardToChild(event)
        case .key(.control("c")):
            return [.quit(status: ExitCode.cancelled)]
        case .response(let result):
            return handle(result)
        case .key, .paste:
            if case .key = event { notice = nil }
            switch screen {
            case .connection, .reauthenticate: return forwardToChild(event)
            case .instances: return handleListInput(event)
            case .detail: return handleDetailInput(event)
            }
        }
    }

    /// Lets the child journey on screen handle an event, then takes what it returned.
    mutating func forwardToChild(_ event: WizardEvent) -> [Effect] {
        switch screen {
        case .connection:
            let effects = connectionJourney.update(event)
            guard connectionJourney.journey.state.finished else { return effects }
            connectionJourney.journey.state.finished = false
            connectionReturned()
            return effects + startListing()
        case .reauthenticate:
            guard var child = signInJourney else { return [] }
            let effects = child.update(event)
            signInJourney = child
            if child.left {
                signInJourney = nil
                screen = .detail
                return effects
            }
            guard child.journey.state.finished, busy == nil else { return effects }
            return effects + startReauthentication(with: child.form)
        case .instances, .detail:
            return []
        }
    }

    /// Starts the listing after the connection was verified.
    mutating func startListing() -> [Effect] {
        screen = .instances
        list = InstanceList()
        listing = .loading(pages: 0, total: nil)
        banner = nil
        return [.listInstances(baseURL: connection.baseURL, credentials: connection.credentials)]
    }

    /// Marks the start of a wait.
    mutating func beginBusy(_ reason: RecoverBusy) {
        busy = reason
        busySince = now
        banner = nil
    }

    /// Sends the re-authentication with the values the sign-in journey returned.
    mutating func startReauthentication(with form: InstanceForm) -> [Effect] {
        guard let detail else { return [] }
        beginBusy(.reauthenticating)
        return [.reauthenticate(ReauthenticationRequest(
            baseURL: connection.baseURL, credentials: connection.credentials, id: detail.id,
            code: InstanceRequest.grantCode(in: form), apiKey: form.normalized(.apiKey),
            apiSecret: form.normalized(.apiSecret), callbackURL: form.normalized(.callbackURL)))]
    }

    /// Starts the sign-in-again journey for the shown instance, pre-filled from its configuration.
    mutating func beginReauthentication() {
        guard let detail else { return }
        // The run's own values (profile, environment), the verified connection, then the instance's
        // configuration; the client secret is always typed again and the code comes from a new sign-in.
        var prefill = configuration.prefill
        prefill[.apiSecret] = nil
        prefill[.code] = nil
        for id in ConnectionStep().checked { prefill[id] = connectionJourney.form[id] }
        for (id, key) in [(ParameterID.apiKey, "oauth.api.key"), (.callbackURL, "oauth.callback.url"), (.scope, "oauth.scope")] {
            if let value = detail.configuration[key], value != "********", !value.isEmpty { prefill[id] = value }
        }
        var setup = configuration
        setup.prefill = prefill
        setup.prefillSources = [:]
        var child = CreateWizard(configuration: setup, steps: CreateJourney.signInAgain, firstStepBack: .leave)
        let retype = child.form.normalized(.apiKey).isEmpty ? "the client ID and client secret again: Open Connectors returns both masked" : "the client secret again: Open Connectors never returns it"
        child.journey.state.banner = Banner(tone: .info, lines: ["Re-authenticating \(detail.name) (id \(detail.id)). Type \(retype)."])
        child.focus = .field(child.form.normalized(.apiKey).isEmpty ? .apiKey : .apiSecret)
        signInJourney = child
        screen = .reauthenticate
    }

    /// A 401 sends the user back to the connection step with the secrets kept.
    mutating func backToConnection(_ error: OpenConnectorsError) {
        screen = .connection
        signInJourney = nil
        _ = connectionJourney.drive { $0.follow(FailureRouter.route(error)) }
    }
}

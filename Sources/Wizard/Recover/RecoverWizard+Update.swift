import OpenConnectors

extension RecoverWizard {
    /// Handles one event; returns the effects to run.
    @discardableResult
    public mutating func update(_ event: WizardEvent) -> [Effect] {
        switch event {
        case .tick(let instant):
            now = instant
            if busy != nil, busySince == nil { busySince = instant }
            inner.update(event)
            return []
        case .key(.control("c")):
            return [.quit(status: 130)]
        case .response(let result):
            return handle(result)
        case .key, .paste:
            if case .key = event { notice = nil }
            switch screen {
            case .connection, .reauthenticate: return forwardToInner(event)
            case .instances: return handleListInput(event)
            case .detail: return handleDetailInput(event)
            }
        }
    }

    /// Lets the create wizard run its step, then looks at where it went.
    mutating func forwardToInner(_ event: WizardEvent) -> [Effect] {
        let effects = inner.update(event)
        if screen == .connection, inner.step == .azureApp { return effects + startListing() }
        // Back from the first re-authentication step returns to the instance.
        if screen == .reauthenticate, inner.step == .connection { screen = .detail }
        if screen == .reauthenticate, inner.step == .events { return effects + startReauthentication() }
        return effects
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

    /// Sends the re-authentication once the new grant code passed its step.
    mutating func startReauthentication() -> [Effect] {
        guard let detail else { return [] }
        inner.step = .grantCode
        beginBusy(.reauthenticating)
        let form = inner.form
        return [.reauthenticate(ReauthenticationRequest(
            baseURL: connection.baseURL, credentials: connection.credentials, id: detail.id,
            code: InstanceRequest.grantCode(in: form), apiKey: form.normalized(.apiKey),
            apiSecret: form.normalized(.apiSecret), callbackURL: form.normalized(.callbackURL)))]
    }

    /// Sets up the Azure app step for re-authenticating the shown instance.
    mutating func beginReauthentication() {
        guard let detail else { return }
        let configuration = detail.configuration
        for (id, key) in [(ParameterID.apiKey, "oauth.api.key"), (.callbackURL, "oauth.callback.url"), (.scope, "oauth.scope")] {
            if let value = configuration[key], value != "********", !value.isEmpty { inner.replaceValue(id, with: value) }
        }
        inner.replaceValue(.apiSecret, with: "")
        inner.replaceValue(.code, with: "")
        inner.authorization = nil
        inner.messages = [:]
        _ = inner.enter(.azureApp)
        let retype = inner.form.normalized(.apiKey).isEmpty ? "the client ID and client secret again: Open Connectors returns both masked" : "the client secret again: Open Connectors never returns it"
        inner.banner = Banner(tone: .info, lines: ["Re-authenticating \(detail.name) (id \(detail.id)). Type \(retype)."])
        inner.focus = .field(inner.form.normalized(.apiKey).isEmpty ? .apiKey : .apiSecret)
        screen = .reauthenticate
    }

    /// A 401 sends the user back to the connection step with the secrets kept.
    mutating func backToConnection(_ error: OpenConnectorsError) {
        screen = .connection
        _ = inner.enter(.connection)
        inner.verifiedConnection = nil
        inner.showConnectionFailure(error)
    }
}

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
        pagingStop = nil
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
        return [.reauthenticate(Reauthentication.request(connection: connection, id: detail.id, form: form))]
    }

    /// Starts the sign-in-again journey for the shown instance, pre-filled from its configuration.
    mutating func beginReauthentication() {
        guard let detail else { return }
        let setup = Reauthentication.configuration(run: configuration, connection: connectionJourney.form, instance: detail)
        var child = CreateWizard(configuration: setup, steps: CreateJourney.signInAgain, firstStepBack: .leave)
        child.journey.state.banner = Reauthentication.banner(for: detail, form: child.form)
        child.focus = .field(Reauthentication.firstField(child.form))
        signInJourney = child
        screen = .reauthenticate
    }

    /// A 401 sends the user back to the connection step with the secrets kept.
    mutating func backToConnection(_ error: OpenConnectorsError) {
        screen = .connection
        signInJourney = nil
        _ = connectionJourney.drive { $0.reopen(following: FailureRouter.route(error)) }
    }
}

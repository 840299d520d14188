import OpenConnectors
import Wizard

/// `ocwizard recover` as plain prompts: the connection and sign-in-again journeys run by the line
/// driver, the listing, the detail and its actions as menus.
public struct LineRecover {
    let io: any LineIO
    let performer: any EffectPerformer
    let configuration: WizardConfiguration

    public init(io: any LineIO, performer: any EffectPerformer, configuration: WizardConfiguration) {
        self.io = io; self.performer = performer; self.configuration = configuration
    }

    struct EndOfInput: Error {}

    /// Runs until the user is done (`.finished`: they quit after finding what they wanted, or the
    /// account has no instance and they were told how to create one).
    public func run() async -> LineOutcome {
        var connectionJourney = Journey(steps: CreateJourney.connectionOnly, options: configuration.journeyOptions, form: configuration.initialForm)
        let line = LineDriver(io: io, performer: performer)
        var resumeEffects: [Effect]?
        do {
            while true {
                let outcome = if let effects = resumeEffects { await line.resume(&connectionJourney, effects: effects) } else { await line.run(&connectionJourney) }
                switch outcome {
                case .finished: break
                case let other: return other
                }
                let connection = connectionJourney.state.currentConnection
                io.say("Reading the account's Microsoft Graph instances…")
                var list = InstanceList()
                var failure: OpenConnectorsError?
                for result in await performer.results(of: .listInstances(baseURL: connection.baseURL, credentials: connection.credentials)) {
                    switch result {
                    case .instancesPage(.success(let page)):
                        list.append(page.instances)
                        if let stop = page.stopped { io.say("⚠ " + stop.message) }
                    case .instancesPage(.failure(let error)): failure = error
                    default: break
                    }
                }
                if let failure {
                    let route = FailureRouter.route(failure)
                    guard route.target == .connection else { return .failed(report(failure)) }
                    // Wrong secrets: ask for them again, every other value kept.
                    resumeEffects = connectionJourney.reopen(following: route)
                    continue
                }
                if list.all.isEmpty {
                    io.say("This account has no Microsoft Graph instance yet.")
                    io.say("Create one with: ocwizard create\(configuration.sandboxURL == nil ? "" : " --sandbox")")
                    return .finished
                }
                return try await browse(&list, connection: connection, connectionForm: connectionJourney.state.form)
            }
        } catch {
            return .endOfInput
        }
    }

    /// The list: filter, pick one, act on it; back comes here.
    private func browse(_ list: inout InstanceList, connection: VerifiedConnection, connectionForm: InstanceForm) async throws(EndOfInput) -> LineOutcome {
        while true {
            io.say("")
            io.say("\(list.visible.count) of \(list.all.count) instance\(list.all.count == 1 ? "" : "s")\(list.query.isEmpty ? "" : " match “\(TextSafety.visible(list.query))”"):")
            for row in 0..<min(list.visible.count, 30) {
                let instance = list.instance(atRow: row)
                let tags = instance.tags.isEmpty ? "" : "  [\(TextSafety.visible(instance.tags.joined(separator: ", ")))]"
                io.say("  \(row + 1). \(TextSafety.visible(instance.name))  (id \(instance.id))\(tags)")
            }
            if list.visible.count > 30 { io.say("  … \(list.visible.count - 30) more: type some of a name, id or tag to narrow the list.") }
            guard let reply = io.ask("Number to open, text to filter, Enter for all, q to quit: ") else { throw EndOfInput() }
            let typed = Normalizer.trim(reply)
            if typed.lowercased() == "q" || typed.lowercased() == "quit" { return .finished }
            if let number = Int(typed), (1...max(1, min(list.visible.count, 30))).contains(number), !list.visible.isEmpty {
                let instance = list.instance(atRow: number - 1)
                if let outcome = try await detail(instance, list: &list, connection: connection, connectionForm: connectionForm) { return outcome }
                continue
            }
            list.filter(typed)
        }
    }

    /// One instance: read again, token on request, re-authenticate, enable, delete. `nil` goes back to the list.
    private func detail(_ shown: Instance, list: inout InstanceList, connection: VerifiedConnection, connectionForm: InstanceForm) async throws(EndOfInput) -> LineOutcome? {
        var instance = shown
        if case .instanceLoaded(.success(let fresh))? = await performer.results(of: .loadInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: shown.id)).first {
            instance = fresh
            list.replace(id: fresh.id, with: fresh)
        }
        while true {
            io.say("")
            io.say("Instance \(instance.id) · \(TextSafety.visible(instance.name))")
            io.say("  Tags: \(TextSafety.visible(instance.tags.joined(separator: ", ")))  Events: \(instance.eventsEnabled == true ? "on" : "off")  \(instance.disabled == true ? "DISABLED" : "enabled")\(instance.valid == false ? "  NOT VALID: re-authenticate it" : "")")
            io.say("  API base: \(TextSafety.visible(connection.baseURL))")
            io.say("  Use it with: Authorization: User $OC_USER_SECRET, Organization $OC_ORG_SECRET, Element <token>")
            var actions = ["token", "re-authenticate"]
            if instance.disabled == true { actions.append("enable") }
            if RecoverWizard.testEvent(for: instance, configuration: configuration) != nil { actions.append("test-event") }
            actions += ["delete", "back", "quit"]
            guard let reply = io.ask("Enter shows the token; or type \(actions.dropFirst().joined(separator: ", ")): ") else { throw EndOfInput() }
            let typed = Normalizer.trim(reply).lowercased()
            let chosen = typed.isEmpty ? "token" : actions.first { $0.hasPrefix(typed) }
            switch chosen {
            case "token":
                io.say("  token: \(TextSafety.visible(instance.revealedToken))")
            case "re-authenticate":
                guard let renewed = try await reauthenticate(instance, connection: connection, connectionForm: connectionForm) else { continue }
                list.replace(id: renewed.id, with: renewed)
                instance = renewed
            case "enable":
                switch await performer.results(of: .enableInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: instance.id)).first {
                case .instanceEnabled(.success)?:
                    io.say("✓ Enabled \(TextSafety.visible(instance.name)).")
                    instance.disabled = false
                case .instanceEnabled(.failure(let error))? where error.isOutcomeUnknown:
                    let (_, after) = await settle(LostInstanceAction(.enable, cause: error, instance: instance), connection: connection)
                    if let after { instance = after; list.replace(id: after.id, with: after) }
                case .instanceEnabled(.failure(let error))?: _ = report(error)
                default: break
                }
            case "test-event":
                switch RecoverWizard.testEvent(for: instance, configuration: configuration) {
                case .success(let request)?: await LinePresentation.sendTestEvent(request, performer: performer, io: io)
                case .failure(let missing)?: io.say("  \(missing.message)")
                case nil: break
                }
            case "delete":
                guard let typedName = io.ask("Type the instance's name to delete it (its token stops working at once): ") else { throw EndOfInput() }
                guard typedName == instance.name else { io.say("  Not deleted: the name did not match."); continue }
                switch await performer.results(of: .deleteInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: instance.id)).first {
                case .instanceDeleted(.success)?:
                    io.say("✓ Deleted \(TextSafety.visible(instance.name)) (id \(instance.id)).")
                    list.replace(id: instance.id, with: nil)
                    return nil
                case .instanceDeleted(.failure(let error))? where error.isOutcomeUnknown:
                    let (outcome, after) = await settle(LostInstanceAction(.delete, cause: error, instance: instance), connection: connection)
                    if outcome == .done { list.replace(id: instance.id, with: nil); return nil }
                    if let after { instance = after; list.replace(id: after.id, with: after) }
                case .instanceDeleted(.failure(let error))?: _ = report(error)
                default: break
                }
            case "back": return nil
            case "quit": return .finished
            default: io.say("  Press Enter for the token, or type one of: \(actions.dropFirst().joined(separator: ", ")).")
            }
        }
    }

    /// Reads the instance again after an Enable or Delete whose answer was lost, says what it
    /// shows, and hands back the outcome and the instance as it is now (if it could be read).
    private func settle(_ lost: LostInstanceAction, connection: VerifiedConnection) async -> (LostInstanceAction.Outcome, Instance?) {
        let reread: Result<Instance, OpenConnectorsError> = switch await performer.results(of: .loadInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: lost.instance.id)).first {
        case .instanceLoaded(let outcome)?: outcome
        default: .failure(lost.cause)
        }
        for line in LinePresentation.banner(lost.banner(reread: reread)) { io.say(line) }
        return (lost.outcome(reread: reread), try? reread.get())
    }

    /// Signs in again with the sign-in-again journey and sends the new code; the failure router
    /// sends a used code or a wrong Azure value back into the journey with every other value kept.
    private func reauthenticate(_ instance: Instance, connection: VerifiedConnection, connectionForm: InstanceForm) async throws(EndOfInput) -> Instance? {
        let setup = Reauthentication.configuration(run: configuration, connection: connectionForm, instance: instance)
        var journey = Journey(steps: CreateJourney.signInAgain, options: setup.journeyOptions, form: setup.initialForm)
        io.say(Reauthentication.banner(for: instance, form: journey.state.form).lines.map(TextSafety.visible).joined(separator: " "))
        let line = LineDriver(io: io, performer: performer)
        var resumeEffects: [Effect]?
        while true {
            let outcome = if let effects = resumeEffects { await line.resume(&journey, effects: effects) } else { await line.run(&journey) }
            switch outcome {
            case .finished: break
            case .endOfInput: throw EndOfInput()
            case .quit, .failed: return nil
            }
            io.say("Re-authenticating the instance…")
            let request = Reauthentication.request(connection: connection, id: instance.id, form: journey.state.form)
            switch await performer.results(of: .reauthenticate(request)).first {
            case .instanceReauthenticated(.success(let renewed))?:
                for line in LinePresentation.banner(Reauthentication.outcome(before: instance, after: renewed)) { io.say(line) }
                return renewed
            case .instanceReauthenticated(.failure(let error))? where error.isOutcomeUnknown:
                // It may have been applied (and the code used): read the instance again, no retry.
                let lost = LostReauthentication(cause: error, before: instance)
                io.say("Reading the instance again…")
                guard case .instanceLoaded(let reread)? = await performer.results(of: .loadInstance(
                    baseURL: connection.baseURL, credentials: connection.credentials, id: instance.id)).first else { return nil }
                for line in LinePresentation.banner(lost.banner(reread: reread)) { io.say(line) }
                return try? reread.get()
            case .instanceReauthenticated(.failure(let error))?:
                let route = FailureRouter.route(error)
                guard let target = route.target, journey.stepIDs.contains(target) else { _ = report(error); return nil }
                resumeEffects = journey.reopen(following: route)
            default:
                return nil
            }
        }
    }

    /// Prints a failure; returns it.
    private func report(_ error: OpenConnectorsError) -> OpenConnectorsError {
        for line in LinePresentation.banner(.failure(error)) { io.say(line) }
        return error
    }
}

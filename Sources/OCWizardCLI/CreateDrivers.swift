import LineUI
import OpenConnectors
import SystemPorts
import Wizard

/// `ocwizard create --no-input` and `--dry-run`: the create journey run by the batch driver.
struct BatchCreate {
    let values: ValueSources
    let connection: ConnectionSettings
    let json: Bool
    let dryRun: Bool
    let sandboxURL: String?
    let ports: Ports
    /// How long a sign-in through the browser is waited for (no code, a loopback callback).
    var signInWait = BatchSignIn.codeLifetime

    /// Runs the create; returns the exit status.
    func run() async -> ExitStatus {
        var form = values.form
        if let sandboxURL { form[.baseURL] = sandboxURL }
        // A profile's name prefix only starts the name field on screen; a script names the instance itself.
        if values.sources[.name] == .profile { form[.name] = "" }
        // A dry run prints secrets as $OC_… references, so absent secrets are fine there; with a
        // loopback callback and no code, the code comes from the browser (`BatchSignIn`).
        let signsIn = !dryRun && BatchSignIn.applies(to: form)
        let ids = ParameterID.allCases.filter { id in
            !(dryRun && ParameterTable[id].isSecret && form.normalized(id).isEmpty) && !(signsIn && id == .code)
        }
        // Every problem at once, before anything is sent.
        let problems = Validator.problems(in: form, for: ids)
        let console = ports.terminal
        CreateOutput.report(problems, to: console)
        if !problems.errors.isEmpty {
            console.printError("ocwizard: \(problems.errors.count) value\(problems.errors.count == 1 ? "" : "s") to fix; nothing was sent.")
            return .invalidInput
        }
        if dryRun {
            console.printOutput(DryRun.text(form: form))
            return .success
        }
        let log = VerboseLog(enabled: connection.verbose, immediate: true, console: console)
        let performer = LiveEffects(transport: Transports.make(connection, log: log.append), ports: ports)
        let options = JourneyOptions(sandboxURL: sandboxURL, oauthState: Randomness(source: ports.random).oauthState(), unattended: true)
        var journey = Journey(steps: CreateJourney.steps, options: options, form: form)
        journey.state.acknowledgedWarnings = Set(problems.warnings)
        if signsIn, let callback = LoopbackCallback(form.normalized(.callbackURL)) {
            switch await BatchSignIn(performer: performer, console: console, wait: signInWait).redirectedAddress(for: journey.state.authorizationRequest, callback: callback) {
            case .success(let address): journey.state.set(.code, to: address)
            case .failure(let failure):
                console.printError("ocwizard: \(TextSafety.visible(failure.message))")
                return failure.status
            }
        }
        let outcome = await BatchDriver(performer: performer).run(&journey)
        let state = journey.state
        if !state.sameNameInstances.isEmpty {
            CreateOutput.report(ReviewStep.sameNameWarning(name: state.form.normalized(.name), state.sameNameInstances), warning: true, to: console)
        }
        if let lost = state.lostAnswer { CreateOutput.report(lost.banner, warning: state.createdInstance != nil, to: console) }
        if case .failed? = state.lostAnswer?.search { return .outcomeUnknown }
        switch outcome {
        case .finished:
            guard let instance = journey.state.createdInstance else { return .failure }
            LastRun(ports).save(journey.state.form, namePrefix: values.namePrefix)
            let baseURL = journey.state.form.normalized(.baseURL)
            console.printOutput(json ? CreateOutput.json(instance, baseURL: baseURL, form: journey.state.form) : CreateOutput.text(instance, baseURL: baseURL))
            return .success
        case .stuck(let step):
            console.printError("ocwizard: the \(step.title) step cannot be passed without a person; run ocwizard without --no-input.")
            return .failure
        case .invalid(let problems):
            CreateOutput.report(problems, to: console)
            return .invalidInput
        case .failed(let error):
            // A lost answer was explained above, with what looking for the instance found.
            if state.lostAnswer == nil { CreateOutput.report(error, to: console) }
            return ExitStatus(error)
        }
    }
}

/// Plain line mode: the create journey run by the line driver.
///
/// Used when stdin or stdout is not a terminal, `TERM=dumb`, `ACCESSIBLE` is set, or `--plain`.
struct LineCreate {
    let values: ValueSources
    let connection: ConnectionSettings
    let sandboxURL: String?
    let ports: Ports
    let io: any LineIO

    /// Runs the prompts; returns the exit status.
    func run() async -> ExitStatus {
        var form = values.form
        if let sandboxURL { form[.baseURL] = sandboxURL }
        let log = VerboseLog(enabled: connection.verbose, immediate: true, console: ports.terminal)
        let performer = LiveEffects(transport: Transports.make(connection, log: log.append), ports: ports)
        // The screen's options: a browser, SSH advice, and the values settled before the run.
        let options = values.wizardConfiguration(sandboxURL: sandboxURL, ports: ports).journeyOptions
        var journey = Journey(steps: CreateJourney.steps, options: options, form: form)
        io.say("ocwizard · new Microsoft Graph instance\(sandboxURL == nil ? "" : " · SANDBOX") (plain mode)")
        let lastRun = values.form.values.filter { values.sources[$0.key] == .lastRun }
        let outcome = await LineDriver(io: io, performer: performer, lastRun: lastRun).run(&journey)
        if journey.state.createdInstance != nil { LastRun(ports).save(journey.state.form, namePrefix: values.namePrefix) }
        if case .failed? = journey.state.lostAnswer?.search, journey.state.createdInstance == nil { return .outcomeUnknown }
        return ExitStatus(outcome, withoutInput: "create without prompts: ocwizard create --no-input --name NAME --code CODE_OR_URL … (see ocwizard create --help)", console: ports.terminal)
    }
}

/// `ocwizard recover` in plain line mode.
struct LineRecoverRun {
    let values: ValueSources
    let connection: ConnectionSettings
    let sandboxURL: String?
    let ports: Ports

    /// Runs the prompts; returns the exit status.
    func run() async -> ExitStatus {
        let log = VerboseLog(enabled: connection.verbose, immediate: true, console: ports.terminal)
        let performer = LiveEffects(transport: Transports.make(connection, log: log.append), ports: ports)
        let io = TerminalPrompter(terminal: ports.terminal)
        io.say("ocwizard · recover an instance\(sandboxURL == nil ? "" : " · SANDBOX") (plain mode)")
        let outcome = await LineRecover(io: io, performer: performer, configuration: values.wizardConfiguration(sandboxURL: sandboxURL, ports: ports)).run()
        return ExitStatus(outcome, withoutInput: "print the instances without prompts: ocwizard recover --no-input [--json] [--id N | --name NAME | --tag TAG]", console: ports.terminal)
    }
}

extension ExitStatus {
    /// The status for how a line-mode run ended; when input ended, says so and how to run without prompts.
    init(_ outcome: LineOutcome, withoutInput hint: String, console: any TerminalDevice) {
        switch outcome {
        case .finished: self = .success
        case .quit: self = .cancelled
        case .failed(let error): self = ExitStatus(error)
        case .endOfInput:
            console.printError("ocwizard: input ended before ocwizard was done (standard input is not a terminal, or was closed).")
            console.printError("Run ocwizard in a terminal, or \(hint).")
            self = .invalidInput
        }
    }
}

extension ValueSources {
    /// The start-up settings of a person's run (screen or line) from the gathered values.
    func wizardConfiguration(sandboxURL: String?, ports: Ports) -> WizardConfiguration {
        var prefill = form.values
        if let sandboxURL { prefill[.baseURL] = sandboxURL }
        for (id, value) in InstanceForm().values where prefill[id] == value && sources[id] == nil { prefill[id] = nil }
        return WizardConfiguration(sandboxURL: sandboxURL, prefill: prefill, prefillSources: sources,
                                   oauthState: Randomness(source: ports.random).oauthState(), browserAvailable: ports.browser.isAvailable,
                                   sshHost: ports.sshHost)
    }
}

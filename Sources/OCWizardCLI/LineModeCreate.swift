import OpenConnectors
import Wizard

/// Plain line mode: the wizard's steps as linear prompts, with the same validation and messages.
///
/// Used when stdin or stdout is not a terminal, `TERM=dumb`, `ACCESSIBLE` is set, or `--plain`.
struct LineModeCreate {
    let values: ValueSources
    let connection: ConnectionSettings
    let sandboxURL: String?
    let prompter: any LinePrompter

    /// Input ended before the wizard was done.
    struct EndOfInput: Error {}

    /// Runs the prompts; returns the exit status.
    func run() async -> ExitStatus {
        do {
            return try await steps()
        } catch {
            printError("ocwizard: input ended before the wizard was done (standard input is not a terminal, or was closed).")
            printError("Run ocwizard in a terminal, or create without prompts: ocwizard create --no-input --name NAME --code CODE_OR_URL … (see ocwizard create --help).")
            return .invalidInput
        }
    }

    private func steps() async throws(EndOfInput) -> ExitStatus {
        var form = values.form
        if let sandboxURL { form[.baseURL] = sandboxURL }
        let log = VerboseLog(enabled: connection.verbose, immediate: true)
        let transport = Transports.make(connection, log: log.append)
        let state = Randomness.oauthState()
        prompter.say("ocwizard · new Microsoft Graph instance\(sandboxURL == nil ? "" : " · SANDBOX") (plain mode)")
        prompter.say("Press Enter to keep a value shown in [brackets]. Secrets are not echoed.")

        // Step 1: connection, verified before going on.
        while true {
            section(.connection)
            for id in WizardStep.connection.parameters { try ask(id, in: &form) }
            prompter.say("Checking the secrets with Open Connectors…")
            do {
                try await client(form, transport).verifyCredentials()
                prompter.say("✓ The secrets work.")
                break
            } catch {
                explain(error)
                if case .api(let failure) = error, failure.kind == .wrongSecrets { form[.userSecret] = ""; form[.organizationSecret] = "" }
                guard try confirm("Try again?", default: true) else { return ExitStatus(error) }
            }
        }
        section(.azureApp)
        for id in WizardStep.azureApp.parameters { try ask(id, in: &form) }
        var eventsAsked = false
        while true {
            // Steps 3 and 4: sign in, paste the code.
            section(.authorize)
            let redirect: OAuthRedirect
            do {
                redirect = try await client(form, transport).oauthURL(apiKey: form.normalized(.apiKey), apiSecret: form.normalized(.apiSecret),
                                                                     callbackURL: form.normalized(.callbackURL), scope: form.normalized(.scope), state: state)
            } catch {
                explain(error)
                guard try confirm("Try again?", default: true) else { return ExitStatus(error) }
                continue
            }
            prompter.say("Open this address in a browser, sign in and accept the consent screen:")
            prompter.say(redirect.oauthUrl)
            section(.grantCode)
            if sandboxURL != nil { prompter.say("(Sandbox: type simulate to sign in without a browser.)") }
            try await askCode(in: &form, state: state, signInURL: redirect.oauthUrl, transport: transport)
            if !eventsAsked {
                section(.events)
                form.eventsEnabled = try confirm("Turn on webhook events?", default: form.eventsEnabled)
                if form.eventsEnabled {
                    try ask(.eventsCallbackURL, in: &form)
                    if form.normalized(.signatureKey).isEmpty, try confirm("Generate a signature key?", default: true) {
                        let key = Randomness.signatureKey()
                        form[.signatureKey] = key
                        prompter.say("Signature key (store it now for checking Elements-Webhook-Signature; it is not shown again):")
                        prompter.say(key)
                    } else {
                        try ask(.signatureKey, in: &form)
                    }
                }
                section(.instance)
                for id in WizardStep.instance.parameters { try ask(id, in: &form) }
                eventsAsked = true
            }
            // Steps 7–9: review, submit, result.
            section(.review)
            for row in ParameterTable.all where Validator.isActive(row, in: form) {
                let value = switch row.id {
                case .eventsEnabled: form.eventsEnabled ? "on" : "off"
                case .code: InstanceRequest.grantCode(in: form)
                default: form.normalized(row.id)
                }
                prompter.say("  \(row.label): \(row.isSecret && !value.isEmpty ? "•••••••• (\(value.count) characters)" : value)")
            }
            guard try confirm("Submit?", default: true) else { return .cancelled }
            prompter.say("Creating the instance…")
            do {
                let instance = try await client(form, transport).createInstance(body: InstanceRequest.body(from: form))
                if sandboxURL == nil { LastRun.save(form, namePrefix: values.namePrefix) }
                prompter.say("✓ Instance created")
                prompter.say(CreateOutput.text(instance, baseURL: form.normalized(.baseURL)))
                return .success
            } catch {
                explain(error)
                if case .api(let failure) = error, [.grantCodeRejected, .redirectURIMismatch].contains(failure.kind) {
                    prompter.say("Every other value is kept; sign in again for a new code.")
                    form[.code] = ""
                    continue
                }
                guard try confirm("Try again?", default: true) else { return ExitStatus(error) }
            }
        }
    }

    private func client(_ form: InstanceForm, _ transport: any HTTPTransport) -> OpenConnectorsClient {
        OpenConnectorsClient(transport: transport, baseURL: form.normalized(.baseURL), credentials: Credentials(form: form))
    }

    private func section(_ step: WizardStep) {
        prompter.say("")
        prompter.say("Step \(step.number) of \(WizardStep.allCases.count) · \(step.title)")
    }

    /// Asks for one value until it passes validation (warnings need a yes).
    private func ask(_ id: ParameterID, in form: inout InstanceForm, state: String? = nil) throws(EndOfInput) {
        let row = ParameterTable[id]
        while true {
            let current = form.normalized(id)
            let shown = current.isEmpty ? "" : " [\(row.isSecret ? "set, hidden" : current)]"
            let optional = Validator.isRequired(row, in: form) ? "" : " (optional)"
            let prompt = "\(row.label)\(optional)\(shown): "
            guard let answer = row.isSecret ? prompter.askSecret(prompt) : prompter.ask(prompt) else { throw EndOfInput() }
            if !Normalizer.trim(answer).isEmpty { form[id] = answer }
            if Normalizer.trim(answer) == "?" { prompter.say("  \(row.help)"); form[id] = current; continue }
            let problems = Validator.problems(of: id, in: form, expectedState: state)
            for problem in problems { prompter.say("  \(problem.severity == .error ? "✗" : "!") \(problem.message)") }
            if !problems.errors.isEmpty { continue }
            if !problems.warnings.isEmpty, !(try confirm("Continue anyway?", default: false)) { continue }
            return
        }
    }

    /// Asks for the grant code (or, in sandbox mode, signs in on the user's behalf).
    private func askCode(in form: inout InstanceForm, state: String, signInURL: String, transport: any HTTPTransport) async throws(EndOfInput) {
        while true {
            guard let answer = prompter.ask("Redirected address or grant code: ") else { throw EndOfInput() }
            if sandboxURL != nil, Normalizer.trim(answer).lowercased() == "simulate" {
                let response = try? await transport.send(HTTPRequest(method: "GET", url: signInURL))
                guard let location = response?.header("Location") else { prompter.say("  ✗ The sandbox did not sign in."); continue }
                form[.code] = location
            } else {
                form[.code] = answer
            }
            let problems = Validator.problems(of: .code, in: form, expectedState: state)
            for problem in problems { prompter.say("  ✗ \(problem.message)") }
            if problems.errors.isEmpty, case .success(let grant) = GrantCode.parse(form[.code], expectedState: state) {
                prompter.say("  ✓ Code found (\(grant.code.count) characters)\(grant.state == nil ? "" : ", state matches").")
                return
            }
        }
    }

    private func confirm(_ question: String, default answer: Bool) throws(EndOfInput) -> Bool {
        while true {
            guard let reply = prompter.ask("\(question) [\(answer ? "Y/n" : "y/N")] ") else { throw EndOfInput() }
            switch Normalizer.trim(reply).lowercased() {
            case "": return answer
            case "y", "yes": return true
            case "n", "no": return false
            default: prompter.say("  Answer y or n.")
            }
        }
    }

    private func explain(_ error: OpenConnectorsError) {
        prompter.say("✗ \(error.summary)")
        for detail in error.details { prompter.say("  \(detail)") }
        prompter.say("  \(error.nextStep)")
    }
}

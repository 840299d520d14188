import ArgumentParser
import OpenConnectors
import WholeNumberOption

/// `ocwizard recover`: find an instance after its token was lost, show the token, repair it.
struct RecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Find a Microsoft Graph instance and show its token and id; re-authenticate, enable or delete it.",
        discussion: """
            The token can be read again at any time with the user and organization secrets: losing it \
            does not mean starting over. Without --no-input this opens the recovery screens (plain prompts with --plain, \
            without a terminal, with TERM=dumb or ACCESSIBLE). With \
            --no-input it prints the matching instances with their tokens (exit 2 when none match); \
            choose them with --id, --name or --tag, or pass --all for every instance of the account.

            Examples:
              ocwizard recover
              ocwizard recover --no-input --json --name graph-calendar-alice
              ocwizard recover --no-input --tag team-a
              ocwizard recover --reauthenticate --id 12345 --api-key ID \\
                --code 'https://myapp.example.com/cb?code=…&state=…'
              ocwizard recover --reauthenticate --id 12345 --api-key ID \\
                --callback-url http://localhost:8765/callback   (no code: sign in in the browser)
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("The instance id (a whole number of 1 or more).", valueName: "id"),
            transform: { try WholeNumberOption.parse($0, flag: "--id", range: 1...Int.max) })
    var id: Int?

    @Option(help: ArgumentHelp("Only instances with exactly this name.", valueName: "name"))
    var name: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only instances with this tag; repeat for several (all must match).", valueName: "tag"))
    var tags: [String] = []

    @Flag(name: .customLong("no-input"), help: "Print the matching instances instead of opening the screens.")
    var noInput = false

    @Flag(help: "With --no-input and no --id, --name or --tag: print every instance of the account, each with its token.")
    var all = false

    @Flag(help: "With --no-input: print JSON ({id, name, token, baseUrl, element, tags, valid, disabled, eventsEnabled, createdDate}; an array, or one object with --id).")
    var json = false

    @Flag(help: "Re-authenticate the instance given by --id with the grant code given by --code (no screen).")
    var reauthenticate = false

    @Option(help: ArgumentHelp("With --reauthenticate: \(ParameterTable[.code].help) \(ValueSources.codeFlagHelp)", valueName: "code-or-url"))
    var code: String?

    @Option(name: .customLong("api-key"), help: ArgumentHelp("With --reauthenticate: \(ParameterTable[.apiKey].help)", valueName: "id"))
    var apiKey: String?

    @Option(name: .customLong("callback-url"), help: ArgumentHelp("With --reauthenticate: \(ParameterTable[.callbackURL].help) Defaults to the instance's; a loopback one (given or the instance's) with no code signs in through the browser.", valueName: "url"))
    var callbackURL: String?

    @Flag(help: "Ask line by line instead of drawing screens (also when not a terminal, TERM=dumb or ACCESSIBLE is set).")
    var plain = false

    @Option(help: ArgumentHelp("A team profile of non-secret defaults (JSON).", valueName: "file"), completion: .file())
    var profile: String?

    @Option(name: .customLong("secrets-file"), help: ArgumentHelp("NAME=value lines for OC_USER_SECRET, OC_ORG_SECRET, OC_API_SECRET; must not be readable by group or others.", valueName: "file"), completion: .file())
    var secretsFile: String?

    func validate() throws {
        if id != nil && (name != nil || !tags.isEmpty) { throw ValidationError("--id selects one instance; leave out --name and --tag.") }
        if reauthenticate && id == nil { throw ValidationError("--reauthenticate needs --id N (and the grant code in OC_CODE, or --code -).") }
        if json && !noInput { throw ValidationError("--json goes with --no-input.") }
        if let problem = Self.selectionProblem(noInput: noInput, reauthenticate: reauthenticate, all: all, selects: id != nil || name != nil || !tags.isEmpty) {
            throw ValidationError(problem)
        }
    }

    /// Why the instances `--no-input` would print are not chosen well, if they are not: every
    /// printed instance carries its token, so a bare command must not print the whole account
    /// unless `--all` asks for exactly that.
    static func selectionProblem(noInput: Bool, reauthenticate: Bool, all: Bool, selects: Bool) -> String? {
        if all && (selects || reauthenticate) { return "--all prints every instance; leave out --id, --name, --tag and --reauthenticate." }
        if all && !noInput { return "--all goes with --no-input." }
        if noInput && !reauthenticate && !selects && !all {
            return "--no-input prints each instance's token: choose the instances with --id, --name or --tag, or pass --all for every instance of the account."
        }
        return nil
    }

    func run() async throws {
        let ports = Composition.live()
        var flags: [ParameterID: String] = [:]
        if let baseURL = connection.baseURL { flags[.baseURL] = baseURL }
        if let code { flags[.code] = code }
        if let apiKey { flags[.apiKey] = apiKey }
        if let callbackURL { flags[.callbackURL] = callbackURL }
        var values: ValueSources
        do {
            values = try ValueSources.gather(flags: flags, profilePath: profile, secretsFile: secretsFile, ports: ports)
        } catch {
            ports.terminal.printError("ocwizard: \(error.message)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        var sandbox: SandboxProcess?
        var settings = connection.settings
        if connection.sandbox {
            do { sandbox = try SandboxProcess(ports: ports) } catch {
                ports.terminal.printError("ocwizard: \(error.message)")
                throw ExitCode(ExitStatus.failure.rawValue)
            }
            SandboxProcess.prefill(&values, baseURL: sandbox!.baseURL)
            settings.embeddedSandbox = sandbox!.embedded
        }
        defer { sandbox?.stop() }
        let status: Int32
        if noInput || reauthenticate {
            let query = NonInteractiveRecover.Query(id: id, name: name, tags: tags)
            status = await NonInteractiveRecover(values: values, connection: settings, query: query, json: json, reauthenticate: reauthenticate, ports: ports).run().rawValue
        } else if plain || ports.reasonNoScreen != nil || ports.environment["ACCESSIBLE"] != nil {
            status = await LineRecoverRun(values: values, connection: settings, sandboxURL: sandbox?.baseURL, ports: ports).run().rawValue
        } else {
            status = await InteractiveSession(values: values, connection: settings, sandbox: sandbox, ports: ports).recover()
        }
        throw ExitCode(status)
    }
}

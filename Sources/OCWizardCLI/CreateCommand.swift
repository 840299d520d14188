import ArgumentParser
import OpenConnectors
import WholeNumberOption

/// `ocwizard create`: the wizard, plain prompts, or a scripted create with `--no-input`.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a Microsoft Graph instance (the default command).",
        discussion: """
            Values come from flags, then a secrets file, then the environment, then a team profile \
            ($XDG_CONFIG_HOME/ocwizard/profile.json or --profile), then defaults. Secrets come only \
            from OC_USER_SECRET, OC_ORG_SECRET, OC_API_SECRET, OC_SIGNATURE_KEY (and OC_CODE) or \
            --secrets-file.

            Examples:
              ocwizard create --sandbox
              ocwizard create --plain
              ocwizard create --dry-run --api-key ID --callback-url URL --name NAME
              export OC_CODE='https://myapp.example.com/cb?code=…&state=…'
              ocwizard create --no-input --json --api-key ID --callback-url URL \\
                --name graph-calendar-alice --tag team-a
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var parameters: InstanceOptions

    @Option(help: ArgumentHelp("A team profile of non-secret defaults (JSON), instead of $XDG_CONFIG_HOME/ocwizard/profile.json.", valueName: "file"), completion: .file())
    var profile: String?

    @Option(name: .customLong("secrets-file"), help: ArgumentHelp("NAME=value lines for OC_USER_SECRET, OC_ORG_SECRET, OC_API_SECRET, OC_SIGNATURE_KEY; must not be readable by group or others.", valueName: "file"), completion: .file())
    var secretsFile: String?

    @Flag(name: .customLong("no-input"), help: "Never prompt or draw a screen: report every missing or invalid value at once (exit 2), else create.")
    var noInput = false

    @Flag(help: "Print {id, name, token, baseUrl, element, tags, valid, disabled, eventsEnabled, createdDate} as JSON on stdout and nothing else there.")
    var json = false

    @Flag(name: .customLong("dry-run"), help: "Validate, then print the request body and an equivalent curl command (secrets as $OC_… references); send nothing.")
    var dryRun = false

    @Flag(help: "Ask line by line instead of drawing a screen (also when not a terminal, TERM=dumb or ACCESSIBLE is set).")
    var plain = false

    func validate() throws {
        if json && !noInput && !dryRun { throw ValidationError("--json goes with --no-input (scripts read stdout; prompts would mix in).") }
        if json && dryRun { throw ValidationError("--dry-run prints a body and a curl command, not JSON; leave out --json.") }
    }

    /// The parsed command line as plain settings.
    var settings: CreateSettings {
        CreateSettings(connection: connection.settings, flagValues: parameters.values(baseURL: connection.baseURL), profilePath: profile,
                       secretsFile: secretsFile, noInput: noInput, json: json, dryRun: dryRun, plain: plain)
    }

    func run() async throws {
        let status = await CreateRun(settings: settings, ports: Composition.live()).run()
        throw ExitCode(status)
    }
}

/// The instance values as flags; help text from the parameter table: the defaults a profile can
/// hold, plus the grant code and the name, which belong to one create.
struct InstanceOptions: ParsableArguments {
    @OptionGroup var defaults: ProfileValueOptions

    @Option(help: ArgumentHelp("\(ParameterTable[.code].help) \(ValueSources.codeFlagHelp)", valueName: "code-or-url"))
    var code: String?

    @Option(help: ArgumentHelp(ParameterTable[.name].help, valueName: "name"))
    var name: String?

    /// The values given as flags, keyed by parameter.
    func values(baseURL: String?) -> [ParameterID: String] {
        var values = defaults.values
        if let baseURL { values[.baseURL] = baseURL }
        if let code { values[.code] = code }
        if let name { values[.name] = name }
        return values
    }
}

/// The flags of the values a team profile can hold (besides the base URL and the name prefix),
/// shared by `create` and `profile export`.
struct ProfileValueOptions: ParsableArguments {
    @OptionGroup var azureApp: AzureAppOptions

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(ParameterTable[.eventsEnabled].help))
    var events: Bool?

    @Option(name: .customLong("events-url"), help: ArgumentHelp(ParameterTable[.eventsCallbackURL].help, valueName: "url"))
    var eventsURL: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("\(ParameterTable[.tags].help) Repeat the flag for several tags.", valueName: "tag"))
    var tags: [String] = []

    /// The values given as flags, keyed by parameter.
    var values: [ParameterID: String] {
        var values = azureApp.values
        if let events { values[.eventsEnabled] = events ? "true" : "false" }
        if let eventsURL { values[.eventsCallbackURL] = eventsURL }
        if !tags.isEmpty { values[.tags] = tags.joined(separator: ", ") }
        return values
    }
}

/// The Azure app's non-secret values as flags, shared by `create`, `profile export` and `authorize-url`.
struct AzureAppOptions: ParsableArguments {
    @Option(name: .customLong("api-key"), help: ArgumentHelp(ParameterTable[.apiKey].help, valueName: "id"))
    var apiKey: String?

    @Option(name: .customLong("callback-url"), help: ArgumentHelp(ParameterTable[.callbackURL].help, valueName: "url"))
    var callbackURL: String?

    @Option(help: ArgumentHelp(ParameterTable[.scope].help, valueName: "scopes"))
    var scope: String?

    /// The values given as flags, keyed by parameter.
    var values: [ParameterID: String] {
        var values: [ParameterID: String] = [:]
        if let apiKey { values[.apiKey] = apiKey }
        if let callbackURL { values[.callbackURL] = callbackURL }
        if let scope { values[.scope] = scope }
        return values
    }
}

/// Options every command shares: where to connect and how.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp("\(ParameterTable[.baseURL].help) Environment: OC_BASE_URL.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust, for networks that intercept TLS.", valueName: "file"), completion: .file())
    var cacert: String?

    @Option(help: ArgumentHelp("Longest time for one request, in seconds (1 to 86400).", valueName: "seconds"),
            transform: { try WholeNumberOption.parse($0, flag: "--timeout", range: ConnectionOptions.timeoutRange, unit: "seconds") })
    var timeout: Int = 30

    /// The seconds `--timeout` accepts: at least one, at most a day (larger values overflow libcurl's milliseconds).
    static let timeoutRange = 1...86_400

    @Flag(help: "Start a local sandbox of the Open Connectors API and use it (nothing leaves this machine). OCWIZARD_SANDBOX_VARIANTS=name,… makes it play documented variants of the service (docs/SANDBOX.md).")
    var sandbox = false

    @Flag(name: .shortAndLong, help: "Log each request (method, URL without secrets, status, time) to stderr.")
    var verbose = false

    /// The options as plain settings.
    var settings: ConnectionSettings {
        ConnectionSettings(baseURL: baseURL, cacert: cacert, timeout: timeout, sandbox: sandbox, verbose: verbose)
    }
}

/// Where to connect and how, as plain values (from the command line or the defaults).
struct ConnectionSettings: Sendable {
    var baseURL: String?
    var cacert: String?
    var timeout = 30
    var sandbox = false
    var verbose = false
    /// The sandbox this run started, whose death the transports then report as such.
    var embeddedSandbox: EmbeddedSandbox?
}

/// What `create` was asked to do, as plain values.
struct CreateSettings: Sendable {
    var connection = ConnectionSettings()
    var flagValues: [ParameterID: String] = [:]
    var profilePath: String?
    var secretsFile: String?
    var noInput = false
    var json = false
    var dryRun = false
    var plain = false
}

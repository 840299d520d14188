import ArgumentParser
import OpenConnectors

/// `ocwizard create`: the wizard, or a scripted create with `--no-input`.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a Microsoft Graph instance (the default command)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("api-key"), help: ArgumentHelp(ParameterTable[.apiKey].help, valueName: "id"))
    var apiKey: String?

    @Option(name: .customLong("callback-url"), help: ArgumentHelp(ParameterTable[.callbackURL].help, valueName: "url"))
    var callbackURL: String?

    @Option(help: ArgumentHelp(ParameterTable[.scope].help, valueName: "scopes"))
    var scope: String?

    @Option(help: ArgumentHelp(ParameterTable[.code].help, valueName: "code-or-url"))
    var code: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(ParameterTable[.eventsEnabled].help))
    var events: Bool?

    @Option(name: .customLong("events-url"), help: ArgumentHelp(ParameterTable[.eventsCallbackURL].help, valueName: "url"))
    var eventsURL: String?

    @Option(help: ArgumentHelp(ParameterTable[.name].help, valueName: "name"))
    var name: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("\(ParameterTable[.tags].help) Repeat the flag for several tags.", valueName: "tag"))
    var tags: [String] = []

    /// The values given as flags, keyed by parameter.
    var flagValues: [ParameterID: String] {
        var values: [ParameterID: String] = [:]
        if let apiKey { values[.apiKey] = apiKey }
        if let callbackURL { values[.callbackURL] = callbackURL }
        if let scope { values[.scope] = scope }
        if let code { values[.code] = code }
        if let events { values[.eventsEnabled] = events ? "true" : "false" }
        if let eventsURL { values[.eventsCallbackURL] = eventsURL }
        if let name { values[.name] = name }
        if !tags.isEmpty { values[.tags] = tags.joined(separator: ", ") }
        if let baseURL = connection.baseURL { values[.baseURL] = baseURL }
        return values
    }

    func run() async throws {
        let status = await InteractiveCreate(connection: connection, flagValues: flagValues).run()
        throw ExitCode(status.rawValue)
    }
}

/// Options every command shares: where to connect and how.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp("\(ParameterTable[.baseURL].help) Environment: OC_BASE_URL.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust, for networks that intercept TLS.", valueName: "file"))
    var cacert: String?

    @Option(help: ArgumentHelp("Longest time for one request, in seconds.", valueName: "seconds"))
    var timeout: Int = 30

    @Flag(help: "Start a local sandbox of the Open Connectors API and use it (nothing leaves this machine).")
    var sandbox = false

    @Flag(name: .shortAndLong, help: "Log each request (method, URL without secrets, status, time) to stderr.")
    var verbose = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds.") }
    }
}

import ArgumentParser
import LineUI
import OpenConnectors

/// `ocwizard events list`: what the service received for an instance.
struct EventsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the events the service received for an instance (GET /instances/{id}/events), newest first.",
        discussion: """
            Needs the user and organization secrets (OC_USER_SECRET, OC_ORG_SECRET or --secrets-file) \
            and the base URL (--base-url or OC_BASE_URL). Exit status: 0 listed (also when there are \
            none); 2 invalid input; 3 the service refused; 4 network or TLS failure.

            Example:
              ocwizard events list --id 12345
            """
    )

    @Option(help: ArgumentHelp("The instance id.", valueName: "id"))
    var id: Int

    @Flag(help: "Print the event records as a JSON array.")
    var json = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("\(ParameterTable[.baseURL].help) Environment: OC_BASE_URL.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust, for networks that intercept TLS.", valueName: "file"), completion: .file())
    var cacert: String?

    @Option(name: .customLong("secrets-file"), help: ArgumentHelp("NAME=value lines for OC_USER_SECRET, OC_ORG_SECRET; must not be readable by group or others.", valueName: "file"), completion: .file())
    var secretsFile: String?

    @Flag(name: .shortAndLong, help: "Log each request (method, URL without secrets, status, time) to stderr.")
    var verbose = false

    func run() async throws {
        throw ExitCode(await run(ports: Composition.live()).rawValue)
    }

    /// Lists through `ports`; returns the exit status.
    func run(ports: Ports) async -> ExitStatus {
        let console = ports.terminal
        var flags: [ParameterID: String] = [:]
        if let baseURL { flags[.baseURL] = baseURL }
        let values: ValueSources
        do { values = try ValueSources.gather(flags: flags, profilePath: nil, secretsFile: secretsFile, ports: ports) } catch {
            console.printError("ocwizard: \(error.message)")
            return .invalidInput
        }
        let form = values.form
        let problems = Validator.problems(in: form, for: [.baseURL, .userSecret, .organizationSecret]).errors
        for problem in problems {
            console.printError("ocwizard: error: \(problem.wireKey): \(problem.message) Set \(ValueSources.howToSet(problem.parameter)).")
        }
        guard problems.isEmpty else { return .invalidInput }
        let settings = ConnectionSettings(baseURL: baseURL, cacert: cacert, timeout: 30, sandbox: false, verbose: verbose)
        let log = VerboseLog(enabled: verbose, immediate: true, console: console)
        let client = OpenConnectorsClient(transport: Transports.make(settings, log: log.append), baseURL: form.normalized(.baseURL), credentials: Credentials(form: form))
        do {
            let events = try await client.listEvents(instanceId: id)
            if json {
                console.printOutput(JSONValue.array(events.map(\.raw)).prettyText)
            } else if events.isEmpty {
                console.printOutput("No events received for instance \(id) yet. Try: ocwizard events send-test --url <the instance's events URL>, or change something in the calendar.")
            } else {
                for event in events {
                    console.printOutput([event.eventDate ?? "-", event.status ?? "-", event.id ?? "-"].map(TextSafety.visible).joined(separator: "  "))
                }
            }
            return .success
        } catch {
            console.printError("ocwizard: \(TextSafety.visible(error.summary))")
            for detail in error.details { console.printError("  \(TextSafety.visible(detail))") }
            return ExitStatus(error)
        }
    }
}

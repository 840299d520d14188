import ArgumentParser
import LineUI
import OpenConnectors
import Wizard

/// `ocwizard authorize-url`: the Microsoft sign-in URL for the Azure app, for scripts that sign in
/// some other way (and then pass the redirected address with OC_CODE).
struct AuthorizeURLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize-url",
        abstract: "Print the Microsoft sign-in URL (and the state to expect back) and exit.",
        discussion: """
            Asks Open Connectors for the sign-in URL of the Azure app and prints it on stdout, then \
            the state the redirect must carry. Sign in with it in any browser; the address it lands \
            on (or its code) goes to create --no-input through OC_CODE. The URL holds no secret; the \
            request for it carries the client secret and is never printed or logged.

            Examples:
              ocwizard authorize-url --api-key ID --callback-url http://localhost:8765/callback
              ocwizard authorize-url --json --state my-own-state --profile team-a.json
              url=$(ocwizard authorize-url --api-key ID --callback-url URL | head -n 1)
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var azureApp: AzureAppOptions

    @Option(help: ArgumentHelp("The OAuth state to send (default: 16 random bytes as hex). The service may replace it: expect the one printed.", valueName: "state"))
    var state: String?

    @Option(help: ArgumentHelp("A team profile of non-secret defaults (JSON), instead of $XDG_CONFIG_HOME/ocwizard/profile.json.", valueName: "file"), completion: .file())
    var profile: String?

    @Option(name: .customLong("secrets-file"), help: ArgumentHelp("NAME=value lines for OC_USER_SECRET, OC_ORG_SECRET, OC_API_SECRET; must not be readable by group or others.", valueName: "file"), completion: .file())
    var secretsFile: String?

    @Flag(help: "Print {\"url\", \"state\"} as JSON instead of two lines.")
    var json = false

    func validate() throws {
        if connection.sandbox { throw ValidationError("--sandbox stops with this command, so its sign-in URL would lead nowhere; start ocwizard-sandbox and pass --base-url.") }
    }

    func run() async throws {
        throw ExitCode(await run(ports: Composition.live()).rawValue)
    }

    /// The values that build the sign-in URL.
    static let needed: [ParameterID] = [.baseURL, .userSecret, .organizationSecret, .apiKey, .apiSecret, .callbackURL, .scope]

    /// Fetches and prints the sign-in URL through `ports`; returns the exit status.
    func run(ports: Ports) async -> ExitStatus {
        let console = ports.terminal
        var flags = azureApp.values
        if let baseURL = connection.baseURL { flags[.baseURL] = baseURL }
        let values: ValueSources
        do { values = try ValueSources.gather(flags: flags, profilePath: profile, secretsFile: secretsFile, ports: ports) } catch {
            console.printError("ocwizard: \(error.message)")
            return .invalidInput
        }
        let form = values.form
        let problems = Validator.problems(in: form, for: Self.needed)
        CreateOutput.report(problems, to: console)
        guard problems.errors.isEmpty else { return .invalidInput }
        let log = VerboseLog(enabled: connection.settings.verbose, immediate: true, console: console)
        let performer = LiveEffects(transport: Transports.make(connection.settings, log: log.append), ports: ports)
        let options = JourneyOptions(oauthState: state ?? Randomness(source: ports.random).oauthState(), unattended: true)
        let request = JourneyState(options: options, form: form, step: .authorize).authorizationRequest
        switch await performer.signInURL(for: request) {
        case .success(let redirect):
            let signIn = AuthorizationURL(url: redirect.oauthUrl, request: request)
            if let leaked = Self.secretIn(signIn.url, form: form) {
                console.printError("ocwizard: the service returned a sign-in URL that holds the \(leaked); it is not printed (a browser would keep it in its history). Report this to SAP support.")
                return .serviceRefused
            }
            console.printOutput(json ? Self.json(url: signIn.url, state: signIn.expectedState) : TextSafety.visible(signIn.url) + "\nstate: " + TextSafety.visible(signIn.expectedState))
            return .success
        case .failure(let error):
            CreateOutput.report(error, to: console)
            return ExitStatus(error)
        }
    }

    /// The name of a secret of `form` that `url` holds (as typed or percent-encoded), if any.
    static func secretIn(_ url: String, form: InstanceForm) -> String? {
        for id in [ParameterID.apiSecret, .userSecret, .organizationSecret] {
            let secret = form.normalized(id)
            guard secret.count >= 4 else { continue }
            if url.contains(secret) || url.contains(QueryString.encode(secret)) { return ParameterTable[id].label.lowercased() }
        }
        return nil
    }

    /// `{"url": …, "state": …}`.
    static func json(url: String, state: String) -> String {
        JSONValue.object([("url", .string(url)), ("state", .string(state))]).prettyText
    }
}

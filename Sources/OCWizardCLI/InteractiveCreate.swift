import CurlTransport
import CursesTerminal
import OpenConnectors
import Synchronization
import TerminalUI
import Wizard

/// Runs the full-screen create wizard, with the sandbox as a child process when asked.
struct InteractiveCreate {
    let connection: ConnectionOptions
    let flagValues: [ParameterID: String]

    /// Runs the wizard; returns the exit status.
    func run() async -> ExitStatus {
        if let reason = TerminalCheck.reasonNoScreen() {
            printError("ocwizard: cannot draw the wizard: \(reason).")
            printError("Run it in a terminal, or create without a screen: ocwizard create --no-input --name NAME --code CODE_OR_URL … (see ocwizard create --help).")
            return .invalidInput
        }
        var sandbox: SandboxProcess?
        var prefill = flagValues
        var sources = Dictionary(uniqueKeysWithValues: flagValues.keys.map { ($0, "flag") })
        if connection.sandbox {
            do {
                let started = try SandboxProcess()
                sandbox = started
                let sandboxValues: [ParameterID: String] = [
                    .baseURL: started.baseURL, .userSecret: SandboxProcess.userSecret, .organizationSecret: SandboxProcess.organizationSecret,
                    .apiKey: SandboxProcess.clientID, .apiSecret: SandboxProcess.clientSecret,
                    .callbackURL: "https://localhost/ocwizard/callback",
                ]
                for (id, value) in sandboxValues where prefill[id] == nil || id == .baseURL {
                    prefill[id] = value
                    sources[id] = "sandbox"
                }
            } catch {
                printError("ocwizard: \(error.message)")
                return .failure
            }
        }
        defer { sandbox?.stop() }
        let verboseLog = VerboseLog(enabled: connection.verbose)
        let transport = Transports.make(connection, log: verboseLog.append)
        let configuration = WizardConfiguration(sandboxURL: sandbox?.baseURL, prefill: prefill, prefillSources: sources, oauthState: Randomness.oauthState())
        let terminal = CursesTerminal(useColor: !TerminalCheck.noColor)
        let loop = WizardLoop(state: CreateWizard(configuration: configuration), terminal: terminal,
                              performer: LiveEffects(transport: transport), theme: TerminalCheck.noColor ? .monochrome : .color)
        let status = loop.run()
        terminal.restore()
        verboseLog.flush()
        return ExitStatus(rawValue: status) ?? .failure
    }
}

/// Verbose lines kept while the screen is in use and printed to stderr afterwards.
final class VerboseLog: Sendable {
    private let enabled: Bool
    private let lines = Mutex<[String]>([])

    init(enabled: Bool) { self.enabled = enabled }

    /// Keeps a line (when verbose).
    @Sendable func append(_ line: String) {
        guard enabled else { return }
        lines.withLock { $0.append(line) }
    }

    /// Prints and forgets the kept lines.
    func flush() {
        for line in lines.withLock({ pending in defer { pending.removeAll() }; return pending }) { printError("ocwizard: \(line)") }
    }
}

/// Builds the HTTP transport from the connection options.
enum Transports {
    /// libcurl with the options' timeout and CA file, logged when a log is given.
    static func make(_ options: ConnectionOptions, log: @escaping @Sendable (String) -> Void) -> any HTTPTransport {
        let curl = CurlTransport(options: CurlTransportOptions(totalTimeout: .seconds(options.timeout), caFile: options.cacert, log: options.verbose ? log : nil))
        return options.verbose ? LoggingTransport(wrapping: curl, log: log) : curl
    }
}

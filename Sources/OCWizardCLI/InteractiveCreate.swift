import CurlTransport
import CursesTerminal
import OpenConnectors
import Synchronization
import TerminalUI
import Wizard

/// Runs the full-screen create wizard.
struct InteractiveCreate {
    let values: ValueSources
    let connection: ConnectionOptions
    let sandbox: SandboxProcess?

    /// Runs the wizard; returns the exit status.
    func run() async -> ExitStatus {
        let verboseLog = VerboseLog(enabled: connection.verbose)
        let transport = Transports.make(connection, log: verboseLog.append)
        var prefill = values.form.values
        for (id, value) in InstanceForm().values where prefill[id] == value && values.sources[id] == nil { prefill[id] = nil }
        let configuration = WizardConfiguration(
            sandboxURL: sandbox?.baseURL, prefill: prefill,
            prefillSources: values.sources.mapValues(\.rawValue), oauthState: Randomness.oauthState())
        let terminal = CursesTerminal(useColor: !TerminalCheck.noColor)
        let loop = WizardLoop(state: CreateWizard(configuration: configuration), terminal: terminal,
                              performer: LiveEffects(transport: transport), theme: TerminalCheck.noColor ? .monochrome : .color)
        let status = loop.run()
        terminal.restore()
        verboseLog.flush()
        if loop.currentState.createdInstance != nil, sandbox == nil { LastRun.save(loop.currentState.form, namePrefix: values.namePrefix) }
        return ExitStatus(rawValue: status) ?? .failure
    }
}

/// Verbose lines kept while the screen is in use and printed to stderr afterwards.
final class VerboseLog: Sendable {
    private let enabled: Bool
    private let immediate: Bool
    private let lines = Mutex<[String]>([])

    /// A log that keeps lines until `flush()`, or prints them at once when `immediate` (no screen in use).
    init(enabled: Bool, immediate: Bool = false) { self.enabled = enabled; self.immediate = immediate }

    /// Keeps or prints a line (when verbose).
    @Sendable func append(_ line: String) {
        guard enabled else { return }
        if immediate { printError("ocwizard: \(line)"); return }
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

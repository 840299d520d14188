import CurlTransport
import CursesTerminal
import LineUI
import OpenConnectors
import Synchronization
import SystemPorts
import TerminalUI
import Wizard

/// Runs the full-screen wizards (create, and recover which may hand over to create) on one terminal.
struct InteractiveSession {
    let values: ValueSources
    let connection: ConnectionSettings
    let sandbox: SandboxProcess?
    let ports: Ports

    /// The start-up settings of a wizard from the gathered values.
    private func configuration(_ values: ValueSources) -> WizardConfiguration {
        values.wizardConfiguration(sandboxURL: sandbox?.baseURL, ports: ports)
    }

    /// Runs the create wizard; returns the exit status (128 + n after signal n).
    func create() async -> Int32 {
        await withScreen { terminal, performer, theme in
            runCreate(values, terminal: terminal, performer: performer, theme: theme)
        }
    }

    /// Runs the recover wizard, and the create wizard after it when asked; returns the exit status.
    func recover() async -> Int32 {
        await withScreen { terminal, performer, theme in
            let loop = WizardLoop(program: RecoverWizard(configuration: configuration(values)), terminal: terminal, performer: performer, theme: theme)
            let outcome = loop.run()
            guard outcome.startCreate else { return (outcome.status, []) }
            var carried = values
            for id in ConnectionStep().checked {
                carried.form[id] = loop.current.connectionJourney.form[id]
            }
            return runCreate(carried, connectionVerified: true, terminal: terminal, performer: performer, theme: theme)
        }
    }

    /// Runs the create wizard; returns the exit status and the summary to print once the screen is gone.
    private func runCreate(_ values: ValueSources, connectionVerified: Bool = false, terminal: CursesTerminal, performer: LiveEffects, theme: Theme) -> (Int32, [String]) {
        var wizard = CreateWizard(configuration: configuration(values))
        // Recover already checked these secrets: go straight on to the Azure app.
        if connectionVerified { wizard.continueWithVerifiedConnection() }
        let loop = WizardLoop(program: wizard, terminal: terminal, performer: performer, theme: theme)
        let outcome = loop.run()
        let final = loop.current
        let unknown: Bool = if case .failed? = final.journey.state.lostAnswer?.search, final.createdInstance == nil { true } else { false }
        if final.busy == .submitting || final.busy == .lookingForInstance || unknown {
            // Quit (Ctrl-C, a signal) while POST /instances was on its way, or with its answer lost
            // and not found: the service may have acted.
            let name = TextSafety.visible(CurlCommand.shellQuoted(final.form.normalized(.name)))
            let status = unknown && outcome.status == ExitCode.cancelled ? ExitStatus.outcomeUnknown.rawValue : outcome.status
            return (status, ["! ocwizard quit while the instance was being created (or before its lost answer was settled): it may exist.",
                                     "  Check before creating it again: ocwizard recover --name \(name)"])
        }
        guard let instance = final.createdInstance else { return (outcome.status, []) }
        LastRun(ports).save(final.form, namePrefix: values.namePrefix)
        return (outcome.status, InstanceSummary.lines(instance, baseURL: final.form.normalized(.baseURL), savedPath: final.savedPath))
    }

    /// Takes the terminal for `body` and always gives it back, then prints the summary `body` returned and the verbose log.
    private func withScreen(_ body: (CursesTerminal, LiveEffects, Theme) -> (Int32, [String])) async -> Int32 {
        let verboseLog = VerboseLog(enabled: connection.verbose, console: ports.terminal)
        let performer = LiveEffects(transport: Transports.make(connection, log: verboseLog.append), ports: ports)
        let terminal = CursesTerminal(useColor: !ports.noColor)
        let (status, summary) = body(terminal, performer, ports.noColor ? .monochrome : .color)
        terminal.restore()
        for line in summary { ports.terminal.printOutput(line) }
        verboseLog.flush()
        return status
    }
}

/// Verbose lines kept while the screen is in use and printed to stderr afterwards.
final class VerboseLog: Sendable {
    private let enabled: Bool
    private let immediate: Bool
    private let console: any TerminalDevice
    private let lines = Mutex<[String]>([])

    /// A log to `console`'s standard error that keeps lines until `flush()`, or prints them at once when `immediate` (no screen in use).
    init(enabled: Bool, immediate: Bool = false, console: any TerminalDevice) {
        self.enabled = enabled; self.immediate = immediate; self.console = console
    }

    /// Keeps or prints a line (when verbose).
    @Sendable func append(_ line: String) {
        guard enabled else { return }
        if immediate { console.printError("ocwizard: \(line)"); return }
        lines.withLock { $0.append(line) }
    }

    /// Prints and forgets the kept lines.
    func flush() {
        for line in lines.withLock({ pending in defer { pending.removeAll() }; return pending }) { console.printError("ocwizard: \(line)") }
    }
}

/// Builds the HTTP transport from the connection options.
enum Transports {
    /// libcurl with the options' timeout and CA file, logged when verbose, watching the embedded sandbox if any
    /// (which is reached directly, never through a proxy).
    static func make(_ options: ConnectionSettings, log: @escaping @Sendable (String) -> Void) -> any HTTPTransport {
        let curlOptions = CurlTransportOptions(totalTimeout: .seconds(options.timeout), caFile: options.cacert, log: options.verbose ? log : nil)
        let curl = options.embeddedSandbox == nil ? CurlTransport(options: curlOptions) : CurlTransport.direct(options: curlOptions)
        let logged: any HTTPTransport = options.verbose ? LoggingTransport(wrapping: curl, log: log) : curl
        guard let sandbox = options.embeddedSandbox else { return logged }
        return SandboxWatchingTransport(wrapping: logged, sandboxURL: sandbox.baseURL, process: sandbox.process)
    }
}

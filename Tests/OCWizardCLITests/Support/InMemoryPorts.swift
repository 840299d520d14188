import SystemPorts
import SystemTesting
@testable import OCWizardCLI

/// In-memory ports for running commands in-process, and the pieces a test looks at afterwards.
struct InMemoryPorts {
    let files: InMemoryFiles
    let processes: InMemoryProcesses
    let terminal: ScriptedTerminal
    let browser: RecordingBrowser
    let ports: Ports

    /// Ports over `environment`, with `files`, a terminal answering `input`, and `processes`.
    init(environment: [String: String] = [:], files: InMemoryFiles = InMemoryFiles(), input: [String] = [],
         terminals: Set<StandardStream> = [.input, .output, .error], processes: InMemoryProcesses = InMemoryProcesses()) {
        self.files = files
        self.processes = processes
        terminal = ScriptedTerminal(input: input, terminals: terminals)
        browser = RecordingBrowser()
        ports = Ports(environment: ProcessEnvironment(values: environment), files: files, processes: processes, terminal: terminal,
                      browser: browser, random: CountingRandom())
    }
}

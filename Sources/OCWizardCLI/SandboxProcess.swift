import OpenConnectors
import SystemPorts
import Wizard

/// An `ocwizard-sandbox` child on a free loopback port, stopped when the wizard exits.
final class SandboxProcess {
    /// The sandbox's API base, read from its first line of output.
    let baseURL: String
    /// The child; its standard input is a lifeline, so it exits when this process dies.
    let process: any OwnedProcess

    /// Default sandbox credentials, as the sandbox prints them.
    static let userSecret: Secret = "sandbox-user"
    static let organizationSecret: Secret = "sandbox-org"
    static let clientID = "5a4db0c5-c11e-4d1d-a000-000000000001"
    static let clientSecret: Secret = "sandbox-client-secret"

    /// Fills in the sandbox's address, secrets and Azure app unless a flag set them, and drops any
    /// other secret that did not come from a flag (a real signature key or grant code).
    ///
    /// The callback is the loopback one the Azure app step suggests, so the sandbox's consent page
    /// sends the browser back to the wizard's listener as Microsoft would (the sandbox accepts any
    /// redirect URI; a port in use is named on the Authorize step and pasting still works).
    static func prefill(_ values: inout ValueSources, baseURL: String) {
        let sandboxValues: [ParameterID: String] = [
            .baseURL: baseURL, .userSecret: userSecret.revealed, .organizationSecret: organizationSecret.revealed,
            .apiKey: clientID, .apiSecret: clientSecret.revealed, .callbackURL: AzureAppStep.suggestedLoopbackCallback,
        ]
        // Only a value typed as a flag beats the sandbox's own: a real secret, client or grant code
        // from the environment, a secrets file or a profile has no business going to the sandbox.
        for (id, value) in sandboxValues where values.sources[id] != .flag || id == .baseURL {
            values.form[id] = value
            values.sources[id] = .sandbox
        }
        for row in ParameterTable.all where row.isSecret && sandboxValues[row.id] == nil
            && values.sources[row.id] != nil && values.sources[row.id] != .flag {
            values.form[row.id] = ""
            values.sources[row.id] = nil
        }
    }

    /// Why the sandbox could not be started.
    struct StartFailure: Error { let message: String }

    /// The environment variable naming sandbox variants to play (`--variant`), separated by commas or spaces.
    static let variantsVariable = "OCWIZARD_SANDBOX_VARIANTS"

    /// The `--variant NAME` arguments `environment` asks for (the sandbox rejects unknown names).
    static func variantArguments(_ environment: ProcessEnvironment) -> [String] {
        let names = (environment[variantsVariable] ?? "").split { $0 == "," || $0 == " " }
        return names.flatMap { ["--variant", String($0)] }
    }

    /// Starts the sandbox `SandboxLocation` finds, playing the variants the environment names, and
    /// waits for its `listening on …` line.
    ///
    /// The child gets the environment without any secret (`Ports.childEnvironment`).
    init(ports: Ports) throws(StartFailure) {
        let candidates = SandboxLocation.candidates(executableDirectory: ports.processes.executableDirectory(), environment: ports.environment)
        guard let path = candidates.first(where: ports.processes.isExecutable) else {
            throw StartFailure(message: SandboxLocation.notFound(candidates))
        }
        let request = LaunchRequest(program: path, arguments: ["--port", "0", "--exit-on-stdin-eof"] + Self.variantArguments(ports.environment), environment: Ports.childEnvironment(of: ports.environment))
        let child: any OwnedProcess
        do { child = try ports.processes.startOwned(request) } catch { throw StartFailure(message: error.reason) }
        let line = child.firstOutputLine()
        let prefix = "listening on "
        guard let line, line.hasPrefix(prefix) else {
            child.stop()
            let variants = ports.environment[Self.variantsVariable].map { "; check \(Self.variantsVariable)=\($0): ocwizard-sandbox --help lists the variant names" } ?? ""
            throw StartFailure(message: "ocwizard-sandbox did not start (it printed: \(line ?? "nothing"))\(variants)")
        }
        baseURL = String(line.dropFirst(prefix.count))
        process = child
    }

    /// Its address and liveness, for the transports of the run (see `Transports.make`).
    var embedded: EmbeddedSandbox { EmbeddedSandbox(baseURL: baseURL, process: process) }

    deinit { stop() }

    /// Stops the child and waits for it.
    func stop() { process.stop() }
}

/// The sandbox `--sandbox` started: where it listens and whether it still runs.
struct EmbeddedSandbox: Sendable {
    /// Its API base.
    let baseURL: String
    /// Its process.
    let process: any OwnedProcess
}

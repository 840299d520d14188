import ArgumentParser
import Dispatch
import Foundation
import ProductVersion
import Sandbox
import WholeNumberOption

/// `ocwizard-sandbox`: runs the local Open Connectors emulator until SIGINT or SIGTERM.
@main
struct SandboxCommand: AsyncParsableCommand {
    /// The command's name and help text.
    static let configuration = CommandConfiguration(
        commandName: "ocwizard-sandbox",
        abstract: "A local emulator of the SAP Open Connectors API for trying and testing ocwizard.",
        discussion: """
        The first line on stdout is `listening on http://127.0.0.1:PORT/elements/api-v2`; a banner \
        with the credentials follows. SIGINT or SIGTERM stops the sandbox (exit status 0). \
        See docs/SANDBOX.md for the endpoints, fault injection and a curl walkthrough. Exit status: \
        0 stopped by a signal or end of input, 1 could not start, 2 a usage error.
        """,
        version: OCWizardVersion.current
    )

    /// Parses and runs like the parser's own `main`, but a usage error exits 2, as `ocwizard`'s do.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    @Option(help: "The port on 127.0.0.1 to listen on, 0 to 65535 (0 = any free port).",
            transform: { try WholeNumberOption.parse($0, flag: "--port", range: 0...UInt16.max) })
    var port: UInt16 = 0

    @Option(help: ArgumentHelp("A JSON file that keeps instances across restarts (written atomically after each change).", valueName: "file"), completion: .file())
    var state: String?

    @Option(name: .customLong("seed"), help: ArgumentHelp("Start with N generated instances, 0 to \(maximumSeedCount) (only when there is no saved state).", valueName: "n"),
            transform: { try WholeNumberOption.parse($0, flag: "--seed", range: 0...maximumSeedCount) })
    var seedCount = 0

    /// The most instances `--seed` generates: ten times the benchmarks' large account, well within memory.
    static let maximumSeedCount = 100_000

    @Option(help: ArgumentHelp("The random seed behind generated instances, 0 to \(UInt64.max).", valueName: "n"),
            transform: { try WholeNumberOption.parse($0, flag: "--random-seed", range: 0...UInt64.max) })
    var randomSeed: UInt64 = 1

    @Option(help: "The user secret to accept (default sandbox-user).")
    var userSecret: String?

    @Option(name: .customLong("org-secret"), help: "The organization secret to accept (default sandbox-org).")
    var organizationSecret: String?

    @Option(help: "The client id of the registered Azure app (default 5a4db0c5-c11e-4d1d-a000-000000000001).")
    var clientId: String?

    @Option(help: "The client secret of the registered Azure app (default sandbox-client-secret).")
    var clientSecret: String?

    @Option(name: .customLong("variant"), help: ArgumentHelp(
        "Play a documented alternative behaviour of the real service; repeatable. One of: \(SandboxVariant.allCases.map(\.rawValue).joined(separator: ", ")) (docs/SANDBOX.md).",
        valueName: "name"))
    var variantNames: [String] = []

    @Flag(name: .customLong("exit-on-stdin-eof"), help: "Stop when standard input ends (used by ocwizard --sandbox, so the sandbox never outlives the wizard).")
    var exitOnStdinEOF = false

    /// Rejects an unknown `--variant` (numbers are checked as they are parsed).
    func validate() throws {
        for name in variantNames where SandboxVariant(name: name) == nil {
            throw ValidationError("--variant \(name) is not a known variant; use one of: \(SandboxVariant.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    /// Starts the sandbox, prints where it listens, and waits for a stop signal.
    func run() async throws {
        let signals = StopSignals()
        if exitOnStdinEOF { signals.stopAtEndOfInput() }
        let server = SandboxServer(configuration: sandboxConfiguration)
        _ = try await server.start(port: port)
        let baseURL = await server.baseURL
        Self.write("listening on \(baseURL)\n")
        Self.write(server.configuration.banner(baseURL: baseURL))
        await signals.wait()
        await server.stop()
    }

    /// The configuration the options describe.
    private var sandboxConfiguration: SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.statePath = state
        configuration.seedCount = seedCount
        configuration.seed = randomSeed
        configuration.variants = Set(variantNames.compactMap(SandboxVariant.init(name:)))
        if let userSecret { configuration.userSecret = userSecret }
        if let organizationSecret { configuration.organizationSecret = organizationSecret }
        if let clientId { configuration.clientID = clientId }
        if let clientSecret { configuration.clientSecret = clientSecret }
        return configuration
    }

    /// Writes `text` to stdout unbuffered, so a reader on a pipe sees it at once. A reader that
    /// has gone (`ocwizard --sandbox` closes the pipe after the first line) is not an error:
    /// `FileHandle.write(_:)` would trap on `EPIPE` and kill the sandbox.
    private static func write(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }
}

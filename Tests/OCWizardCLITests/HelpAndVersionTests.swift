import Foundation
import Testing

/// Help, version and usage errors of both binaries, as a user sees them.
@Suite("Help, version and usage errors")
struct HelpAndVersionTests {
    @Test("ocwizard --help, -h and help print the same text, with the create options and examples")
    func helpIsTheSameHoweverAsked() async throws {
        let runner = try CommandRunner()
        let long = try await runner.run(["--help"])
        let short = try await runner.run(["-h"])
        let word = try await runner.run(["help"])
        #expect(long.status == 0 && short.status == 0 && word.status == 0)
        #expect(long.stdout == short.stdout)
        #expect(long.stdout == word.stdout, "`ocwizard help` used to print a shorter text than --help")
        for expected in ["Examples:", "ocwizard recover --no-input", "The default command, create:", "--secrets-file", "Exit status:"] {
            #expect(long.stdout.contains(expected), "help mentions \(expected)")
        }
        let subcommand = try await runner.run(["help", "recover"])
        let subcommandFlag = try await runner.run(["recover", "--help"])
        #expect(subcommand.stdout == subcommandFlag.stdout)
    }

    @Test("Both binaries print one version, the one in ProductVersion")
    func oneVersionEverywhere() async throws {
        let runner = try CommandRunner()
        let wizard = try await runner.run(["--version"])
        let sandbox = try await runner.run(["--version"], executable: CommandRunner.sandboxBinary)
        #expect(wizard.status == 0)
        #expect(sandbox.status == 0, "ocwizard-sandbox --version used to be an unknown option: \(sandbox.stderr)")
        let version = wizard.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "a semantic version, got \(version)")
        #expect(sandbox.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == version)
    }

    @Test("A usage error exits 2 (invalid input, a documented status) and names the problem", arguments: [
        ["--no-such-option"], ["create", "--timeout", "soon"], ["recover", "--id"], ["profile", "export", "--code", "abc"],
    ])
    func usageErrorsExitTwo(arguments: [String]) async throws {
        let result = try await CommandRunner().run(arguments)
        #expect(result.status == 2, "parser errors used to exit 64: \(result.stderr)")
        #expect(result.stderr.contains("Error:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("ocwizard-sandbox: a usage error exits 2 as well")
    func sandboxUsageError() async throws {
        let result = try await CommandRunner().run(["--port", "many"], executable: CommandRunner.sandboxBinary)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--port"))
    }
}

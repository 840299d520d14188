import Foundation
import Testing

/// Every numeric flag of both binaries, and a port inside a URL value, has a range: a value
/// outside it (or no whole number at all) is refused with exit 2 and a message that names the
/// flag and the range, and the bounds themselves are accepted.
@Suite("Numeric flags and values are bounded")
struct NumericBoundsTests {
    /// One refused value: the arguments, and what stderr must say.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// A base the `ocwizard` cases share: nothing listens on port 1, so an accepted value ends in a
    /// network failure (exit 4), never in a request to a real service.
    static let unreachable = ["recover", "--no-input", "--all", "--base-url", "http://127.0.0.1:1/elements/api-v2"]

    @Test("ocwizard: --timeout and --id out of range or not whole numbers", arguments: [
        Refusal(arguments: unreachable + ["--timeout", "0"], message: "--timeout must be a whole number of seconds from 1 to 86400; 0 is out of range."),
        Refusal(arguments: unreachable + ["--timeout", "86401"], message: "--timeout must be a whole number of seconds from 1 to 86400; 86401 is out of range."),
        Refusal(arguments: unreachable + ["--timeout", "9223372036854776"], message: "from 1 to 86400; 9223372036854776 is out of range."),
        Refusal(arguments: unreachable + ["--timeout", "99999999999999999999"], message: "from 1 to 86400; 99999999999999999999 is out of range."),
        Refusal(arguments: unreachable + ["--timeout=-5"], message: "from 1 to 86400; -5 is out of range."),
        Refusal(arguments: unreachable + ["--timeout", "1.5"], message: "--timeout must be a whole number of seconds from 1 to 86400; 1.5 is not one."),
        Refusal(arguments: ["create", "--no-input", "--timeout", "0"], message: "--timeout must be a whole number of seconds from 1 to 86400"),
        Refusal(arguments: ["recover", "--no-input", "--id", "0"], message: "--id must be a whole number of 1 or more; 0 is out of range."),
        Refusal(arguments: ["recover", "--no-input", "--id=-3"], message: "--id must be a whole number of 1 or more; -3 is out of range."),
        Refusal(arguments: ["recover", "--no-input", "--id", "99999999999999999999"], message: "--id must be a whole number of 1 or more; 99999999999999999999 is out of range."),
        Refusal(arguments: ["recover", "--no-input", "--id", "12a"], message: "--id must be a whole number of 1 or more; 12a is not one."),
    ])
    func ocwizardFlags(_ refusal: Refusal) async throws {
        let result = try await CommandRunner().run(refusal.arguments, environment: TestSandbox.secretEnvironment)
        #expect(result.status == 2, "\(result.allOutput)")
        #expect(result.stderr.contains(refusal.message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("ocwizard: the bounds themselves are accepted (the request is made and fails to connect)", arguments: [
        ["--timeout", "1"], ["--timeout", "86400"], ["--id", "1"], ["--id", "9223372036854775807"],
    ])
    func ocwizardBoundsAccepted(_ flags: [String]) async throws {
        let arguments = flags.first == "--id" ? ["recover", "--no-input", "--base-url", "http://127.0.0.1:1/elements/api-v2"] + flags : Self.unreachable + flags
        let result = try await CommandRunner().run(arguments, environment: TestSandbox.secretEnvironment)
        #expect(result.status == 4, "a network failure, not a usage error: \(result.allOutput)")
    }

    @Test("ocwizard: a URL value with a port outside 1…65535 names the port, from a flag, the environment or a profile")
    func urlPort() async throws {
        let runner = try CommandRunner()
        let flag = try await runner.run(["recover", "--no-input", "--all", "--base-url", "http://127.0.0.1:70000/elements/api-v2"], environment: TestSandbox.secretEnvironment)
        let environment = try await runner.run(["recover", "--no-input", "--all"], environment: TestSandbox.secretEnvironment.merging(["OC_BASE_URL": "http://127.0.0.1:0"]) { $1 })
        for (result, port) in [(flag, "70000"), (environment, "0")] {
            #expect(result.status == 2, "\(result.allOutput)")
            #expect(result.stderr.contains("baseUrl: API base URL has the port \(port); a port is a whole number from 1 to 65535."), "\(result.stderr)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocw-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let profile = directory.appendingPathComponent("profile.json").path
        try #"{"callbackUrl": "https://myapp.example.com:99999/cb"}"#.write(toFile: profile, atomically: true, encoding: .utf8)
        let fromProfile = try await runner.run(["create", "--no-input", "--profile", profile, "--base-url", "http://127.0.0.1:1/elements/api-v2"], environment: TestSandbox.secretEnvironment)
        #expect(fromProfile.status == 2, "\(fromProfile.allOutput)")
        #expect(fromProfile.stderr.contains("has the port 99999; a port is a whole number from 1 to 65535."), "\(fromProfile.stderr)")
    }

    @Test("ocwizard-sandbox: --port, --seed and --random-seed out of range or not whole numbers", arguments: [
        Refusal(arguments: ["--port", "65536"], message: "--port must be a whole number from 0 to 65535; 65536 is out of range."),
        Refusal(arguments: ["--port=-1"], message: "--port must be a whole number from 0 to 65535; -1 is out of range."),
        Refusal(arguments: ["--port", "many"], message: "--port must be a whole number from 0 to 65535; many is not one."),
        Refusal(arguments: ["--seed", "100001"], message: "--seed must be a whole number from 0 to 100000; 100001 is out of range."),
        Refusal(arguments: ["--seed=-1"], message: "--seed must be a whole number from 0 to 100000; -1 is out of range."),
        Refusal(arguments: ["--seed", "99999999999999999999"], message: "--seed must be a whole number from 0 to 100000; 99999999999999999999 is out of range."),
        Refusal(arguments: ["--random-seed", "18446744073709551616"], message: "--random-seed must be a whole number from 0 to 18446744073709551615; 18446744073709551616 is out of range."),
        Refusal(arguments: ["--random-seed=-1"], message: "--random-seed must be a whole number from 0 to 18446744073709551615; -1 is out of range."),
    ])
    func sandboxFlags(_ refusal: Refusal) async throws {
        let result = try await CommandRunner().run(refusal.arguments, input: "", executable: CommandRunner.sandboxBinary)
        #expect(result.status == 2, "\(result.allOutput)")
        #expect(result.stderr.contains(refusal.message), "\(result.stderr)")
        #expect(!result.stdout.contains("listening on"))
    }

    @Test("ocwizard-sandbox: the bounds themselves are accepted")
    func sandboxBoundsAccepted() async throws {
        let result = try await CommandRunner().run(["--port", "0", "--seed", "0", "--random-seed", "18446744073709551615", "--exit-on-stdin-eof"],
                                                   input: "", executable: CommandRunner.sandboxBinary)
        #expect(result.status == 0, "\(result.allOutput)")
        #expect(result.stdout.hasPrefix("listening on http://127.0.0.1:"))
    }
}

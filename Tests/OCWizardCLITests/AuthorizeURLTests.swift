import CurlTransport
import Foundation
import OpenConnectors
import SystemPorts
import Testing
@testable import OCWizardCLI

@Suite("ocwizard authorize-url")
struct AuthorizeURLTests {
    /// Ports with the sandbox's secrets in the environment.
    static func ports() -> InMemoryPorts { InMemoryPorts(environment: TestSandbox.secretEnvironment.merging(["HOME": "/home/alice"]) { $1 }) }

    @Test("Prints the sign-in URL and the state it carries on stdout, no secret anywhere; the URL signs in")
    func printsURLAndState() async throws {
        let sandbox = try await TestSandbox.start()
        let fake = Self.ports()
        let command = try AuthorizeURLCommand.parse(["--base-url", sandbox.baseURL, "--api-key", TestSandbox.clientID,
                                                     "--callback-url", "http://localhost:8765/callback", "--state", "script-state"])
        #expect(await command.run(ports: fake.ports) == .success, "\(fake.terminal.error)")
        let lines = fake.terminal.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let url = try #require(lines.first)
        #expect(url.contains("/sandbox/authorize?") && url.contains("client_id=\(TestSandbox.clientID)"))
        #expect(lines.last == "state: script-state")
        for secret in TestSandbox.secrets { #expect(!(fake.terminal.output + fake.terminal.error).contains(secret)) }
        // The URL is the real thing: the consent page sends the browser back with a code and that state.
        let consent = try await CurlTransport().send(HTTPRequest(method: "GET", url: url))
        let location = try #require(consent.header("Location"))
        #expect(GrantCode.parse(location, expectedState: "script-state").map(\.state) == .success("script-state"))
        await sandbox.server.stop()
    }

    @Test("--json prints {url, state}; without --state the state is random")
    func json() async throws {
        let sandbox = try await TestSandbox.start()
        let fake = Self.ports()
        let command = try AuthorizeURLCommand.parse(["--json", "--base-url", sandbox.baseURL, "--api-key", TestSandbox.clientID, "--callback-url", "http://localhost:8765/callback"])
        #expect(await command.run(ports: fake.ports) == .success, "\(fake.terminal.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fake.terminal.output.utf8)) as? [String: String])
        let state = try #require(object["state"])
        #expect(state.count == 32)
        #expect(object["url"]?.contains("state=\(state)") == true)
        await sandbox.server.stop()
    }

    @Test("Missing values are named with how to set them, and nothing is sent")
    func missingValues() async throws {
        let fake = InMemoryPorts(environment: ["HOME": "/home/alice"])
        let command = try AuthorizeURLCommand.parse([])
        #expect(await command.run(ports: fake.ports) == .invalidInput)
        for expected in ["OC_USER_SECRET", "OC_API_SECRET", "--api-key", "--callback-url"] { #expect(fake.terminal.error.contains(expected), "stderr names \(expected)") }
        #expect(fake.terminal.output.isEmpty)
    }

    @Test("A sign-in URL that would carry a secret is not printed")
    func secretInTheURL() {
        var form = InstanceForm()
        form[.apiSecret] = "client~secret/value"
        #expect(AuthorizeURLCommand.secretIn("https://login.example/authorize?client_secret=client~secret%2Fvalue", form: form) == "azure client secret")
        #expect(AuthorizeURLCommand.secretIn("https://login.example/authorize?client_id=abc&state=s", form: form) == nil)
        #expect(throws: (any Error).self) { try AuthorizeURLCommand.parse(["--sandbox"]) }
    }
}

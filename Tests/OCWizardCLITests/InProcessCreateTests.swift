import Foundation
import OpenConnectors
import SystemPorts
import SystemTesting
import Testing
@testable import OCWizardCLI

/// `create --no-input` run in-process with in-memory ports against an in-process sandbox (real libcurl).
@Suite("create in-process")
struct InProcessCreateTests {
    /// The environment of a scripted create: the sandbox's secrets and where state is kept.
    private static let environment = TestSandbox.secretEnvironment.merging(["XDG_STATE_HOME": "/home/alice/.state", "HOME": "/home/alice"]) { $1 }

    /// The settings of `create --no-input` against `sandbox` with a fresh code.
    private func settings(_ sandbox: TestSandbox, json: Bool = false) async throws -> CreateSettings {
        var settings = CreateSettings()
        settings.noInput = true
        settings.json = json
        settings.flagValues = [.baseURL: sandbox.baseURL, .apiKey: TestSandbox.clientID, .callbackURL: TestSandbox.callbackURL,
                               .code: try await sandbox.signIn(), .name: "in-process", .tags: "team-a"]
        return settings
    }

    @Test("a successful create against a sandbox reached with --base-url prints the instance and remembers nothing")
    func sandboxByBaseURLIsNotRemembered() async throws {
        let sandbox = try await TestSandbox.start()
        let fake = InMemoryPorts(environment: Self.environment)
        let status = await CreateRun(settings: try await settings(sandbox, json: true), ports: fake.ports).run()
        #expect(status == 0, "\(fake.terminal.error)")
        #expect(fake.files.paths.isEmpty, "a sandbox run was remembered: \(fake.files.paths)")
        // The JSON went to standard output, and no secret to either stream.
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(fake.terminal.output.utf8)) as? [String: Any])
        #expect(printed["name"] as? String == "in-process")
        for secret in TestSandbox.secrets { #expect(!(fake.terminal.output + fake.terminal.error).contains(secret)) }
        await sandbox.server.stop()
    }

    @Test("a successful create against a real host is remembered in last-run.json: mode 0600, no secret, no code, no name; profile export reads it")
    func lastRunHasNoSecret() throws {
        let fake = InMemoryPorts(environment: Self.environment)
        var form = InstanceForm()
        form[.baseURL] = "https://api.openconnectors.eu10.hana.ondemand.com/elements/api-v2"
        for (id, secret) in zip([ParameterID.userSecret, .organizationSecret, .apiSecret], TestSandbox.secrets) { form[id] = secret }
        form[.apiKey] = TestSandbox.clientID
        form[.callbackURL] = "http://localhost:8765/callback"
        form[.code] = "http://localhost:8765/callback?code=0.Aabcdefghijklmnopqrstuvwxyz&state=s"
        form[.name] = "in-process"
        form[.tags] = "team-a"
        LastRun(fake.ports).save(form)
        let path = "/home/alice/.state/ocwizard/last-run.json"
        #expect(fake.files.paths == [path])
        #expect(fake.files.madeDirectories == ["/home/alice/.state/ocwizard"])
        let file = try #require(fake.files[path])
        #expect(file.mode == 0o600)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
        #expect(json["apiKey"] as? String == TestSandbox.clientID)
        #expect(json["tags"] as? [String] == ["team-a"])
        #expect(json["name"] == nil)
        for secret in TestSandbox.secrets { #expect(!file.contents.contains(secret)) }
        #expect(!file.contents.contains("code"))
        // profile export reads it back through the same ports.
        #expect(ProfileExportCommand.parseOrExit([]).run(ports: fake.ports) == .success)
        #expect(fake.terminal.output.contains("\"apiKey\" : \"\(TestSandbox.clientID)\"") || fake.terminal.output.contains("\"apiKey\": \"\(TestSandbox.clientID)\""))
    }

    @Test("a refused create writes no last-run file and reports on standard error")
    func failureWritesNothing() async throws {
        let sandbox = try await TestSandbox.start()
        let fake = InMemoryPorts(environment: Self.environment.merging(["OC_ORG_SECRET": "wrong"]) { $1 })
        let status = await CreateRun(settings: try await settings(sandbox), ports: fake.ports).run()
        #expect(status == ExitStatus.serviceRefused.rawValue)
        #expect(fake.files.paths.isEmpty)
        #expect(fake.terminal.error.contains("ocwizard:"))
        #expect(fake.terminal.output.isEmpty)
        await sandbox.server.stop()
    }
}

import OpenConnectors
import SystemPorts
import SystemTesting
import Testing
@testable import OCWizardCLI

/// The `--sandbox` child: its defaults pass validation, and its death is reported as such.
@Suite("Embedded sandbox")
struct EmbeddedSandboxTests {
    private static let sandboxURL = "http://127.0.0.1:45999/elements/api-v2"

    /// A transport that always fails with `error`.
    private struct FailingTransport: HTTPTransport {
        let error: TransportError
        func send(_ request: HTTPRequest) async throws -> HTTPResponse { throw error }
    }

    /// A child that has ended as described (`nil`: still running).
    private func child(ending: String?) -> ScriptedProcess {
        let process = ScriptedProcess()
        if let ending { process.end(ending) }
        return process
    }

    @Test("the sandbox's prefilled values raise no problem, not even a warning")
    func prefillIsClean() {
        var values = ValueSources(flags: [:], environment: ProcessEnvironment(values: [:]), profile: nil, secrets: [:])
        SandboxProcess.prefill(&values, baseURL: Self.sandboxURL)
        let ids: [ParameterID] = [.baseURL, .userSecret, .organizationSecret, .apiKey, .apiSecret, .callbackURL, .scope]
        #expect(Validator.problems(in: values.form, for: ids) == [])
    }

    @Test("a failed request to a stopped sandbox says so, with how it ended and to restart ocwizard")
    func stoppedSandbox() async throws {
        let transport = SandboxWatchingTransport(wrapping: FailingTransport(error: .connectionRefused(host: "127.0.0.1:45999")),
                                                 sandboxURL: Self.sandboxURL, process: child(ending: "exited with status 3"))
        let error = await #expect(throws: TransportError.self) {
            _ = try await transport.send(HTTPRequest(method: "GET", url: Self.sandboxURL + "/instances"))
        }
        #expect(error == .sandboxStopped(ending: "exited with status 3"))
        #expect(error?.message == "The embedded sandbox (ocwizard-sandbox) stopped (exited with status 3).")
        #expect(error?.nextStep.contains("restart ocwizard") == true)
        #expect(error?.nextStep.contains("make sure ocwizard-sandbox is running") == false)
    }

    @Test("while the sandbox runs, and for other hosts, errors pass through unchanged")
    func passesThrough() async throws {
        let running = child(ending: nil)
        let refused = TransportError.connectionRefused(host: "127.0.0.1:45999")
        let transport = SandboxWatchingTransport(wrapping: FailingTransport(error: refused), sandboxURL: Self.sandboxURL, process: running)
        await #expect(throws: refused) { _ = try await transport.send(HTTPRequest(method: "GET", url: Self.sandboxURL + "/instances")) }

        let ended = child(ending: "exited with status 0")
        let elsewhere = SandboxWatchingTransport(wrapping: FailingTransport(error: refused), sandboxURL: Self.sandboxURL, process: ended)
        await #expect(throws: refused) { _ = try await elsewhere.send(HTTPRequest(method: "GET", url: "https://api.example.com/elements/api-v2/instances")) }
        await #expect(throws: TransportError.cancelled) {
            _ = try await SandboxWatchingTransport(wrapping: FailingTransport(error: .cancelled), sandboxURL: Self.sandboxURL, process: ended)
                .send(HTTPRequest(method: "GET", url: Self.sandboxURL + "/instances"))
        }
    }

    @Test("the transports of a --sandbox run watch the embedded sandbox")
    func transportsWatch() throws {
        var settings = ConnectionSettings()
        settings.sandbox = true
        settings.embeddedSandbox = EmbeddedSandbox(baseURL: Self.sandboxURL, process: child(ending: nil))
        #expect(Transports.make(settings, log: { _ in }) is SandboxWatchingTransport)
        #expect(!(Transports.make(ConnectionSettings(), log: { _ in }) is SandboxWatchingTransport))
    }
}

@Suite("Embedded sandbox variants")
struct EmbeddedSandboxVariantTests {
    @Test("OCWIZARD_SANDBOX_VARIANTS becomes one --variant per name, commas or spaces between")
    func variantArguments() {
        #expect(SandboxProcess.variantArguments(ProcessEnvironment(values: [:])) == [])
        #expect(SandboxProcess.variantArguments(ProcessEnvironment(values: ["OCWIZARD_SANDBOX_VARIANTS": "empty-list-404, service-state,,x"]))
                == ["--variant", "empty-list-404", "--variant", "service-state", "--variant", "x"])
    }

    @Test("--sandbox plays the variants the environment names; an unknown name says where to look")
    func variantsReachTheSandbox() async throws {
        let runner = try CommandRunner()
        let played = try await runner.run(["recover", "--sandbox", "--no-input", "--tag", "team-a"],
                                          environment: ["OCWIZARD_SANDBOX_VARIANTS": "empty-list-404,other-connectors"])
        #expect(played.status == 2, "\(played.stderr)")
        #expect(played.stderr.contains("no Microsoft Graph instance matches"))
        let unknown = try await runner.run(["recover", "--sandbox", "--no-input", "--all"], environment: ["OCWIZARD_SANDBOX_VARIANTS": "no-such-variant"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("OCWIZARD_SANDBOX_VARIANTS=no-such-variant"), "\(unknown.stderr)")
    }
}

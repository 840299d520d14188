import LineUI
import OpenConnectors
import Sandbox
import Testing
import Wizard
@testable import OCWizardCLI

/// Line input answered by looking at each prompt, so a script does not depend on the exact order
/// of questions; every prompt and line is kept.
final class PromptedLineIO: LineIO {
    private let answer: (String) -> String?
    private(set) var transcript: [String] = []

    init(_ answer: @escaping (String) -> String?) { self.answer = answer }

    func ask(_ prompt: String) -> String? {
        transcript.append(prompt)
        return transcript.count > 400 ? nil : answer(prompt)
    }

    func askSecret(_ prompt: String) -> String? { ask(prompt) }
    func say(_ text: String) { transcript.append(text) }
    var output: String { transcript.joined(separator: "\n") }
}

/// The line driver (create and recover) with the real effects over libcurl, against every variant.
@Suite("Line driver × service variants", .serialized)
struct LineVariantMatrixTests {
    private let signatureKey = "line-matrix-signature-key-0123456789"

    /// The run's values: the sandbox's connection and Azure app, an instance with events.
    private func prefill(_ sandbox: TestSandbox) -> [ParameterID: String] {
        [.baseURL: sandbox.baseURL, .userSecret: TestSandbox.userSecret, .organizationSecret: TestSandbox.organizationSecret,
         .apiKey: TestSandbox.clientID, .apiSecret: TestSandbox.clientSecret, .callbackURL: TestSandbox.callbackURL,
         .name: "graph-calendar-alice", .tags: "team-a", .eventsCallbackURL: "https://example.com/oc-events", .signatureKey: signatureKey]
    }

    /// The answers of a person who accepts every value, signs in with the sandbox's simulation and
    /// turns events on.
    private func acceptEverything(_ prompt: String) -> String? {
        if prompt.contains("Simulate sign-in".lowercased()) { return "simulate" }
        if prompt.contains("\(ParameterTable[.eventsEnabled].label) on?") { return "y" }
        if prompt.hasPrefix("Quit?") { return "n" }
        if prompt.hasPrefix("Continue anyway?") { return "y" }
        return ""
    }

    @Test("create: connection check, sign-in URL, the service's state, submit — on every variant", arguments: VariantCase.all)
    func create(_ setup: VariantCase) async throws {
        let sandbox = try await TestSandbox.start(variants: setup.variants)
        let performer = LiveEffects(transport: Transports.make(ConnectionSettings(), log: { _ in }))
        let configuration = WizardConfiguration(sandboxURL: sandbox.baseURL, prefill: prefill(sandbox), oauthState: "line-matrix-state", browserAvailable: false)
        var journey = Journey(steps: CreateJourney.steps, options: configuration.journeyOptions, form: configuration.initialForm)
        let io = PromptedLineIO(acceptEverything)
        let outcome = await LineDriver(io: io, performer: performer).run(&journey)
        await sandbox.server.stop()
        #expect(outcome == .finished, "\(io.output)")
        let created = try #require(journey.state.createdInstance, "\(io.output)")
        #expect(created.token?.isEmpty == false)
        #expect(created.eventsEnabled == true)
        #expect(!io.output.contains("belongs to another sign-in"))
        #expect(!io.output.contains(signatureKey) && !io.output.contains(TestSandbox.clientSecret))
    }

    @Test("recover: list (other connectors left out), detail, re-authenticate (event settings checked), delete — on every variant", arguments: VariantCase.all)
    func recover(_ setup: VariantCase) async throws {
        let sandbox = try await TestSandbox.start(variants: setup.variants)
        // The instance to recover, created in process (with events and a signature key).
        var form = InstanceForm()
        for (key, value) in prefill(sandbox) { form[key] = value }
        form.eventsEnabled = true
        form[.code] = try await sandbox.signIn()
        let client = OpenConnectorsClient(transport: Transports.make(ConnectionSettings(), log: { _ in }), baseURL: sandbox.baseURL,
                                          credentials: Credentials(userSecret: TestSandbox.userSecret, organizationSecret: TestSandbox.organizationSecret))
        let id = try await client.createInstance(body: InstanceRequest.body(from: form)).id
        #expect(await sandbox.server.storedConfiguration(id: id)?["event.notification.signature.key"] == signatureKey)

        var opened = 0
        var detailVisits = 0
        let io = PromptedLineIO { prompt in
            if prompt.hasPrefix("Number to open") {
                opened += 1
                return opened == 1 ? "1" : "q"
            }
            if prompt.hasPrefix("Enter shows the token") {
                detailVisits += 1
                return ["", "re-authenticate", "delete"][min(detailVisits - 1, 2)]
            }
            if prompt.hasPrefix("Type the instance's name") { return "graph-calendar-alice" }
            // Re-authenticating asks for the client secret again: the service never returns it.
            if prompt.hasPrefix(ParameterTable[.apiSecret].label) { return TestSandbox.clientSecret }
            return self.acceptEverything(prompt)
        }
        var values = prefill(sandbox)
        values[.name] = nil
        let configuration = WizardConfiguration(sandboxURL: sandbox.baseURL, prefill: values, oauthState: "line-matrix-state", browserAvailable: false)
        let performer = LiveEffects(transport: Transports.make(ConnectionSettings(), log: { _ in }))
        let outcome = await LineRecover(io: io, performer: performer, configuration: configuration).run()
        let remaining = try await sandbox.instances()
        let stored = await sandbox.server.storedConfiguration(id: id)
        await sandbox.server.stop()

        #expect(outcome == .finished, "\(io.output)")
        #expect(io.output.contains("1 of 1 instance"), "only the Microsoft Graph instance is listed: \(io.output)")
        #expect(io.output.contains("✓ Re-authenticated."), "\(io.output)")
        #expect(io.output.contains(setup.variants.contains(.reauthKeepsToken) ? "The token did not change." : "The token changed"))
        #expect(io.output.contains("signature key (event.notification.signature.key) is gone") == setup.losesSignatureKey, "\(io.output)")
        #expect(io.output.contains("✓ Deleted graph-calendar-alice (id \(id))."), "\(io.output)")
        #expect(!remaining.contains { $0["id"] as? Int == id })
        #expect(stored == nil, "deleted")
    }
}

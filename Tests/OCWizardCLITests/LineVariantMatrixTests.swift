import LineUI
import OpenConnectors
import Sandbox
import SystemTesting
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
extension ServiceVariantMatrix {
    @Suite("Line driver × service variants")
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
            let performer = LiveEffects(transport: Transports.make(ConnectionSettings(), log: { _ in }), ports: InMemoryPorts().ports)
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

        @Test("recover: list (other connectors left out), detail, enable, re-authenticate (event settings checked), delete — on every variant", arguments: VariantCase.all)
        func recover(_ setup: VariantCase) async throws {
            let sandbox = try await TestSandbox.start(variants: setup.variants)
            // The instance to recover, created in process (with events and a signature key).
            var form = InstanceForm()
            for (key, value) in prefill(sandbox) { form[key] = value }
            form.eventsEnabled = true
            form[.code] = try await sandbox.signIn()
            let client = OpenConnectorsClient(transport: Transports.make(ConnectionSettings(), log: { _ in }), baseURL: sandbox.baseURL,
                                              credentials: Credentials(userSecret: Secret(TestSandbox.userSecret), organizationSecret: Secret(TestSandbox.organizationSecret)))
            let id = try await client.createInstance(body: InstanceRequest.body(from: form)).id
            #expect(await sandbox.server.storedConfiguration(id: id)?["event.notification.signature.key"] == signatureKey)
            try await client.setEnabled(id: id, false)

            var opened = 0
            var detailVisits = 0
            let io = PromptedLineIO { prompt in
                if prompt.hasPrefix("Number to open") {
                    opened += 1
                    return opened == 1 ? "1" : "q"
                }
                if prompt.hasPrefix("Enter shows the token") {
                    detailVisits += 1
                    return ["", "enable", "re-authenticate", "delete"][min(detailVisits - 1, 3)]
                }
                if prompt.hasPrefix("Type the instance's name") { return "graph-calendar-alice" }
                // Re-authenticating asks for the client secret again: the service never returns it.
                if prompt.hasPrefix(ParameterTable[.apiSecret].label) { return TestSandbox.clientSecret }
                return self.acceptEverything(prompt)
            }
            var values = prefill(sandbox)
            values[.name] = nil
            let configuration = WizardConfiguration(sandboxURL: sandbox.baseURL, prefill: values, oauthState: "line-matrix-state", browserAvailable: false)
            let performer = LiveEffects(transport: Transports.make(ConnectionSettings(), log: { _ in }), ports: InMemoryPorts().ports)
            let outcome = await LineRecover(io: io, performer: performer, configuration: configuration).run()
            let remaining = try await sandbox.instances()
            let stored = await sandbox.server.storedConfiguration(id: id)
            await sandbox.server.stop()

            #expect(outcome == .finished, "\(io.output)")
            #expect(io.output.contains("1 of 1 instance"), "only the Microsoft Graph instance is listed: \(io.output)")
            #expect(io.output.contains("DISABLED"), "the disabled instance is shown as such: \(io.output)")
            #expect(io.output.contains("✓ Enabled graph-calendar-alice."), "\(io.output)")
            #expect(io.output.contains("✓ Re-authenticated."), "\(io.output)")
            #expect(io.output.contains(setup.variants.contains(.reauthKeepsToken) ? "The token did not change." : "The token changed"))
            #expect(io.output.contains("signature key (event.notification.signature.key) is gone") == setup.losesSignatureKey, "\(io.output)")
            #expect(io.output.contains("✓ Deleted graph-calendar-alice (id \(id))."), "\(io.output)")
            #expect(!remaining.contains { $0["id"] as? Int == id })
            #expect(stored == nil, "deleted")
        }
    }

}

extension ServiceVariantMatrix {
    /// The screen driver's recover state machine with the real effects over libcurl, against every
    /// variant: connection on an empty account, the listing, the detail.
    @Suite("Screen recover × service variants")
    struct ScreenVariantMatrixTests {
        /// Runs `effects` and every effect their results start, feeding each result back.
        private func settle(_ wizard: inout RecoverWizard, _ effects: [Effect], with performer: LiveEffects) async {
            var pending = effects
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                for result in await performer.results(of: effect) { pending += wizard.update(.response(result)) }
            }
        }

        @Test("an empty account lists nothing (no error); then only the Microsoft Graph instance is listed and opens", arguments: VariantCase.all)
        func recover(_ setup: VariantCase) async throws {
            let sandbox = try await TestSandbox.start(variants: setup.variants)
            let performer = LiveEffects(transport: Transports.make(ConnectionSettings(), log: { _ in }), ports: InMemoryPorts().ports)
            let configuration = WizardConfiguration(sandboxURL: sandbox.baseURL, prefill: [
                .baseURL: sandbox.baseURL, .userSecret: TestSandbox.userSecret, .organizationSecret: TestSandbox.organizationSecret,
            ], oauthState: "screen-matrix")

            var empty = RecoverWizard(configuration: configuration)
            await settle(&empty, empty.update(.key(.enter)), with: performer)
            #expect(empty.screen == .instances)
            #expect(empty.listing == .complete, "\(empty.listing)")
            #expect(empty.list.all.isEmpty, "other connectors' instances are left out too")

            var form = InstanceForm()
            for (key, value) in [ParameterID.apiKey: TestSandbox.clientID, .apiSecret: TestSandbox.clientSecret, .callbackURL: TestSandbox.callbackURL,
                                 .name: "graph-calendar-alice", .tags: "team-a"] { form[key] = value }
            form[.code] = try await sandbox.signIn()
            let client = OpenConnectorsClient(transport: Transports.make(ConnectionSettings(), log: { _ in }), baseURL: sandbox.baseURL,
                                              credentials: Credentials(userSecret: Secret(TestSandbox.userSecret), organizationSecret: Secret(TestSandbox.organizationSecret)))
            let created = try await client.createInstance(body: InstanceRequest.body(from: form))

            var wizard = RecoverWizard(configuration: configuration)
            await settle(&wizard, wizard.update(.key(.enter)), with: performer)
            #expect(wizard.listing == .complete)
            #expect(wizard.list.all.map(\.id) == [created.id], "other connectors' instances are left out")
            await settle(&wizard, wizard.update(.key(.enter)), with: performer)
            await sandbox.server.stop()
            #expect(wizard.screen == .detail)
            #expect(wizard.detail?.token == created.token)
            #expect(wizard.detail?.valid == true && wizard.detail?.disabled == false)
        }
    }
}

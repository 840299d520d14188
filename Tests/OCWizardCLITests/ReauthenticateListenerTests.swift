import CurlTransport
import OpenConnectors
import Synchronization
import SystemPorts
import SystemTesting
import Testing
import Wizard
@testable import OCWizardCLI

@Suite("Recover's re-authenticate: the sign-in listener ends with the screen")
struct ReauthenticateListenerTests {
    /// A recover wizard on the re-authenticate screen of an instance whose callback is `callback`.
    static func onReauthenticate(callback: String) -> RecoverWizard {
        var wizard = RecoverWizard(configuration: WizardConfiguration(prefill: [.userSecret: "u", .organizationSecret: "o"], oauthState: "reauth-state"))
        wizard.update(.key(.enter))
        wizard.update(.response(.credentialsVerified(.success(Done()))))
        let instance = Instance(id: 7, name: "mail", configuration: ["oauth.callback.url": callback, "oauth.api.key": "********"])
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: [instance], totalCount: 1, nextPageToken: nil)))))
        wizard.update(.key(.enter))
        wizard.update(.response(.instanceLoaded(.success(instance))))
        wizard.detailFocus = .reauthenticate
        wizard.update(.key(.enter))
        return wizard
    }

    /// Whether something answers HTTP on 127.0.0.1:`port`.
    static func answers(port: Int) async -> Bool {
        (try? await CurlTransport().send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/callback"))) != nil
    }

    @Test("Esc from Authorize back out of re-authenticate stops the listener, and its port is free again")
    func escapeFreesThePort() async throws {
        let port = freeLoopbackPort()
        var wizard = Self.onReauthenticate(callback: "http://127.0.0.1:\(port)/callback")
        #expect(wizard.screen == .reauthenticate)
        for character in "0f5e4a1c-1111-2222-3333-444455556666" { wizard.update(.key(.character(character))) }
        wizard.update(.key(.tab))
        for character in "client-secret" { wizard.update(.key(.character(character))) }
        let fetch = wizard.update(.key(.pageDown))
        guard case .fetchAuthorizationURL? = fetch.first else {
            Issue.record("expected a sign-in URL request, got \(fetch)")
            return
        }
        let listen = wizard.update(.response(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/a?state=reauth-state", element: "microsoftgraph")))))
        #expect(listen == [.listenForRedirect(LoopbackCallback("http://127.0.0.1:\(port)/callback")!, expectedState: "reauth-state")])

        // The real listener, as the screen's loop runs it.
        let performer = LiveEffects(transport: CurlTransport(), ports: InMemoryPorts().ports)
        let ready = Atomic<Bool>(false)
        let listening = Task { await performer.perform(listen[0]) { if $0 == .redirectListening(.success(Done())) { ready.store(true, ordering: .relaxed) } } }
        let deadline = ContinuousClock.now + .seconds(20)
        while !ready.load(ordering: .relaxed), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await Self.answers(port: port))

        // Esc: back to the Azure app; Esc again: out of re-authenticate, to the instance.
        var effects = wizard.update(.key(.escape))
        effects += wizard.update(.key(.escape))
        #expect(wizard.screen == .detail)
        #expect(effects.filter { $0 == .stopListening }.count == 1)
        for effect in effects where effect == .stopListening { await performer.perform(effect) { _ in } }
        #expect(await !Self.answers(port: port), "the listener still answers after leaving re-authenticate")
        listening.cancel()
        await performer.perform(.stopListening) { _ in }
    }
}

import OpenConnectors
import Testing
@testable import Wizard

/// The flow layer's handling of the service's documented variants, shared by every driver.
@Suite("Flow: service variants")
struct VariantHandlingTests {
    private func authorization(_ url: String) -> AuthorizationURL {
        AuthorizationURL(url: url, request: AuthorizationRequest(baseURL: "b", credentials: Credentials(userSecret: "u", organizationSecret: "o"),
                                                                 apiKey: "k", apiSecret: "s", callbackURL: "c", scope: "x", state: "ours"))
    }

    @Test("The expected state is the one the returned sign-in URL carries; without one, ours")
    func expectedState() {
        #expect(authorization("https://login.example/authorize?client_id=k&state=cloud_elements_random_key&x=1").expectedState == "cloud_elements_random_key")
        #expect(authorization("https://login.example/authorize?state=a%20b#state=frag").expectedState == "a b")
        #expect(authorization("https://login.example/authorize?client_id=k").expectedState == "ours")
        #expect(authorization("https://login.example/authorize").expectedState == "ours")
    }

    @Test("A pasted redirect with the service's state is accepted; another state is still refused")
    func stateCheck() {
        var state = JourneyState(options: JourneyOptions(oauthState: "ours"), form: InstanceForm(), step: .grantCode)
        state.authorization = authorization("https://login.example/authorize?state=microsoftgraph")
        state.set(.code, to: "https://localhost/cb?code=M.C507_BAY.2.U.abcdefghijklmnop&state=microsoftgraph")
        state.check(.code)
        #expect(state.problems(for: .code).isEmpty)
        state.set(.code, to: "https://localhost/cb?code=M.C507_BAY.2.U.abcdefghijklmnop&state=ours")
        state.check(.code)
        #expect(state.problems(for: .code).contains { $0.message.contains("belongs to another sign-in") })
    }

    @Test("A page the client's filter emptied does not end the screen's listing; a stopped listing says why")
    func listingPages() {
        var wizard = RecoverWizard(configuration: WizardConfiguration(prefill: [.userSecret: "u", .organizationSecret: "o"], oauthState: "s"))
        wizard.update(.key(.enter))
        wizard.update(.response(.credentialsVerified(.success(Done()))))
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: [], nextPageToken: "t1", servedCount: 200)))))
        #expect(wizard.listing == .loading(pages: 1, total: nil))
        let stop = PagingStop.repeatedToken(pages: 2, instances: 1)
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: [Instance(id: 1, name: "a")], servedCount: 1, stopped: stop)))))
        #expect(wizard.listing == .complete)
        #expect(wizard.list.all.map(\.id) == [1])
        #expect(wizard.pagingStop == stop)
        #expect(wizard.notice == stop.message)
    }

    @Test("Re-authentication names lost event settings and how to restore them; nothing when all were kept")
    func lostEventSettings() {
        let before = Instance(id: 7, name: "cal", token: "T1", eventsEnabled: true,
                              configuration: ["event.notification.enabled": "true", "event.notification.callback.url": "https://e/x",
                                              "event.notification.signature.key": "********"])
        var kept = before
        kept.token = "T2"
        #expect(EventSetting.lost(before: before, after: kept) == [])
        #expect(Reauthentication.outcome(before: before, after: kept).tone == .success)

        var dropped = kept
        dropped.configuration["event.notification.signature.key"] = nil
        dropped.configuration["event.notification.callback.url"] = nil
        dropped.eventsEnabled = nil
        dropped.configuration["event.notification.enabled"] = "false"
        #expect(EventSetting.lost(before: before, after: dropped) == [.enabled, .callbackURL, .signatureKey])
        let banner = Reauthentication.outcome(before: before, after: dropped)
        #expect(banner.tone == .warning)
        #expect(banner.lines.joined(separator: "\n").contains("events are off; the events callback URL"))
        #expect(banner.lines.last?.contains("PATCH /instances/7/configuration/{configId}") == true)

        let without = Instance(id: 8, name: "plain", token: "T")
        #expect(EventSetting.lost(before: without, after: without) == [])
    }
}

import Foundation
import Sandbox
import Testing

/// `--variant NAME`: each documented alternative behaviour, checked on the wire against the default.
@Suite struct VariantTests {
    private let oauthQuery = "apiKey=5a4db0c5-c11e-4d1d-a000-000000000001&apiSecret=shh&callbackUrl=http%3A%2F%2Flocalhost%3A8765%2Fcallback&state=mine"

    @Test func everyVariantHasANameASummaryAndASource() {
        for variant in SandboxVariant.allCases {
            #expect(SandboxVariant(name: variant.rawValue) == variant)
            #expect(!variant.summary.isEmpty)
            #expect(variant.source.contains("S") || variant.source.contains("API notes"), "\(variant)")
        }
        #expect(SandboxVariant(name: "no-such-variant") == nil)
    }

    @Test(arguments: ["/instances", "/instances?tags%5B%5D=nothing", "/elements/microsoftgraph/instances"])
    func emptyListingsAre404WithAnErrorBody(path: String) async throws {
        try await withSandbox({ $0.variants = [.emptyListNotFound] }) { sandbox in
            let response = try await sandbox.send("GET", path)
            #expect(response.status == 404)
            #expect(isRequestID(response.object["requestId"]))
            #expect((response.object["message"] as? String)?.isEmpty == false)
        }
        try await withSandbox { sandbox in
            let response = try await sandbox.send("GET", path)
            #expect(response.status == 200)
        }
    }

    @Test func aListingWithMatchesStays200UnderEmptyList404() async throws {
        try await withSandbox({ $0.variants = [.emptyListNotFound]; $0.seedCount = 3 }) { sandbox in
            let response = try await sandbox.send("GET", "/instances")
            #expect(response.status == 200 && response.array.count == 3)
        }
    }

    @Test func serviceStateReplacesTheCallersAndTheConsentPageEchoesIt() async throws {
        try await withSandbox({ $0.variants = [.serviceState] }) { sandbox in
            let response = try await sandbox.send("GET", "/elements/microsoftgraph/oauth/url?\(oauthQuery)")
            let oauthURL = try #require(response.object["oauthUrl"] as? String)
            let items = try #require(URLComponents(string: oauthURL)?.queryItems)
            let state = try #require(items.first { $0.name == "state" }?.value)
            #expect(state != "mine" && state.hasPrefix("oc_state_"))
            let consent = try await sandbox.follow(oauthURL)
            #expect(try RunningSandbox.redirectQuery(consent)["state"] == state)
        }
    }

    @Test func getOnlyOAuthURLRefusesPostWith400ButServesGet() async throws {
        try await withSandbox({ $0.variants = [.oauthURLGetOnly] }) { sandbox in
            let post = try await sandbox.sendJSON("POST", "/elements/microsoftgraph/oauth/url", [
                "apiKey": "5a4db0c5-c11e-4d1d-a000-000000000001", "apiSecret": "shh", "callbackUrl": "http://localhost:1/cb",
            ])
            #expect(post.status == 400)
            #expect(try await sandbox.send("GET", "/elements/microsoftgraph/oauth/url?\(oauthQuery)").status == 200)
        }
    }

    @Test func elementInstancesIgnoreEveryQueryParameter() async throws {
        try await withSandbox({ $0.variants = [.elementInstancesIgnoreQuery]; $0.seedCount = 250 }) { sandbox in
            let response = try await sandbox.send("GET", "/elements/microsoftgraph/instances?pageSize=5&tags%5B%5D=nothing&searchText=zzz&hydrate=false")
            #expect(response.status == 200)
            #expect(response.array.count == 250)
            #expect(response.headers["elements-next-page-token"] == nil)
            #expect(response.array.allSatisfy { $0["configuration"] != nil })
            // /instances still honours them.
            #expect(try await sandbox.send("GET", "/instances?pageSize=5").array.count == 5)
        }
    }

    @Test func instancesIgnoreFiltersButStillPage() async throws {
        try await withSandbox({ $0.variants = [.instancesIgnoreFilters]; $0.seedCount = 12 }) { sandbox in
            let response = try await sandbox.send("GET", "/instances?pageSize=5&tags%5B%5D=nothing&searchText=zzz&hydrate=false")
            #expect(response.array.count == 5)
            #expect(response.headers["elements-next-page-token"] != nil)
            #expect(response.array.allSatisfy { $0["configuration"] != nil })
        }
    }

    @Test func otherConnectorsShowOnInstancesButNotOnTheConnectorsPath() async throws {
        try await withSandbox({ $0.variants = [.otherConnectors] }) { sandbox in
            let all = try await sandbox.send("GET", "/instances")
            let keys = all.array.compactMap { ($0["element"] as? [String: Any])?["key"] as? String }
            #expect(Set(keys) == ["sfdc", "box"])
            #expect(try await sandbox.send("GET", "/elements/microsoftgraph/instances").array.isEmpty)
        }
    }

    /// Creates an instance with events and a signature key, then re-authenticates it with `configuration` sent.
    private func reauthenticate(_ sandbox: RunningSandbox, sending configuration: (Int, [String: Any]) -> [String: Any]) async throws -> (id: Int, before: RawResponse, after: RawResponse) {
        let created = try await sandbox.createInstance(configuration: [
            "event.notification.enabled": true, "event.notification.callback.url": "https://e.example/x",
            "event.notification.signature.key": "stored-signature-key-0123456789",
        ])
        let id = try #require(created.object["id"] as? Int)
        var body = RunningSandbox.instanceBody(code: try await sandbox.consentCode())
        body["configuration"] = configuration(id, try #require(created.object["configuration"] as? [String: Any]))
        let after = try await sandbox.sendJSON("PUT", "/instances/\(id)?reAuthenticate=true", body)
        #expect(after.status == 200, "\(after.text)")
        return (id, created, after)
    }

    private let realSecrets: [String: Any] = ["oauth.api.key": "5a4db0c5-c11e-4d1d-a000-000000000001", "oauth.api.secret": "sandbox-client-secret"]

    @Test func replacedConfigurationLosesWhatIsLeftOut() async throws {
        try await withSandbox({ $0.variants = [.reauthReplacesConfiguration] }) { sandbox in
            // Masked keys left out (what ocwizard sent before 2026-12-02): the signature key is gone.
            let leftOut = try await reauthenticate(sandbox) { _, read in read.filter { $0.value as? String != "********" }.merging(realSecrets) { $1 } }
            #expect(await sandbox.server.storedConfiguration(id: leftOut.id)?["event.notification.signature.key"] == nil)
            // Every key sent back, masked ones as the mask: kept.
            let sentBack = try await reauthenticate(sandbox) { _, read in read.merging(realSecrets) { $1 } }
            #expect(await sandbox.server.storedConfiguration(id: sentBack.id)?["event.notification.signature.key"] == "stored-signature-key-0123456789")
        }
        try await withSandbox { sandbox in
            // The default merges: a left-out key keeps its value.
            let leftOut = try await reauthenticate(sandbox) { _, read in read.filter { $0.value as? String != "********" }.merging(realSecrets) { $1 } }
            #expect(await sandbox.server.storedConfiguration(id: leftOut.id)?["event.notification.signature.key"] == "stored-signature-key-0123456789")
        }
    }

    @Test func maskedValuesDroppedLoseTheSignatureKeyWhenReplacing() async throws {
        try await withSandbox({ $0.variants = [.reauthReplacesConfiguration, .maskedValuesDropped] }) { sandbox in
            let sentBack = try await reauthenticate(sandbox) { _, read in read.merging(realSecrets) { $1 } }
            let stored = try #require(await sandbox.server.storedConfiguration(id: sentBack.id))
            #expect(stored["event.notification.signature.key"] == nil)
            #expect(stored["event.notification.callback.url"] == "https://e.example/x")
        }
    }

    @Test func reauthKeepsTokenOnlyUnderItsVariant() async throws {
        try await withSandbox({ $0.variants = [.reauthKeepsToken] }) { sandbox in
            let result = try await reauthenticate(sandbox) { _, read in read.merging(realSecrets) { $1 } }
            #expect(result.after.object["token"] as? String == result.before.object["token"] as? String)
        }
        try await withSandbox { sandbox in
            let result = try await reauthenticate(sandbox) { _, read in read.merging(realSecrets) { $1 } }
            #expect(result.after.object["token"] as? String != result.before.object["token"] as? String)
        }
    }

    @Test func stringBooleansAreWrittenAsStrings() async throws {
        try await withSandbox({ $0.variants = [.stringBooleans] }) { sandbox in
            let created = try await sandbox.createInstance()
            #expect(created.object["valid"] as? String == "true")
            #expect(created.object["disabled"] as? String == "false")
            #expect(created.object["eventsEnabled"] as? String == "false")
            #expect(try await sandbox.send("GET", "/instances").array.first?["valid"] as? String == "true")
        }
    }
}

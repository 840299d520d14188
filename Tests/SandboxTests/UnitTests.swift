import Foundation
@testable import Sandbox
import Testing

/// The small pure pieces behind the endpoints.
@Suite struct UnitTests {
    @Test(arguments: [
        ("<b>Alice</b>", "Alice"), ("  plain  ", "plain"), ("a < b", "a < b"),
        ("<script>x</script>y", "xy"), ("<img src='x'>", ""),
    ])
    func htmlTagsAreStripped(input: String, expected: String) {
        #expect(HTMLStripper.strip(input) == expected)
    }

    @Test func formEncodingDecodesPlusAndPercentAndKeepsRepeats() {
        let pairs = FormEncoding.decode("tags%5B%5D=a&tags[]=b+c&x=%C3%A9&flag")
        #expect(pairs.map(\.name) == ["tags[]", "tags[]", "x", "flag"])
        #expect(pairs.map(\.value) == ["a", "b c", "é", ""])
        #expect(FormEncoding.encode([("state", "a b&c=/")]) == "state=a%20b%26c%3D%2F")
        #expect(FormEncoding.encode([("scope", "A B")], spaceAsPlus: true) == "scope=A+B")
    }

    @Test func pageTokensRoundTripAndForeignTokensAreRejected() {
        #expect(PageToken.afterID(PageToken.make(afterID: 1234)) == 1234)
        #expect(PageToken.afterID("bogus") == nil)
        #expect(!PageToken.make(afterID: 1).contains("="))
    }

    @Test func authorizationHeaderPartsAreRead() {
        let parts = PlatformAuthorization(header: "User u=, organization o, Element t/+=")
        #expect(parts.user == "u=" && parts.organization == "o" && parts.element == "t/+=")
        #expect(PlatformAuthorization(header: "Bearer x").user == nil)
    }

    @Test func routesMatchShapesOnly() {
        #expect(Route.match(path: "/elements/api-v2/instances/12/enabled") == .instanceEnabled(id: "12"))
        #expect(Route.match(path: "/elements/api-v2/elements/microsoftgraph/oauth/url") == .oauthURL(element: "microsoftgraph"))
        #expect(Route.match(path: "/elements/api-v2/instances//enabled") == nil)
        #expect(Route.match(path: "/instances") == nil)
    }

    @Test func codeBookRefusesInMicrosoftsOrder() async throws {
        let clock = TestClock()
        let book = AuthorizationCodeBook(apps: ["app": "secret"], now: { clock.now() })
        let code = await book.issue(clientID: "app", redirectURI: "http://r", scope: "s")
        await #expect(throws: MicrosoftTokenError.unknownClient(clientID: "other")) {
            try await book.redeem(code: code, clientID: "other", clientSecret: "secret", redirectURI: "http://x")
        }
        await #expect(throws: MicrosoftTokenError.invalidClientSecret(clientID: "app")) {
            try await book.redeem(code: code, clientID: "app", clientSecret: "nope", redirectURI: "http://x")
        }
        await #expect(throws: MicrosoftTokenError.redirectURIMismatch(redirectURI: "http://x", clientID: "app")) {
            try await book.redeem(code: code, clientID: "app", clientSecret: "secret", redirectURI: "http://x")
        }
        _ = try await book.redeem(code: code, clientID: "app", clientSecret: "secret", redirectURI: "http://r")
        await #expect(throws: MicrosoftTokenError.codeAlreadyRedeemed) {
            try await book.redeem(code: code, clientID: "app", clientSecret: "secret", redirectURI: "http://r")
        }
    }

    @Test func providerMessagesCarryTheAADSTSCodeAndTraceLines() {
        var random = SplitMix64(seed: 1)
        let text = MicrosoftTokenError.codeExpired.providerMessage(at: Date(timeIntervalSince1970: 0), using: &random)
        #expect(text.hasPrefix("invalid_grant: AADSTS70008: "))
        #expect(text.contains("\r\nTrace ID: ") && text.contains("\r\nTimestamp: 1970-01-01T00:00:00.000Z"))
    }

    @Test func bannerListsTheCredentials() {
        let banner = SandboxConfiguration().banner(baseURL: "http://127.0.0.1:1/elements/api-v2")
        for expected in ["sandbox-user", "sandbox-org", "5a4db0c5-c11e-4d1d-a000-000000000001", "sandbox-client-secret", "http://127.0.0.1:1/sandbox/authorize"] {
            #expect(banner.contains(expected), "\(expected)")
        }
    }
}

/// The default Azure app is shaped like a real one, so ocwizard's shape warnings stay quiet.
@Suite("Sandbox defaults")
struct SandboxDefaultsTests {
    @Test func clientIDIsAGUIDAndTheSecretIsNot() {
        let configuration = SandboxConfiguration()
        let guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
        #expect(configuration.clientID.wholeMatch(of: guid) != nil)
        #expect(configuration.clientSecret.wholeMatch(of: guid) == nil)
    }
}

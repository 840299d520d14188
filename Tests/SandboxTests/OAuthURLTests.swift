import Foundation
import Testing

/// `GET`/`POST /elements/{key}/oauth/url`.
@Suite struct OAuthURLTests {
    private let query = "apiKey=5a4db0c5-c11e-4d1d-a000-000000000001&apiSecret=shh&callbackUrl=http%3A%2F%2Flocalhost%3A8765%2Fcallback"

    @Test func getAnswersAMicrosoftShapedURLOnTheSandbox() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send("GET", "/elements/microsoftgraph/oauth/url?\(query)", authorized: false)
            #expect(response.status == 200)
            #expect(response.object["element"] as? String == "microsoftgraph")
            let oauthURL = try #require(response.object["oauthUrl"] as? String)
            let url = try #require(URLComponents(string: oauthURL))
            #expect(url.host == "127.0.0.1" && url.port == Int(sandbox.port) && url.path == "/sandbox/authorize")
            let items = Dictionary(uniqueKeysWithValues: (url.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(items["client_id"] == "5a4db0c5-c11e-4d1d-a000-000000000001")
            #expect(items["response_type"] == "code")
            #expect(items["redirect_uri"] == "http://localhost:8765/callback")
            #expect(items["state"] == "microsoftgraph")
            #expect(url.percentEncodedQuery?.contains("scope=Calendars.Read+Calendars.ReadWrite+offline_access") == true)
            #expect(items["apiSecret"] == nil && !(url.percentEncodedQuery ?? "").contains("shh"))
        }
    }

    @Test func postTakesAJSONBodyWithScopeAndState() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.sendJSON("POST", "/elements/microsoftgraph/oauth/url", [
                "apiKey": "5a4db0c5-c11e-4d1d-a000-000000000001", "apiSecret": "shh", "callbackUrl": "http://localhost:1/cb",
                "scope": "User.Read offline_access", "state": "a b&c",
            ])
            #expect(response.status == 200)
            let oauthURL = try #require(response.object["oauthUrl"] as? String)
            let url = try #require(URLComponents(string: oauthURL))
            let items = Dictionary(uniqueKeysWithValues: (url.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(items["state"]?.replacingOccurrences(of: "+", with: " ") == "a b&c")
            #expect(items["scope"]?.replacingOccurrences(of: "+", with: " ") == "User.Read offline_access")
        }
    }

    @Test func missingParametersAreNamedInA400() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send("GET", "/elements/microsoftgraph/oauth/url?apiKey=x")
            #expect(response.status == 400)
            let message = try #require(response.object["message"] as? String)
            #expect(message.contains("apiSecret") && message.contains("callbackUrl") && !message.contains("apiKey,"))
            #expect(isRequestID(response.object["requestId"]))
        }
    }

    @Test func unknownConnectorIs404() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send("GET", "/elements/salesforce/oauth/url?\(query)")
            #expect(response.status == 404)
            #expect((response.object["message"] as? String)?.contains("salesforce") == true)
        }
    }

    @Test func postWithoutJSONContentTypeIs415() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send(
                "POST", "/elements/microsoftgraph/oauth/url",
                headers: [("Content-Type", "text/plain")], body: Data("{}".utf8)
            )
            #expect(response.status == 415)
        }
    }

    @Test func wrongSecretsWhenGivenAre401() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send(
                "GET", "/elements/microsoftgraph/oauth/url?\(query)",
                headers: [("Authorization", "User nope, Organization sandbox-org")], authorized: false
            )
            #expect(response.status == 401)
        }
    }
}

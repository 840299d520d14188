import Foundation
import Testing

/// `POST /instances`: checks, Microsoft's code rules, and the instance it answers.
@Suite struct CreateInstanceTests {
    @Test func successAnswersTheDocumentedInstance() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.createInstance(
                name: "<b>Alice</b>'s <i>calendar</i>",
                configuration: [
                    "event.notification.enabled": true,
                    "event.notification.callback.url": "https://example.com/events",
                    "event.notification.signature.key": "sign-me",
                ]
            )
            #expect(response.status == 200, "\(response.text)")
            #expect(response.headers["content-type"] == "application/json")
            let instance = response.object
            #expect(instance["id"] is Int)
            #expect(instance["name"] as? String == "Alice's calendar")
            let token = try #require(instance["token"] as? String)
            #expect(token.count == 44 && Data(base64Encoded: token)?.count == 32)
            let element = try #require(instance["element"] as? [String: Any])
            #expect(element["key"] as? String == "microsoftgraph")
            #expect(element["name"] as? String == "Microsoft Graph")
            #expect(instance["elementId"] as? Int == element["id"] as? Int)
            #expect(instance["tags"] as? [String] == ["Alice's calendar"])
            #expect(instance["valid"] as? Bool == true)
            #expect(instance["disabled"] as? Bool == false)
            #expect(instance["eventsEnabled"] as? Bool == true)
            #expect(instance["createdDate"] as? String == "2026-11-18T11:06:40Z")
            let configuration = try #require(instance["configuration"] as? [String: String])
            #expect(configuration["oauth.api.key"] == "********")
            #expect(configuration["oauth.api.secret"] == "********")
            #expect(configuration["event.notification.signature.key"] == "********")
            #expect(configuration["event.notification.enabled"] == "true")
            #expect(configuration["event.notification.callback.url"] == "https://example.com/events")
            #expect(configuration["oauth.callback.url"] == RunningSandbox.redirectURI)
            let user = try #require(instance["user"] as? [String: Any])
            #expect(user["id"] is Int && user["emailAddress"] is String && user["firstName"] is String && user["lastName"] is String)
            #expect(!response.text.contains("sandbox-client-secret") && !response.text.contains("sign-me"))
        }
    }

    @Test func eventsOffIsTheStringFalseAndGivenTagsAreKept() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.createInstance(tags: ["ocwizard", ["id": 12, "name": "legacy"]])
            #expect(response.object["tags"] as? [String] == ["ocwizard", "legacy"])
            #expect(response.object["eventsEnabled"] as? Bool == false)
            #expect((response.object["configuration"] as? [String: String])?["event.notification.enabled"] == "false")
        }
    }

    @Test func idsAreNumericAndIncrease() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.createdInstanceID(name: "one")
            let second = try await sandbox.createdInstanceID(name: "two")
            #expect(second > first)
        }
    }

    @Test func elementScopedPathNeedsNoElementKey() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.consentCode()
            var body = RunningSandbox.instanceBody(code: code)
            body["element"] = nil
            let response = try await sandbox.sendJSON("POST", "/elements/microsoftgraph/instances", body)
            #expect(response.status == 200, "\(response.text)")
        }
    }

    @Test(arguments: [nil, "User sandbox-user", "User sandbox-user, Organization wrong", "User wrong, Organization sandbox-org"])
    func badAuthorizationIs401(header: String?) async throws {
        try await withSandbox { sandbox in
            let body = try JSONSerialization.data(withJSONObject: RunningSandbox.instanceBody(code: "x"))
            let response = try await sandbox.send(
                "POST", "/instances",
                headers: [("Content-Type", "application/json")] + (header.map { [("Authorization", $0)] } ?? []),
                body: body, authorized: false
            )
            #expect(response.status == 401)
            #expect(isRequestID(response.object["requestId"]))
            #expect((response.object["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func bodyWithoutJSONContentTypeIs415() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send("POST", "/instances", body: Data("{}".utf8))
            #expect(response.status == 415)
        }
    }

    @Test func malformedJSONIs400() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send(
                "POST", "/instances", headers: [("Content-Type", "application/json")], body: Data("{\"name\": ".utf8)
            )
            #expect(response.status == 400)
            #expect((response.object["message"] as? String)?.contains("Malformed JSON") == true)
        }
    }

    @Test(arguments: ["element.key", "name", "providerData.code", "oauth.api.key", "oauth.api.secret", "oauth.callback.url"])
    func eachMissingRequiredFieldIs400(field: String) async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.consentCode()
            var body = RunningSandbox.instanceBody(code: code)
            switch field {
            case "element.key": body["element"] = [String: Any]()
            case "name": body["name"] = "<b></b>"
            case "providerData.code": body["providerData"] = [String: Any]()
            default:
                var configuration = try #require(body["configuration"] as? [String: Any])
                configuration[field] = nil
                body["configuration"] = configuration
            }
            let response = try await sandbox.sendJSON("POST", "/instances", body)
            #expect(response.status == 400)
            #expect((response.object["message"] as? String)?.contains(field) == true, "\(response.text)")
            // The refusal came before redemption: the code still works.
            let retry = try await sandbox.sendJSON("POST", "/instances", RunningSandbox.instanceBody(code: code))
            #expect(retry.status == 200)
        }
    }

    @Test func wrongFieldTypeIs400() async throws {
        try await withSandbox { sandbox in
            var body = RunningSandbox.instanceBody(code: "c")
            body["name"] = 42
            let response = try await sandbox.sendJSON("POST", "/instances", body)
            #expect(response.status == 400)
            #expect((response.object["message"] as? String)?.contains("name must be a string") == true)
        }
    }

    @Test func unknownElementIs404() async throws {
        try await withSandbox { sandbox in
            var body = RunningSandbox.instanceBody(code: "c")
            body["element"] = ["key": "dropbox"]
            let response = try await sandbox.sendJSON("POST", "/instances", body)
            #expect(response.status == 404)
        }
    }

    @Test func eventsWithoutCallbackURLIs400() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.createInstance(configuration: ["event.notification.enabled": "true"])
            #expect(response.status == 400)
            #expect((response.object["message"] as? String)?.contains("event.notification.callback.url") == true)
        }
    }

    @Test func reusedCodeIsAADSTS54005() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.consentCode()
            #expect(try await sandbox.sendJSON("POST", "/instances", RunningSandbox.instanceBody(code: code)).status == 200)
            let reused = try await sandbox.sendJSON("POST", "/instances", RunningSandbox.instanceBody(name: "again", code: code))
            try expectProviderError(reused, "AADSTS54005", "invalid_grant")
        }
    }

    @Test func expiredCodeIsAADSTS70008ByTheInjectedClock() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.consentCode()
            sandbox.clock.advance(by: 600)
            let expired = try await sandbox.sendJSON("POST", "/instances", RunningSandbox.instanceBody(code: code))
            try expectProviderError(expired, "AADSTS70008", "invalid_grant")
        }
    }

    @Test func codeIsGoodJustBeforeTenMinutes() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.consentCode()
            sandbox.clock.advance(by: 599)
            #expect(try await sandbox.sendJSON("POST", "/instances", RunningSandbox.instanceBody(code: code)).status == 200)
        }
    }

    @Test func differentRedirectURIIsAADSTS50011() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.consentCode()
            let body = RunningSandbox.instanceBody(code: code, redirectURI: "http://localhost:9999/other")
            try expectProviderError(try await sandbox.sendJSON("POST", "/instances", body), "AADSTS50011", "invalid_grant")
        }
    }

    @Test func wrongClientSecretIsAADSTS7000215AndKeepsTheCode() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.consentCode()
            let wrong = RunningSandbox.instanceBody(code: code, clientSecret: "guess")
            try expectProviderError(try await sandbox.sendJSON("POST", "/instances", wrong), "AADSTS7000215", "invalid_client")
            #expect(try await sandbox.sendJSON("POST", "/instances", RunningSandbox.instanceBody(code: code)).status == 200)
        }
    }

    @Test func unknownCodeIsRefusedByTheProvider() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.sendJSON("POST", "/instances", RunningSandbox.instanceBody(code: "made-up"))
            try expectProviderError(response, "AADSTS9002313", "invalid_request")
        }
    }

    /// A `400` whose `providerMessage` carries Microsoft's code and error word.
    private func expectProviderError(_ response: RawResponse, _ code: String, _ word: String) throws {
        #expect(response.status == 400)
        #expect(isRequestID(response.object["requestId"]))
        #expect((response.object["message"] as? String)?.isEmpty == false)
        let provider = try #require(response.object["providerMessage"] as? String)
        #expect(provider.contains(code), "\(provider)")
        #expect(provider.hasPrefix(word + ": "), "\(provider)")
    }
}

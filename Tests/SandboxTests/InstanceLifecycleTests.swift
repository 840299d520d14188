import Foundation
import Testing

/// Reading, changing, re-authenticating, enabling and deleting instances.
@Suite struct InstanceLifecycleTests {
    @Test func consentCreateReadReauthenticateDeleteRoundTrip() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance(name: "round-trip", tags: ["ocwizard"])
            #expect(created.status == 200)
            let id = try #require(created.object["id"] as? Int)
            let token = try #require(created.object["token"] as? String)

            let read = try await sandbox.send("GET", "/instances/\(id)")
            #expect(read.status == 200)
            #expect(read.object["token"] as? String == token)
            #expect(read.object["name"] as? String == "round-trip")

            // Re-authenticate: the body read back, with the real key/secret and a new code.
            var body = read.object
            let code = try await sandbox.consentCode()
            body["providerData"] = ["code": code]
            var configuration = try #require(body["configuration"] as? [String: Any])
            configuration["oauth.api.key"] = "5a4db0c5-c11e-4d1d-a000-000000000001"
            configuration["oauth.api.secret"] = "sandbox-client-secret"
            configuration["event.notification.signature.key"] = nil
            body["configuration"] = configuration
            let reauthenticated = try await sandbox.sendJSON("PUT", "/instances/\(id)?reAuthenticate=true", body)
            #expect(reauthenticated.status == 200, "\(reauthenticated.text)")
            #expect(reauthenticated.object["id"] as? Int == id)
            let newToken = try #require(reauthenticated.object["token"] as? String)
            #expect(newToken != token && newToken.count == 44)
            #expect(reauthenticated.object["tags"] as? [String] == ["ocwizard"])
            #expect(try await sandbox.send("GET", "/instances/\(id)").object["token"] as? String == newToken)

            let deleted = try await sandbox.send("DELETE", "/instances/\(id)")
            #expect(deleted.status == 200)
            #expect(try await sandbox.send("GET", "/instances/\(id)").status == 404)
            #expect(try await sandbox.send("GET", "/instances").array.isEmpty)
        }
    }

    @Test func reauthenticationChecksTheCodeLikeCreation() async throws {
        try await withSandbox { sandbox in
            let id = try await sandbox.createdInstanceID()
            let code = try await sandbox.consentCode()
            let body = RunningSandbox.instanceBody(code: code)
            #expect(try await sandbox.sendJSON("PUT", "/instances/\(id)?reAuthenticate=true", body).status == 200)
            let reused = try await sandbox.sendJSON("PUT", "/instances/\(id)?reAuthenticate=true", body)
            #expect(reused.status == 400)
            #expect((reused.object["providerMessage"] as? String)?.contains("AADSTS54005") == true)
        }
    }

    @Test func reauthenticationWithoutACodeIs400() async throws {
        try await withSandbox { sandbox in
            let id = try await sandbox.createdInstanceID()
            var body = RunningSandbox.instanceBody(code: "x")
            body["providerData"] = nil
            let response = try await sandbox.sendJSON("PUT", "/instances/\(id)?reAuthenticate=true", body)
            #expect(response.status == 400)
            #expect((response.object["message"] as? String)?.contains("providerData.code") == true)
        }
    }

    @Test func maskedValuesSentBackKeepTheStoredOnes() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance(configuration: [
                "event.notification.enabled": true, "event.notification.callback.url": "https://e.example/x",
                "event.notification.signature.key": "stored-signature-key-0123456789",
            ])
            let id = try #require(created.object["id"] as? Int)
            let code = try await sandbox.consentCode()
            var body = RunningSandbox.instanceBody(code: code)
            // The recipe: the instance as read (masked values included), the real key and secret, a new code.
            body["configuration"] = try #require(created.object["configuration"] as? [String: Any])
                .merging(["oauth.api.key": "5a4db0c5-c11e-4d1d-a000-000000000001", "oauth.api.secret": "sandbox-client-secret"]) { $1 }
            let response = try await sandbox.sendJSON("PUT", "/instances/\(id)?reAuthenticate=true", body)
            #expect(response.status == 200, "\(response.text)")
            let stored = try #require(await sandbox.server.storedConfiguration(id: id))
            #expect(stored["event.notification.signature.key"] == "stored-signature-key-0123456789")
            #expect(stored["oauth.api.secret"] == "sandbox-client-secret")
        }
    }

    @Test func plainPutUpdatesWithoutANewToken() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance()
            let id = try #require(created.object["id"] as? Int)
            let response = try await sandbox.sendJSON("PUT", "/instances/\(id)", [
                "name": "renamed", "configuration": ["event.notification.enabled": "true", "event.notification.callback.url": "https://e.example/x"],
            ])
            #expect(response.status == 200)
            #expect(response.object["name"] as? String == "renamed")
            #expect(response.object["token"] as? String == created.object["token"] as? String)
            #expect(response.object["eventsEnabled"] as? Bool == true)
            #expect((response.object["configuration"] as? [String: String])?["oauth.api.secret"] == "********")
        }
    }

    @Test func patchRenamesAndReplacesTags() async throws {
        try await withSandbox { sandbox in
            let id = try await sandbox.createdInstanceID(tags: ["a", "b"])
            let response = try await sandbox.sendJSON("PATCH", "/instances/\(id)", ["name": "<p>new</p>", "tags": ["c"]])
            #expect(response.status == 200)
            #expect(response.object["name"] as? String == "new")
            #expect(response.object["tags"] as? [String] == ["c"])
            #expect(try await sandbox.send("GET", "/instances/\(id)").object["tags"] as? [String] == ["c"])
        }
    }

    @Test func enabledEndpointDisablesAndEnables() async throws {
        try await withSandbox { sandbox in
            let id = try await sandbox.createdInstanceID()
            let disabled = try await sandbox.send("DELETE", "/instances/\(id)/enabled")
            #expect(disabled.status == 200 && disabled.object["disabled"] as? Bool == true)
            #expect(try await sandbox.send("GET", "/instances/\(id)").object["disabled"] as? Bool == true)
            let enabled = try await sandbox.send("PUT", "/instances/\(id)/enabled")
            #expect(enabled.object["disabled"] as? Bool == false)
        }
    }

    @Test(arguments: [
        ("GET", "/instances/4242"), ("DELETE", "/instances/4242"), ("PUT", "/instances/4242/enabled"),
        ("GET", "/instances/not-a-number"), ("GET", "/nothing/here"), ("GET", "/sandbox/nothing"),
    ])
    func unknownIdsAndPathsAre404(method: String, path: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send(method, path)
            #expect(response.status == 404)
            #expect(isRequestID(response.object["requestId"]))
        }
    }

    @Test func patchAndPutOfUnknownIdsAre404() async throws {
        try await withSandbox { sandbox in
            let patched = try await sandbox.sendJSON("PATCH", "/instances/4242", ["name": "x"])
            let put = try await sandbox.sendJSON("PUT", "/instances/4242", ["name": "x"])
            #expect(patched.status == 404 && put.status == 404)
        }
    }

    @Test(arguments: [
        ("POST", "/instances/1001", "GET, PATCH, PUT, DELETE"), ("GET", "/instances/1001/enabled", "PUT, DELETE"),
        ("DELETE", "/instances", "GET, POST"), ("PUT", "/elements/microsoftgraph/oauth/url", "GET, POST"),
        ("POST", "/sandbox/authorize", "GET"),
    ])
    func wrongVerbsAre405WithAllow(method: String, path: String, allow: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send(method, path)
            #expect(response.status == 405)
            #expect(response.headers["allow"] == allow)
            #expect(isRequestID(response.object["requestId"]))
        }
    }

    @Test func acceptWithoutJSONIs406() async throws {
        try await withSandbox { sandbox in
            let html = try await sandbox.send("GET", "/instances", headers: [("Accept", "text/html")])
            let json = try await sandbox.send("GET", "/instances", headers: [("Accept", "application/json")])
            #expect(html.status == 406 && json.status == 200)
        }
    }
}

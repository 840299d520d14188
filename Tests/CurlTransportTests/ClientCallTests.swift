import CurlTransport
import OpenConnectors
import Sandbox
import Testing

/// Every client call against the sandbox, through the real libcurl transport.
@Suite struct ClientCallTests {
    @Test func oauthURLAsksWithTheDocumentedGETAndNeverLogsTheClientSecret() async throws {
        try await withSandbox { sandbox in
            let lines = LineCollector()
            let client = sandbox.client(transport: LoggingTransport(wrapping: sandbox.transport, log: lines.append))

            let redirect = try await client.oauthURL(apiKey: sandbox.configuration.clientID, apiSecret: Secret(sandbox.configuration.clientSecret),
                                                     callbackURL: SandboxFixture.callbackURL, scope: "User.Read offline_access", state: "abc")

            #expect(redirect.element == "microsoftgraph")
            #expect(redirect.oauthUrl.hasPrefix(sandbox.origin + "/sandbox/authorize?"))
            let query = QueryString.parse(redirect.oauthUrl.split(separator: "?", maxSplits: 1)[1])
            let values = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            #expect(values["client_id"] == sandbox.configuration.clientID)
            #expect(values["redirect_uri"] == SandboxFixture.callbackURL)
            #expect(values["scope"] == "User.Read offline_access")
            #expect(values["state"] == "abc")
            #expect(lines.lines.count == 1)
            #expect(lines.lines.first?.hasPrefix("GET ") == true)
            #expect(lines.lines.first?.contains("apiSecret=***") == true)
            #expect(!lines.lines.joined().contains(sandbox.configuration.clientSecret))
        }
    }

    @Test(arguments: [400, 404, 405, 500, 503])
    func oauthURLFallsBackToPOSTWhenGETIsRefused(status: Int) async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/elements/microsoftgraph/oauth/url"),
                                                  method: "GET", status: status))
            let lines = LineCollector()
            let client = sandbox.client(transport: LoggingTransport(wrapping: sandbox.transport, log: lines.append))

            let redirect = try await client.oauthURL(apiKey: sandbox.configuration.clientID, apiSecret: Secret(sandbox.configuration.clientSecret),
                                                     callbackURL: SandboxFixture.callbackURL, scope: nil, state: nil)

            #expect(redirect.oauthUrl.contains("client_id=\(sandbox.configuration.clientID)"))
            #expect(lines.lines.map { String($0.prefix(while: { $0 != " " })) } == ["GET", "POST"])
            #expect(lines.lines[0].contains("→ \(status)"))
            #expect(lines.lines[1].contains("→ 200"))
            #expect(!lines.lines.joined().contains(sandbox.configuration.clientSecret))
        }
    }

    @Test(arguments: [401, 403])
    func oauthURLDoesNotFallBackOnWrongSecretsOrAForbiddenAccount(status: Int) async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/elements/microsoftgraph/oauth/url"),
                                                  method: "GET", status: status))
            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.oauthURL(apiKey: sandbox.configuration.clientID, apiSecret: Secret(sandbox.configuration.clientSecret),
                                                      callbackURL: SandboxFixture.callbackURL, scope: nil, state: nil)
            }
            guard case .api(let failure) = error else { Issue.record("expected an API failure, got \(error)"); return }
            #expect(failure.status == status)
            #expect(try await sandbox.pendingFaultCount() == 0)
        }
    }

    @Test func verifyCredentialsAcceptsTheRightSecrets() async throws {
        try await withSandbox { sandbox in
            try await sandbox.client.verifyCredentials()
        }
    }

    @Test func createInstanceReturnsTheNewInstanceWithItsToken() async throws {
        try await withSandbox { sandbox in
            let instance = try await sandbox.createInstance(name: "graph-create")

            #expect(instance.name == "graph-create")
            #expect(instance.element?.key == "microsoftgraph")
            #expect(instance.token?.isEmpty == false)
            #expect(instance.tags == ["ocw-test", "graph-create"])
            #expect(instance.eventsEnabled == true)
            #expect(instance.configuration["event.notification.callback.url"] == "https://wizard.example.com/events")
        }
    }

    @Test func getInstanceReadsBackTheToken() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance(name: "graph-get")

            let read = try await sandbox.client.getInstance(id: created.id)

            #expect(read.id == created.id)
            #expect(read.name == "graph-get")
            #expect(read.token == created.token)
        }
    }

    @Test func reauthenticateTakesANewCodeAndKeepsTheInstance() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance(name: "graph-reauth")
            let code = try await sandbox.grantCode()

            let renewed = try await sandbox.client.reauthenticate(id: created.id, code: Secret(code), apiKey: sandbox.configuration.clientID,
                                                                  apiSecret: Secret(sandbox.configuration.clientSecret),
                                                                  callbackURL: SandboxFixture.callbackURL)

            #expect(renewed.id == created.id)
            #expect(renewed.name == "graph-reauth")
            #expect(renewed.valid == true)
            #expect(renewed.token?.isEmpty == false)
        }
    }

    @Test func reauthenticateWithAnUsedCodeIsRefused() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.grantCode()
            let created = try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "graph-reuse", code: code)))

            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.reauthenticate(id: created.id, code: Secret(code), apiKey: sandbox.configuration.clientID,
                                                            apiSecret: Secret(sandbox.configuration.clientSecret), callbackURL: nil)
            }
            #expect(error.apiKind == .grantCodeRejected)
        }
    }

    @Test func updateInstanceRenamesAndReplacesTags() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance(name: "graph-old-name")

            let updated = try await sandbox.client.updateInstance(id: created.id, name: "graph-new-name", tags: ["one", "two"])

            #expect(updated.name == "graph-new-name")
            #expect(updated.tags == ["one", "two"])
            let read = try await sandbox.client.getInstance(id: created.id)
            #expect(read.name == "graph-new-name")
            #expect(read.tags == ["one", "two"])
        }
    }

    @Test func setEnabledDisablesAndEnables() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance(name: "graph-toggle")

            try await sandbox.client.setEnabled(id: created.id, false)
            #expect(try await sandbox.client.getInstance(id: created.id).disabled == true)
            try await sandbox.client.setEnabled(id: created.id, true)
            #expect(try await sandbox.client.getInstance(id: created.id).disabled == false)
        }
    }

    @Test func deleteInstanceRemovesIt() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance(name: "graph-delete")

            try await sandbox.client.deleteInstance(id: created.id)

            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.getInstance(id: created.id)
            }
            #expect(error.apiKind == .notFound)
        }
    }
}

extension OpenConnectorsError {
    /// The API failure's kind, or `nil` for other errors.
    var apiKind: APIFailureKind? {
        if case .api(let failure) = self { failure.kind } else { nil }
    }

    /// The API failure, or `nil` for other errors.
    var apiFailure: APIFailure? {
        if case .api(let failure) = self { failure } else { nil }
    }
}

import CurlTransport
import OpenConnectors
import Sandbox
import Testing

/// Error answers from the service reach the caller classified, with the service's own words.
@Suite struct APIFailureTests {
    @Test func wrongSecretsAre401() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client(credentials: Credentials(userSecret: "wrong", organizationSecret: Secret(sandbox.configuration.organizationSecret)))

            let error = try await #require(throws: OpenConnectorsError.self) { try await client.verifyCredentials() }

            #expect(error.apiFailure?.status == 401)
            #expect(error.apiKind == .wrongSecrets)
            #expect(error.apiFailure?.requestId?.isEmpty == false)
        }
    }

    @Test func aNameTakenIsAConflictThatSaysChooseAnotherOrRecover() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), method: "POST", status: 409,
                                                  message: "An instance with this name already exists."))

            let error = try await #require(throws: OpenConnectorsError.self) { _ = try await sandbox.createInstance(name: "taken") }

            #expect(error.apiKind == .conflict)
            #expect(error.summary.contains("409") && error.nextStep.contains("another name") && error.nextStep.contains("ocwizard recover"))
            #expect(error.details.contains("Service: An instance with this name already exists."))
            #expect(!error.isOutcomeUnknown, "a 409 says nothing was created")
        }
    }

    @Test func aSuccessWithoutATokenIsRefusedAndMayHaveCreatedSomething() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), method: "POST",
                                                  body: #"{"id": 77, "name": "no-token"}"#))

            let error = try await #require(throws: OpenConnectorsError.self) { _ = try await sandbox.createInstance(name: "no-token") }

            #expect(error == .unexpectedBody(status: 200, detail: "no token in the answer, which held only id, name"), "\(error)")
            #expect(error.isOutcomeUnknown, "a success came back: the service may have created it, so the drivers look before saying not created")
        }
    }

    @Test func anUsedCodeIsRejected() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.grantCode()
            _ = try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "first", code: code)))

            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "second", code: code)))
            }

            #expect(error.apiKind == .grantCodeRejected)
            #expect(error.apiFailure?.providerMessage?.contains("AADSTS54005") == true)
        }
    }

    @Test func anExpiredCodeIsRejected() async throws {
        let clock = TestClock()
        try await withSandbox(configure: { $0.now = clock.now }) { sandbox in
            let code = try await sandbox.grantCode()
            clock.advance(by: 11 * 60)

            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "late", code: code)))
            }

            #expect(error.apiKind == .grantCodeRejected)
            #expect(error.apiFailure?.providerMessage?.contains("AADSTS70008") == true)
        }
    }

    @Test func aCodeForAnotherCallbackURLIsARedirectMismatch() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.grantCode(callbackURL: "https://wizard.example.com/other-callback")

            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "mismatch", code: code)))
            }

            #expect(error.apiKind == .redirectURIMismatch)
            #expect(error.apiFailure?.providerMessage?.contains("AADSTS50011") == true)
        }
    }

    @Test func aWrongClientSecretIsNamedAsSuch() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.grantCode()

            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "bad-secret", code: code, apiSecret: "not-the-secret")))
            }

            #expect(error.apiKind == .clientSecretRejected)
        }
    }

    @Test func anUnknownInstanceIs404() async throws {
        try await withSandbox { sandbox in
            let error = try await #require(throws: OpenConnectorsError.self) {
                _ = try await sandbox.client.getInstance(id: 987_654)
            }

            #expect(error.apiFailure?.status == 404)
            #expect(error.apiKind == .notFound)
        }
    }

    @Test func aServerErrorKeepsStatusRequestIdAndMessage() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), status: 503, message: "Gateway is napping"))

            let error = try await #require(throws: OpenConnectorsError.self) { try await sandbox.client.verifyCredentials() }

            #expect(error.apiFailure?.status == 503)
            #expect(error.apiKind == .serviceUnavailable)
            #expect(error.apiFailure?.serviceMessage == "Gateway is napping")
            #expect(error.details.contains { $0.hasPrefix("Request id: ") })
        }
    }
}

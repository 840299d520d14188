import CurlTransport
import OpenConnectors
import Sandbox
import Testing

/// The verbose log (`-v`) of a whole create names methods, URLs and statuses but never a secret.
@Suite struct VerboseLogTests {
    @Test func theLogOfAFullCreateHoldsNoSecret() async throws {
        let distinctSecrets: (inout SandboxConfiguration) -> Void = {
            $0.userSecret = "U5er+Secret/Q1w2=="
            $0.organizationSecret = "0rg5ecret9f8e7d6c5b4a"
            $0.clientSecret = "Cl1ent~Secret.Zx9"
        }
        try await withSandbox(configure: distinctSecrets) { sandbox in
            let lines = LineCollector()
            let transport = CurlTransport(options: CurlTransportOptions(log: lines.append))
            let client = sandbox.client(transport: LoggingTransport(wrapping: transport, log: lines.append))
            // Make the sign-in URL request take the GET fallback, which carries the client secret in its query.
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/elements/microsoftgraph/oauth/url"),
                                                  method: "POST", status: 404))

            try await client.verifyCredentials()
            _ = try await client.oauthURL(apiKey: sandbox.configuration.clientID, apiSecret: Secret(sandbox.configuration.clientSecret),
                                          callbackURL: SandboxFixture.callbackURL, scope: nil, state: SandboxFixture.state)
            let code = try await sandbox.grantCode()
            let created = try await client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "graph-logged", code: code)))
            _ = try await client.getInstance(id: created.id)

            let log = lines.lines.joined(separator: "\n")
            #expect(lines.lines.count >= 6)
            #expect(log.contains("POST \(sandbox.baseURL)/instances → 200"))
            #expect(log.contains("apiSecret=***"))
            #expect(log.contains("proxy for 127.0.0.1"))
            let secrets = [
                sandbox.configuration.userSecret, sandbox.configuration.organizationSecret,
                sandbox.configuration.clientSecret, SandboxFixture.signatureKey, code, try #require(created.token).revealed,
            ]
            for secret in secrets {
                #expect(!log.contains(secret), "the verbose log shows a secret: \(secret)")
            }
        }
    }
}

import CurlTransport
import OpenConnectors
import Sandbox
import Testing

/// A request that changes something reaches the service at most once per call: libcurl never
/// sends it again on its own, whatever happens to the connection.
@Suite struct NoResendTests {
    /// The POSTs of `/instances` the sandbox received.
    private func creates(_ sandbox: SandboxFixture) async -> [ReceivedRequest] {
        await sandbox.server.receivedRequests().filter { $0.method == "POST" && $0.path == SandboxFixture.apiPath("/instances") }
    }

    @Test func aPOSTOnAConnectionTheServerClosesUnansweredIsSentOnce() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.grantCode()
            // A kept-alive connection, as the wizard has after checking the secrets.
            try await sandbox.client.verifyCredentials()
            // The service creates the instance, then the connection closes without an answer.
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), method: "POST", drop: true, handled: true))

            let error = try await #require(throws: OpenConnectorsError.self) {
                try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "once", code: code)))
            }

            #expect(await creates(sandbox).count == 1)
            #expect(error.isOutcomeUnknown, "\(error)")
        }
    }

    @Test func aPUTOnAConnectionTheServerClosesUnansweredIsSentOnce() async throws {
        try await withSandbox { sandbox in
            let instance = try await sandbox.createInstance(name: "put-once")
            try await sandbox.client.verifyCredentials()
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances/\(instance.id)"), method: "PUT", drop: true, handled: true))
            let code = try await sandbox.grantCode()

            await #expect(throws: OpenConnectorsError.self) {
                try await sandbox.client.reauthenticate(id: instance.id, code: Secret(code), apiKey: sandbox.configuration.clientID,
                                                        apiSecret: Secret(sandbox.configuration.clientSecret), callbackURL: SandboxFixture.callbackURL)
            }

            let puts = await sandbox.server.receivedRequests().filter { $0.method == "PUT" }
            #expect(puts.count == 1, "\(puts)")
        }
    }

    @Test func aGETStillReusesTheConnection() async throws {
        try await withSandbox { sandbox in
            let lines = LineCollector()
            let transport = CurlTransport(options: CurlTransportOptions(log: lines.append))
            let client = sandbox.client(transport: transport)

            try await client.verifyCredentials()
            try await client.verifyCredentials()

            #expect(lines.lines.filter { $0.hasPrefix("new connection") }.count == 1, "\(lines.lines)")
        }
    }
}

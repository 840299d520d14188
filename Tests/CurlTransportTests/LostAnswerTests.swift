import CurlTransport
import OpenConnectors
import Sandbox
import Testing

/// A create whose answer is lost after the service acted is an unknown outcome, never a plain
/// failure; a request that never reached the service stays what it was.
@Suite struct LostAnswerTests {
    /// Signs in, queues `fault` on `POST /instances` and creates (through `transport` when given).
    private func createFailing(_ sandbox: SandboxFixture, _ fault: SandboxFault,
                               transport: (any HTTPTransport)? = nil) async throws -> OpenConnectorsError {
        let code = try await sandbox.grantCode()
        try await sandbox.inject(fault)
        return try await #require(throws: OpenConnectorsError.self) {
            try await sandbox.client(transport: transport).createInstance(body: InstanceRequest.body(from: sandbox.form(name: "lost", code: code)))
        }
    }

    /// The instances the sandbox holds now.
    private func instanceCount(_ sandbox: SandboxFixture) async throws -> Int {
        try await sandbox.client.listInstances().count
    }

    private static let create = SandboxFixture.apiPath("/instances")

    @Test func aBodyCutOffMidwayIsAnAnswerLost() async throws {
        try await withSandbox { sandbox in
            let error = try await createFailing(sandbox, SandboxFault(path: Self.create, method: "POST", truncated: true))
            guard case .transport(.answerLost(.connectionLost)) = error else {
                Issue.record("expected a lost answer, got \(error)")
                return
            }
            #expect(error.isOutcomeUnknown)
            #expect(try await instanceCount(sandbox) == 1)
        }
    }

    @Test func aResetAfterSendingIsAnAnswerLost() async throws {
        try await withSandbox { sandbox in
            let error = try await createFailing(sandbox, SandboxFault(path: Self.create, method: "POST", reset: true, handled: true))
            guard case .transport(.answerLost(.connectionLost(let detail))) = error else {
                Issue.record("expected a lost answer, got \(error)")
                return
            }
            #expect(detail.lowercased().contains("reset"), "libcurl saw a reset: \(detail)")
            #expect(error.isOutcomeUnknown)
            #expect(try await instanceCount(sandbox) == 1)
        }
    }

    @Test func aTimeoutAfterSendingIsAnAnswerLost() async throws {
        try await withSandbox { sandbox in
            // Only the create has the short limit; signing in may take longer on a busy machine.
            let impatient = CurlTransport(options: CurlTransportOptions(totalTimeout: .seconds(3)))
            let error = try await createFailing(sandbox, SandboxFault(path: Self.create, method: "POST", delayMs: 30_000, handled: true),
                                                transport: impatient)
            #expect(error == .transport(.answerLost(.timedOut(seconds: 3))))
            #expect(error.isOutcomeUnknown)
            #expect(try await instanceCount(sandbox) == 1)
        }
    }

    @Test func aCancelAfterSendingIsAnAnswerLost() async throws {
        try await withSandbox { sandbox in
            let code = try await sandbox.grantCode()
            try await sandbox.inject(SandboxFault(path: Self.create, method: "POST", delayMs: 10_000, handled: true))
            let call = Task {
                try await sandbox.client.createInstance(body: InstanceRequest.body(from: sandbox.form(name: "lost", code: code)))
            }
            let control = sandbox.client(transport: sandbox.control)
            try await waitUntil("the instance exists", timeout: .seconds(30)) { try await !control.listInstances().isEmpty }

            call.cancel()

            let error = try await #require(throws: OpenConnectorsError.self) { try await call.value }
            #expect(error == .transport(.answerLost(.cancelled)))
            #expect(error.isOutcomeUnknown)
        }
    }

    @Test func anUnreadableSuccessIsAnUnknownOutcome() async throws {
        try await withSandbox { sandbox in
            let error = try await createFailing(sandbox, SandboxFault(path: Self.create, method: "POST", malformed: true, handled: true))
            #expect(error == .unexpectedBody(status: 200, detail: "not valid JSON"))
            #expect(error.isOutcomeUnknown)
            #expect(try await instanceCount(sandbox) == 1)
        }
    }

    @Test(arguments: [500, 502, 504])
    func aServerOrGatewayFailureIsAnUnknownOutcome(status: Int) async throws {
        try await withSandbox { sandbox in
            let error = try await createFailing(sandbox, SandboxFault(path: Self.create, method: "POST", status: status, handled: true))
            #expect(error.isOutcomeUnknown)
        }
    }

    @Test func unavailableIsAPlainFailure() async throws {
        try await withSandbox { sandbox in
            let error = try await createFailing(sandbox, SandboxFault(path: Self.create, method: "POST", status: 503))
            #expect(!error.isOutcomeUnknown)
        }
    }

    @Test func aPOSTThatNeverReachedTheServiceIsAPlainFailure() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client(baseURL: "http://127.0.0.1:1")
            let error = try await #require(throws: OpenConnectorsError.self) { try await client.createInstance(body: .object([])) }
            #expect(error == .transport(.connectionRefused(host: "127.0.0.1:1")))
            #expect(!error.isOutcomeUnknown)
        }
    }

    @Test func aGETWhoseAnswerIsLostIsNotWrapped() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), truncated: true))
            let error = try await #require(throws: OpenConnectorsError.self) { try await sandbox.client.verifyCredentials() }
            guard case .transport(.connectionLost) = error else {
                Issue.record("expected a lost connection, got \(error)")
                return
            }
        }
    }
}

import CurlTransport
import OpenConnectors
import Sandbox
import Testing

/// Requests that never get a usable answer fail with the transport error a person can act on.
@Suite struct TransportFailureTests {
    @Test func aMalformedBodyIsAnUnexpectedBody() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), malformed: true))

            await #expect(throws: OpenConnectorsError.unexpectedBody(status: 200, detail: "not valid JSON")) {
                _ = try await sandbox.client.getInstance(id: 1)
            }
        }
    }

    @Test func aTruncatedBodyIsALostConnection() async throws {
        try await withSandbox(configure: { $0.seedCount = 3 }) { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), truncated: true))

            let error = try await #require(throws: OpenConnectorsError.self) { _ = try await sandbox.client.listInstances() }

            guard case .transport(.connectionLost(let detail)) = error else {
                Issue.record("expected a lost connection, got \(error)")
                return
            }
            #expect(detail.contains("bytes remaining") || detail.contains("transfer closed"))
        }
    }

    @Test func aDroppedConnectionIsALostConnection() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), drop: true))

            let error = try await #require(throws: OpenConnectorsError.self) { try await sandbox.client.verifyCredentials() }

            guard case .transport(.connectionLost) = error else {
                Issue.record("expected a lost connection, got \(error)")
                return
            }
        }
    }

    @Test func aSlowAnswerTimesOut() async throws {
        let options = CurlTransportOptions(totalTimeout: .milliseconds(300))
        try await withSandbox(options: options) { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), delayMs: 10_000))
            let start = ContinuousClock.now

            await #expect(throws: OpenConnectorsError.transport(.timedOut(seconds: 1))) {
                try await sandbox.client.verifyCredentials()
            }
            // Given up long before the sandbox's 10 s answer.
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }

    @Test func aClosedPortIsAConnectionRefused() async throws {
        try await withSandbox { sandbox in
            let client = sandbox.client(baseURL: "http://127.0.0.1:1")

            await #expect(throws: OpenConnectorsError.transport(.connectionRefused(host: "127.0.0.1:1"))) {
                try await client.verifyCredentials()
            }
        }
    }

    @Test func anUnknownHostIsNotFound() async throws {
        let client = OpenConnectorsClient(transport: CurlTransport(), baseURL: "http://ocwizard-test.invalid",
                                          credentials: Credentials(userSecret: "u", organizationSecret: "o"))

        await #expect(throws: OpenConnectorsError.transport(.hostNotFound(host: "ocwizard-test.invalid"))) {
            try await client.verifyCredentials()
        }
    }

    @Test func cancellingTheTaskStopsADelayedRequestAtOnce() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), delayMs: 10_000))
            let call = Task { try await sandbox.client.verifyCredentials() }
            // The sandbox takes a fault off its list when the request arrives. Generous: on two busy
            // cores the in-process sandbox can wait seconds for a thread of the cooperative pool.
            try await waitUntil("the request reached the sandbox", timeout: .seconds(30)) { try await sandbox.pendingFaultCount() == 0 }
            let cancelled = ContinuousClock.now

            call.cancel()

            await #expect(throws: OpenConnectorsError.transport(.cancelled)) { try await call.value }
            // The transfer was aborted, not waited out: the sandbox would answer only after 10 s.
            // (How fast the wake-up is belongs in a benchmark, not in a test on a busy machine.)
            #expect(ContinuousClock.now - cancelled < .seconds(5))
        }
    }

    @Test func aBodyOverTheCapIsTooLarge() async throws {
        let options = CurlTransportOptions(maximumBodyBytes: 4096)
        try await withSandbox(configure: { $0.seedCount = 50 }, options: options) { sandbox in
            await #expect(throws: OpenConnectorsError.transport(.responseTooLarge(limitBytes: 4096))) {
                _ = try await sandbox.client.listInstances()
            }
        }
    }

    @Test func aRedirectIsAnErrorThatSaysWhereItPointed() async throws {
        try await withSandbox { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), status: 307))

            await #expect(throws: OpenConnectorsError.transport(.redirected(status: 307, location: "(no Location header)"))) {
                try await sandbox.client.verifyCredentials()
            }
        }
    }

    @Test(arguments: ["GET", "POST"])
    func aRedirectToAnotherHostIsNeverFollowedAndNoSecretGoesThere(method: String) async throws {
        let other = SandboxServer(configuration: SandboxConfiguration())
        _ = try await other.start()
        let elsewhere = await other.baseURL + "/instances"
        do {
            try await withSandbox { sandbox in
                try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), method: method, status: 302, location: elsewhere))

                let error = try await #require(throws: OpenConnectorsError.self) {
                    if method == "GET" { try await sandbox.client.verifyCredentials() } else { _ = try await sandbox.createInstance(name: "redirected") }
                }

                #expect(error == .transport(.redirected(status: 302, location: elsewhere)), "\(error)")
                #expect(error.summary.contains(elsewhere) && error.summary.contains("not redirected"))
                #expect(error.nextStep.contains("API base URL"))
                #expect(await other.receivedRequests().isEmpty, "the other host got a request (with the secrets in its Authorization header)")
            }
        } catch {
            await other.stop()
            throw error
        }
        await other.stop()
    }

    @Test func theTransportKeepsTheLocationOfARedirectAndDoesNotFollowIt() async throws {
        try await withSandbox { sandbox in
            let redirect = try await sandbox.client.oauthURL(apiKey: sandbox.configuration.clientID, apiSecret: "x",
                                                             callbackURL: SandboxFixture.callbackURL, scope: nil, state: "s")

            let response = try await sandbox.transport.send(HTTPRequest(method: "GET", url: redirect.oauthUrl))

            #expect(response.status == 302)
            #expect(response.header("location")?.hasPrefix(SandboxFixture.callbackURL + "?code=") == true)
        }
    }

    @Test func onlyHTTPAndHTTPSAreSpoken() async throws {
        let transport = CurlTransport()

        let error = try await #require(throws: TransportError.self) {
            _ = try await transport.send(HTTPRequest(method: "GET", url: "file:///etc/passwd"))
        }

        guard case .other(_, let detail) = error else {
            Issue.record("expected an unsupported protocol, got \(error)")
            return
        }
        #expect(detail.contains("file"))
    }
}

import CurlTransport
import OpenConnectors
import Testing

/// HTTPS through a real TLS terminator (stunnel) in front of the sandbox, with self-signed certificates.
@Suite struct HTTPSTests {
    @Test func theSandboxAnswersOverHTTPSWithTheCAFileAndOneHandshake() async throws {
        try await withSandbox { sandbox in
            try await withTLSTunnel(to: try #require(await sandbox.server.port)) { tunnel in
                let lines = LineCollector()
                let transport = CurlTransport(options: CurlTransportOptions(caFile: tunnel.certificateFile, log: lines.append))
                let client = sandbox.client(baseURL: "https://127.0.0.1:\(tunnel.port)", transport: transport)

                try await client.verifyCredentials()
                _ = try await client.listPage(pageSize: 1)

                #expect(lines.lines.filter { $0.hasPrefix("new connection") } == ["new connection to 127.0.0.1 port \(tunnel.port)"])
            }
        }
    }

    @Test func theLocalhostNameIsOnTheCertificateToo() async throws {
        try await withSandbox { sandbox in
            try await withTLSTunnel(to: try #require(await sandbox.server.port)) { tunnel in
                let transport = CurlTransport(options: CurlTransportOptions(caFile: tunnel.certificateFile))

                try await sandbox.client(baseURL: "https://localhost:\(tunnel.port)", transport: transport).verifyCredentials()
            }
        }
    }

    @Test func withoutTheCAFileTheCertificateIsUntrusted() async throws {
        try await withSandbox { sandbox in
            try await withTLSTunnel(to: try #require(await sandbox.server.port)) { tunnel in
                let client = sandbox.client(baseURL: "https://127.0.0.1:\(tunnel.port)", transport: CurlTransport())

                let error = try await #require(throws: OpenConnectorsError.self) { try await client.verifyCredentials() }

                guard case .transport(.untrustedCertificate(let detail)) = error else {
                    Issue.record("expected an untrusted certificate, got \(error)")
                    return
                }
                #expect(detail.contains("self-signed"))
                #expect(error.nextStep.contains("--cacert"))
            }
        }
    }

    @Test func aCertificateForAnotherNameIsAHostnameMismatch() async throws {
        try await withSandbox { sandbox in
            try await withTLSTunnel(to: try #require(await sandbox.server.port)) { tunnel in
                let transport = CurlTransport(options: CurlTransportOptions(caFile: tunnel.wrongNameCertificateFile))
                let client = sandbox.client(baseURL: "https://127.0.0.1:\(tunnel.wrongNamePort)", transport: transport)

                let error = try await #require(throws: OpenConnectorsError.self) { try await client.verifyCredentials() }

                guard case .transport(.hostnameMismatch(let detail)) = error else {
                    Issue.record("expected a hostname mismatch, got \(error)")
                    return
                }
                #expect(detail.contains("127.0.0.1"))
            }
        }
    }

    @Test func anExpiredCertificateIsToldApartAndNotSentToCACert() async throws {
        try await withSandbox { sandbox in
            try await withTLSTunnel(to: try #require(await sandbox.server.port)) { tunnel in
                // Trusted (its own CA file) and for the right name, but valid only on 1 January 2020.
                let transport = CurlTransport(options: CurlTransportOptions(caFile: tunnel.expiredCertificateFile))
                let client = sandbox.client(baseURL: "https://127.0.0.1:\(tunnel.expiredPort)", transport: transport)

                let error = try await #require(throws: OpenConnectorsError.self) { try await client.verifyCredentials() }

                guard case .transport(.expiredCertificate(let detail)) = error else {
                    Issue.record("expected an expired certificate, got \(error)")
                    return
                }
                #expect(detail.contains("expired"))
                #expect(error.summary.contains("expired or not yet valid"))
                #expect(error.nextStep.contains("date and time") && !error.nextStep.contains("pass --cacert"), "\(error.nextStep)")
            }
        }
    }

    @Test func aMissingCAFileIsUnusable() async throws {
        try await withSandbox { sandbox in
            try await withTLSTunnel(to: try #require(await sandbox.server.port)) { tunnel in
                let transport = CurlTransport(options: CurlTransportOptions(caFile: tunnel.missingFile))
                let client = sandbox.client(baseURL: "https://127.0.0.1:\(tunnel.port)", transport: transport)

                let error = try await #require(throws: OpenConnectorsError.self) { try await client.verifyCredentials() }

                guard case .transport(.caFileUnusable(let path, _)) = error else {
                    Issue.record("expected an unusable CA file, got \(error)")
                    return
                }
                #expect(path == tunnel.missingFile)
            }
        }
    }
}

@testable import CurlTransport
import OpenConnectors
import Testing

/// Proxies are chosen from the environment by libcurl's rules, logged without credentials, and their failures named.
@Suite struct ProxyTests {
    private func choice(_ url: String, _ variables: [String: String]) throws -> ProxyEnvironment.Choice {
        ProxyEnvironment(variables).choice(for: try #require(ParsedURL(url)))
    }

    @Test func theSchemeVariableComesFirstThenItsUpperCaseThenAllProxy() throws {
        #expect(try choice("https://a.example", ["https_proxy": "http://p1:1", "HTTPS_PROXY": "http://p2:2", "all_proxy": "http://p3:3"])
            == .init(proxy: "http://p1:1", variable: "https_proxy"))
        #expect(try choice("https://a.example", ["HTTPS_PROXY": "http://p2:2", "all_proxy": "http://p3:3"])
            == .init(proxy: "http://p2:2", variable: "HTTPS_PROXY"))
        #expect(try choice("https://a.example", ["https_proxy": "", "ALL_PROXY": "socks5h://p4:4"])
            == .init(proxy: "socks5h://p4:4", variable: "ALL_PROXY"))
        #expect(try choice("https://a.example", [:]) == .init(proxy: nil, variable: nil))
    }

    @Test func upperCaseHTTPProxyIsIgnoredForPlainHTTP() throws {
        #expect(try choice("http://a.example", ["HTTP_PROXY": "http://evil:1"]) == .init(proxy: nil, variable: nil))
        #expect(try choice("http://a.example", ["http_proxy": "http://p:1"]) == .init(proxy: "http://p:1", variable: "http_proxy"))
    }

    @Test(arguments: [
        ("*", "api.example.com", true),
        ("example.com", "api.example.com", true),
        (".example.com", "api.example.com", true),
        ("example.com", "example.com.", true),
        ("EXAMPLE.com", "api.example.com", true),
        ("example.com", "notexample.com", false),
        ("api.example.com", "example.com", false),
        ("foo, bar example.com", "x.example.com", true),
        ("127.0.0.1", "127.0.0.1", true),
        ("127.0.0.0/8", "127.1.2.3", true),
        ("10.0.0.0/8", "127.0.0.1", false),
        ("127.0.0.1", "127.0.0.2", false),
        ("::1", "::1", true),
        ("fd00::/8", "fd12:3456::1", true),
        ("fd00::/8", "fe80::1", false),
        ("localhost", "127.0.0.1", false),
        ("", "a.example", false),
    ])
    func noProxyListsMatchLikeLibcurl(list: String, host: String, matches: Bool) {
        #expect(ProxyEnvironment.noProxy(list, matches: host) == matches)
    }

    @Test(arguments: [
        ("127.0.0.1", [127, 0, 0, 1]),
        ("::1", [UInt8](repeating: 0, count: 15) + [1]),
        ("fe80::a:b", [0xFE, 0x80] + [UInt8](repeating: 0, count: 10) + [0, 0x0A, 0, 0x0B]),
        ("::ffff:10.0.0.1", [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF, 10, 0, 0, 1]),
        ("1:2:3:4:5:6:7:8", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]),
    ] as [(String, [UInt8])])
    func addressesParseLikeInetPton(text: String, bytes: [UInt8]) {
        #expect(IPAddress(text)?.bytes == bytes)
    }

    @Test(arguments: ["256.0.0.1", "1.2.3", "1.2.3.4.5", "example.com", "1:2:3:4:5:6:7", "1::2::3", "12345::1", ":::", "1:2:3:4:5:6:7:8:9", "+1::"])
    func nonAddressesAreRejected(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func noProxyWinsOverEveryProxyVariable() throws {
        #expect(try choice("https://api.example.com", ["https_proxy": "http://p:1", "NO_PROXY": ".example.com"])
            == .init(proxy: nil, variable: "NO_PROXY"))
    }

    @Test func proxyCredentialsAreRedactedInTheLogLine() {
        let line = ProxyEnvironment.Choice(proxy: "http://alice:s3cret@proxy.corp:8080", variable: "https_proxy").logLine(host: "api.example.com")

        #expect(line == "proxy for api.example.com: http://***@proxy.corp:8080 (from https_proxy)")
        #expect(ProxyEnvironment.redactingCredentials("alice:pw@proxy:1") == "***@proxy:1")
        #expect(ProxyEnvironment.redactingCredentials("http://proxy:1/a@b") == "http://proxy:1/a@b")
    }

    @Test func aProxyThatRefusesIsAProxyFailureAndItsPasswordStaysOutOfTheLog() async throws {
        try await withSandbox { sandbox in
            let lines = LineCollector()
            let transport = CurlTransport(options: CurlTransportOptions(log: lines.append),
                                          environment: { ["http_proxy": "http://alice:pr0xy-pw@127.0.0.1:1"] })

            let error = try await #require(throws: OpenConnectorsError.self) {
                try await sandbox.client(transport: transport).verifyCredentials()
            }

            guard case .transport(.proxyFailure) = error else {
                Issue.record("expected a proxy failure, got \(error)")
                return
            }
            #expect(lines.lines == ["proxy for 127.0.0.1: http://***@127.0.0.1:1 (from http_proxy)"])
        }
    }

    @Test func aProxyThatDoesNotResolveIsAProxyFailure() async throws {
        try await withSandbox { sandbox in
            let transport = CurlTransport(options: CurlTransportOptions(),
                                          environment: { ["all_proxy": "http://proxy.ocwizard-test.invalid:3128"] })

            let error = try await #require(throws: OpenConnectorsError.self) {
                try await sandbox.client(transport: transport).verifyCredentials()
            }

            guard case .transport(.proxyFailure(let detail)) = error else {
                Issue.record("expected a proxy failure, got \(error)")
                return
            }
            #expect(detail.contains("proxy.ocwizard-test.invalid"))
        }
    }

    @Test func noProxyLetsRequestsPastABrokenProxy() async throws {
        try await withSandbox { sandbox in
            let lines = LineCollector()
            let transport = CurlTransport(options: CurlTransportOptions(log: lines.append),
                                          environment: { ["http_proxy": "http://127.0.0.1:1", "no_proxy": "localhost,127.0.0.0/8"] })

            try await sandbox.client(transport: transport).verifyCredentials()

            #expect(lines.lines.first == "proxy for 127.0.0.1: none (no_proxy excludes it)")
        }
    }
}

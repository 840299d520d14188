import Foundation
import Testing

/// Secrets stay out of argv, out of the sandbox and away from proxies; numeric flags are bounded.
@Suite("Secrets outside the process, and bounds")
struct SecretsOutsideTests {
    @Test("--code on argv gets a warning; --code - reads the code from standard input without one")
    func grantCodeFromStandardInput() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let onArgv = try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "from-argv"), environment: TestSandbox.secretEnvironment)
        #expect(onArgv.status == 0, "\(onArgv.stderr)")
        #expect(onArgv.stderr.contains("warning: --code puts the grant code in the process list"))
        var flags = createFlags(sandbox, code: "-", name: "from-stdin")
        let fromStdin = try await runner.run(flags, environment: TestSandbox.secretEnvironment, input: try await sandbox.signIn() + "\n")
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(!fromStdin.stderr.contains("warning"))
        #expect(try await sandbox.instances().count == 2)
        flags = createFlags(sandbox, code: "-", name: "nothing-on-stdin")
        let empty = try await runner.run(flags, environment: TestSandbox.secretEnvironment, input: "")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("--code -: no grant code on standard input"))
        await sandbox.server.stop()
    }

    @Test("recover --reauthenticate takes the grant code from OC_CODE")
    func reauthenticateWithEnvironmentCode() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        #expect(try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "renew-me"), environment: TestSandbox.secretEnvironment).status == 0)
        let before = try #require(try await sandbox.instances().first)
        var environment = TestSandbox.secretEnvironment
        environment["OC_CODE"] = try await sandbox.signIn()
        let result = try await runner.run(["recover", "--reauthenticate", "--json", "--no-input", "--base-url", sandbox.baseURL,
                                           "--id", "\(before["id"] as! Int)", "--api-key", TestSandbox.clientID], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"))
        let after = try #require(try await sandbox.instances().first)
        #expect(after["token"] as? String != before["token"] as? String, "a new token was issued")
        let missing = try await runner.run(["recover", "--reauthenticate", "--no-input", "--base-url", sandbox.baseURL, "--id", "\(before["id"] as! Int)",
                                            "--api-key", TestSandbox.clientID], environment: TestSandbox.secretEnvironment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("OC_CODE"), "\(missing.stderr)")
        await sandbox.server.stop()
    }

    @Test("--sandbox uses its own secrets, not real ones from the environment, and never a proxy")
    func sandboxIgnoresRealSecretsAndProxies() async throws {
        let runner = try CommandRunner()
        let real = ["OC_USER_SECRET": "real-user-secret-0123", "OC_ORG_SECRET": "real-org-secret-4567", "OC_API_SECRET": "real-client-secret-89",
                    "http_proxy": "http://127.0.0.1:1", "https_proxy": "http://127.0.0.1:1", "all_proxy": "http://127.0.0.1:1"]
        let result = try await runner.run(["recover", "--sandbox", "--no-input", "--all", "--verbose"], environment: real)
        // 2 "nothing matches" means the sandbox answered the listing: a real secret would get 401
        // (exit 3), a proxy on port 1 a connection failure (exit 4).
        #expect(result.status == 2, "\(result.allOutput)")
        #expect(result.stderr.contains("no Microsoft Graph instance matches"))
        #expect(!result.stderr.contains("proxy for 127.0.0.1: http"), "\(result.stderr)")
        for secret in ["real-user-secret-0123", "real-org-secret-4567", "real-client-secret-89"] { #expect(!result.allOutput.contains(secret)) }
    }
}

import Foundation
import Testing

@Suite("Profiles, secrets files and plain mode")
struct ProfileAndSecretsTests {
    @Test("A profile holding a secret is refused, naming the key")
    func profileWithSecret() async throws {
        let runner = try CommandRunner()
        let path = try runner.file("team.json", #"{"baseUrl": "https://api.openconnectors.eu10.ext.hana.ondemand.com", "apiSecret": "s3cr3t-value"}"#)
        let result = try await runner.run(["create", "--dry-run", "--profile", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\"apiSecret\""))
        #expect(result.stderr.contains("OC_API_SECRET"))
        #expect(!result.allOutput.contains("s3cr3t-value"))
    }

    @Test("A profile with an unknown key is refused with the known keys listed")
    func profileWithTypo() async throws {
        let runner = try CommandRunner()
        let path = try runner.file("team.json", #"{"callbackURL": "https://x.example.com"}"#)
        let result = try await runner.run(["create", "--dry-run", "--profile", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown key \"callbackURL\""))
        #expect(result.stderr.contains("callbackUrl"))
    }

    @Test("A group-readable secrets file is refused; a private one is used")
    func secretsFileMode() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let contents = "# ocwizard secrets\nOC_USER_SECRET=sandbox-user\nexport OC_ORG_SECRET=\"sandbox-org\"\nOC_API_SECRET='sandbox-client-secret'\n"
        let loose = try runner.file("loose.env", contents, mode: 0o640)
        let refused = try await runner.run(createFlags(sandbox, code: try await sandbox.signIn()) + ["--secrets-file", loose])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("readable by others"))
        #expect(refused.stderr.contains("chmod 600"))
        let tight = try runner.file("tight.env", contents, mode: 0o600)
        let accepted = try await runner.run(createFlags(sandbox, code: try await sandbox.signIn()) + ["--secrets-file", tight, "--json"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try await sandbox.instances().count == 1)
        let unknown = try runner.file("unknown.env", "OC_USER=abc\n")
        let wrongName = try await runner.run(["create", "--dry-run", "--secrets-file", unknown])
        #expect(wrongName.status == 2)
        #expect(wrongName.stderr.contains("line 1: the name before = is not a secret ocwizard reads"))
        #expect(!wrongName.stderr.contains("OC_USER="), "the line's content is not echoed")
        // A bare base64 secret pasted alone holds a '=': none of it may reach stderr.
        let bare = try runner.file("bare.env", "# secrets\nQmFyZVNlY3JldFZhbHVl=\n")
        let bareLine = try await runner.run(["create", "--dry-run", "--secrets-file", bare])
        #expect(bareLine.status == 2)
        #expect(bareLine.stderr.contains("line 2"))
        #expect(!bareLine.stderr.contains("QmFyZVNlY3JldFZhbHVl"), "\(bareLine.stderr)")
        // A symbolic link is not followed, even to a private file.
        let link = runner.home.appendingPathComponent("link.env").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: tight)
        let linked = try await runner.run(["create", "--dry-run", "--secrets-file", link])
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("symbolic link"), "\(linked.stderr)")
        await sandbox.server.stop()
    }

    @Test("profile export → profile import: the exported file pre-fills a teammate's create")
    func exportImportRoundTrip() async throws {
        let lead = try CommandRunner()
        let exported = try await lead.run(["profile", "export", "--base-url", "https://api.openconnectors.eu10.ext.hana.ondemand.com/elements/api-v2",
                                     "--api-key", "team-client-id", "--callback-url", "https://team.example.com/cb", "--scope", "User.Read offline_access",
                                     "--events", "--events-url", "https://team.example.com/events", "--tag", "team-a", "--name-prefix", "team-a-",
                                     "--output", "team.json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let written = try String(contentsOfFile: lead.home.appendingPathComponent("team.json").path, encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        #expect(json["apiKey"] as? String == "team-client-id")
        #expect(json["namePrefix"] as? String == "team-a-")
        #expect(json["events"] as? Bool == true)
        let mode = try FileManager.default.attributesOfItem(atPath: lead.home.appendingPathComponent("team.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Not replaced without asking.
        #expect(try await lead.run(["profile", "export", "--api-key", "other", "--output", "team.json"]).status == 2)

        let teammate = try CommandRunner()
        _ = try teammate.file("config/ocwizard/profile.json", written)
        let result = try await teammate.run(["create", "--dry-run"])
        #expect(result.status == 2, "the name still has to be given")
        let named = try await teammate.run(["create", "--dry-run", "--name", "team-a-alice"])
        #expect(named.status == 0, "\(named.stderr)")
        for expected in ["eu10", "\"oauth.api.key\": \"team-client-id\"", "https://team.example.com/cb", "\"event.notification.enabled\": true", "\"team-a\"", "team-a-alice"] {
            #expect(named.stdout.contains(expected), "pre-filled \(expected)")
        }
    }

    @Test("Plain line mode through a pipe creates an instance against the sandbox, secrets never echoed")
    func plainModeThroughPipe() async throws {
        let runner = try CommandRunner()
        // Connection (3) and Azure app (4) pre-filled; simulate the sign-in, keep the code; events off;
        // name and tag; Enter submits; y shows the token.
        let answers = ["", "", "", "", "", "", "", "simulate", "", "n", "piped instance", "pipe-tag", "", "y"].joined(separator: "\n") + "\n"
        let result = try await runner.run(["create", "--sandbox"], input: answers)
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        #expect(result.stdout.contains("plain mode"))
        #expect(result.stdout.contains("Step 4 of 9 · Grant code"))
        #expect(result.stdout.contains("✓ Instance created"))
        #expect(result.stdout.contains("token: "))
        for secret in TestSandbox.secrets { #expect(!result.allOutput.contains(secret)) }
    }

    @Test("recover --plain asks line by line through a pipe; an empty account says so and how to create one")
    func recoverPlain() async throws {
        let runner = try CommandRunner()
        let result = try await runner.run(["recover", "--sandbox", "--plain"], input: "\n\n\n")
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        #expect(result.stdout.contains("recover an instance · SANDBOX (plain mode)"))
        #expect(result.stdout.contains("This account has no Microsoft Graph instance yet."))
        #expect(result.stdout.contains("ocwizard create --sandbox"))
        for secret in TestSandbox.secrets { #expect(!result.allOutput.contains(secret)) }
    }

    @Test("Plain mode re-asks a bad value with the same message as the wizard")
    func plainModeValidation() async throws {
        let runner = try CommandRunner()
        let answers = ["", "", "", "", "", "http://not-localhost.example.com/cb", "https://localhost/ok", ""].joined(separator: "\n") + "\n"
        let result = try await runner.run(["create", "--sandbox", "--plain"], input: answers)
        #expect(result.stdout.contains("✗ OAuth callback URL must start with https://"))
        #expect(result.status == 2, "input ends before the wizard is done")
        #expect(result.stderr.contains("not a terminal"))
    }

    @Test("Help lists every option with the parameter table's words; completion scripts work")
    func help() async throws {
        let runner = try CommandRunner()
        let help = try await runner.run(["create", "--help"])
        for option in ["--base-url", "--api-key", "--callback-url", "--scope", "--code", "--events", "--no-events", "--events-url", "--name",
                       "--tag", "--profile", "--cacert", "--timeout", "--sandbox", "--verbose", "--no-input", "--json", "--dry-run", "--secrets-file", "--plain"] {
            #expect(help.stdout.contains(option), "help shows \(option)")
        }
        #expect(help.stdout.contains("Application (client) ID"))
        let topLevel = try await runner.run(["--help"])
        for option in ["create", "recover", "profile", "--api-key", "--no-input", "--secrets-file"] {
            #expect(topLevel.stdout.contains(option), "ocwizard --help shows \(option)")
        }
        let completion = try await runner.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("--api-key"))
    }
}

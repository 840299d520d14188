import Foundation
import Testing

@Suite("recover --no-input")
struct NoInputRecoverTests {
    @Test("Lists, filters by name, tag and id, and exits 2 when nothing matches")
    func listing() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        for (name, tag) in [("alice", "team-a"), ("bob", "team-b"), ("carol", "team-a")] {
            #expect(try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: name) + ["--tag", tag], environment: TestSandbox.secretEnvironment).status == 0)
        }
        let stored = try await sandbox.instances()
        let all = try await runner.run(["recover", "--no-input", "--json", "--all", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        #expect(all.status == 0, "\(all.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 3)
        #expect(Set(array[0].keys) == ["id", "name", "token", "baseUrl", "element", "tags", "valid", "disabled", "eventsEnabled", "createdDate"], "the same shape as create --json")
        let byTag = try await runner.run(["recover", "--no-input", "--json", "--base-url", sandbox.baseURL, "--tag", "team-a"], environment: TestSandbox.secretEnvironment)
        let tagged = try #require(try JSONSerialization.jsonObject(with: Data(byTag.stdout.utf8)) as? [[String: Any]])
        #expect(Set(tagged.compactMap { $0["name"] as? String }) == ["alice", "carol"])
        let bob = try #require(stored.first { $0["name"] as? String == "bob" })
        let byID = try await runner.run(["recover", "--no-input", "--json", "--base-url", sandbox.baseURL, "--id", "\(bob["id"] as! Int)"], environment: TestSandbox.secretEnvironment)
        let one = try #require(try JSONSerialization.jsonObject(with: Data(byID.stdout.utf8)) as? [String: Any])
        #expect(one["token"] as? String == bob["token"] as? String)
        let byName = try await runner.run(["recover", "--no-input", "--base-url", sandbox.baseURL, "--name", "carol"], environment: TestSandbox.secretEnvironment)
        #expect(byName.stdout.contains("\tcarol\t"))
        let none = try await runner.run(["recover", "--no-input", "--base-url", sandbox.baseURL, "--name", "nobody"], environment: TestSandbox.secretEnvironment)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no Microsoft Graph instance matches"))
        let wrong = try await runner.run(["recover", "--no-input", "--all", "--base-url", sandbox.baseURL], environment: ["OC_USER_SECRET": "x", "OC_ORG_SECRET": "y"])
        #expect(wrong.status == 3)
        #expect(wrong.stderr.contains("401"))
        await sandbox.server.stop()
    }

    @Test("A bare --no-input prints no token: it names --id, --name, --tag and --all and exits 2; --all lists the account")
    func bareListingRefused() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        #expect(try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "kept-quiet"), environment: TestSandbox.secretEnvironment).status == 0)
        let token = try #require(try await sandbox.instances().first?["token"] as? String)
        for arguments in [["--no-input"], ["--no-input", "--json"]] {
            let bare = try await runner.run(["recover"] + arguments + ["--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
            #expect(bare.status == 2, "\(arguments): \(bare.allOutput)")
            for flag in ["--id", "--name", "--tag", "--all"] { #expect(bare.stderr.contains(flag), "\(flag) named: \(bare.stderr)") }
            #expect(!bare.allOutput.contains(token), "no token printed")
        }
        let all = try await runner.run(["recover", "--no-input", "--all", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("\tkept-quiet\t\(token)"))
        for (arguments, expected) in [(["--no-input", "--all", "--name", "kept-quiet"], "leave out --id, --name, --tag"), (["--all"], "--all goes with --no-input")] {
            let mixed = try await runner.run(["recover"] + arguments + ["--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
            #expect(mixed.status == 2, "\(arguments): \(mixed.allOutput)")
            #expect(mixed.stderr.contains(expected), "\(mixed.stderr)")
            #expect(!mixed.allOutput.contains(token))
        }
        await sandbox.server.stop()
    }

    @Test("--reauthenticate puts a new code on an instance without a screen")
    func reauthenticate() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        #expect(try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "renew-me"), environment: TestSandbox.secretEnvironment).status == 0)
        let id = try #require(try await sandbox.instances().first?["id"] as? Int)
        let result = try await runner.run(["recover", "--reauthenticate", "--json", "--no-input", "--base-url", sandbox.baseURL, "--id", "\(id)",
                                     "--api-key", TestSandbox.clientID, "--code", try await sandbox.signIn()], environment: TestSandbox.secretEnvironment)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["id"] as? Int == id)
        #expect(json["token"] as? String == (try await sandbox.instances().first?["token"] as? String))
        // No code, and the instance's callback is not a loopback one to sign in on: a code is needed.
        let missing = try await runner.run(["recover", "--reauthenticate", "--no-input", "--base-url", sandbox.baseURL, "--id", "\(id)",
                                            "--api-key", TestSandbox.clientID], environment: TestSandbox.secretEnvironment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("a grant code is needed") && missing.stderr.contains("--code"), "\(missing.stderr)")
        let noKey = try await runner.run(["recover", "--reauthenticate", "--id", "\(id)"], environment: TestSandbox.secretEnvironment)
        #expect(noKey.status == 2)
        #expect(noKey.stderr.contains("--api-key"))
        await sandbox.server.stop()
    }
}

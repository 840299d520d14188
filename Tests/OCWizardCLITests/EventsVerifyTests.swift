import Foundation
import Testing

/// `ocwizard events verify`, run as the real binary: exit statuses, messages, and the key never shown.
@Suite("Events verify")
struct EventsVerifyTests {
    static let key = "MySecretEventSignatureKey"
    static let body = "<INSERT_EVENT_NOTIFICATION_RESPONSE_BODY>"
    static let signature = "sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ="

    @Test("the documented test vector passes from standard input and from --body; exit 0")
    func documentedVector() async throws {
        let runner = try CommandRunner()
        let piped = try await runner.run(["events", "verify", "--signature", Self.signature], environment: ["OC_SIGNATURE_KEY": Self.key], input: Self.body)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("matches (sha256)"))
        let file = try runner.file("body.txt", Self.body)
        let fromFile = try await runner.run(["events", "verify", "--signature", Self.signature, "--body", file], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
    }

    @Test("a changed byte, a saved line break, hex and sha1 each exit 1 with their own explanation; the key is never printed")
    func mismatches() async throws {
        let runner = try CommandRunner()
        let cases: [(body: String, signature: String, status: Int32, says: String)] = [
            (Self.body + "x", Self.signature, 1, "signed with another key, or these are not the bytes"),
            (Self.body + "\n", Self.signature, 1, "without its final line break"),
            (Self.body, "sha256=8c775b471e44640b0e7d3c003c938690d53340c55576ee55265c5cb24f86ea34", 1, "hexadecimal"),
            (Self.body, "sha1=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAA=", 1, "does not match"),
            (Self.body, "", 1, "header is missing or empty"),
        ]
        for item in cases {
            let result = try await runner.run(["events", "verify", "--signature", item.signature], environment: ["OC_SIGNATURE_KEY": Self.key], input: item.body)
            #expect(result.status == item.status, "\(item.signature): \(result.allOutput)")
            #expect(result.stderr.contains(item.says), "\(result.stderr)")
            #expect(!result.allOutput.contains(Self.key))
        }
    }

    @Test("no key, an unreadable body, or an open secrets file: exit 2 naming what to do")
    func badInput() async throws {
        let runner = try CommandRunner()
        let noKey = try await runner.run(["events", "verify", "--signature", Self.signature], input: Self.body)
        #expect(noKey.status == 2)
        #expect(noKey.stderr.contains("OC_SIGNATURE_KEY"), "\(noKey.stderr)")
        let missing = try await runner.run(["events", "verify", "--signature", Self.signature, "--body", "/nonexistent/body.json"], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--body"), "\(missing.stderr)")
        let open = try runner.file("secrets.env", "OC_SIGNATURE_KEY=\(Self.key)\n", mode: 0o644)
        let refused = try await runner.run(["events", "verify", "--signature", Self.signature, "--secrets-file", open], input: Self.body)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("chmod 600"), "\(refused.stderr)")
        let good = try runner.file("private.env", "OC_SIGNATURE_KEY=\(Self.key)\n")
        let fromFile = try await runner.run(["events", "verify", "--signature", Self.signature, "--secrets-file", good], input: Self.body)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(!fromFile.allOutput.contains(Self.key))
    }
}

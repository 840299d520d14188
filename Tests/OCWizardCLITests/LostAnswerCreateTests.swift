import Foundation
import Sandbox
import Testing

/// `create --no-input` when the answer to the create is lost: every fault, then the user's retry,
/// leaves exactly one instance on the sandbox, and the output names it.
@Suite("create --no-input with a lost answer", .serialized)
struct LostAnswerCreateTests {
    /// A lost answer after the service created the instance, and the flags that make it lost.
    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        var fault: SandboxFault
        var extraFlags: [String] = []
        var testDescription: String { name }
    }

    static let createPath = "/elements/api-v2/instances"

    static let faults: [Fault] = [
        Fault(name: "cut off mid-body", fault: SandboxFault(path: createPath, method: "POST", truncated: true)),
        Fault(name: "closed after sending", fault: SandboxFault(path: createPath, method: "POST", drop: true, handled: true)),
        Fault(name: "reset after sending", fault: SandboxFault(path: createPath, method: "POST", reset: true, handled: true)),
        // The limit also bounds the look-up after it, which must pass on a busy machine.
        Fault(name: "timeout after sending", fault: SandboxFault(path: createPath, method: "POST", delayMs: 60_000, handled: true),
              extraFlags: ["--timeout", "8"]),
        Fault(name: "unreadable 200", fault: SandboxFault(path: createPath, method: "POST", malformed: true, handled: true)),
        Fault(name: "gateway timeout after creating", fault: SandboxFault(path: createPath, method: "POST", status: 504, handled: true)),
        Fault(name: "a success without a token", fault: SandboxFault(path: createPath, method: "POST", body: #"{"id": 1, "name": "lost-answer"}"#, handled: true)),
    ]

    @Test("The instance is found and printed (exit 0); running the same command again creates nothing", arguments: faults)
    func foundThenRetry(fault: Fault) async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        try await sandbox.server.injectFault(fault.fault)
        let flags = createFlags(sandbox, code: code, name: "lost-answer") + ["--json", "--tag", "team-a"] + fault.extraFlags

        let first = try await runner.run(flags, environment: TestSandbox.secretEnvironment)

        let stored = try await sandbox.instances()
        #expect(stored.count == 1)
        let id = try #require(stored.first?["id"] as? Int)
        #expect(first.status == 0, "\(first.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(json["id"] as? Int == id)
        #expect(json["token"] as? String == stored.first?["token"] as? String)
        #expect(first.stderr.contains("answer was lost"), "\(first.stderr)")
        #expect(first.stderr.contains("the instance was created (id \(id))"), "\(first.stderr)")

        // The user retries the very same command: warned about the name, refused (the code is
        // spent), and still one instance.
        let again = try await runner.run(flags, environment: TestSandbox.secretEnvironment)
        #expect(again.status == 3, "\(again.stderr)")
        #expect(again.stderr.contains("An instance named lost-answer already exists (id \(id)"), "\(again.stderr)")
        #expect(try await sandbox.instances().count == 1)
        for secret in TestSandbox.secrets { #expect(!(first.allOutput + again.allOutput).contains(secret)) }
        await sandbox.server.stop()
    }

    @Test("Nothing was created: it says so after looking, and a new sign-in creates exactly one")
    func foundNoneThenNewSignIn() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        // The request arrives, but the connection closes before it is handled.
        try await sandbox.server.injectFault(SandboxFault(path: Self.createPath, method: "POST", drop: true))

        let first = try await runner.run(createFlags(sandbox, code: code, name: "not-there"), environment: TestSandbox.secretEnvironment)

        #expect(first.status == 4, "\(first.stderr)")
        #expect(first.stderr.contains("found none: it was not created"), "\(first.stderr)")
        #expect(first.stderr.contains("a new sign-in is needed"), "\(first.stderr)")
        #expect(try await sandbox.instances().isEmpty)

        let again = try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "not-there"), environment: TestSandbox.secretEnvironment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try await sandbox.instances().count == 1)
        await sandbox.server.stop()
    }

    @Test("The look-up fails too: exit 5, 'may exist' and how to check; recover then finds the one instance")
    func lookupFails() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        try await sandbox.server.injectFault(SandboxFault(path: Self.createPath, method: "POST", drop: true, handled: true))
        // Review's check and the look-up after the lost answer both fail (on either listing path).
        try await sandbox.server.injectFault(SandboxFault(path: "/elements/api-v2/elements/microsoftgraph/instances", method: "GET", count: 2, status: 500))
        try await sandbox.server.injectFault(SandboxFault(path: Self.createPath, method: "GET", count: 2, status: 500))

        let first = try await runner.run(createFlags(sandbox, code: code, name: "unknown-fate"), environment: TestSandbox.secretEnvironment)

        #expect(first.status == 5, "\(first.stderr)")
        #expect(first.stderr.contains("The instance may exist. Check before creating it again: ocwizard recover --name 'unknown-fate'"), "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        await sandbox.server.clearFaults()
        #expect(try await sandbox.instances().count == 1)

        let check = try await runner.run(["recover", "--no-input", "--json", "--base-url", sandbox.baseURL, "--name", "unknown-fate"],
                                         environment: TestSandbox.secretEnvironment)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("unknown-fate"))
        await sandbox.server.stop()
    }

    @Test("recover --reauthenticate whose answer is lost: the instance is read again and the new token shown; the retry changes nothing")
    func reauthenticationAnswerLost() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        #expect(try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "renew-me"), environment: TestSandbox.secretEnvironment).status == 0)
        let before = try #require(try await sandbox.instances().first)
        let id = try #require(before["id"] as? Int)
        try await sandbox.server.injectFault(SandboxFault(path: "/elements/api-v2/instances/\(id)", method: "PUT", drop: true, handled: true))
        let flags = ["recover", "--reauthenticate", "--json", "--no-input", "--base-url", sandbox.baseURL, "--id", "\(id)",
                     "--api-key", TestSandbox.clientID, "--code", try await sandbox.signIn()]

        let result = try await runner.run(flags, environment: TestSandbox.secretEnvironment)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Re-authenticated: the instance, read again, has a new token"), "\(result.stderr)")
        let after = try await sandbox.instances()
        #expect(after.count == 1)
        #expect(after.first?["token"] as? String != before["token"] as? String)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["token"] as? String == after.first?["token"] as? String)
        let puts = await sandbox.server.receivedRequests().filter { $0.method == "PUT" }
        #expect(puts.count == 1)

        // The same command again: the code is spent, nothing changes.
        let again = try await runner.run(flags, environment: TestSandbox.secretEnvironment)
        #expect(again.status == 3, "\(again.stderr)")
        #expect(try await sandbox.instances().first?["token"] as? String == after.first?["token"] as? String)
        await sandbox.server.stop()
    }
}

import CurlTransport
import Foundation
import OpenConnectors
import Sandbox
import Testing
import LineUI
import SystemTesting
@testable import OCWizardCLI

/// Strings from the service reach the terminal with their control characters made visible.
@Suite("Untrusted text in command-line outputs")
struct UntrustedTextTests {
    /// A name that, printed raw, would write the clipboard (OSC 52), set the window title (OSC 0)
    /// and start a C1 CSI colour sequence.
    static let hostileName = "evil\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}]0;pwned\u{07}\u{9B}31mred\u{7F}"

    /// The raw control characters none of the outputs may carry.
    static func rawControls(in text: String) -> [String] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            .map { String($0.value, radix: 16) }
    }

    /// Renames instance `id` on the sandbox directly (as another client of the account could).
    func rename(_ sandbox: TestSandbox, id: Int, to name: String) async throws {
        let body = JSONValue.object([("name", .string(name))]).compactText
        let response = try await CurlTransport().send(HTTPRequest(method: "PATCH", url: "\(sandbox.baseURL)/instances/\(id)", headers: [
            HTTPHeader("Authorization", "User \(TestSandbox.userSecret), Organization \(TestSandbox.organizationSecret)"),
            HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json"),
        ], body: Array(body.utf8)))
        try #require(response.status == 200, "rename answered \(response.status)")
    }

    @Test("recover --no-input (text and --json) and the plain recovery list escape a hostile name")
    func recoverOutputs() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        #expect(try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "plain-name"), environment: TestSandbox.secretEnvironment).status == 0)
        let id = try #require(try await sandbox.instances().first?["id"] as? Int)
        try await rename(sandbox, id: id, to: Self.hostileName)
        let text = try await runner.run(["recover", "--no-input", "--all", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(Self.rawControls(in: text.allOutput) == [])
        #expect(text.stdout.contains("evil\\u{1b}]52;c;SGVsbG8=\\u{7}"), "the name is shown, escaped: \(text.stdout)")
        #expect(text.stdout.contains("\\u{9b}31mred\\u{7f}"))
        let json = try await runner.run(["recover", "--no-input", "--json", "--all", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        #expect(Self.rawControls(in: json.allOutput) == [])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(decoded.first?["name"] as? String == Self.hostileName, "JSON escapes keep the exact name for programs")
        let plain = try await runner.run(["recover", "--plain", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment, input: "\n\n\n\n\n")
        #expect(plain.stdout.contains("evil\\u{1b}]52"), "\(plain.stdout)")
        #expect(Self.rawControls(in: plain.allOutput) == [])
        await sandbox.server.stop()
    }

    @Test("The service's message in an error is printed escaped by create --no-input and recover --no-input")
    func errorLines() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        try await sandbox.server.injectFault(SandboxFault(path: "/elements/api-v2/instances", method: "POST", status: 409, message: Self.hostileName))
        let create = try await runner.run(createFlags(sandbox, code: try await sandbox.signIn()), environment: TestSandbox.secretEnvironment)
        #expect(create.status != 0)
        #expect(create.stderr.contains("evil\\u{1b}]52"), "the service's words are shown: \(create.stderr)")
        #expect(Self.rawControls(in: create.allOutput) == [])
        try await sandbox.server.injectFault(SandboxFault(path: "/elements/api-v2", method: "GET", count: 5, status: 500, message: Self.hostileName))
        let recover = try await runner.run(["recover", "--no-input", "--all", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        #expect(recover.status != 0)
        #expect(recover.stderr.contains("evil\\u{1b}]52"), "\(recover.stderr)")
        #expect(Self.rawControls(in: recover.allOutput) == [])
        await sandbox.server.stop()
    }
}

/// A listing written as bytes takes the same care as text.
@Suite("Bytes written to standard output")
struct ByteOutputTests {
    @Test("Clean bytes go out as they are, with a newline; bytes holding a control character are escaped like text")
    func bytesAreCheckedLikeText() {
        let terminal = ScriptedTerminal()
        terminal.printOutput(bytes: Array("[\n  {\"name\": \"日本\"}\n]".utf8))
        #expect(terminal.output == "[\n  {\"name\": \"日本\"}\n]\n")
        let hostile = ScriptedTerminal()
        hostile.printOutput(bytes: Array(UntrustedTextTests.hostileName.utf8))
        #expect(UntrustedTextTests.rawControls(in: hostile.output) == [])
        #expect(hostile.output == TextSafety.visibleLines(UntrustedTextTests.hostileName) + "\n")
    }
}

import Foundation
import Sandbox
import Testing

/// The fault matrix in the batch driver (`create --no-input`), over real sockets against the
/// sandbox: for each fault, the exit status, that the message's claim is true (it names what
/// happened) and that its next step fits the cause (and no advice for another cause slips in),
/// and that nothing was created where the message says so. One row at a time: each starts an
/// in-process sandbox, and many at once starve the other suites' sandboxes on two cores.
@Suite("Fault matrix: create --no-input", .serialized)
struct FaultMatrixBatchTests {
    /// One row: how the fault is set up, and what the run must say.
    struct Row: CustomTestStringConvertible, Sendable {
        enum Setup: Sendable {
            /// A fault the sandbox plays on `POST /instances`.
            case fault(SandboxFault)
            /// Another base URL than the sandbox's.
            case baseURL(String)
            /// Other secrets than the sandbox's.
            case secrets(user: String, organization: String)
            /// The grant code used up by an earlier create.
            case usedCode
        }
        let name: String
        let setup: Setup
        let status: Int32
        let claim: [String]
        let nextStep: String
        var created = false
        var testDescription: String { name }
    }

    static let instancesPath = "/elements/api-v2/instances"
    /// Advice that fits one cause only, and must not be given for any other.
    static let foreignAdvice = ["--cacert", "tag filter", "--timeout", "sign in again", "another name", "date and time"]

    static let rows: [Row] = [
        Row(name: "connection refused", setup: .baseURL("http://127.0.0.1:1/elements/api-v2"), status: 4,
            claim: ["Could not connect to 127.0.0.1:1"], nextStep: "Check the API base URL and port"),
        Row(name: "DNS failure", setup: .baseURL("https://ocwizard-test.invalid/elements/api-v2"), status: 4,
            claim: ["ocwizard-test.invalid could not be found"], nextStep: "typos"),
        Row(name: "401 wrong secrets", setup: .secrets(user: "wrong-user", organization: "wrong-org"), status: 3,
            claim: ["refused the user or organization secret (401)"], nextStep: "Copy the user and organization secrets again"),
        Row(name: "400 used code", setup: .usedCode, status: 3,
            claim: ["refused the grant code", "AADSTS54005"], nextStep: "sign in again"),
        Row(name: "404", setup: .fault(SandboxFault(path: instancesPath, method: "POST", status: 404, message: "No resource found.")), status: 3,
            claim: ["could not find it (404)", "No resource found."], nextStep: "Check the API base URL"),
        Row(name: "409 name taken", setup: .fault(SandboxFault(path: instancesPath, method: "POST", status: 409, message: "Name taken.")), status: 3,
            claim: ["conflict (409)", "Name taken."], nextStep: "another name"),
        Row(name: "503", setup: .fault(SandboxFault(path: instancesPath, method: "POST", status: 503)), status: 3,
            claim: ["unavailable or overloaded right now (503)"], nextStep: "Try again in a minute"),
        Row(name: "redirect to another host", setup: .fault(SandboxFault(path: instancesPath, method: "POST", status: 302,
                                                                         location: "https://elsewhere.example/steal")), status: 4,
            claim: ["302, redirecting to https://elsewhere.example/steal", "not redirected"], nextStep: "Check the API base URL"),
    ]

    @Test("Exit status, a true claim and a fitting next step", arguments: rows)
    func row(_ row: Row) async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        var environment = TestSandbox.secretEnvironment
        var arguments = createFlags(sandbox, code: code, name: "fault-\(row.name.filter(\.isLetter))")
        switch row.setup {
        case .fault(let fault): try await sandbox.server.injectFault(fault)
        case .baseURL(let url): arguments[arguments.firstIndex(of: sandbox.baseURL)!] = url
        case .secrets(let user, let organization): environment.merge(["OC_USER_SECRET": user, "OC_ORG_SECRET": organization]) { $1 }
        case .usedCode:
            #expect(try await runner.run(createFlags(sandbox, code: code, name: "first"), environment: environment).status == 0)
        }
        let before = try await sandbox.instances().count

        let result = try await runner.run(arguments, environment: environment)

        #expect(result.status == row.status, "\(result.allOutput)")
        for claim in row.claim { #expect(result.stderr.contains(claim), "claim \(claim): \(result.stderr)") }
        #expect(result.stderr.contains(row.nextStep), "next step: \(result.stderr)")
        for advice in Self.foreignAdvice where !row.nextStep.contains(advice) {
            #expect(!result.stderr.contains(advice), "advice for another cause (\(advice)): \(result.stderr)")
        }
        #expect(try await sandbox.instances().count == before, "the message says nothing was created")
        for secret in TestSandbox.secrets { #expect(!result.allOutput.contains(secret)) }
        await sandbox.server.stop()
    }
}

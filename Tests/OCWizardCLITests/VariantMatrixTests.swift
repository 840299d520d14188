import Foundation
import Sandbox
import Testing

/// One sandbox set-up of the matrix: the default, or documented variants together.
struct VariantCase: Sendable, CustomTestStringConvertible {
    let variants: Set<SandboxVariant>

    var testDescription: String { variants.isEmpty ? "default" : variants.sorted().map(\.rawValue).joined(separator: "+") }

    /// The default, each variant alone, and the worst case for re-authentication.
    static let all: [VariantCase] = [VariantCase(variants: [])] + SandboxVariant.allCases.map { VariantCase(variants: [$0]) }
        + [VariantCase(variants: [.reauthReplacesConfiguration, .maskedValuesDropped])]

    /// Whether a re-authentication on this set-up cannot keep the signature key, whatever the client sends.
    var losesSignatureKey: Bool { variants.isSuperset(of: [.reauthReplacesConfiguration, .maskedValuesDropped]) }
}

/// Every driver against every service variant, one test at a time: each case starts a sandbox and
/// real processes, and running them side by side slows the timing-sensitive tests of the rest.
@Suite("Drivers × service variants", .serialized)
struct ServiceVariantMatrix {}

/// `create --no-input` and `recover --no-input` (list, search, re-authenticate) against every
/// documented variant of the service, through the real binary (detail and delete: the line matrix).
extension ServiceVariantMatrix {
    @Suite("Batch driver × service variants")
    struct BatchVariantMatrixTests {
        private let signatureKey = "matrix-signature-key-0123456789"

        @Test("create, then find by tag and by name and re-authenticate: right on every variant", arguments: VariantCase.all)
        func createAndRecover(_ setup: VariantCase) async throws {
            let sandbox = try await TestSandbox.start(variants: setup.variants)
            defer { Task { await sandbox.server.stop() } }
            let runner = try CommandRunner()
            let environment = TestSandbox.secretEnvironment.merging(["OC_SIGNATURE_KEY": signatureKey]) { $1 }
            let base = ["--base-url", sandbox.baseURL]

            // An empty account: a search finds nothing (exit 2), never a service error (3).
            let empty = try await runner.run(["recover", "--no-input", "--tag", "team-a"] + base, environment: environment)
            #expect(empty.status == 2, "\(empty.stderr)")
            #expect(empty.stderr.contains("no Microsoft Graph instance matches"))

            // Create with events and a signature key; the name and tag collide with other connectors' instances.
            let created = try await runner.run(createFlags(sandbox, code: try await sandbox.signIn(), name: "graph-calendar-alice")
                + ["--json", "--tag", "team-a", "--events", "--events-url", "https://example.com/oc-events"], environment: environment)
            #expect(created.status == 0, "\(created.stderr)")
            let instance = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
            let id = try #require(instance["id"] as? Int)
            let token = try #require(instance["token"] as? String)
            #expect(instance["eventsEnabled"] as? Bool == true && instance["valid"] as? Bool == true)

            // Found by tag and by name: only the Microsoft Graph instance, whatever the service did with the query.
            for filter in [["--tag", "team-a"], ["--name", "graph-calendar-alice"]] {
                let found = try await runner.run(["recover", "--no-input", "--json"] + filter + base, environment: environment)
                #expect(found.status == 0, "\(filter): \(found.stderr)")
                let list = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [[String: Any]])
                #expect(list.compactMap { $0["id"] as? Int } == [id], "\(filter)")
            }
            if setup.variants.contains(.instancesIgnoreFilters) {
                let nothing = try await runner.run(["recover", "--no-input", "--name", "graph-calendar"] + base, environment: environment)
                #expect(nothing.status == 2, "a part of a name is not the name: \(nothing.stdout)")
            }

            // Re-authenticate: the signature key survives unless the service cannot keep it; then the user is told.
            let code = try await sandbox.signIn()
            let renewed = try await runner.run(["recover", "--reauthenticate", "--no-input", "--json", "--id", "\(id)", "--api-key", TestSandbox.clientID] + base,
                                               environment: environment.merging(["OC_CODE": code]) { $1 })
            #expect(renewed.status == 0, "\(renewed.stderr)")
            let after = try #require(try JSONSerialization.jsonObject(with: Data(renewed.stdout.utf8)) as? [String: Any])
            let newToken = try #require(after["token"] as? String)
            #expect((newToken == token) == setup.variants.contains(.reauthKeepsToken))
            #expect(newToken == (try await sandbox.instances().first { $0["id"] as? Int == id }?["token"] as? String))
            let stored = try #require(await sandbox.server.storedConfiguration(id: id))
            if setup.losesSignatureKey {
                #expect(stored["event.notification.signature.key"] == nil)
                #expect(renewed.stderr.contains("signature key (event.notification.signature.key) is gone"), "\(renewed.stderr)")
                #expect(renewed.stderr.contains("PATCH /instances/\(id)/configuration"))
            } else {
                #expect(stored["event.notification.signature.key"] == signatureKey)
                #expect(stored["event.notification.callback.url"] == "https://example.com/oc-events")
                #expect(renewed.stderr.isEmpty, "\(renewed.stderr)")
            }
            for secret in TestSandbox.secrets + [signatureKey] {
                #expect(![empty, created, renewed].contains { $0.allOutput.contains(secret) })
            }
        }
    }
}

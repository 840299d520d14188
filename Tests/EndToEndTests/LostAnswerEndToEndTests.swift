import Foundation
import Testing

/// Esc while the service is creating the instance: the answer is lost, the wizard looks, and the
/// result shows the one instance that exists, with its id.
@Suite("End to end: a lost answer")
struct LostAnswerEndToEndTests {
    @Test("Esc after the create was sent: the instance is found and shown with its id; the sandbox holds exactly one")
    func cancelAfterSending() async throws {
        let sandbox = try await SandboxChild.start()
        let name = "e2e-lost-\(UInt16.random(in: 1000...9999))"
        try await TmuxSession.with([try Executables.ocwizard, "--base-url", sandbox.baseURL]) { tmux in
            let authorize = try await WizardSteps.typeConnectionAndAzureApp(tmux)
            let redirect = try await SandboxHTTP.signIn(try #require(Screen.signInURL(in: authorize)))
            try await WizardSteps.pasteCodeAndName(tmux, redirect: redirect, name: name, tag: "lost")

            // The sandbox creates the instance at once but holds its answer for 20 s.
            try await sandbox.injectFault(["path": "/elements/api-v2/instances", "method": "POST", "delayMs": 20_000, "handled": true])
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Creating the instance")
            // Wait until the service has created it, then cancel while its answer is held back.
            let deadline = ContinuousClock.now + .seconds(15)
            var stored: [[String: Any]] = []
            while stored.isEmpty, ContinuousClock.now < deadline {
                stored = try await sandbox.api.instances().filter { $0["name"] as? String == name }
                if stored.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            let id = try #require(stored.first?["id"] as? Int)
            try await tmux.press("Escape")

            let result = try await tmux.waitFor(text: "✓ Instance created")
            #expect(result.contains("found it: the instance was created (id \(id))"), "\(result)")
            #expect(!result.contains("not created"))
            #expect(try await sandbox.api.instances().filter { $0["name"] as? String == name }.count == 1)
        }
        await sandbox.stop()
    }
}

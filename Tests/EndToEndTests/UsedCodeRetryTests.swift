import Foundation
import Testing

/// A grant code that was already redeemed: the failure, then a retry without retyping anything.
@Suite("End to end: used code and retry")
struct UsedCodeRetryTests {
    static let callbackURL = "https://localhost/ocwizard/callback"

    @Test("A used grant code fails with AADSTS54005; Back to Authorize and a fresh code succeed with every value kept")
    func usedCodeThenRetry() async throws {
        let sandbox = try await SandboxChild.start()
        let name = "e2e-retry-\(UInt16.random(in: 1000...9999))"
        try await TmuxSession.with([try Executables.ocwizard, "--base-url", sandbox.baseURL]) { tmux in
            // 1 Connection and 2 Azure app, typed; the scope keeps its default.
            // 3 Authorize: no Simulate sign-in without --sandbox. Sign in with the URL on screen,
            // and spend the code on another instance before the wizard uses it.
            var authorize = try await WizardSteps.typeConnectionAndAzureApp(tmux)
            #expect(!authorize.contains("Simulate sign-in"))
            let firstRedirect = try await SandboxHTTP.signIn(try #require(Screen.signInURL(in: authorize)))
            let firstCode = try #require(URLComponents(string: firstRedirect)?.queryItems?.first { $0.name == "code" }?.value)
            let spent = try await sandbox.api.createInstance(name: "spends-the-code", code: firstCode, callbackURL: Self.callbackURL)
            #expect(spent.status == 200, "the sandbox did not take the code: \(String(decoding: spent.body, as: UTF8.self))")

            // 4 Grant code (the redirected address), 5 Events (off), 6 Instance.
            try await WizardSteps.pasteCodeAndName(tmux, redirect: firstRedirect, name: name, tag: "retry")

            // 7 Review, Submit → the failure names the used code and offers the way back.
            try await tmux.press("Enter")
            let failure = try await tmux.waitFor(text: "[ Back to Authorize ]")
            #expect(failure.contains("AADSTS54005"))
            #expect(failure.contains("✗ The instance was not created"))
            // Microsoft's text keeps its line breaks (\r\n): "Correlation ID:" starts a row.
            #expect(Screen.row(containing: "Correlation ID:", in: failure)?.trimmingCharacters(in: .whitespaces).hasPrefix("Correlation ID:") == true,
                    "the provider message's lines run together")
            try await tmux.waitFor(text: "Enter back to Authorize")
            try await tmux.press("Enter")

            // 3 again: a fresh sign-in gives a fresh code.
            try await tmux.waitFor(text: "Step 3 of 9 · Authorize")
            authorize = try await tmux.waitFor(text: "[ Copy URL ]")
            let secondRedirect = try await SandboxHTTP.signIn(try #require(Screen.signInURL(in: authorize)))
            #expect(secondRedirect != firstRedirect)
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 4 of 9 · Grant code")
            try await tmux.paste(secondRedirect)
            try await tmux.waitFor(text: "state matches")

            // Nothing else is retyped: Enter through the kept values to Submit.
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Step 5 of 9 · Events")
            try await tmux.press("Enter")
            let instanceStep = try await tmux.waitFor(text: "Step 6 of 9 · Instance")
            #expect(Screen.value(of: "Instance name", in: instanceStep) == name)
            #expect(Screen.value(of: "Tags", in: instanceStep) == "retry")
            // Tags are optional and set: Enter on the name goes on to Review.
            try await tmux.press("Enter", until: "Step 7 of 9 · Review", atMost: 2)
            try await tmux.press("Enter")
            let result = try await tmux.waitFor(text: "✓ Instance created")
            let id = try #require(Screen.value(of: "Id", in: result))

            let instance = try await sandbox.api.instance(id: id)
            #expect(instance["name"] as? String == name)
            #expect(instance["tags"] as? [String] == ["retry"])
            let names = try await sandbox.api.instances().compactMap { $0["name"] as? String }.sorted()
            #expect(names == [name, "spends-the-code"].sorted(), "the failed submit created an instance after all")
        }
        await sandbox.stop()
    }
}

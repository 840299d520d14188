import Foundation
import Testing

/// The whole wizard by keystrokes against `ocwizard --sandbox`, checked through the sandbox's API.
@Suite("End to end: happy path")
struct HappyPathTests {
    @Test("Every step by keystrokes creates the instance with the typed values and shows its token")
    func happyPath() async throws {
        let name = "e2e-happy-\(UInt16.random(in: 1000...9999))"
        let eventsURL = "https://hooks.example.com/ocwizard/\(name)"
        let signatureKey = "whsec-e2e-0123456789abcdef"
        try await TmuxSession.with([try Executables.ocwizard, "--sandbox"]) { tmux in
            // 1 Connection: everything is pre-filled; Enter (through the fields, if focused) goes on.
            Self.expectTitleRow(try await tmux.waitFor(text: "Step 1 of 9 · Connection"), "Step 1 of 9 · Connection")
            let wizardPID = try await tmux.programPID()
            let sandboxPID = try await Processes.waitForChild(of: wizardPID, named: "ocwizard-sandbo")
            Self.expectTitleRow(try await tmux.press("Enter", until: "Step 2 of 9 · Azure app", atMost: 4), "Step 2 of 9 · Azure app")

            // 2 Azure app: pre-filled too; Enter through its four fields.
            Self.expectTitleRow(try await tmux.press("Enter", until: "Step 3 of 9 · Authorize", atMost: 4), "Step 3 of 9 · Authorize")

            // 3 Authorize: once the sign-in URL is there, Tab to [ Simulate sign-in ].
            let authorize = try await tmux.waitFor(text: "[ Simulate sign-in ]")
            #expect(Screen.signInURL(in: authorize)?.contains("/sandbox/authorize?") == true)
            try await tmux.press("Tab", until: "Enter simulate sign-in", atMost: 3)
            try await tmux.press("Enter")

            // 4 Grant code: filled by the simulated sign-in.
            Self.expectTitleRow(try await tmux.waitFor(text: "Step 4 of 9 · Grant code"), "Step 4 of 9 · Grant code")
            try await tmux.waitFor(text: "state matches")
            try await tmux.press("Enter")

            // 5 Events: on, with a callback URL and a signature key.
            Self.expectTitleRow(try await tmux.waitFor(text: "Step 5 of 9 · Events"), "Step 5 of 9 · Events")
            try await tmux.press("Space")
            try await tmux.waitFor(text: "Events callback URL")
            try await tmux.press("Tab")
            try await tmux.type(eventsURL)
            try await tmux.press("Tab")
            try await tmux.type(signatureKey)
            try await tmux.waitFor(text: eventsURL)
            try await tmux.press("Enter")

            // 6 Instance: name and tags (one of them wide).
            Self.expectTitleRow(try await tmux.waitFor(text: "Step 6 of 9 · Instance"), "Step 6 of 9 · Instance")
            try await tmux.type(name)
            try await tmux.press("Tab")
            try await tmux.type("team-a, 日本語")
            try await tmux.waitFor(text: "日本語")
            try await tmux.press("Enter")

            // 7 Review: the typed values, then Submit.
            let review = try await tmux.waitFor(text: "Step 7 of 9 · Review")
            Self.expectTitleRow(review, "Step 7 of 9 · Review")
            #expect(Screen.value(of: "Events callback URL", in: review) == eventsURL)
            #expect(!review.contains(signatureKey), "the review shows the signature key in clear")
            try await tmux.press("Enter")

            // 9 Result: id, token masked until Ctrl-R.
            let result = try await tmux.waitFor(text: "✓ Instance created")
            Self.expectTitleRow(result, "Step 9 of 9 · Result")
            let id = try #require(Screen.value(of: "Id", in: result))
            let maskedToken = try #require(Screen.value(of: "Token", in: result))
            #expect(maskedToken.hasPrefix("•"), "the token is not masked: \(maskedToken)")
            let baseURL = try #require(Screen.value(of: "API base", in: result))
            try await tmux.press("C-r")
            let revealed = try await tmux.waitFor(text: "Ctrl-R hide token")
            let token = try #require(Screen.value(of: "Token", in: revealed))
            #expect(!token.contains("•") && token.count >= 20, "the token is not revealed: \(token)")

            // The instance, as the sandbox has it.
            let instance = try await SandboxHTTP(baseURL: baseURL).instance(id: id)
            #expect(instance["name"] as? String == name)
            #expect(instance["tags"] as? [String] == ["team-a", "日本語"])
            #expect(instance["token"] as? String == token, "the token on screen is not the instance's token")
            #expect((instance["element"] as? [String: Any])?["key"] as? String == "microsoftgraph")
            let configuration = try #require(instance["configuration"] as? [String: String])
            #expect(configuration["event.notification.enabled"] == "true")
            #expect(configuration["event.notification.callback.url"] == eventsURL)
            #expect(configuration["event.notification.signature.key"] != nil, "no signature key was sent")
            #expect(configuration["oauth.callback.url"] == "http://localhost:8765/callback", "the sandbox does not use the loopback callback")

            // [ Quit ] (after Copy token, Send test event and Save to file): exit 0, and the sandbox child goes with the wizard.
            try await tmux.press("Tab", until: "Enter quit", atMost: 3)
            try await tmux.press("Enter")
            #expect(try await tmux.waitForExit() == 0)
            #expect(try await Processes.waitForEnd(of: sandboxPID), "ocwizard-sandbox (\(sandboxPID)) still runs after the wizard quit")

            // A summary stays on the normal screen: id and name, how to see the token again, not the token.
            let after = try await tmux.waitFor(text: "ocwizard recover --id \(id)")
            #expect(after.contains("✓ Instance created: id \(id), name \(name)"))
            #expect(!after.contains(token), "the token is printed after exit although nobody asked for it there")
        }
    }

    /// Row 0 names the program and the step, as on every screen.
    static func expectTitleRow(_ screen: String, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let row = screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(row.contains("ocwizard") && row.contains(step), "row 0 is \"\(row)\", not the title with \(step)", sourceLocation: sourceLocation)
    }
}

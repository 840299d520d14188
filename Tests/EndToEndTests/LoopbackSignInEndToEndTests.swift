import Foundation
import SystemTesting
import Testing

/// The sign-in without copy and paste, as a person sees it: Enter on Authorize opens the
/// "browser" (`$BROWSER`, a curl script that follows the sandbox consent page's redirect), the
/// browser comes back to the wizard's loopback listener, and the wizard goes on by itself.
@Suite("End to end: sign-in caught on a loopback callback")
struct LoopbackSignInEndToEndTests {
    /// The sandbox's Azure app client id.
    static let clientID = "5a4db0c5-c11e-4d1d-a000-000000000001"

    /// The screen's rows trimmed and joined by spaces, so a sentence wrapped over rows reads whole.
    static func flattened(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Expects `code` to be spent: the sandbox refuses it with AADSTS54005, so the wizard sent it.
    static func expectSpent(_ code: String, callback: String, on sandbox: SandboxChild) async throws {
        let again = try await sandbox.api.createInstance(name: "reuses-the-code", code: code, callbackURL: callback)
        #expect(again.status != 200 && String(decoding: again.body, as: UTF8.self).contains("AADSTS54005"),
                "the caught code was not the one the wizard sent: \(again.status)")
    }

    /// The code in a redirected address.
    static func code(in address: String) -> String? {
        URLComponents(string: address)?.queryItems?.first { $0.name == "code" }?.value
    }

    @Test("Create with a team profile in six keys: Enter on Authorize signs in through the browser, the wizard goes on by itself past the grant code and the Events step the profile settled, and creates the instance with the caught code")
    func createCatchesTheRedirect() async throws {
        let sandbox = try await SandboxChild.start()
        let browser = try await ScriptedBrowser.make()
        defer { browser.remove() }
        let callback = "http://localhost:\(freeLoopbackPort())/callback"
        // A team profile of non-secret values (events off), the secrets in the environment.
        let config = browser.directory.appendingPathComponent("config/ocwizard", isDirectory: true)
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let profile: [String: Any] = ["baseUrl": sandbox.baseURL, "apiKey": Self.clientID, "callbackUrl": callback,
                                      "scope": "openid offline_access User.Read Mail.Read", "events": false, "namePrefix": "team-"]
        try JSONSerialization.data(withJSONObject: profile).write(to: config.appendingPathComponent("profile.json"))
        let environment = ["BROWSER": browser.command.path, "XDG_CONFIG_HOME": browser.directory.appendingPathComponent("config").path,
                           "OC_USER_SECRET": "sandbox-user", "OC_ORG_SECRET": "sandbox-org", "OC_API_SECRET": "sandbox-client-secret"]
        try await TmuxSession.with([try Executables.ocwizard], width: 100, height: 32, environment: environment) { tmux in
            // Each key is pressed once, on the screen it is meant for: the count is the benchmark's
            // "keystrokes to the token" (docs/BENCHMARKS.md).
            try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            try await tmux.press("Enter")                                  // 1
            try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            try await tmux.waitFor(text: "Enter next")
            try await tmux.press("Enter")                                  // 2
            try await tmux.waitFor(text: "Step 3 of 9 · Authorize")

            // 3 Authorize: listening, and Enter opens the browser.
            try await tmux.waitFor("the listening sentence") { Self.flattened($0).contains("waits for the browser to come back to \(callback)") }
            try await tmux.waitFor(text: "Enter open in browser")
            try await tmux.press("Enter")                                  // 3

            // The browser came back: past the grant code (caught) and Events (off in the profile),
            // the wizard is on Instance by itself and says why. The browser is a curl process:
            // under a loaded machine it may take a while.
            let instanceStep = try await tmux.waitFor(text: "Step 6 of 9 · Instance", timeout: .seconds(45))
            #expect(instanceStep.contains("Signed in: the browser came back with the grant code."))
            #expect(Self.flattened(instanceStep).contains("Webhook events are off (set by the profile), so the Events step was passed"))
            let landed = try await browser.landedAddress()
            #expect(landed.hasPrefix(callback + "?code="), "the browser landed elsewhere: \(landed)")
            #expect(browser.page.contains("Signed in — you can close this tab and go back to the terminal."))
            let code = try #require(Self.code(in: landed))

            // 6 Instance: the profile's prefix + a name; tags are optional, so Enter goes on.
            try await tmux.type("mail")
            try await tmux.waitFor(text: "Enter next step")
            try await tmux.press("Enter")                                  // 4
            try await tmux.waitFor(text: "Step 7 of 9 · Review")
            try await tmux.waitFor(text: "Enter submit")
            try await tmux.press("Enter")                                  // 5
            let result = try await tmux.waitFor(text: "✓ Instance created")
            let id = try #require(Screen.value(of: "Id", in: result))
            try await tmux.press("C-r")                                    // 6
            let revealed = try await tmux.waitFor(text: "Ctrl-R hide token")
            let token = try #require(Screen.value(of: "Token", in: revealed))

            // The instance is the sandbox's, made with the caught code: that code is spent now.
            let instance = try await sandbox.api.instance(id: id)
            #expect(instance["name"] as? String == "team-mail")
            #expect(instance["token"] as? String == token, "the token on screen is not the instance's token")
            #expect((instance["configuration"] as? [String: String])?["oauth.callback.url"] == callback)
            try await Self.expectSpent(code, callback: callback, on: sandbox)
        }
        await sandbox.stop()
    }

    @Test("Line mode (--plain): Enter opens the browser; the next question gives way when the browser comes back, and the create goes on with the caught code")
    func lineModeCatchesTheRedirect() async throws {
        let sandbox = try await SandboxChild.start()
        let browser = try await ScriptedBrowser.make()
        defer { browser.remove() }
        let callback = "http://localhost:\(freeLoopbackPort())/callback"
        let environment = ["BROWSER": browser.command.path, "OC_USER_SECRET": "sandbox-user", "OC_ORG_SECRET": "sandbox-org",
                           "OC_API_SECRET": "sandbox-client-secret", "OC_API_KEY": Self.clientID, "OC_CALLBACK_URL": callback]
        try await TmuxSession.with([try Executables.ocwizard, "--plain", "--base-url", sandbox.baseURL], width: 120, height: 50, environment: environment) { tmux in
            // Connection and Azure app: every value is set; Enter keeps each.
            for prompt in ["API base URL [", "User secret [set, hidden]", "Organization secret [set, hidden]", "Azure client ID [",
                           "Azure client secret [set, hidden]", "OAuth callback URL [", "Scope ["] {
                try await tmux.waitFor(text: prompt)
                try await tmux.press("Enter")
            }
            // While the wizard listens, Enter opens the browser, as on screen.
            try await tmux.waitFor(text: "Enter: open in browser")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Signed in: the browser came back with the grant code.", timeout: .seconds(45))
            try await tmux.waitFor(text: "Step 5 of 9 · Events")
            let landed = try await browser.landedAddress()
            let code = try #require(Self.code(in: landed))
            try await tmux.press("Enter")                    // events off
            try await tmux.waitFor(text: "Instance name")
            try await tmux.type("graph-line")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Tags")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Enter: submit")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Show the token now?")
            try await tmux.press("Enter")
            #expect(try await tmux.waitForExit() == 0)
            try await Self.expectSpent(code, callback: callback, on: sandbox)
        }
        await sandbox.stop()
    }

    @Test("Re-authenticate (recover): Enter on Authorize signs in through the browser and the instance is re-authenticated with the caught code")
    func reauthenticateCatchesTheRedirect() async throws {
        let sandbox = try await SandboxChild.start()
        let browser = try await ScriptedBrowser.make()
        defer { browser.remove() }
        let callback = "http://localhost:\(freeLoopbackPort())/callback"
        let created = try await sandbox.api.createSignedInInstance(name: "graph-loopback", tags: ["e2e"], callbackURL: callback)
        let id = try #require((created["id"] as? Int).map(String.init))
        let oldToken = try #require(created["token"] as? String)
        let environment = ["BROWSER": browser.command.path, "OC_USER_SECRET": "sandbox-user", "OC_ORG_SECRET": "sandbox-org"]
        try await TmuxSession.with([try Executables.ocwizard, "recover", "--base-url", sandbox.baseURL], width: 100, height: 32, environment: environment) { tmux in
            try await tmux.waitFor(text: "Recover · Connection")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "The account's one Microsoft Graph instance is loaded.")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Recover · Instance \(id)")
            try await tmux.press("Tab", until: "Enter re-authenticate", atMost: 4)
            try await tmux.press("Enter")

            // Azure app: the client id and secret again (the service masks both); the callback is the instance's.
            let azure = try await tmux.waitFor(text: "Re-authenticate 1 of 3 · Azure app")
            #expect(Screen.value(of: "OAuth callback URL", in: azure) == callback)
            try await tmux.type(Self.clientID)
            try await tmux.press("Tab")
            try await tmux.type("sandbox-client-secret")
            try await tmux.waitFor("the client secret typed") { Screen.value(of: "Azure client secret", in: $0)?.hasPrefix("•") == true }
            try await tmux.press("Enter", until: "Re-authenticate 2 of 3 · Authorize", atMost: 4)

            // Authorize: Enter opens the browser; its return re-authenticates without a paste.
            try await tmux.waitFor("the listening sentence") { Self.flattened($0).contains("waits for the browser to come back to \(callback)") }
            try await tmux.waitFor(text: "Enter open in browser")
            try await tmux.press("Enter")
            let done = try await tmux.waitFor(text: "✓ Re-authenticated.", timeout: .seconds(45))
            #expect(done.contains("The token changed"))
            let landed = try await browser.landedAddress()
            #expect(landed.hasPrefix(callback + "?code="), "the browser landed elsewhere: \(landed)")
            let code = try #require(Self.code(in: landed))

            let current = try await sandbox.api.instance(id: id)
            #expect(current["token"] as? String != oldToken, "the sandbox's token did not change")
            try await Self.expectSpent(code, callback: callback, on: sandbox)
        }
        await sandbox.stop()
    }
}

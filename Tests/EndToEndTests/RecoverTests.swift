import Foundation
import Testing

/// `ocwizard recover` by keystrokes: find an instance by typing part of its name, reveal its token,
/// re-authenticate it, delete it, and the empty account that leads to the create wizard. Every
/// value on screen is checked against what the sandbox holds.
@Suite("End to end: recover")
struct RecoverTests {
    /// The sandbox's platform secrets, as `OC_USER_SECRET` / `OC_ORG_SECRET` (the Connection step
    /// then starts on [ Next ]).
    static let secrets = ["OC_USER_SECRET": "sandbox-user", "OC_ORG_SECRET": "sandbox-org"]

    @Test("Typing part of a name filters the table; the opened instance's revealed token is the sandbox's")
    func recoverTokenThroughFilter() async throws {
        let sandbox = try await SandboxChild.start()
        let target = try await sandbox.api.createSignedInInstance(name: "graph-alice-calendar", tags: ["team-a"])
        _ = try await sandbox.api.createSignedInInstance(name: "graph-alice-mail", tags: ["team-a"])
        _ = try await sandbox.api.createSignedInInstance(name: "graph-bob-calendar", tags: ["team-b"])
        let id = try Self.id(of: target)
        try await TmuxSession.with([try Executables.ocwizard, "recover", "--base-url", sandbox.baseURL], environment: Self.secrets) { tmux in
            try await tmux.waitFor(text: "Recover · Connection")
            try await tmux.press("Enter")   // both secrets are set: the focus starts on [ Next ]
            let table = try await tmux.waitFor(text: "All 3 Microsoft Graph instances loaded.")
            HappyPathTests.expectTitleRow(table, "Recover · Instances")
            #expect(table.contains("graph-bob-calendar") && table.contains("graph-alice-mail"))

            // Part of the name: only the one instance is left.
            try await tmux.type("alice-cal")
            let filtered = try await tmux.waitFor(text: "1 of 3 match")
            #expect(Screen.value(of: "Filter:", in: filtered)?.hasPrefix("alice-cal") == true)
            let row = try #require(Screen.row(containing: "graph-alice-calendar", in: filtered), "the instance is not in the filtered table")
            #expect(row.contains(id) && row.contains("team-a"), "the row does not show the id and tags: \(row)")
            #expect(!filtered.contains("graph-alice-mail") && !filtered.contains("graph-bob-calendar"), "the filter left other instances in the table")

            // Enter opens it; the token is masked until Ctrl-R.
            try await tmux.press("Enter")
            let detail = try await Self.waitForDetail(tmux, id: id)
            #expect(Screen.value(of: "Id", in: detail) == id)
            #expect(detail.contains("graph-alice-calendar"))
            let masked = try #require(Screen.value(of: "Token", in: detail))
            #expect(masked.hasPrefix("•") && masked.hasSuffix("(Ctrl-R reveals)"), "the token is not masked: \(masked)")
            try await tmux.press("C-r")
            let revealed = try await tmux.waitFor(text: "Ctrl-R hide token")
            let token = try #require(Screen.value(of: "Token", in: revealed))
            #expect(!token.contains("•") && token.count >= 20, "the token is not revealed: \(token)")
            #expect(token == target["token"] as? String, "the token on screen is not the one the sandbox issued")
            #expect(token == (try await sandbox.api.instance(id: id))["token"] as? String, "the token on screen is not the sandbox's")
        }
        await sandbox.stop()
    }

    @Test("Re-authenticate with a simulated sign-in (recover --sandbox): the detail shows the new token, the sandbox's")
    func reauthenticateWithSimulatedSignIn() async throws {
        try await TmuxSession.with([try Executables.ocwizard, "recover", "--sandbox"]) { tmux in
            try await tmux.waitFor(text: "Recover · Connection")
            // The sandbox that ocwizard started: create the instance there before the listing.
            let sandboxPID = try await Processes.waitForChild(of: try await tmux.programPID(), named: "ocwizard-sandbo")
            let port = try #require(Processes.listeningPorts(of: sandboxPID).first, "ocwizard-sandbox (\(sandboxPID)) listens on no port")
            let api = SandboxHTTP(baseURL: "http://127.0.0.1:\(port)/elements/api-v2")
            let created = try await api.createSignedInInstance(name: "graph-reauth", tags: ["e2e"])
            let id = try Self.id(of: created)
            let oldToken = try #require(created["token"] as? String)

            try await tmux.press("Enter")
            try await tmux.waitFor(text: "The account's one Microsoft Graph instance is loaded.")
            try await tmux.type("reauth")
            try await tmux.waitFor(text: "1 of 1 match")
            try await tmux.press("Enter")
            try await Self.waitForDetail(tmux, id: id)

            // [ Re-authenticate ]: the Azure app step wants the client secret again.
            try await tmux.press("Tab", until: "Enter re-authenticate", atMost: 4)
            try await tmux.press("Enter")
            let azure = try await tmux.waitFor(text: "Re-authenticate 1 of 3 · Azure app")
            HappyPathTests.expectTitleRow(azure, "Re-authenticate 1 of 3 · Azure app")
            #expect(azure.contains("Type the client secret again"))
            let secretRow = try #require(Screen.row(containing: "Azure client secret", in: azure))
            #expect(!secretRow.contains("•"), "the client secret was kept: \(secretRow)")
            try await tmux.type("sandbox-client-secret")
            try await tmux.waitFor("the client secret typed") { Screen.value(of: "Azure client secret", in: $0)?.hasPrefix("•") == true }
            try await tmux.press("Enter", until: "Re-authenticate 2 of 3 · Authorize", atMost: 4)

            // Simulate sign-in fills the grant code step; Enter sends the re-authentication.
            try await tmux.waitFor(text: "[ Simulate sign-in ]")
            try await tmux.press("Tab", until: "Enter simulate sign-in", atMost: 3)
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Re-authenticate 3 of 3 · Grant code")
            try await tmux.waitFor(text: "state matches")
            try await tmux.press("Enter")

            let result = try await tmux.waitFor(text: "✓ Re-authenticated.")
            HappyPathTests.expectTitleRow(result, "Recover · Instance \(id)")
            #expect(result.contains("The token changed"), "the banner does not say that the token changed")
            #expect(Screen.value(of: "Token", in: result)?.hasPrefix("•") == true, "the new token is not masked")
            try await tmux.press("C-r")
            let revealed = try await tmux.waitFor(text: "Ctrl-R hide token")
            let token = try #require(Screen.value(of: "Token", in: revealed))
            #expect(token != oldToken, "the token on screen is still the old one")
            let current = try await api.instance(id: id)
            #expect(token == current["token"] as? String, "the token on screen is not the sandbox's current token")
            #expect(current["valid"] as? Bool == true)
        }
    }

    @Test("Re-authenticate by pasting the redirected address (no --sandbox): the client id and secret are typed again")
    func reauthenticateWithPastedRedirect() async throws {
        let sandbox = try await SandboxChild.start()
        let created = try await sandbox.api.createSignedInInstance(name: "graph-pasted", tags: ["e2e"])
        let id = try Self.id(of: created)
        try await TmuxSession.with([try Executables.ocwizard, "recover", "--base-url", sandbox.baseURL], environment: Self.secrets) { tmux in
            try await tmux.waitFor(text: "Recover · Connection")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "The account's one Microsoft Graph instance is loaded.")
            try await tmux.press("Enter")
            try await Self.waitForDetail(tmux, id: id)
            try await tmux.press("Tab", until: "Enter re-authenticate", atMost: 4)
            try await tmux.press("Enter")

            // The service masks oauth.api.key, so both the client id and secret are typed.
            let azure = try await tmux.waitFor(text: "Re-authenticate 1 of 3 · Azure app")
            #expect(Screen.value(of: "OAuth callback URL", in: azure) == "https://localhost/ocwizard/callback", "the instance's callback URL is not kept")
            try await tmux.type("5a4db0c5-c11e-4d1d-a000-000000000001")
            try await tmux.press("Tab")
            try await tmux.type("sandbox-client-secret")
            try await tmux.waitFor("the client secret typed") { Screen.value(of: "Azure client secret", in: $0)?.hasPrefix("•") == true }
            try await tmux.press("Enter", until: "Re-authenticate 2 of 3 · Authorize", atMost: 4)

            // Sign in "in a browser" and paste where it landed.
            let authorize = try await tmux.waitFor(text: "[ Copy URL ]")
            #expect(!authorize.contains("Simulate sign-in"))
            let redirect = try await SandboxHTTP.signIn(try #require(Screen.signInURL(in: authorize)))
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Re-authenticate 3 of 3 · Grant code")
            try await tmux.paste(redirect)
            try await tmux.waitFor(text: "state matches")
            try await tmux.press("Enter")

            try await tmux.waitFor(text: "✓ Re-authenticated.")
            try await tmux.press("C-r")
            let token = try #require(Screen.value(of: "Token", in: try await tmux.waitFor(text: "Ctrl-R hide token")))
            #expect(token != created["token"] as? String, "the token on screen is still the old one")
            #expect(token == (try await sandbox.api.instance(id: id))["token"] as? String, "the token on screen is not the sandbox's current token")
        }
        await sandbox.stop()
    }

    @Test("Delete asks for the name; a wrong one keeps the instance, the right one removes it from the table and the sandbox")
    func deleteAfterTypingName() async throws {
        let sandbox = try await SandboxChild.start()
        let doomed = try await sandbox.api.createSignedInInstance(name: "graph-doomed")
        let kept = try await sandbox.api.createSignedInInstance(name: "graph-kept")
        let id = try Self.id(of: doomed)
        try await TmuxSession.with([try Executables.ocwizard, "recover", "--base-url", sandbox.baseURL], environment: Self.secrets) { tmux in
            try await tmux.waitFor(text: "Recover · Connection")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "All 2 Microsoft Graph instances loaded.")
            try await tmux.type("doomed")
            try await tmux.waitFor(text: "1 of 2 match")
            try await tmux.press("Enter")
            try await Self.waitForDetail(tmux, id: id)
            try await tmux.press("Tab", until: "Enter delete", atMost: 6)
            try await tmux.press("Enter")
            let dialog = try await tmux.waitFor(text: "Delete instance")
            #expect(dialog.contains("graph-doomed (id \(id))"))

            // Part of the name is not enough.
            try await tmux.type("graph-doo")
            try await tmux.waitFor(text: "graph-doo")
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Type the instance name exactly")
            #expect(try await sandbox.api.status(ofInstance: id) == 200, "a wrong name deleted the instance")

            // The rest of it, and Enter: back on the table without it.
            try await tmux.type("med")
            try await tmux.press("Enter")
            let table = try await tmux.waitFor(text: "Deleted graph-doomed (id \(id))")
            HappyPathTests.expectTitleRow(table, "Recover · Instances")
            #expect(!table.split(separator: "\n").contains { $0.contains("graph-doomed") && !$0.contains("Deleted") },
                    "the deleted instance is still in the table")
            try await tmux.press("Escape")   // clears the filter: the other instance is still there
            let all = try await tmux.waitFor(text: "graph-kept")
            #expect(all.contains("The account's one Microsoft Graph instance is loaded."))
            #expect(!all.contains("graph-doomed"), "the deleted instance is still in the table")
        }
        #expect(try await sandbox.api.status(ofInstance: id) == 404, "the sandbox still has the instance")
        let remaining = try await sandbox.api.instances().compactMap { $0["id"].map { "\($0)" } }
        #expect(remaining == [try Self.id(of: kept)])
        await sandbox.stop()
    }

    @Test("An empty account says so; Enter starts the create wizard with the connection kept")
    func emptyAccountStartsCreate() async throws {
        let sandbox = try await SandboxChild.start()
        try await TmuxSession.with([try Executables.ocwizard, "recover", "--base-url", sandbox.baseURL], environment: Self.secrets) { tmux in
            try await tmux.waitFor(text: "Recover · Connection")
            try await tmux.press("Enter")   // both secrets are set: the focus starts on [ Next ]
            let empty = try await tmux.waitFor(text: "No Microsoft Graph instances in this account yet.")
            HappyPathTests.expectTitleRow(empty, "Recover · Instances")
            #expect(empty.contains("Press Enter to create one"))
            try await tmux.press("Enter")
            // The connection recover verified comes along: create starts on the Azure app step.
            let create = try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            HappyPathTests.expectTitleRow(create, "Step 2 of 9 · Azure app")
            try await tmux.press("Escape")
            let connection = try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            #expect(Screen.value(of: "API base URL", in: connection) == sandbox.baseURL, "the create wizard did not keep the base URL")
        }
        await sandbox.stop()
    }

    /// Waits for the detail of instance `id`, read again from the service (no spinner left: keys
    /// other than Esc are ignored while it loads).
    @discardableResult
    static func waitForDetail(_ tmux: TmuxSession, id: String) async throws -> String {
        try await tmux.waitFor("the detail of instance \(id)") {
            $0.contains("Recover · Instance \(id)") && !$0.contains("Reading the instance") && $0.contains("[ Delete ]")
        }
    }

    /// The `id` of an instance as the sandbox returned it.
    static func id(of instance: [String: Any]) throws -> String {
        guard let id = instance["id"] else { throw SandboxHTTP.Unexpected(description: "an instance without id: \(instance)") }
        return "\(id)"
    }
}

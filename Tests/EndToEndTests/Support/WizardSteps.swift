import Foundation

/// Typing through the create wizard's first steps against a sandbox reached by `--base-url`.
enum WizardSteps {
    static let callbackURL = "https://localhost/ocwizard/callback"

    /// Types the connection secrets and the Azure app values; ends on Authorize with its URL on screen.
    static func typeConnectionAndAzureApp(_ tmux: TmuxSession) async throws -> String {
        try await tmux.waitFor(text: "Step 1 of 9 · Connection")
        // The API base URL came from --base-url: the focus starts on the user secret.
        try await tmux.type("sandbox-user")
        try await tmux.press("Tab")
        try await tmux.type("sandbox-org")
        try await tmux.press("Enter")
        try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
        try await tmux.type("5a4db0c5-c11e-4d1d-a000-000000000001")
        try await tmux.press("Tab")
        try await tmux.type("sandbox-client-secret")
        try await tmux.press("Tab")
        try await tmux.type(callbackURL)
        try await tmux.press("Tab", "Enter")
        try await tmux.waitFor(text: "Step 3 of 9 · Authorize")
        return try await tmux.waitFor(text: "[ Copy URL ]")
    }

    /// From Authorize: pastes `redirect` as the grant code, leaves events off, names the instance
    /// and tags it; ends on Review.
    static func pasteCodeAndName(_ tmux: TmuxSession, redirect: String, name: String, tag: String) async throws {
        try await tmux.press("NPage")
        try await tmux.waitFor(text: "Step 4 of 9 · Grant code")
        try await tmux.paste(redirect)
        try await tmux.waitFor(text: "state matches")
        try await tmux.press("Enter")
        try await tmux.waitFor(text: "Step 5 of 9 · Events")
        try await tmux.press("Enter")
        try await tmux.waitFor(text: "Step 6 of 9 · Instance")
        try await tmux.type(name)
        try await tmux.press("Tab")
        try await tmux.type(tag)
        try await tmux.waitFor(text: tag)
        try await tmux.press("Enter")
        try await tmux.waitFor(text: "Step 7 of 9 · Review")
    }
}

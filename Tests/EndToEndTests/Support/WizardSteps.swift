import Foundation

/// Typing through the create wizard's first steps against a sandbox reached by `--base-url`.
enum WizardSteps {
    static let callbackURL = "https://localhost/ocwizard/callback"

    /// Types the connection secrets and the Azure app values; ends on Authorize with its URL on screen.
    static func typeConnectionAndAzureApp(_ tmux: TmuxSession) async throws -> String {
        try await tmux.waitFor(text: "Step 1 of 9 · Connection")
        try await tmux.press("Tab", "Tab")
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
}

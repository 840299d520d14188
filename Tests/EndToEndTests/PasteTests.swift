import Foundation
import Testing

/// Pasting the redirected address on the grant code step (bracketed paste).
@Suite("End to end: paste")
struct PasteTests {
    @Test("A pasted redirected URL, wrapped over lines, shows the code found and the state matching")
    func pasteRedirectedURL() async throws {
        try await TmuxSession.with([try Executables.ocwizard, "--sandbox"]) { tmux in
            try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 3 of 9 · Authorize")
            let authorize = try await tmux.waitFor(text: "[ Copy URL ]")
            let redirect = try await SandboxHTTP.signIn(try #require(Screen.signInURL(in: authorize)))
            let code = try #require(URLComponents(string: redirect)?.queryItems?.first { $0.name == "code" }?.value)
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 4 of 9 · Grant code")

            // As copied from a terminal that wrapped it: line breaks and blanks around the pieces.
            let middle = redirect.index(redirect.startIndex, offsetBy: redirect.count / 2)
            try await tmux.paste("  \(redirect[..<middle])\n  \(redirect[middle...])\n")
            let screen = try await tmux.waitFor(text: "Code found")
            #expect(screen.contains("state matches"))
            #expect(screen.contains("Code found: ••••••••, state matches"), "the hidden code has the fixed-length mask: \(screen)")
            #expect(!screen.contains("characters)"), "the code's length is shown")
            #expect(!screen.contains(code.prefix(12)), "the code is shown in clear")

            // Ctrl-R shows what was extracted: exactly the code, not the rest of the address.
            try await tmux.press("C-r")
            let revealed = try await tmux.waitFor(text: "Ctrl-R hide")
            let found = try #require(Self.paragraph(startingWith: "✓ Code found:", in: revealed))
            #expect(found.contains(code), "the code is not shown whole: \(found)")
            #expect(!found.contains("session_state") && !found.contains("code="), "more than the code was extracted: \(found)")
        }
    }

    /// The rows from the one starting with `prefix` to the next blank row, joined without their
    /// indentation and without separators (the wizard wraps a long code anywhere).
    static func paragraph(startingWith prefix: String, in screen: String) -> String? {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = rows.firstIndex(where: { $0.hasPrefix(prefix) }) else { return nil }
        var pieces: [String] = []
        for row in rows[start...] {
            if row.isEmpty { break }
            pieces.append(row)
        }
        return pieces.joined()
    }

    @Test("A pasted error redirect shows the provider's description")
    func pasteErrorRedirect() async throws {
        try await TmuxSession.with([try Executables.ocwizard, "--sandbox"]) { tmux in
            try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            try await tmux.press("NPage")
            let authorize = try await tmux.waitFor(text: "[ Copy URL ]")
            let denied = try await SandboxHTTP.signIn(try #require(Screen.signInURL(in: authorize)) + "&deny=1")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 4 of 9 · Grant code")
            // Enter reaches the wizard after the whole paste (both go through the same pty).
            try await tmux.paste(denied)
            try await tmux.press("Enter")
            let screen = try await tmux.waitFor(text: "AADSTS65004")
            #expect(screen.contains("Step 4 of 9 · Grant code"), "went on with no code")
            #expect(screen.contains("declined"))
            #expect(!screen.contains("Code found"))
        }
    }
}

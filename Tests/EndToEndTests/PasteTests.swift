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
            #expect(screen.contains("(\(code.count) characters)"), "the length shown is not the code's (\(code.count))")
            #expect(!screen.contains(code.prefix(12)), "the code is shown in clear")

            // Ctrl-R shows the code itself (the end of it, when it is longer than the field).
            try await tmux.press("C-r")
            let revealed = try await tmux.waitFor("the code revealed") { $0.contains(String(code.suffix(20))) }
            #expect(!revealed.contains("session_state"), "the field holds more than the code")
        }
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
            try await tmux.paste(denied)
            let screen = try await tmux.waitFor(text: "AADSTS65004")
            #expect(screen.contains("access_denied") || screen.contains("declined"))
            #expect(!screen.contains("Code found"))
        }
    }
}

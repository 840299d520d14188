import Foundation
import Testing

/// Typing graphemes a scalar at a time and Home as tmux sends it (`ESC [1~`), in the real binary.
@Suite("End to end: graphemes and Home/End")
struct GraphemeTests {
    @Test("A late combining accent, 🌡 and Home keep the text, the step and the cursor column")
    func combiningAccentThermometerAndHome() async throws {
        try await TmuxSession.with([try Executables.ocwizard, "--sandbox"]) { tmux in
            try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            // Every value is pre-filled, so the step starts on [ Next ]: Tab wraps to the client id.
            try await tmux.press("Tab")
            try await tmux.press("C-u")
            try await tmux.waitFor("the client id cleared") { !$0.contains("sandbox-client-id") }
            // The accent goes in a write of its own once e is shown, so it arrives on its own.
            try await tmux.type("e")
            try await tmux.waitFor("e in the client ID") { screen in
                screen.split(separator: "\n").contains { $0.contains("Azure client ID") && $0.trimmingCharacters(in: .whitespaces).hasSuffix(" e") }
            }
            try await tmux.type("\u{301}")
            try await tmux.type("x/\u{1F321}B")
            try await tmux.waitFor(text: "e\u{301}x/\u{1F321}B")
            let end = try #require(Int(try await tmux.display("#{cursor_x}")))
            try await tmux.press("Home")
            try await tmux.type("Z")
            let screen = try await tmux.waitFor(text: "Ze\u{301}x/\u{1F321}B")
            #expect(screen.contains("Step 2 of 9 · Azure app"), "Home was read as Esc and went back")
            let afterZ = try #require(Int(try await tmux.display("#{cursor_x}")))
            #expect(end - afterZ == 4, "é x / 🌡 B take 5 columns, so the cursor after Z is 4 columns left of the end")
            try await tmux.press("End")
            try await tmux.type("!")
            try await tmux.waitFor(text: "Ze\u{301}x/\u{1F321}B!")
        }
    }
}

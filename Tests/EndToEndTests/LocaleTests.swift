import Foundation
import Testing

/// The screen wizard started in the C/POSIX locale, as in a minimal container or a cron job.
@Suite("End to end: C locale")
struct LocaleTests {
    @Test("Under LC_ALL=C the wizard still takes and shows UTF-8: typed text and its own glyphs")
    func typesAndShowsUnicodeInTheCLocale() async throws {
        try await TmuxSession.with([try Executables.ocwizard, "--sandbox"], environment: ["LC_ALL": "C"]) { tmux in
            // "·" in the title is one of the wizard's own non-ASCII glyphs; in a plain C locale ncursesw drops it.
            try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            // Every value is pre-filled, so the step starts on [ Next ]: Tab wraps to the client id.
            try await tmux.press("Tab")
            try await tmux.press("C-u")
            try await tmux.waitFor("the client id cleared") { !$0.contains("5a4db0c5") }
            try await tmux.type("/h\u{E9}llo-\u{6771}\u{4EAC}")
            try await tmux.waitFor(text: "/h\u{E9}llo-\u{6771}\u{4EAC}")
        }
    }
}

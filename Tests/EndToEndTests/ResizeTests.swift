import Foundation
import Testing

/// Resizing the terminal in the middle of a form.
@Suite("End to end: resize")
struct ResizeTests {
    @Test("Too small shows the notice; back at 80×24 the form has the typed values")
    func resizeMidForm() async throws {
        let name = "e2e-resize-名前"
        try await TmuxSession.with([try Executables.ocwizard, "--sandbox"]) { tmux in
            try await tmux.waitFor(text: "Step 1 of 9 · Connection")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 2 of 9 · Azure app")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "[ Simulate sign-in ]")
            try await tmux.press("Tab", until: "Enter simulate sign-in", atMost: 3)
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "state matches")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 5 of 9 · Events")
            try await tmux.press("NPage")
            try await tmux.waitFor(text: "Step 6 of 9 · Instance")
            try await tmux.type(name)
            try await tmux.press("Tab")
            try await tmux.type("alpha, ☃")
            let before = try await tmux.waitFor(text: "alpha, ☃")

            try await tmux.resize(width: 60, height: 20)
            let small = try await tmux.waitFor(text: "terminal too small")
            #expect(small.contains("80×24"))
            #expect(!small.contains(name))

            try await tmux.resize(width: 80, height: 24)
            let after = try await tmux.waitFor(text: "Step 6 of 9 · Instance")
            #expect(Screen.value(of: "Instance name", in: after) == name)
            #expect(Screen.value(of: "Tags", in: after) == "alpha, ☃")
            #expect(after == before, "the redrawn form differs from the one before the resize")

            // Typing goes on where it was: the focus stayed on Tags.
            try await tmux.type(", beta")
            try await tmux.waitFor(text: "alpha, ☃, beta")

            // Larger works too and keeps the step header on row 0.
            try await tmux.resize(width: 120, height: 40)
            let large = try await tmux.waitFor("the form at 120×40") { $0.split(separator: "\n").first?.count ?? 0 > 80 }
            #expect(large.split(separator: "\n").first?.contains("Step 6 of 9 · Instance") == true)
            #expect(Screen.value(of: "Instance name", in: large) == name)
        }
    }
}

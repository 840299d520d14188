import Foundation
import Testing

/// Ctrl-C while `POST /instances` is on its way: the service may have acted, and the user is told.
@Suite("End to end: quit during submit")
struct QuitDuringSubmitTests {
    @Test("Ctrl-C during a slow submit exits 130 and leaves a note that the instance may exist, with how to check")
    func ctrlCWhileSubmitting() async throws {
        let sandbox = try await SandboxChild.start()
        let name = "e2e-quit-\(UInt16.random(in: 1000...9999))"
        try await TmuxSession.with([try Executables.ocwizard, "--base-url", sandbox.baseURL]) { tmux in
            let authorize = try await WizardSteps.typeConnectionAndAzureApp(tmux)
            let redirect = try await SandboxHTTP.signIn(try #require(Screen.signInURL(in: authorize)))
            try await WizardSteps.pasteCodeAndName(tmux, redirect: redirect, name: name, tag: "quit")

            // The sandbox holds the create for 30 s: long enough to see the spinner (whose clock
            // changes the screen every tenth of a second) and quit while it is in flight, also
            // on a busy machine; the test ends at the Ctrl-C, not after the delay.
            try await sandbox.injectFault(["path": "/elements/api-v2/instances", "method": "POST", "delayMs": 30_000])
            try await tmux.press("Enter")
            try await tmux.waitFor(text: "Creating the instance")
            try await tmux.press("C-c")
            #expect(try await tmux.waitForExit() == 130)
            let after = try await tmux.waitFor(text: "it may exist")
            #expect(after.contains("ocwizard recover --name '\(name)'"))
        }
        await sandbox.stop()
    }
}

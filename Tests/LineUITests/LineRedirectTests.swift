import LineUI
import OpenConnectors
import Synchronization
import Testing
import Wizard

@Suite("Line driver: the sign-in caught on a loopback callback")
struct LineRedirectTests {
    static let callback = "http://127.0.0.1:8765/callback"
    static let caught = "\(callback)?code=0.AXoA-abcdefghijklmnopqrstuvwxyz0123456789&state=\(testState)"

    /// A browser for a fake listener: it comes back (through the listener's `emit`) when told.
    final class FakeBrowser: Sendable {
        private let listener = Mutex<(@Sendable (EffectResult) -> Void)?>(nil)
        private let results: [EffectResult]
        init(_ results: [EffectResult]) { self.results = results }
        /// The listener started: keep where to report.
        func listening(_ emit: @escaping @Sendable (EffectResult) -> Void) { listener.withLock { $0 = emit } }
        /// The browser comes back.
        func comeBack() { if let emit = listener.withLock({ $0 }) { for result in results { emit(result) } } }
    }

    /// A line I/O whose question for the browser makes `browser` come back, on the same thread.
    final class WaitingLineIO: LineIO {
        let script: ScriptedLineIO
        let browser: FakeBrowser
        init(_ script: ScriptedLineIO, browser: FakeBrowser) { self.script = script; self.browser = browser }
        func ask(_ prompt: String) -> String? { script.ask(prompt) }
        func askSecret(_ prompt: String) -> String? { script.askSecret(prompt) }
        func say(_ text: String) { script.say(text) }
        func ask(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
            if script.answers.first == ScriptedLineIO.waitForBrowser { browser.comeBack() }
            return script.ask(prompt, until: interrupted)
        }
        func askSecret(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
            if script.answers.first == ScriptedLineIO.waitForBrowser { browser.comeBack() }
            return script.askSecret(prompt, until: interrupted)
        }
    }

    /// The happy service, with a listener that listens at once and reports to `browser`.
    static func service(_ browser: FakeBrowser) -> ScriptedPerformer {
        ScriptedPerformer { effect, earlier in
            switch effect {
            case .listenForRedirect: [.redirectListening(.success(Done()))]
            default: happyService().answer(effect, earlier)
            }
        } listening: { emit in browser.listening(emit) }
    }

    static func answers(_ authorize: [String]) -> [String] {
        ["", "user-secret", "org-secret", "0f5e4a1c-1111-2222-3333-444455556666", "client~secret~value", callback, ""]
            + authorize + ["n", "graph-calendar-alice", "team-a", "", "n"]
    }

    @Test("While the Authorize question is open the browser comes back: the question gives way and the create goes on with the caught code")
    func browserAnswersFirst() async {
        let browser = FakeBrowser([.redirectCaught(.signedIn(url: Self.caught))])
        let io = WaitingLineIO(ScriptedLineIO(answers: Self.answers([ScriptedLineIO.waitForBrowser])), browser: browser)
        let service = Self.service(browser)
        var journey = Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: testState), form: connectionForm())
        let outcome = await LineDriver(io: io, performer: service).run(&journey)
        #expect(outcome == .finished, "\(io.script.output)")
        #expect(io.script.output.contains("The wizard waits for the browser to come back to \(Self.callback)"))
        #expect(io.script.transcript.contains { $0.hasPrefix("Enter: open in browser") }, "while listening, Enter opens the browser")
        #expect(io.script.output.contains("Signed in: the browser came back with the grant code."))
        #expect(!io.script.transcript.contains { $0.hasPrefix(ParameterTable[.code].label) }, "the grant code was asked for although the browser brought it")
        guard case .createInstance(_, _, let body)? = service.effects.last(where: { $0.kind == "createInstance" }) else {
            Issue.record("no create was sent: \(service.effects)")
            return
        }
        #expect(body["providerData"]?["code"]?.stringValue == "0.AXoA-abcdefghijklmnopqrstuvwxyz0123456789")
        #expect(service.effects.contains(.stopListening) || journey.state.redirectListener == nil)
    }

    @Test("Microsoft's refusal is said at the Authorize step, which asks again; pasting then still works")
    func refusalThenPaste() async {
        let pasted = "\(Self.callback)?code=0.AXoA-pasted-abcdefghijklmnopqrstuvwxyz&state=\(testState)"
        let browser = FakeBrowser([.redirectCaught(.refused(.providerError(error: "access_denied", description: "The user declined.")))])
        let io = WaitingLineIO(ScriptedLineIO(answers: Self.answers([ScriptedLineIO.waitForBrowser, "next", pasted])), browser: browser)
        let service = Self.service(browser)
        var journey = Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: testState), form: connectionForm())
        let outcome = await LineDriver(io: io, performer: service).run(&journey)
        #expect(outcome == .finished, "\(io.script.output)")
        #expect(io.script.output.contains("access_denied"))
        guard case .createInstance(_, _, let body)? = service.effects.last(where: { $0.kind == "createInstance" }) else {
            Issue.record("no create was sent: \(service.effects)")
            return
        }
        #expect(body["providerData"]?["code"]?.stringValue == "0.AXoA-pasted-abcdefghijklmnopqrstuvwxyz")
    }

    @Test("While the hidden grant-code question is open the browser comes back: the question gives way too, and the create uses the caught code")
    func browserAnswersTheSecretQuestion() async {
        let browser = FakeBrowser([.redirectCaught(.signedIn(url: Self.caught))])
        let io = WaitingLineIO(ScriptedLineIO(answers: Self.answers(["next", ScriptedLineIO.waitForBrowser])), browser: browser)
        let service = Self.service(browser)
        var journey = Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: testState), form: connectionForm())
        let outcome = await LineDriver(io: io, performer: service).run(&journey)
        #expect(outcome == .finished, "\(io.script.output)")
        #expect(io.script.secretPrompts.contains { $0.hasPrefix(ParameterTable[.code].label) }, "the grant code was asked for, without echo")
        #expect(io.script.output.contains("Signed in: the browser came back with the grant code."))
        guard case .createInstance(_, _, let body)? = service.effects.last(where: { $0.kind == "createInstance" }) else {
            Issue.record("no create was sent: \(service.effects)")
            return
        }
        #expect(body["providerData"]?["code"]?.stringValue == "0.AXoA-abcdefghijklmnopqrstuvwxyz0123456789")
    }
}

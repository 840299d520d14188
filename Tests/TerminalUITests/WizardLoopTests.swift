import Foundation
import OpenConnectors
import Synchronization
import TerminalKeys
import TerminalUI
import Testing
import Wizard
import SystemTesting

/// Answers effects with canned results and records what was asked.
final class ScriptedEffects: EffectPerformer {
    private let asked = Mutex<[Effect]>([])

    /// The effects performed so far, in order.
    var effects: [Effect] { asked.withLock { $0 } }

    func perform(_ effect: Effect, emit: @escaping @Sendable (EffectResult) -> Void) async {
        asked.withLock { $0.append(effect) }
        switch effect {
        case .verifyCredentials: emit(.credentialsVerified(.success(Done())))
        case .fetchAuthorizationURL: emit(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/authorize", element: "microsoftgraph"))))
        case .createInstance: emit(.instanceCreated(.success(ScreenFixtures.instance)))
        default: break
        }
    }
}

/// The run loop over an in-memory terminal: input → update → effects → results → frames.
@Suite("Run loop")
struct WizardLoopTests {
    /// Feeds each step's input once the last frame shows its text; after 2 minutes of waiting it
    /// ends the loop with a signal, so a loop that never gets there fails instead of hanging. (A
    /// passing run ends as soon as its script is done; the effects run as tasks on the cooperative
    /// pool, one thread per core, which CPU-bound suites such as the check of every code point
    /// against glibc can hold for tens of seconds on a busy two-core machine.)
    static func scripted(_ steps: [(waitFor: String, input: [TerminalInput])]) -> InMemoryTerminal {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        var remaining = steps[...]
        let deadline = ContinuousClock.now + .seconds(120)
        terminal.onIdle = { [unowned terminal] in
            if ContinuousClock.now > deadline { return [.signal(9)] }
            guard let step = remaining.first, let frame = terminal.frames.last,
                  frame.textLines.joined(separator: "\n").contains(step.waitFor) else { return nil }
            remaining = remaining.dropFirst()
            return step.input
        }
        return terminal
    }

    @Test("A whole create through the loop: effects run, results come back, the token is copied, Quit exits 0")
    func wholeCreate() async {
        let redirect = "https://localhost/ocwizard/callback?code=0.AXoA-abcdefghijklmnopqrstuvwxyz0123456789&state=\(ScreenFixtures.state)"
        let terminal = Self.scripted([
            ("Step 1 of 9", [.key(.enter)]),
            ("Step 2 of 9", [.key(.pageDown)]),
            ("[ Copy URL ]", [.key(.pageDown)]),
            ("Step 4 of 9", [.paste(redirect), .key(.pageDown)]),
            ("Step 5 of 9", [.key(.pageDown)]),
            ("Step 6 of 9", "alice".map { .key(.character($0)) } + [.key(.pageDown)]),
            ("Step 7 of 9", [.key(.enter)]),
            ("Instance created", [.key(.enter), .key(.tab), .key(.tab), .key(.enter)]),
        ])
        let effects = ScriptedEffects()
        let loop = Unchecked(WizardLoop(program: ScreenFixtures.sandbox(), terminal: terminal, performer: effects, theme: .color, tickMilliseconds: 1))
        // The loop blocks the thread it runs on; the effects it starts need the cooperative
        // threads, so on a busy two-core machine the loop gets a thread of its own.
        let outcome = await onOwnThread { loop.value.run() }
        #expect(outcome.status == 0)
        #expect(!outcome.startCreate)
        #expect(terminal.clipboard == [ScreenFixtures.instance.token!.revealed])
        // Credentials, sign-in URL, the same-name check when Review is shown, the create.
        #expect(effects.effects.count == 4)
        guard case .findInstances(_, _, let lookup)? = effects.effects.dropLast().last else {
            Issue.record("Review did not look for the name: \(effects.effects)")
            return
        }
        #expect(lookup == InstanceLookup(name: "alice"))
        guard case .createInstance(_, _, let body)? = effects.effects.last else {
            Issue.record("the last effect was not the create: \(effects.effects)")
            return
        }
        #expect(body["name"] == .string("alice"))
        #expect(body["providerData"]?["code"] == .string("0.AXoA-abcdefghijklmnopqrstuvwxyz0123456789"))
        #expect(loop.value.current.createdInstance == ScreenFixtures.instance)
        // Only frames that differ from the one before are presented.
        #expect(zip(terminal.frames, terminal.frames.dropFirst()).allSatisfy { $0 != $1 })
    }

    @Test("A signal ends the loop with 128 + its number")
    func signalEndsLoop() {
        let terminal = InMemoryTerminal(width: 80, height: 24, input: [.key(.tab), .signal(15)])
        let outcome = WizardLoop(program: ScreenFixtures.empty(), terminal: terminal, performer: ScriptedEffects(), theme: .color, tickMilliseconds: 1).run()
        #expect(outcome.status == 143)
    }

    @Test("A resize redraws at the new size")
    func resize() {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        terminal.onIdle = { [unowned terminal] in
            if terminal.frames.count == 1 { terminal.size = (60, 20); return [.resize] }
            return terminal.frames.last?.width == 60 ? [.key(.control("c"))] : nil
        }
        let outcome = WizardLoop(program: ScreenFixtures.empty(), terminal: terminal, performer: ScriptedEffects(), theme: .color, tickMilliseconds: 1).run()
        #expect(outcome.status == 130)
        #expect(terminal.frames.last?.textLines.joined().contains("terminal too small") == true)
    }
}

/// While "terminal too small" hides the form, no key acts on it except quitting.
@Suite("Run loop: terminal too small")
struct TooSmallTests {
    /// Runs `wizard` in a 60×20 terminal with `keys`, then Ctrl-C; returns the effects and the final state.
    private func runTooSmall(_ wizard: CreateWizard, input: [TerminalInput]) -> (effects: [Effect], state: CreateWizard, status: Int32) {
        let terminal = InMemoryTerminal(width: 60, height: 20, input: input + [.key(.control("c"))])
        let effects = ScriptedEffects()
        let loop = WizardLoop(program: wizard, terminal: terminal, performer: effects, theme: .color, tickMilliseconds: 1)
        let outcome = loop.run()
        return (effects.effects, loop.current, outcome.status)
    }

    @Test("Enter on Review creates nothing while the form is hidden")
    func enterOnReview() {
        let review = ScreenFixtures.review()
        let run = runTooSmall(review, input: [.key(.enter), .key(.character(" "))])
        #expect(run.effects.isEmpty)
        #expect(run.state.step == .review)
        #expect(run.status == 130, "Ctrl-C still quits")
    }

    @Test("PgDn sends no request and letters go into no hidden field")
    func pageDownAndTyping() {
        let run = runTooSmall(ScreenFixtures.sandbox(), input: [.key(.pageDown), .key(.enter), .key(.character("x")), .paste("pasted")])
        #expect(run.effects.isEmpty)
        #expect(run.state.step == .connection)
        #expect(run.state.form == ScreenFixtures.sandbox().form)
    }
}

/// The frame diff is made once, in the loop; the backend gets only the rows that changed.
@Suite("Run loop: one frame diff")
struct FrameDiffTests {
    @Test("The first frame has every row; a Tab hands over only the rows that changed, and they are the ones that differ")
    func changedRowsOnly() {
        let terminal = InMemoryTerminal(width: 80, height: 24, input: [.key(.tab), .key(.control("c"))])
        let loop = WizardLoop(program: ScreenFixtures.review(), terminal: terminal, performer: ScriptedEffects(), theme: .color, tickMilliseconds: 1)
        _ = loop.run()
        #expect(terminal.presentedRows.first == Array(0..<24))
        #expect(terminal.frames.count >= 2)
        let (before, after) = (terminal.frames[0], terminal.frames[1])
        let differing = (0..<24).filter { !after.rowsEqual(before, from: $0, to: $0 + 1) }
        #expect(!differing.isEmpty && differing.count < 24)
        #expect(terminal.presentedRows[1] == differing)
    }
}

/// A value handed to another thread that only one thread uses at a time.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

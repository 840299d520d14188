import LineUI
import OpenConnectors
import Synchronization
import Testing
import Wizard

@Suite("Line driver: the sign-in's age (an injected clock)")
struct SignInAgeLineTests {
    @Test("Each answer takes 4 minutes: the age shows, warns at 8, and at 12 Enter is New sign-in, which fetches a new URL")
    func ages() async {
        let answers = ["", "user-secret", "org-secret",                                                          // connection
                       "0f5e4a1c-1111-2222-3333-444455556666", "client~secret~value", "https://localhost/ocwizard/callback", "", // Azure app
                       "",     // Authorize: Enter goes on
                       "<",    // Grant code: back to Authorize
                       "",     // Authorize: on again
                       "<",    // Grant code: back again
                       ""]     // Authorize, expired: Enter is New sign-in
        let io = TimedLineIO(ScriptedLineIO(answers: answers))
        let start = ContinuousClock.now
        // The clock: 4 minutes per answer given so far.
        let answered = io.answered
        let clock: @Sendable () -> ContinuousClock.Instant = { start + .seconds(240 * answered.count) }
        let service = happyService()
        var journey = Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: testState), form: connectionForm())
        _ = await LineDriver(io: io, performer: service, clock: clock).run(&journey)
        let output = io.script.output
        #expect(output.contains("Sign-in URL fetched less than a minute ago"), "\(output)")
        #expect(output.contains("Sign-in URL fetched 4 min ago"), "\(output)")
        #expect(output.contains("⚠ The sign-in URL was fetched 8 minutes ago"), "\(output)")
        #expect(output.contains("fetched 16 minutes ago: its code has expired, a new sign-in is needed"), "\(output)")
        #expect(io.script.transcript.contains { $0.hasPrefix("Enter: new sign-in") }, "\(output)")
        #expect(service.effects.filter { $0.kind == "fetchAuthorizationURL" }.count == 2)
    }
}

/// A scripted line I/O that counts the answers it gave, for a clock that moves with them.
final class TimedLineIO: LineIO {
    let script: ScriptedLineIO
    /// Answers given so far.
    let answered = Counter()

    /// A shared count.
    final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        var count: Int { value.load(ordering: .relaxed) }
        func increment() { value.add(1, ordering: .relaxed) }
    }

    init(_ script: ScriptedLineIO) { self.script = script }

    func ask(_ prompt: String) -> String? { defer { answered.increment() }; return script.ask(prompt) }
    func askSecret(_ prompt: String) -> String? { defer { answered.increment() }; return script.askSecret(prompt) }
    func say(_ text: String) { script.say(text) }
}

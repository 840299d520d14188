import OpenConnectors
import Testing
@testable import Wizard
import WizardScripting

/// A step whose every answer was settled before the run (events set off by a team profile, a
/// flag or the environment) is passed going forward, says so on the next step, and Back shows it.
@Suite("Settled steps")
struct SettledStepTests {
    /// A wizard started with events set to `value` by `source`, walked to just after the grant code.
    private func pastGrantCode(events value: String, from source: ValueSource) -> CreateWizard {
        let configuration = WizardConfiguration(prefill: [.eventsEnabled: value], prefillSources: [.eventsEnabled: source], oauthState: testState)
        var wizard = CreateWizard(configuration: configuration)
        wizard.passGrantCode()
        return wizard
    }

    @Test("Events off in the profile: the grant code goes on to Instance, which says why; Back shows Events")
    func profileOffPassesEvents() {
        var wizard = pastGrantCode(events: "false", from: .profile)
        #expect(wizard.step == .instance)
        let banner = wizard.journey.state.banner
        #expect(banner?.tone == .info)
        #expect(banner?.lines == ["Webhook events are off (set by the profile), so the Events step was passed; go back a step to turn them on."])
        wizard.press(.escape)
        #expect(wizard.step == .events)
        #expect(wizard.journey.state.banner == nil)
        wizard.press(.character(" "))
        #expect(wizard.form.eventsEnabled, "on the Events step shown by Back, Space turns them on")
    }

    @Test("Events off by --no-events or OC_EVENTS: the banner names the flag or the variable", arguments: [
        (ValueSource.flag, "--no-events"), (.environment, "OC_EVENTS"),
    ])
    func flagOrEnvironmentNamesItself(source: ValueSource, origin: String) {
        let wizard = pastGrantCode(events: "false", from: source)
        #expect(wizard.step == .instance)
        #expect(wizard.journey.state.banner?.lines.first?.contains("(set by \(origin))") == true)
    }

    @Test("Not settled: the last run's value, or events on (the URL is still asked for), shows Events", arguments: [
        ("false", ValueSource.lastRun), ("true", .profile), ("false", .sandbox),
    ])
    func unsettledShowsEvents(value: String, source: ValueSource) {
        let wizard = pastGrantCode(events: value, from: source)
        #expect(wizard.step == .events)
    }

    @Test("Review's Back returns to Instance, and Instance's Back to the passed Events step")
    func backWalksThroughThePassedStep() {
        var wizard = pastGrantCode(events: "false", from: .profile)
        wizard.type("graph-calendar-alice")
        wizard.press(.enter)
        #expect(wizard.step == .review)
        wizard.press(.escape)
        #expect(wizard.step == .instance)
        wizard.press(.escape)
        #expect(wizard.step == .events)
        wizard.press(.enter)
        #expect(wizard.step == .instance, "Next from the Events step shown by Back goes on as usual")
    }

    @Test("The journey options carry only deliberate sources of values that were pre-filled")
    func optionsCarryDeliberateSources() {
        let configuration = WizardConfiguration(
            prefill: [.eventsEnabled: "false", .callbackURL: "http://localhost:8765/callback", .scope: "openid"],
            prefillSources: [.eventsEnabled: .profile, .callbackURL: .lastRun, .scope: .environment, .tags: .flag],
            oauthState: testState)
        #expect(configuration.journeyOptions.settled == [.eventsEnabled: .profile, .scope: .environment])
    }
}

import OpenConnectors
import Testing
@testable import Wizard
import WizardScripting

/// Enter on the events toggle does what the help bar says.
@Suite("Events step keys")
struct EventsStepKeysTests {
    /// A wizard on the events step, the toggle focused.
    private func onEventsStep() -> CreateWizard {
        var wizard = freshWizard()
        wizard.passGrantCode()
        return wizard
    }

    @Test("Events off: the toggle is the last field, so Enter goes to the next step, as the help bar says")
    func enterWithEventsOff() {
        var wizard = onEventsStep()
        #expect(wizard.step == .events)
        #expect(wizard.focus == .field(.eventsEnabled))
        #expect(wizard.helpBarItems.contains { $0.key == "Enter" && $0.action == "next step" })
        wizard.press(.enter)
        #expect(wizard.step == .instance)
    }

    @Test("Events on: Enter moves to the callback URL; Space still toggles")
    func enterWithEventsOn() {
        var wizard = onEventsStep()
        wizard.press(.character(" "))
        #expect(wizard.form.eventsEnabled)
        #expect(wizard.helpBarItems.contains { $0.key == "Enter" && $0.action == "next" })
        wizard.press(.enter)
        #expect(wizard.step == .events)
        #expect(wizard.focus == .field(.eventsCallbackURL))
        #expect(wizard.form.eventsEnabled)
    }
}

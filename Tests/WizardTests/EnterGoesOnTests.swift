import OpenConnectors
import Testing
@testable import Wizard
import WizardScripting

/// Enter on a field goes on to the next step once nothing after it on the step still needs an
/// answer, and the help bar says which it will do.
@Suite("Enter on a field")
struct EnterGoesOnTests {
    private func enterAction(_ wizard: CreateWizard) -> String? {
        wizard.helpBarItems.first { $0.key == "Enter" }?.action
    }

    @Test("Instance: tags are optional, so Enter on the name goes straight to Review")
    func nameGoesOnToReview() {
        var wizard = freshWizard()
        wizard.passGrantCode()
        wizard.press(.enter)
        #expect(wizard.step == .instance)
        #expect(wizard.focus == .field(.name))
        wizard.type("graph-calendar-alice")
        #expect(enterAction(wizard) == "next step")
        wizard.press(.enter)
        #expect(wizard.step == .review)
        #expect(wizard.form[.name] == "graph-calendar-alice")
        #expect(wizard.form[.tags].isEmpty)
    }

    @Test("Instance: Enter on an empty name stays and says the name is required")
    func emptyNameStays() {
        var wizard = freshWizard()
        wizard.passGrantCode()
        wizard.press(.enter)
        #expect(wizard.step == .instance)
        wizard.press(.enter)
        #expect(wizard.step == .instance)
        #expect(wizard.focus == .field(.name))
        #expect(wizard.journey.state.messages[.name]?.contains { $0.message == "Instance name is required." } == true)
    }

    @Test("Connection: a required field still empty further down makes Enter move to the next field")
    func emptyRequiredFieldBelowMovesOn() {
        var wizard = freshWizard()
        wizard.press(.tab)
        #expect(wizard.focus == .field(.userSecret))
        wizard.type("user-secret")
        #expect(enterAction(wizard) == "next")
        wizard.press(.enter)
        #expect(wizard.step == .connection)
        #expect(wizard.focus == .field(.organizationSecret))
        wizard.type("org-secret")
        #expect(enterAction(wizard) == "next step")
    }

    @Test("Azure app filled in advance: Enter on its first field asks for the sign-in URL")
    func filledStepGoesOnFromAnyField() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.fillAzureApp()
        wizard.press(.backTab, .backTab)
        #expect(wizard.focus == .field(.apiKey))
        #expect(enterAction(wizard) == "next step")
        let effects = wizard.press(.enter)
        #expect(effects.contains { if case .fetchAuthorizationURL = $0 { true } else { false } }, "\(effects)")
    }
}

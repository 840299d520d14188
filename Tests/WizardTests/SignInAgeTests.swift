import OpenConnectors
import Testing
@testable import Wizard
import WizardScripting

@Suite("The sign-in's age on Authorize and Grant code (an injected clock)")
struct SignInAgeTests {
    /// The screen wizard on Authorize with its URL fetched at `start` (clock ticks are the clock).
    static func onAuthorize(at start: ContinuousClock.Instant) -> CreateWizard {
        var wizard = CreateWizard(configuration: WizardConfiguration(oauthState: testState))
        wizard.update(.tick(start))
        wizard.passConnection()
        wizard.fillAzureApp()
        wizard.press(.tab, .enter)
        wizard.receive(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/authorize?state=\(testState)", element: "microsoftgraph"))))
        return wizard
    }

    @Test("Authorize shows the age, warns after 8 minutes, and after 10 New sign-in has the focus: Enter fetches a new URL")
    func authorizeAges() {
        let start = ContinuousClock.now
        var wizard = Self.onAuthorize(at: start)
        #expect(wizard.step == .authorize)
        #expect(wizard.journey.intro.text.contains("Sign-in URL fetched less than a minute ago"))
        wizard.update(.tick(start + .seconds(3 * 60 + 5)))
        #expect(wizard.journey.intro.text.contains("Sign-in URL fetched 3 min ago"))
        #expect(!wizard.journey.actions.contains(.newSignIn))
        wizard.update(.tick(start + .seconds(8 * 60)))
        #expect(wizard.journey.intro.text.contains("⚠ The sign-in URL was fetched 8 minutes ago"))
        #expect(!wizard.journey.actions.contains(.newSignIn))
        wizard.update(.tick(start + .seconds(10 * 60)))
        #expect(wizard.journey.intro.text.contains("a new sign-in is needed"))
        #expect(wizard.focus == .action(.newSignIn))
        let effects = wizard.press(.enter)
        guard case .fetchAuthorizationURL? = effects.first else {
            Issue.record("Enter did not fetch a new sign-in URL: \(effects)")
            return
        }
        // The new URL is young again.
        wizard.receive(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/authorize?state=\(testState)", element: "microsoftgraph"))))
        #expect(wizard.journey.intro.text.contains("less than a minute ago"))
        #expect(!wizard.journey.actions.contains(.newSignIn))
    }

    @Test("Grant code shows the same age; after 10 minutes Enter goes back to Authorize for a new URL, the pasted code dropped")
    func grantCodeAges() {
        let start = ContinuousClock.now
        var wizard = Self.onAuthorize(at: start)
        wizard.press(.pageDown)
        #expect(wizard.step == .grantCode)
        wizard.update(.tick(start + .seconds(9 * 60)))
        #expect(wizard.journey.intro.text.contains("⚠ The sign-in URL was fetched 9 minutes ago"))
        wizard.update(.paste(redirect()))
        wizard.update(.tick(start + .seconds(11 * 60)))
        #expect(wizard.journey.intro.text.contains("fetched 11 minutes ago: its code has expired"))
        #expect(wizard.focus == .action(.newSignIn))
        let effects = wizard.press(.enter)
        #expect(wizard.step == .authorize)
        #expect(wizard.form[.code].isEmpty)
        guard case .fetchAuthorizationURL? = effects.last else {
            Issue.record("New sign-in did not fetch a new URL: \(effects)")
            return
        }
    }

    @Test("Without a clock reading or a URL there is no age")
    func noAge() {
        var state = JourneyState(options: JourneyOptions(oauthState: testState), form: InstanceForm(), step: .authorize)
        #expect(SignInAge(state) == nil)
        state.now = .now
        #expect(SignInAge(state) == nil)
    }
}

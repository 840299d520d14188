import OpenConnectors
import TerminalUI
import Testing
@testable import Wizard
import WizardScripting

/// Whole screens at 80×24 (review and result also at 120×40), compared with reviewed text snapshots.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    let view = WizardView(theme: .color)

    func render(_ wizard: CreateWizard, _ width: Int = 80, _ height: Int = 24) -> CellBuffer {
        view.render(wizard, width: width, height: height)
    }

    @Test func connectionEmpty() { assertSnapshot(render(ScreenFixtures.empty()), named: "connection-empty") }

    @Test func connectionMissingSecrets() {
        var wizard = ScreenFixtures.empty()
        wizard.press(.pageDown)
        assertSnapshot(render(wizard), named: "connection-missing-secrets")
    }

    @Test func connectionVerifying() {
        var wizard = ScreenFixtures.sandbox()
        wizard.press(.pageDown)
        assertSnapshot(render(ScreenFixtures.later(wizard, seconds: 0.4)), named: "connection-verifying")
    }

    @Test func connectionRefusedSecrets() {
        var wizard = ScreenFixtures.sandbox()
        wizard.press(.pageDown)
        wizard.receive(.credentialsVerified(.failure(.api(APIFailure(status: 401, body: APIErrorBody(requestId: "r1", message: "Invalid Organization or User secret"))))))
        assertSnapshot(render(wizard), named: "connection-401")
    }

    @Test func connectionCustomHost() {
        var wizard = ScreenFixtures.empty()
        wizard.press(.left, .tab)
        wizard.press(.control("u"))
        wizard.type("http://oc.example.com")
        wizard.press(.tab)
        assertSnapshot(render(wizard), named: "connection-custom-host-error")
    }

    @Test func azureAppWarning() {
        var wizard = ScreenFixtures.azureApp()
        wizard.focus = .field(.scope)
        wizard.press(.control("u"))
        wizard.type("Calendars.Read Calendars.Read")
        wizard.press(.pageDown)
        assertSnapshot(render(wizard), named: "azure-app-scope-problems")
    }

    @Test func azureAppRevealed() {
        var wizard = ScreenFixtures.azureApp()
        wizard.press(.tab, .control("r"))
        assertSnapshot(render(wizard), named: "azure-app-secret-revealed")
    }

    @Test func authorizeLoading() {
        var wizard = ScreenFixtures.azureApp()
        wizard.press(.pageDown)
        assertSnapshot(render(wizard), named: "authorize-loading")
    }

    @Test func authorizeReady() { assertSnapshot(render(ScreenFixtures.authorizeReady()), named: "authorize-ready") }

    @Test func authorizeFailed() {
        var wizard = ScreenFixtures.azureApp()
        wizard.press(.pageDown)
        wizard.receive(.authorizationURL(.failure(.transport(.connectionRefused(host: "127.0.0.1:45678")))))
        assertSnapshot(render(wizard), named: "authorize-failed")
    }

    @Test func grantCodeExtracted() { assertSnapshot(render(ScreenFixtures.grantCode()), named: "grant-code-extracted") }

    @Test func grantCodeDenied() {
        var wizard = ScreenFixtures.authorizeReady()
        wizard.press(.pageDown)
        wizard.update(.paste("https://localhost/ocwizard/callback?error=access_denied&error_description=The+user+has+denied+access+to+the+scope+requested+by+the+client+application.&state=\(ScreenFixtures.state)"))
        wizard.press(.pageDown)
        assertSnapshot(render(wizard), named: "grant-code-denied")
    }

    @Test func eventsOff() { assertSnapshot(render(ScreenFixtures.events()), named: "events-off") }

    @Test func eventsMissingURL() {
        var wizard = ScreenFixtures.events()
        wizard.press(.character(" "), .tab, .tab)
        wizard.type("short")
        wizard.press(.pageDown)
        assertSnapshot(render(wizard), named: "events-on-problems")
    }

    @Test func signatureKeyDialog() {
        var wizard = ScreenFixtures.events()
        wizard.press(.character(" "))
        wizard.receive(.signatureKeyGenerated("oH90qQTaokcpcCD9chxNqdB2+Y5xb+LgaFQE2CHnrqo="))
        assertSnapshot(render(wizard), named: "events-new-signature-key")
    }

    @Test func instanceWithWideTags() { assertSnapshot(render(ScreenFixtures.instanceStep()), named: "instance-wide-characters") }

    @Test func review() {
        assertSnapshot(render(ScreenFixtures.review()), named: "review-80x24")
        assertSnapshot(render(ScreenFixtures.review(), 120, 40), named: "review-120x40")
    }

    @Test func reviewScrolled() {
        var wizard = ScreenFixtures.review()
        wizard.press(.pageDown, .pageDown)
        assertSnapshot(render(wizard), named: "review-scrolled")
    }

    @Test func submitting() { assertSnapshot(render(ScreenFixtures.submitting()), named: "submitting") }

    @Test func resultSuccess() {
        assertSnapshot(render(ScreenFixtures.resultSuccess()), named: "result-success-80x24")
        assertSnapshot(render(ScreenFixtures.resultSuccess(), 120, 40), named: "result-success-120x40")
    }

    @Test func lostAnswerScreens() {
        assertSnapshot(render(ScreenFixtures.lostAnswer()), named: "submitting-lost-answer")
        assertSnapshot(render(ScreenFixtures.lostAnswerFound()), named: "result-lost-answer-found")
        assertSnapshot(render(ScreenFixtures.lostAnswerUnknown()), named: "result-lost-answer-unknown")
    }

    @Test func reviewNameTaken() {
        assertSnapshot(render(ScreenFixtures.reviewNameTaken()), named: "review-name-taken")
    }

    @Test func resultTokenRevealed() {
        var wizard = ScreenFixtures.resultSuccess()
        wizard.press(.control("r"))
        assertSnapshot(render(wizard), named: "result-token-revealed")
    }

    @Test func resultUsedCode() {
        assertSnapshot(render(ScreenFixtures.resultUsedCode()), named: "result-used-code-80x24")
        assertSnapshot(render(ScreenFixtures.resultUsedCode(), 120, 40), named: "result-used-code-120x40")
    }

    @Test func saveDialog() {
        var wizard = ScreenFixtures.resultSuccess()
        wizard.focus = .action(.saveResult)
        wizard.press(.enter)
        assertSnapshot(render(wizard), named: "result-save-dialog")
    }

    @Test func helpDialog() {
        var wizard = ScreenFixtures.azureApp()
        wizard.press(.function(1))
        assertSnapshot(render(wizard), named: "help-client-id")
    }

    @Test func quitDialog() {
        var wizard = ScreenFixtures.empty()
        wizard.press(.tab)
        wizard.type("abc")
        wizard.press(.escape)
        assertSnapshot(render(wizard), named: "quit-confirm")
    }

    @Test func scopePicker() {
        var wizard = ScreenFixtures.azureApp()
        wizard.focus = .field(.scope)
        wizard.press(.function(2), .down)
        assertSnapshot(render(wizard), named: "scope-picker")
    }

    @Test func tooSmall() { assertSnapshot(render(ScreenFixtures.empty(), 60, 20), named: "too-small") }
}

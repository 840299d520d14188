import OpenConnectors
import Testing
@testable import Wizard
import WizardScripting

@Suite("Connection step")
struct ConnectionStepTests {
    @Test("Next with empty secrets flags both, names the wire keys and sends nothing")
    func emptySecretsBlockNext() {
        var wizard = freshWizard()
        let effects = wizard.press(.pageDown)
        #expect(effects.isEmpty)
        #expect(wizard.step == .connection)
        #expect(wizard.problems(for: .userSecret).map(\.wireKey) == ["Authorization: User"])
        #expect(wizard.problems(for: .organizationSecret).first?.message.contains("required") == true)
        #expect(wizard.focus == .field(.userSecret))
    }

    @Test("The next edit clears a field's message")
    func editClearsMessage() {
        var wizard = freshWizard()
        wizard.press(.pageDown)
        wizard.type("u")
        #expect(wizard.problems(for: .userSecret).isEmpty)
        #expect(!wizard.problems(for: .organizationSecret).isEmpty)
    }

    @Test("Valid secrets are verified once with the normalized base URL")
    func verifiesCredentials() {
        var wizard = freshWizard()
        wizard.press(.tab)
        wizard.type("user-secret")
        wizard.press(.tab)
        wizard.type("org-secret")
        let effects = wizard.press(.enter)
        #expect(effects == [.verifyCredentials(baseURL: ParameterTable.defaultBaseURL, credentials: Credentials(userSecret: "user-secret", organizationSecret: "org-secret"))])
        #expect(wizard.busy == .verifyingCredentials)
        #expect(wizard.press(.character("x")).isEmpty, "typing waits while a request is in flight")
        wizard.receive(.credentialsVerified(.success(Done())))
        #expect(wizard.step == .azureApp)
        #expect(wizard.busy == nil)
        // Back and forward again with the same values: no second check.
        wizard.press(.escape)
        #expect(wizard.step == .connection)
        #expect(wizard.press(.pageDown).isEmpty)
        #expect(wizard.step == .azureApp)
    }

    @Test("A 401 puts inline errors on the secrets and keeps what was typed")
    func wrongSecrets() {
        var wizard = freshWizard()
        wizard.press(.tab)
        wizard.type("wrong")
        wizard.press(.tab)
        wizard.type("also-wrong")
        wizard.press(.enter)
        wizard.receive(.credentialsVerified(.failure(.api(APIFailure(status: 401, body: APIErrorBody(requestId: "r1", message: "Invalid Organization or User secret"))))))
        #expect(wizard.step == .connection)
        #expect(wizard.problems(for: .userSecret).first?.message.contains("401") == true)
        #expect(!wizard.problems(for: .organizationSecret).isEmpty)
        #expect(wizard.form[.userSecret] == "wrong")
        #expect(wizard.form[.organizationSecret] == "also-wrong")
        #expect(wizard.focus == .field(.userSecret))
    }

    @Test("A network failure shows a banner with the next step")
    func networkFailureBanner() {
        var wizard = freshWizard()
        wizard.press(.tab)
        wizard.type("u")
        wizard.press(.tab)
        wizard.type("o")
        wizard.press(.enter)
        wizard.receive(.credentialsVerified(.failure(.transport(.untrustedCertificate(detail: "self-signed certificate")))))
        #expect(wizard.banner?.lines.contains { $0.contains("--cacert") } == true)
        #expect(wizard.step == .connection)
    }

    @Test("Left and right cycle the host presets; Custom URL reveals the base URL field")
    func hostPresets() {
        var wizard = freshWizard()
        #expect(wizard.hostPresets[wizard.presetIndex].name == "US2")
        wizard.press(.right)
        #expect(wizard.form[.baseURL].contains(".eu10."))
        wizard.press(.left, .left)
        #expect(wizard.hostPresets[wizard.presetIndex] == .custom)
        #expect(wizard.focusables.contains(.field(.baseURL)))
        wizard.press(.tab)
        wizard.press(.control("u"))
        wizard.type("http://example.com")
        wizard.press(.tab)
        #expect(wizard.problems(for: .baseURL).first?.message.contains("https://") == true)
    }

    @Test("Esc on the first step quits at once when nothing was typed, asks first otherwise")
    func escapeOnFirstStep() {
        var untouched = freshWizard()
        #expect(untouched.press(.escape) == [.quit(status: 130)])

        var typed = freshWizard()
        typed.press(.tab)
        typed.type("x")
        #expect(typed.press(.escape).isEmpty)
        #expect(typed.modal == .confirmQuit)
        typed.press(.character("n"))
        #expect(typed.modal == nil)
        typed.press(.escape)
        #expect(typed.press(.character("y")) == [.quit(status: 130)])
    }

    @Test("Ctrl-C quits with 130 from anywhere, even with a dialog open or a request in flight")
    func controlC() {
        var wizard = freshWizard()
        wizard.press(.function(1))
        #expect(wizard.press(.control("c")) == [.quit(status: 130)])
        var busy = freshWizard()
        busy.press(.tab)
        busy.type("u")
        busy.press(.tab)
        busy.type("o")
        busy.press(.enter)
        #expect(busy.press(.control("c")) == [.quit(status: 130)])
    }

    @Test("Ctrl-R reveals only the focused secret; F1 shows its help")
    func revealAndHelp() {
        var wizard = freshWizard()
        wizard.press(.tab, .control("r"))
        #expect(wizard.revealed == [.userSecret])
        wizard.press(.control("r"))
        #expect(wizard.revealed.isEmpty)
        wizard.press(.function(1))
        #expect(wizard.modal == .help(.userSecret))
        wizard.press(.escape)
        #expect(wizard.modal == nil)
        // `?` types into a text field instead of opening help.
        wizard.type("?")
        #expect(wizard.form[.userSecret] == "?")
    }

    @Test("A paste goes whole into the focused field, trimmed, lines joined")
    func pasteIntoField() {
        var wizard = freshWizard()
        wizard.press(.tab)
        wizard.update(.paste("  abc\ndef \n"))
        #expect(wizard.form[.userSecret] == "abcdef")
    }
}

@Suite("Hand-over from recover")
struct HandOverTests {
    @Test("A verified connection starts create on the Azure app step; an invalid one stays on Connection")
    func continueWithVerifiedConnection() {
        var wizard = CreateWizard(configuration: WizardConfiguration(prefill: [.userSecret: "u", .organizationSecret: "o"], oauthState: testState))
        wizard.continueWithVerifiedConnection()
        #expect(wizard.step == .azureApp)
        #expect(wizard.press(.escape, .pageDown).isEmpty, "back and forward again sends no second check")
        #expect(wizard.step == .azureApp)

        var missing = freshWizard()
        missing.continueWithVerifiedConnection()
        #expect(missing.step == .connection)
    }
}

import OpenConnectors
import Testing
@testable import Wizard
import WizardScripting

@Suite("Azure app, authorize and grant code")
struct AuthorizationFlowTests {
    @Test("Leaving the Azure app step fetches the sign-in URL with this run's state")
    func fetchesSignInURL() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.fillAzureApp()
        let effects = wizard.press(.pageDown)
        guard case .fetchAuthorizationURL(let request)? = effects.first else {
            Issue.record("expected a sign-in URL request, got \(effects)")
            return
        }
        #expect(request.state == testState)
        #expect(request.apiSecret == "client-secret")
        #expect(request.scope == ParameterTable.defaultScope)
        #expect(wizard.step == .authorize)
        #expect(wizard.busy == .fetchingAuthorizationURL)
    }

    @Test("A scope without offline_access warns once; the second Next goes on")
    func offlineAccessWarning() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.fillAzureApp()
        wizard.press(.tab, .control("u"))
        wizard.type("Calendars.Read")
        #expect(wizard.press(.pageDown).isEmpty)
        #expect(wizard.step == .azureApp)
        #expect(wizard.problems(for: .scope).map(\.severity) == [.warning])
        #expect(wizard.notice?.contains("Next again") == true)
        #expect(wizard.press(.pageDown).count == 1)
        #expect(wizard.step == .authorize)
    }

    @Test("An http callback URL that is not localhost blocks with a message naming https")
    func callbackMustBeHTTPS() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.fillAzureApp(callbackURL: "http://myapp.example.com/cb")
        #expect(wizard.press(.pageDown).isEmpty)
        #expect(wizard.problems(for: .callbackURL).first?.wireKey == "oauth.callback.url")
        #expect(wizard.focus == .field(.callbackURL))
    }

    @Test("The Authorize step copies and opens the URL; simulate sign-in exists only in sandbox mode")
    func authorizeActions() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.passAzureApp()
        #expect(wizard.focusables == [.action(.copyURL), .action(.openBrowser), .action(.next)])
        #expect(wizard.press(.enter) == [.copyToClipboard("https://login.example/authorize?state=\(testState)")])
        wizard.press(.tab)
        #expect(wizard.press(.enter) == [.openBrowser(url: "https://login.example/authorize?state=\(testState)")])

        var sandbox = freshWizard(sandboxURL: "http://127.0.0.1:9/elements/api-v2")
        sandbox.passConnection()
        sandbox.passAzureApp()
        #expect(sandbox.focusables.contains(.action(.simulateSignIn)))
        sandbox.focus = .action(.simulateSignIn)
        #expect(sandbox.press(.enter) == [.simulateSignIn(url: "https://login.example/authorize?state=\(testState)")])
        sandbox.receive(.signInSimulated(.success(redirect())))
        #expect(sandbox.step == .grantCode)
        #expect(sandbox.form[.code] == redirect())
        #expect(sandbox.problems(for: .code).isEmpty)
    }

    @Test("A failed sign-in URL request offers Try again and keeps the values")
    func signInURLFailure() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.fillAzureApp(secret: "secret", callbackURL: "https://localhost/cb")
        wizard.press(.pageDown)
        wizard.receive(.authorizationURL(.failure(.api(APIFailure(status: 500, body: APIErrorBody(requestId: "abc", message: "boom"))))))
        #expect(wizard.focusables == [.action(.retryAuthorizationURL), .action(.back)])
        #expect(wizard.banner?.lines.contains("Request id: abc") == true)
        #expect(wizard.press(.enter).count == 1)
        #expect(wizard.busy == .fetchingAuthorizationURL)
    }

    @Test("A pasted redirect with another sign-in's state is refused; the right one passes")
    func stateChecked() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.passAzureApp()
        wizard.press(.pageDown)
        wizard.update(.paste(redirect(state: "someone-else")))
        #expect(wizard.press(.pageDown).isEmpty)
        #expect(wizard.problems(for: .code).first?.message.contains("another sign-in") == true)
        wizard.press(.control("u"))
        wizard.update(.paste(redirect()))
        wizard.press(.pageDown)
        #expect(wizard.step == .events)
    }

    @Test("An error redirect quotes Microsoft's reason")
    func errorRedirect() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.passAzureApp()
        wizard.press(.pageDown)
        wizard.update(.paste("https://localhost/cb?error=access_denied&error_description=The+user+declined&state=\(testState)"))
        #expect(wizard.problems(for: .code).first?.message.contains("access_denied") == true, "explained as soon as it is pasted")
        wizard.press(.pageDown)
        let message = wizard.problems(for: .code).first?.message ?? ""
        #expect(message.contains("access_denied"))
        #expect(message.contains("The user declined"))
    }
}

@Suite("Events, instance, review, submit and result")
struct SubmitFlowTests {
    @Test("Events on require a callback URL; the generated key is shown once in a dialog")
    func eventsStep() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.passAzureApp()
        wizard.press(.pageDown)
        wizard.update(.paste(redirect()))
        wizard.press(.pageDown)
        #expect(wizard.step == .events)
        #expect(wizard.focusables == [.field(.eventsEnabled), .action(.next)])
        wizard.press(.character(" "))
        #expect(wizard.form.eventsEnabled)
        #expect(wizard.press(.pageDown).isEmpty)
        #expect(wizard.problems(for: .eventsCallbackURL).first?.wireKey == "event.notification.callback.url")
        wizard.focus = .action(.generateKey)
        #expect(wizard.press(.enter) == [.generateSignatureKey])
        let key = String(repeating: "k", count: 44)
        wizard.receive(.signatureKeyGenerated(Secret(key)))
        #expect(wizard.modal == .newSignatureKey(key))
        #expect(wizard.form[.signatureKey] == key)
        #expect(wizard.press(.character("c")) == [.copyToClipboard(key)])
        wizard.press(.enter)
        #expect(wizard.modal == nil)
        // Turning events off hides and ignores the event fields.
        wizard.focus = .field(.eventsEnabled)
        wizard.press(.character(" "))
        wizard.press(.pageDown)
        #expect(wizard.step == .instance)
    }

    @Test("Submit sends the body built from the form and shows the token masked until Ctrl-R")
    func submitSuccess() {
        var wizard = freshWizard()
        wizard.reachReview(events: true)
        #expect(wizard.step == .review)
        let effects = wizard.press(.enter)
        guard case .createInstance(let baseURL, let credentials, let body)? = effects.first else {
            Issue.record("expected a create request, got \(effects)")
            return
        }
        #expect(baseURL == ParameterTable.defaultBaseURL)
        #expect(credentials.authorizationHeader == "User user-secret, Organization org-secret")
        #expect(body["providerData"]?["code"] == .string("M.C507_BAY.2.U.abc123"))
        #expect(body["configuration"]?["event.notification.enabled"] == .bool(true))
        #expect(body["configuration"]?["event.notification.callback.url"] == .string("https://example.com/oc-events"))
        #expect(body["tags"] == .array([.string("team-a")]))
        #expect(wizard.step == .submitting)
        wizard.receive(.instanceCreated(.success(sampleInstance)))
        #expect(wizard.step == .result)
        #expect(!wizard.tokenRevealed)
        wizard.press(.control("r"))
        #expect(wizard.tokenRevealed)
        #expect(wizard.press(.enter) == [.copyToClipboard(sampleInstance.token!.revealed)])
        wizard.focus = .action(.quit)
        #expect(wizard.press(.enter) == [.quit(status: 0)])
    }

    @Test("A used grant code sends the user to Authorize with every other value kept")
    func usedCodeRetry() {
        var wizard = freshWizard()
        wizard.reachReview()
        let before = wizard.form
        wizard.press(.enter)
        let failure = APIFailure(status: 400, body: APIErrorBody(requestId: "r9", message: "Failed to retrieve token",
                                                                  providerMessage: "AADSTS54005: OAuth2 Authorization code was already redeemed"))
        wizard.receive(.instanceCreated(.failure(.api(failure))))
        #expect(wizard.step == .result)
        #expect(wizard.banner?.lines.contains("Provider: AADSTS54005: OAuth2 Authorization code was already redeemed") == true)
        #expect(wizard.focusables.first == .action(.goTo(.authorize)))
        let effects = wizard.press(.enter)
        #expect(wizard.step == .authorize)
        guard case .fetchAuthorizationURL = effects.first else {
            Issue.record("expected a new sign-in URL request, got \(effects)")
            return
        }
        #expect(wizard.form[.code].isEmpty)
        for id in ParameterID.allCases where id != .code {
            #expect(wizard.form[id] == before[id], "\(id) kept")
        }
    }

    @Test("A refused client secret goes back to the Azure app step with the focus and a message on the secret")
    func clientSecretRefused() {
        var wizard = freshWizard()
        wizard.reachReview()
        wizard.press(.enter)
        let failure = APIFailure(status: 400, body: APIErrorBody(requestId: nil, message: "Failed to retrieve token",
                                                                  providerMessage: "AADSTS7000215: Invalid client secret provided."))
        wizard.receive(.instanceCreated(.failure(.api(failure))))
        #expect(wizard.focusables.first == .action(.goTo(.azureApp)))
        wizard.press(.enter)
        #expect(wizard.step == .azureApp)
        #expect(wizard.focus == .field(.apiSecret), "the focus is on the secret that was refused")
        #expect(wizard.problems(for: .apiSecret).first?.message.contains("Value") == true)
        #expect(!wizard.form[.apiKey].isEmpty && !wizard.form[.apiSecret].isEmpty, "the typed values are kept")
    }

    @Test("A server error offers Retry on the result screen without retyping")
    func serverErrorRetry() {
        var wizard = freshWizard()
        wizard.reachReview()
        wizard.press(.enter)
        wizard.receive(.instanceCreated(.failure(.api(APIFailure(status: 503, body: nil)))))
        #expect(wizard.focusables == [.action(.goTo(.review)), .action(.retrySubmit), .action(.quit)])
        wizard.press(.tab)
        let effects = wizard.press(.enter)
        guard case .createInstance = effects.first else {
            Issue.record("expected the same request again, got \(effects)")
            return
        }
    }

    @Test("Esc while submitting cancels; the review screen explains what may have happened")
    func cancelSubmit() {
        var wizard = freshWizard()
        wizard.reachReview()
        wizard.press(.enter)
        #expect(wizard.press(.escape) == [.cancelRequest])
        wizard.receive(.instanceCreated(.failure(.transport(.cancelled))))
        #expect(wizard.step == .review)
        #expect(wizard.banner?.lines.first == "Submission cancelled before the request was sent: nothing was created.")
    }

    @Test("Submit re-validates everything and jumps to the first bad field")
    func submitRevalidates() {
        var wizard = freshWizard()
        wizard.reachReview()
        wizard.form[.name] = ""
        wizard.press(.enter)
        #expect(wizard.step == .instance)
        #expect(wizard.focus == .field(.name))
        #expect(wizard.banner?.lines.first?.contains("name") == true)
    }

    @Test("Saving asks for a path, refuses to overwrite silently, then overwrites on y")
    func saveResult() {
        var wizard = freshWizard()
        wizard.reachReview()
        wizard.press(.enter)
        wizard.receive(.instanceCreated(.success(sampleInstance)))
        wizard.focus = .action(.saveResult)
        wizard.press(.enter)
        #expect(wizard.modal == .save(.path(TextEditor(text: "graph-calendar-alice.ocwizard.json"))))
        let effects = wizard.press(.enter)
        guard case .saveFile(let path, let contents, false)? = effects.first else {
            Issue.record("expected a save without overwrite, got \(effects)")
            return
        }
        #expect(path == "graph-calendar-alice.ocwizard.json")
        #expect(contents.contains("\"token\": \"\(sampleInstance.token!.revealed)\""))
        #expect(contents.contains("\"baseUrl\": \"\(ParameterTable.defaultBaseURL)\""))
        wizard.receive(.fileSaved(.failure(.exists(path: path))))
        #expect(wizard.modal == .save(.confirmOverwrite(path: path)))
        #expect(wizard.press(.character("y")) == [.saveFile(path: path, contents: contents, overwrite: true)])
        wizard.receive(.fileSaved(.success(path)))
        #expect(wizard.modal == nil)
        #expect(wizard.savedPath == path)
    }

    @Test("The scope picker ticks scopes and writes them back in order")
    func scopePicker() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.focus = .field(.scope)
        wizard.press(.function(2))
        guard case .scopePicker(_, let chosen)? = wizard.modal else {
            Issue.record("picker did not open")
            return
        }
        #expect(chosen == ["Calendars.Read", "Calendars.ReadWrite", "offline_access"])
        wizard.press(.down, .character(" "), .enter) // tick User.Read
        #expect(wizard.form[.scope] == "Calendars.Read Calendars.ReadWrite offline_access User.Read")
    }

    @Test("Leaving a filled field validates it; leaving an empty one does not")
    func validateOnLeave() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.press(.tab, .tab)
        #expect(wizard.journey.state.messages.values.allSatisfy { $0.isEmpty })
        wizard.type("not a url")
        wizard.press(.tab)
        #expect(wizard.problems(for: .callbackURL).first?.severity == .error)
    }
}

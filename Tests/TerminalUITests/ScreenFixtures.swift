import OpenConnectors
import Wizard
import WizardScripting

/// Wizards in every state worth a snapshot, built through the real update path.
enum ScreenFixtures {
    static let state = "state-1234"
    static let sandboxURL = "http://127.0.0.1:45678/elements/api-v2"
    static let start = ContinuousClock.now
    static let signInURL = "http://127.0.0.1:45678/sandbox/authorize?client_id=5a4db0c5-c11e-4d1d-a000-000000000001&response_type=code&redirect_uri=https%3A%2F%2Flocalhost%2Focwizard%2Fcallback&scope=Calendars.Read%20Calendars.ReadWrite%20offline_access&state=\(state)"
    static let instance = Instance(id: 1001, name: "graph-calendar-alice", token: "HKv87sqVlYBup6PVrfY+S9qS0lzURe/nT7266Ph+ZdY=",
                                   element: ElementSummary(id: 17314, key: "microsoftgraph", name: "Microsoft Graph"),
                                   tags: ["team-a", "日本語タグ"], valid: true, disabled: false, eventsEnabled: true, createdDate: "2026-11-29T12:17:46Z")

    /// A wizard as `ocwizard --sandbox` starts it.
    static func sandbox() -> CreateWizard {
        var wizard = CreateWizard(configuration: WizardConfiguration(
            sandboxURL: sandboxURL,
            prefill: [.baseURL: sandboxURL, .userSecret: "sandbox-user", .organizationSecret: "sandbox-org",
                      .apiKey: "5a4db0c5-c11e-4d1d-a000-000000000001", .apiSecret: "sandbox-client-secret", .callbackURL: "https://localhost/ocwizard/callback"],
            prefillSources: [.userSecret: .sandbox, .organizationSecret: .sandbox, .apiKey: .sandbox, .apiSecret: .sandbox, .callbackURL: .sandbox],
            oauthState: state))
        wizard.update(.tick(start))
        return wizard
    }

    /// A wizard against the default host with nothing typed.
    static func empty() -> CreateWizard {
        var wizard = CreateWizard(configuration: WizardConfiguration(oauthState: state))
        wizard.update(.tick(start))
        return wizard
    }

    /// Waited `seconds` since the last tick.
    static func later(_ wizard: CreateWizard, seconds: Double) -> CreateWizard {
        var copy = wizard
        copy.update(.tick(start + .milliseconds(Int(seconds * 1000))))
        return copy
    }

    static func azureApp() -> CreateWizard {
        var wizard = sandbox()
        wizard.press(.enter, .enter, .enter, .enter)
        wizard.receive(.credentialsVerified(.success(Done())))
        // Every value is pre-filled, so the step starts on [ Next ]; these screens show its fields.
        wizard.focus = .field(.apiKey)
        return wizard
    }

    static func authorizeReady() -> CreateWizard {
        var wizard = azureApp()
        wizard.press(.pageDown)
        wizard.receive(.authorizationURL(.success(OAuthRedirect(oauthUrl: signInURL, element: "microsoftgraph"))))
        return wizard
    }

    static func grantCode() -> CreateWizard {
        var wizard = authorizeReady()
        wizard.press(.pageDown)
        wizard.update(.paste("https://localhost/ocwizard/callback?code=0.AXoA-abcdefghijklmnopqrstuvwxyz0123456789&state=\(state)"))
        return wizard
    }

    static func events() -> CreateWizard {
        var wizard = grantCode()
        wizard.press(.pageDown)
        return wizard
    }

    static func instanceStep() -> CreateWizard {
        var wizard = events()
        wizard.press(.character(" "), .tab)
        wizard.type("https://example.com/oc-events")
        wizard.press(.tab)
        wizard.type("0123456789abcdef0123456789abcdef")
        wizard.press(.pageDown)
        wizard.type("graph-calendar-alice")
        wizard.press(.tab)
        wizard.type("team-a, 日本語タグ")
        return wizard
    }

    static func review() -> CreateWizard {
        var wizard = instanceStep()
        wizard.press(.pageDown)
        return wizard
    }

    static func submitting() -> CreateWizard {
        var wizard = review()
        wizard.press(.enter)
        return later(wizard, seconds: 1.2)
    }

    static func resultSuccess() -> CreateWizard {
        var wizard = submitting()
        wizard.receive(.instanceCreated(.success(instance)))
        return wizard
    }

    static func resultUsedCode() -> CreateWizard {
        var wizard = submitting()
        wizard.receive(.instanceCreated(.failure(.api(APIFailure(status: 400, body: APIErrorBody(
            requestId: "5f1c0a9e2b7d4c3a", message: "Error retrieving the OAuth token for microsoftgraph",
            providerMessage: "AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."))))))
        return wizard
    }

    /// Submitted, and the answer was lost when the connection closed; the wizard is looking.
    static func lostAnswer() -> CreateWizard {
        var wizard = submitting()
        wizard.receive(.instanceCreated(.failure(.transport(.answerLost(.connectionLost(detail: "Empty reply from server"))))))
        return wizard
    }

    /// The lost answer's instance was found.
    static func lostAnswerFound() -> CreateWizard {
        var wizard = lostAnswer()
        wizard.receive(.instancesFound(.success([instance])))
        return wizard
    }

    /// Looking for the lost answer's instance failed too.
    static func lostAnswerUnknown() -> CreateWizard {
        var wizard = lostAnswer()
        wizard.receive(.instancesFound(.failure(.transport(.timedOut(seconds: 30)))))
        return wizard
    }

    /// Review, with an instance of the same name already there.
    static func reviewNameTaken() -> CreateWizard {
        var wizard = review()
        var older = instance
        older.id = 1007
        older.name = wizard.form.normalized(.name)
        older.createdDate = "2026-11-30T08:12:44Z"
        wizard.receive(.instancesFound(.success([older])))
        return wizard
    }
}

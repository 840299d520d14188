import OpenConnectors
import Wizard
import WizardScripting

/// The OAuth state every test wizard uses.
let testState = "state-1234"

/// A wizard with nothing typed, as `ocwizard` starts against a real host.
func freshWizard(sandboxURL: String? = nil) -> CreateWizard {
    CreateWizard(configuration: WizardConfiguration(sandboxURL: sandboxURL, oauthState: testState))
}

/// A sample created instance.
let sampleInstance = Instance(id: 4242, name: "graph-calendar-alice", token: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq=",
                              element: ElementSummary(id: 17314, key: "microsoftgraph", name: "Microsoft Graph"),
                              tags: ["team-a"], valid: true, disabled: false, eventsEnabled: false, createdDate: "2026-11-29T10:00:00Z")

/// The Azure client ID every test wizard types: GUID-shaped, as Azure's are.
let testClientID = "0f5e4a1c-6b2d-4e8f-9a3b-7c1d2e3f4a5b"

/// A redirected address for the test state, sent to `callbackURL`.
func redirect(code: String = "M.C507_BAY.2.U.abc123", state: String = testState, to callbackURL: String = "https://localhost/ocwizard/callback") -> String {
    "\(callbackURL)?code=\(code)&state=\(state)&session_state=x"
}

extension CreateWizard {
    /// Fills the connection step with valid secrets and passes verification.
    mutating func passConnection() {
        press(.tab)
        type("user-secret")
        press(.tab)
        type("org-secret")
        _ = press(.enter)
        receive(.credentialsVerified(.success(Done())))
    }

    /// Types the Azure app step's client id, secret and callback URL (focus ends on the callback URL).
    mutating func fillAzureApp(secret: String = "client-secret", callbackURL: String = "https://localhost/ocwizard/callback") {
        type(testClientID)
        press(.tab)
        type(secret)
        press(.tab)
        type(callbackURL)
    }

    /// Fills the Azure app step and receives a sign-in URL.
    mutating func passAzureApp() {
        fillAzureApp()
        press(.tab, .enter)
        receive(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/authorize?state=\(testState)", element: "microsoftgraph"))))
    }

    /// Passes the connection and Azure app steps and pastes a valid redirect on the grant code
    /// step, then presses Enter there (the events step comes next, unless it is passed).
    mutating func passGrantCode() {
        passConnection()
        passAzureApp()
        update(.key(.pageDown))
        update(.paste(redirect()))
        press(.enter)
    }

    /// Runs every step up to the review screen with valid values.
    mutating func reachReview(events: Bool = false) {
        passConnection()
        passAzureApp()
        press(.enter) // Copy URL is focused; move on with Next instead
        update(.key(.pageDown))
        update(.paste(redirect()))
        press(.enter)
        if events {
            press(.character(" "), .tab)
            type("https://example.com/oc-events")
            press(.tab)
            type("0123456789abcdef0123")
        }
        update(.key(.pageDown))
        type("graph-calendar-alice")
        press(.tab)
        type("team-a")
        press(.enter)
    }
}

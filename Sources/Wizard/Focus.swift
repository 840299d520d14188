import OpenConnectors

/// Something on a screen that can hold the focus.
public enum Focusable: Sendable, Equatable, Hashable {
    /// The host preset picker on the connection step.
    case hostPreset
    /// An input for one parameter.
    case field(ParameterID)
    /// A button.
    case action(WizardAction)
}

/// A button's meaning.
public enum WizardAction: Sendable, Equatable, Hashable {
    case next
    case back
    case copyURL
    case openBrowser
    case simulateSignIn
    /// Set the callback URL to a loopback one the wizard can catch the sign-in on.
    case useLoopbackCallback
    case retryAuthorizationURL
    /// Fetch a new sign-in URL (the code of the old one has expired).
    case newSignIn
    case generateKey
    case submit
    case copyToken
    case saveResult
    /// Send a signed test event to the events callback URL.
    case sendTestEvent
    case goTo(WizardStep)
    case retrySubmit
    /// Look again for an instance whose create answer was lost.
    case lookAgain
    case quit

    /// The button text.
    public var label: String {
        switch self {
        case .next: "Next"
        case .back: "Back"
        case .copyURL: "Copy URL"
        case .openBrowser: "Open in browser"
        case .simulateSignIn: "Simulate sign-in"
        case .useLoopbackCallback: "Use a loopback callback"
        case .retryAuthorizationURL: "Try again"
        case .newSignIn: "New sign-in"
        case .generateKey: "Generate key"
        case .submit: "Submit"
        case .copyToken: "Copy token"
        case .saveResult: "Save to file"
        case .sendTestEvent: "Send test event"
        case .goTo(let step): "Back to \(step.title)"
        case .retrySubmit: "Retry"
        case .lookAgain: "Look again"
        case .quit: "Quit"
        }
    }
}

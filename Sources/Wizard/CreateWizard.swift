import OpenConnectors

/// How the wizard starts: sandbox or not, pre-filled values and where they came from.
public struct WizardConfiguration: Sendable, Equatable {
    /// The sandbox API base when running `--sandbox`; enables "Simulate sign-in".
    public var sandboxURL: String?
    /// Values to start with, over the parameter table's defaults.
    public var prefill: [ParameterID: String]
    /// Where each pre-filled value came from ("profile", "sandbox", "flag"), shown beside the field.
    public var prefillSources: [ParameterID: String]
    /// The OAuth `state` this run sends and expects back.
    public var oauthState: String
    /// Whether a browser can be opened here (a display, or `$BROWSER`); offers "Open in browser".
    public var browserAvailable: Bool

    public init(sandboxURL: String? = nil, prefill: [ParameterID: String] = [:], prefillSources: [ParameterID: String] = [:],
                oauthState: String, browserAvailable: Bool = true) {
        self.sandboxURL = sandboxURL; self.prefill = prefill; self.prefillSources = prefillSources
        self.oauthState = oauthState; self.browserAvailable = browserAvailable
    }
}

/// What the wizard is waiting for.
public enum BusyReason: Sendable, Equatable {
    case verifyingCredentials, fetchingAuthorizationURL, simulatingSignIn, submitting

    /// The spinner's caption.
    public var caption: String {
        switch self {
        case .verifyingCredentials: "Checking the secrets with Open Connectors…"
        case .fetchingAuthorizationURL: "Asking Open Connectors for the sign-in URL…"
        case .simulatingSignIn: "Signing in to the sandbox…"
        case .submitting: "Creating the instance…"
        }
    }
}

/// A message shown across a step: what happened, what to do, and the service's own words.
public struct Banner: Sendable, Equatable {
    public enum Tone: Sendable, Equatable { case error, warning, info, success }
    public var tone: Tone
    public var lines: [String]
    public init(tone: Tone, lines: [String]) { self.tone = tone; self.lines = lines }

    /// A banner for a failed call.
    public static func failure(_ error: OpenConnectorsError) -> Banner {
        Banner(tone: .error, lines: [error.summary, error.nextStep] + error.details)
    }
}

/// The sign-in URL fetched for a given set of Azure app values.
public struct AuthorizationURL: Sendable, Equatable {
    public var url: String
    public var request: AuthorizationRequest
}

/// The create wizard as a pure state machine: `update(_:)` changes state and returns effects.
public struct CreateWizard: Sendable, Equatable {
    /// Start-up settings.
    public let configuration: WizardConfiguration
    /// The values typed so far, kept across every failure.
    public var form: InstanceForm
    /// Editors (text + cursor) of the text fields, in sync with `form`.
    public var editors: [ParameterID: TextEditor]
    /// The current screen.
    public var step: WizardStep = .connection
    /// The focused element.
    public var focus: Focusable = .hostPreset
    /// Index into `hostPresets`.
    public var presetIndex: Int
    /// Validation messages shown beside fields.
    public var messages: [ParameterID: [Problem]] = [:]
    /// Warnings the user has seen and accepted.
    public var acknowledgedWarnings: Set<Problem> = []
    /// Secret fields shown in clear text.
    public var revealed: Set<ParameterID> = []
    /// Whether the instance token is shown in clear text.
    public var tokenRevealed = false
    /// The open dialog, if any.
    public var modal: Modal?
    /// What is in flight.
    public var busy: BusyReason?
    /// When the current wait began.
    public var busySince: ContinuousClock.Instant?
    /// The latest clock tick.
    public var now: ContinuousClock.Instant?
    /// A message across the current step.
    public var banner: Banner?
    /// A short status note ("Copied to clipboard").
    public var notice: String?
    /// The connection values that passed verification.
    public var verifiedConnection: VerifiedConnection?
    /// The sign-in URL, once fetched.
    public var authorization: AuthorizationURL?
    /// The created instance.
    public var createdInstance: Instance?
    /// The last submit failure.
    public var submitFailure: OpenConnectorsError?
    /// First visible line of the scrolled review or result text.
    public var scrollOffset = 0
    /// Where the result file was saved.
    public var savedPath: String?

    /// The connection values that were verified, so unchanged values are not checked twice.
    public struct VerifiedConnection: Sendable, Equatable {
        public var baseURL: String
        public var credentials: Credentials
    }

    /// A new wizard on its first step.
    public init(configuration: WizardConfiguration) {
        self.configuration = configuration
        var form = InstanceForm()
        for (id, value) in configuration.prefill { form[id] = value }
        self.form = form
        self.editors = Dictionary(uniqueKeysWithValues: ParameterTable.all.map { ($0.id, TextEditor(text: form[$0.id])) })
        let presets = HostPreset.presets(sandboxURL: configuration.sandboxURL)
        let base = form.normalized(.baseURL)
        self.presetIndex = presets.firstIndex { $0.baseURL == base } ?? presets.firstIndex(of: .custom) ?? 0
        // With the connection already filled in (sandbox, environment), Enter goes straight on.
        if Validator.problems(in: form, for: WizardStep.connection.parameters).errors.isEmpty { focus = .action(.next) }
    }

    /// The host presets offered on the connection step.
    public var hostPresets: [HostPreset] { HostPreset.presets(sandboxURL: configuration.sandboxURL) }

    /// The connection values as they are now (what a verification checks).
    public var currentConnection: VerifiedConnection {
        VerifiedConnection(baseURL: form.normalized(.baseURL), credentials: Credentials(form: form))
    }

    /// Whether the wizard runs against the sandbox.
    public var isSandbox: Bool { configuration.sandboxURL != nil }

    /// Whether anything differs from how the wizard started.
    public var hasUserInput: Bool {
        var initial = InstanceForm()
        for (id, value) in configuration.prefill { initial[id] = value }
        return initial != form
    }

    /// Handles one event; returns the effects to run.
    @discardableResult
    public mutating func update(_ event: WizardEvent) -> [Effect] {
        switch event {
        case .tick(let instant):
            now = instant
            if busySince == nil, busy != nil { busySince = instant }
            return []
        case .paste(let text):
            return handlePaste(text)
        case .key(let key):
            if key == .control("c") { return [.quit(status: 130)] }
            notice = nil
            if modal != nil { return handleModalKey(key) }
            if busy != nil { return handleBusyKey(key) }
            return handleKey(key)
        case .response(let result):
            return handle(result)
        }
    }

    /// Marks the start of a wait.
    mutating func beginBusy(_ reason: BusyReason) {
        busy = reason
        busySince = now
        banner = nil
    }
}

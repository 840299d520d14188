import OpenConnectors
import SystemPorts

/// How a journey runs: against what, with which OAuth state, and whether a person is there.
public struct JourneyOptions: Sendable, Equatable {
    /// The sandbox API base when running `--sandbox`; enables "Simulate sign-in".
    public var sandboxURL: String?
    /// The OAuth `state` this run sends and expects back.
    public var oauthState: String
    /// Whether a browser can be opened here; offers "Open in browser".
    public var browserAvailable: Bool
    /// No person answers (batch): checks that only help a person fix values early are skipped,
    /// since the final call reports the same failures.
    public var unattended: Bool
    /// The host this wizard was reached on over SSH (`SSH_CONNECTION`/`SSH_TTY`), for the
    /// port-forwarding advice; `nil` when the session is local.
    public var sshHost: String?
    /// Values chosen before the journey on purpose (a profile, a flag, the environment, a secrets
    /// file) and where each came from; a step whose every answer is settled is passed going forward.
    public var settled: [ParameterID: ValueSource]

    public init(sandboxURL: String? = nil, oauthState: String, browserAvailable: Bool = true, unattended: Bool = false, sshHost: String? = nil,
                settled: [ParameterID: ValueSource] = [:]) {
        self.sandboxURL = sandboxURL; self.oauthState = oauthState
        self.browserAvailable = browserAvailable; self.unattended = unattended; self.sshHost = sshHost
        self.settled = settled
    }
}

/// What the journey is waiting for.
public enum BusyReason: Sendable, Equatable {
    case verifyingCredentials, fetchingAuthorizationURL, simulatingSignIn, submitting, lookingForInstance

    /// The spinner's caption.
    public var caption: String {
        switch self {
        case .verifyingCredentials: "Checking the secrets with Open Connectors…"
        case .fetchingAuthorizationURL: "Asking Open Connectors for the sign-in URL…"
        case .simulatingSignIn: "Signing in to the sandbox…"
        case .submitting: "Creating the instance…"
        case .lookingForInstance: "The answer was lost; looking for the instance it may have created…"
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
    /// When it was fetched (the journey's clock then), for `SignInAge`.
    public var fetchedAt: ContinuousClock.Instant?

    /// The sign-in URL the service returned for `request`, fetched at `fetchedAt`.
    public init(url: String, request: AuthorizationRequest, fetchedAt: ContinuousClock.Instant? = nil) {
        self.url = url; self.request = request; self.fetchedAt = fetchedAt
    }

    /// The `state` a redirect from this sign-in carries: the one in the returned URL, which the
    /// service may have chosen itself (API notes 11.2), or the one asked for when the URL has none.
    public var expectedState: String {
        guard let mark = url.firstIndex(of: "?") else { return request.state }
        let query = url[url.index(after: mark)...].prefix { $0 != "#" }
        return QueryString.parse(query).first { $0.name == "state" }?.value ?? request.state
    }
}

/// The loopback listener the sign-in waits on, and how it fares.
public struct RedirectListener: Sendable, Equatable {
    /// Where it listens.
    public var callback: LoopbackCallback
    /// The `state` it accepts.
    public var expectedState: String
    /// `nil` while starting or listening; why it could not listen otherwise.
    public var failure: ListenFailure?
    /// Whether it accepts connections.
    public var isListening = false
}

/// The connection values that were verified, so unchanged values are not checked twice.
public struct VerifiedConnection: Sendable, Equatable {
    public var baseURL: String
    public var credentials: Credentials

    /// The connection values of a form as they are now.
    public init(form: InstanceForm) {
        baseURL = form.normalized(.baseURL)
        credentials = Credentials(form: form)
    }
}

/// Everything a journey knows: the one truth of every field, where it is, and what came back.
public struct JourneyState: Sendable, Equatable {
    /// How the journey runs.
    public var options: JourneyOptions
    /// The values typed so far, kept across every failure.
    public var form: InstanceForm
    /// Validation messages per field.
    public var messages: [ParameterID: [Problem]] = [:]
    /// Warnings the user has seen and accepted.
    public var acknowledgedWarnings: Set<Problem> = []
    /// The current step.
    public var step: WizardStep
    /// What is in flight.
    public var busy: BusyReason?
    /// A message across the current step.
    public var banner: Banner?
    /// A short status note ("Copied to clipboard").
    public var notice: String?
    /// The field a driver should put the focus on next (set by failure routes), consumed by the driver.
    public var focusRequest: ParameterID?
    /// A value to show the user exactly once (a generated signature key); consumed by the driver.
    public var shownOnce: Secret?
    /// The connection values that passed verification.
    public var verifiedConnection: VerifiedConnection?
    /// The sign-in URL, once fetched.
    public var authorization: AuthorizationURL?
    /// The loopback listener waiting for the browser's redirect, on the sign-in steps.
    public var redirectListener: RedirectListener?
    /// The created instance.
    public var createdInstance: Instance?
    /// The last submit failure (the result step shows it).
    public var submitFailure: OpenConnectorsError?
    /// The last failure of any call, for the batch driver's exit status.
    public var lastFailure: OpenConnectorsError?
    /// A submit whose answer was lost, and what looking for its instance found.
    public var lostAnswer: LostAnswer?
    /// Instances that already carry the name to create (looked up when Review is shown).
    public var sameNameInstances: [Instance] = []
    /// Whether the last step was passed: a child journey has returned its values.
    public var finished = false
    /// The latest clock reading a driver gave (screen ticks, the line driver before each question).
    public var now: ContinuousClock.Instant?

    /// A state on `step` with `form`.
    public init(options: JourneyOptions, form: InstanceForm, step: WizardStep) {
        self.options = options; self.form = form; self.step = step
    }

    /// Whether the journey runs against the sandbox.
    public var isSandbox: Bool { options.sandboxURL != nil }

    /// The connection values as they are now (what a verification checks).
    public var currentConnection: VerifiedConnection { VerifiedConnection(form: form) }

    /// The OAuth state a pasted redirect must carry: the one the fetched sign-in URL carries.
    public var expectedState: String? { authorization?.expectedState }

    /// What the sign-in URL is asked for with, from the current values.
    public var authorizationRequest: AuthorizationRequest {
        AuthorizationRequest(
            baseURL: form.normalized(.baseURL), credentials: Credentials(form: form),
            apiKey: form.normalized(.apiKey), apiSecret: form.secret(.apiSecret),
            callbackURL: form.normalized(.callbackURL), scope: form.normalized(.scope),
            state: options.oauthState)
    }

    /// Marks the start of a wait.
    public mutating func beginBusy(_ reason: BusyReason) {
        busy = reason
        banner = nil
    }

    /// The problems shown for a field.
    public func problems(for id: ParameterID) -> [Problem] { messages[id] ?? [] }

    /// Sets a field's value; a change clears its messages.
    public mutating func set(_ id: ParameterID, to value: String) {
        if form[id] != value { messages[id] = nil }
        form[id] = value
    }

    /// Validates one field as a driver leaves it (empty fields are flagged when the step is left).
    public mutating func check(_ id: ParameterID) {
        guard !form.normalized(id).isEmpty else { return }
        messages[id] = Validator.problems(of: id, in: form, expectedState: expectedState)
    }
}

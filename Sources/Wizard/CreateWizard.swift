import OpenConnectors

/// How the wizard starts: sandbox or not, pre-filled values and where they came from.
public struct WizardConfiguration: Sendable, Equatable {
    /// The sandbox API base when running `--sandbox`; enables "Simulate sign-in".
    public var sandboxURL: String?
    /// Values to start with, over the parameter table's defaults.
    public var prefill: [ParameterID: String]
    /// Where each pre-filled value came from, shown beside the field.
    public var prefillSources: [ParameterID: ValueSource]
    /// The OAuth `state` this run sends and expects back.
    public var oauthState: String
    /// Whether a browser can be opened here (a display, or `$BROWSER`); offers "Open in browser".
    public var browserAvailable: Bool
    /// The host this run was reached on over SSH, for the port-forwarding advice; `nil` when local.
    public var sshHost: String?

    public init(sandboxURL: String? = nil, prefill: [ParameterID: String] = [:], prefillSources: [ParameterID: ValueSource] = [:],
                oauthState: String, browserAvailable: Bool = true, sshHost: String? = nil) {
        self.sandboxURL = sandboxURL; self.prefill = prefill; self.prefillSources = prefillSources
        self.oauthState = oauthState; self.browserAvailable = browserAvailable; self.sshHost = sshHost
    }

    /// The journey options for a person at the screen or the line prompts.
    public var journeyOptions: JourneyOptions {
        JourneyOptions(sandboxURL: sandboxURL, oauthState: oauthState, browserAvailable: browserAvailable, sshHost: sshHost,
                       settled: prefillSources.filter { prefill[$0.key] != nil && $0.value.isDeliberate })
    }

    /// The form as the wizard starts: the table's defaults under the pre-filled values.
    public var initialForm: InstanceForm {
        var form = InstanceForm()
        for (id, value) in prefill { form[id] = value }
        return form
    }
}

/// What Esc on a journey's first step means.
public enum FirstStepBack: Sendable, Equatable {
    /// Quit the program (asking first when something was typed).
    case quit
    /// Leave the journey: the parent screen takes over (recover's re-authentication).
    case leave
}

/// The screen driver's state for one journey: the journey plus focus, cursors, dialogs and scrolling.
///
/// Everything about the flow lives in `journey`; this type only knows keys and what is on screen.
public struct CreateWizard: Sendable, Equatable {
    /// Start-up settings.
    public let configuration: WizardConfiguration
    /// The steps and every value: the one truth of each field.
    public var journey: Journey
    /// What Esc on the first step does.
    public var firstStepBack: FirstStepBack
    /// Whether the user left the journey by its first step's Back (`firstStepBack == .leave`).
    public var left = false
    /// Cursor position per text field, in graphemes; the text itself is the form's.
    public var cursors: [ParameterID: Int] = [:]
    /// The focused element.
    public var focus: Focusable = .hostPreset
    /// Index into `hostPresets`.
    public var presetIndex: Int
    /// Secret fields shown in clear text.
    public var revealed: Set<ParameterID> = []
    /// Whether the instance token is shown in clear text.
    public var tokenRevealed = false
    /// The open dialog, if any.
    public var modal: Modal?
    /// When the current wait began, and the latest clock tick.
    public var busySince: ContinuousClock.Instant?
    public var now: ContinuousClock.Instant?
    /// First visible line of the scrolled review or result text.
    public var scrollOffset = 0
    /// Where the result file was saved.
    public var savedPath: String?

    /// A wizard on the first step of `steps` (the create journey by default).
    public init(configuration: WizardConfiguration, steps: [any FlowStep] = CreateJourney.steps, firstStepBack: FirstStepBack = .quit) {
        self.configuration = configuration
        self.firstStepBack = firstStepBack
        journey = Journey(steps: steps, options: configuration.journeyOptions, form: configuration.initialForm)
        let presets = HostPreset.presets(sandboxURL: configuration.sandboxURL)
        let base = journey.state.form.normalized(.baseURL)
        presetIndex = presets.firstIndex { $0.baseURL == base } ?? presets.firstIndex(of: .custom) ?? 0
        let effects = journey.start()
        precondition(effects.isEmpty, "a screen journey starts on a step without a call")
        // With the connection already filled in (sandbox, environment, last run), Enter goes straight on.
        focusFirst()
    }

    // MARK: The journey's state, as the views read it

    /// The values typed so far.
    public var form: InstanceForm {
        get { journey.state.form }
        set { journey.state.form = newValue }
    }
    /// The current step.
    public var step: WizardStep { journey.state.step }
    /// What is in flight.
    public var busy: BusyReason? { journey.state.busy }
    /// A message across the current step.
    public var banner: Banner? { journey.state.banner }
    /// A short status note.
    public var notice: String? {
        get { journey.state.notice }
        set { journey.state.notice = newValue }
    }
    /// The sign-in URL, once fetched.
    public var authorization: AuthorizationURL? { journey.state.authorization }
    /// The created instance.
    public var createdInstance: Instance? { journey.state.createdInstance }
    /// The last submit failure.
    public var submitFailure: OpenConnectorsError? { journey.state.submitFailure }
    /// Whether the wizard runs against the sandbox.
    public var isSandbox: Bool { configuration.sandboxURL != nil }
    /// The host presets offered on the connection step.
    public var hostPresets: [HostPreset] { HostPreset.presets(sandboxURL: configuration.sandboxURL) }
    /// The current step's position ("Step N of M"): number and count.
    public var position: (number: Int, count: Int) { (journey.index + 1, journey.steps.count) }

    /// The text and cursor of a field.
    public func editor(for id: ParameterID) -> TextEditor {
        var editor = TextEditor(text: form[id])
        if let cursor = cursors[id] { editor.cursor = min(cursor, editor.text.count) }
        return editor
    }

    /// Whether anything differs from how the wizard started.
    public var hasUserInput: Bool { configuration.initialForm != form }

    /// Starts past the connection step when its values were verified already (recover hands over to create).
    public mutating func continueWithVerifiedConnection() {
        guard step == .connection else { return }
        journey.state.verifiedConnection = journey.state.currentConnection
        _ = drive { $0.goOn() }
    }

    // MARK: Events

    /// Handles one event; returns the effects to run.
    @discardableResult
    public mutating func update(_ event: WizardEvent) -> [Effect] {
        switch event {
        case .tick(let instant):
            now = instant
            if busySince == nil, busy != nil { busySince = instant }
            let wasExpired = SignInAge.isExpired(journey.state)
            journey.state.now = instant
            // The code just expired: Enter now gets a new sign-in (one key).
            if !wasExpired, SignInAge.isExpired(journey.state), modal == nil, focusables.contains(.action(.newSignIn)) { focus = .action(.newSignIn) }
            return []
        case .paste(let text):
            return handlePaste(text)
        case .key(let key):
            if key == .control("c") { return [.quit(status: ExitCode.cancelled)] }
            notice = nil
            if modal != nil { return handleModalKey(key) }
            if busy != nil { return handleBusyKey(key) }
            return handleKey(key)
        case .response(let result):
            if case .fileSaved(let outcome) = result {
                let saved = SaveDialog.outcome(outcome)
                modal = saved.dialog.map(Modal.save)
                savedPath = saved.savedPath ?? savedPath
                notice = saved.notice
                return []
            }
            return drive { $0.receive(result) }
        }
    }

    /// Runs a journey call and brings focus, dialogs and the spinner up to date with it.
    mutating func drive(_ body: (inout Journey) -> [Effect]) -> [Effect] {
        let before = step
        let wasBusy = busy != nil
        let effects = body(&journey)
        if busy != nil, !wasBusy { busySince = now }
        if step != before {
            scrollOffset = 0
            focusFirst()
        } else if wasBusy, busy == nil {
            // The wait ended on the same step: its buttons are back (a sign-in URL, Try again).
            focusFirst()
        }
        if let key = journey.state.shownOnce {
            journey.state.shownOnce = nil
            // Shown once on purpose: the user must store the generated key.
            modal = .newSignatureKey(key.revealed)
        }
        if let requested = journey.state.focusRequest {
            journey.state.focusRequest = nil
            if focusables.contains(.field(requested)) { focus = .field(requested) }
        }
        repairFocus()
        return effects
    }
}

/// Exit statuses the flows ask for.
public enum ExitCode {
    /// The run ended as the user wanted.
    public static let success: Int32 = 0
    /// The user cancelled before anything was created (as after Ctrl-C).
    public static let cancelled: Int32 = 130
}

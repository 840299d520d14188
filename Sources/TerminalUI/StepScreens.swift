import OpenConnectors
import Wizard

/// The scrollable content of each step, as lines.
struct StepScreens {
    let state: CreateWizard
    let theme: Theme
    let width: Int
    var widgets: Widgets { Widgets(state: state, theme: theme, width: width) }

    /// The lines of the current step.
    func lines() -> [ScreenLine] {
        switch state.step {
        case .connection: connection()
        case .azureApp: azureApp()
        case .authorize: authorize()
        case .grantCode: grantCode()
        case .events: events()
        case .instance: instance()
        case .review: ReviewScreen(state: state, theme: theme, width: width).lines()
        case .submitting: submitting()
        case .result: ResultScreen(state: state, theme: theme, width: width).lines()
        default: genericStep()
        }
    }

    /// The step's own heading and introduction, as every driver shows them.
    private func intro() -> [ScreenLine] {
        let intro = state.journey.intro
        return [.text(intro.heading, theme.heading)] + ScreenLine.paragraph(intro.text, theme.help, width: width) + [.blank]
    }

    /// A step without a screen of its own: its introduction, fields and buttons.
    private func genericStep() -> [ScreenLine] {
        intro() + widgets.banner() + state.journey.fields.flatMap(widgets.field) + [.blank, widgets.stepButtons()] + widgets.busyLine()
    }

    private func connection() -> [ScreenLine] {
        var lines = intro()
        lines += widgets.banner()
        lines += widgets.hostPicker()
        if state.focusables.contains(.field(.baseURL)) { lines += widgets.field(.baseURL) }
        lines += widgets.field(.userSecret) + widgets.field(.organizationSecret)
        return lines + [.blank, widgets.stepButtons()] + widgets.busyLine()
    }

    private func azureApp() -> [ScreenLine] {
        var lines = intro()
        lines += widgets.banner()
        for id in state.journey.fields { lines += widgets.field(id) }
        return lines + [.blank, widgets.stepButtons()]
    }

    private func authorize() -> [ScreenLine] {
        var lines = intro()
        lines += widgets.banner()
        if state.busy != nil { return lines + widgets.busyLine() }
        guard let url = state.authorization?.url else { return lines + [widgets.stepButtons()] }
        lines += TextLayout.hardWrap(url, width: max(10, width - 4)).map { ScreenLine.text($0, theme.code) }
        lines.append(.blank)
        lines += ScreenLine.paragraph("Microsoft then sends the browser to your callback URL with ?code=… in the address (the page itself may not load; that is fine). Copy the whole address from the address bar: you paste it on the next step. Codes expire after about 10 minutes.", theme.help, width: width)
        lines.append(.blank)
        lines.append(widgets.stepButtons())
        return lines
    }

    private func grantCode() -> [ScreenLine] {
        var lines = intro()
        lines += widgets.banner()
        lines += widgets.field(.code)
        let pasted = state.form[.code]
        // "Code found" only when the whole value passes (a redirect to another address does not).
        let expected = state.authorization?.expectedState
        if !pasted.isEmpty, Validator.problems(of: .code, in: state.form, expectedState: expected).errors.isEmpty,
           case .success(let grant) = GrantCode.parse(pasted, expectedState: expected) {
            let shown = state.revealed.contains(.code) ? grant.code : String(repeating: "•", count: min(grant.code.count, 32))
            var detail = "Code found: \(shown) (\(grant.code.count) characters)"
            if grant.state != nil { detail += ", state matches" }
            lines.append(.blank)
            lines += ScreenLine.paragraph("✓ " + detail, theme.success, width: width)
        }
        return lines + [.blank, widgets.stepButtons()]
    }

    private func events() -> [ScreenLine] {
        var lines = intro()
        lines += widgets.banner()
        lines += widgets.field(.eventsEnabled)
        if state.form.eventsEnabled {
            lines += widgets.field(.eventsCallbackURL) + widgets.field(.signatureKey)
        }
        return lines + [.blank, widgets.stepButtons()]
    }

    private func instance() -> [ScreenLine] {
        var lines = intro()
        lines += widgets.banner()
        lines += widgets.field(.name) + widgets.field(.tags)
        return lines + [.blank, widgets.stepButtons()]
    }

    private func submitting() -> [ScreenLine] {
        let elapsed = Spinner.elapsed(state)
        return [.text("\(Spinner.frame(state)) Creating the instance… \(elapsed)", theme.info), .blank,
                .text("Esc cancels the request.", theme.help)]
    }
}

/// The spinner frame and elapsed time, derived from the clock ticks in the state.
enum Spinner {
    static let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    /// The frame for the time waited so far.
    static func frame(_ state: CreateWizard) -> Character {
        frame(since: state.busySince, now: state.now)
    }

    /// The frame for a wait that began at `since`.
    static func frame(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> Character {
        frames[tenths(since: since, now: now) % frames.count]
    }

    /// "1.2 s".
    static func elapsed(_ state: CreateWizard) -> String {
        elapsed(since: state.busySince, now: state.now)
    }

    /// "1.2 s" since `since`.
    static func elapsed(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> String {
        let value = tenths(since: since, now: now)
        return "\(value / 10).\(value % 10) s"
    }

    private static func tenths(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> Int {
        guard let since, let now, now > since else { return 0 }
        let duration = now - since
        return Int(duration.components.seconds * 10 + duration.components.attoseconds / 100_000_000_000_000_000)
    }
}

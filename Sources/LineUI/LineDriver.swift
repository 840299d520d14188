import OpenConnectors
import Wizard

/// Runs a journey as plain prompts: for screen readers, `TERM=dumb`, pipes and `--plain`.
///
/// Every step's fields, buttons, calls and failure routes come from the journey, as on the screen.
/// Any step can be gone back to (`<` at a field, `back` or `step N` at a step's menu), and every
/// value is kept whatever happens.
public struct LineDriver {
    let io: any LineIO
    let performer: any EffectPerformer
    /// Values that came from the last run's setup: their prompts say so while they are unchanged.
    let lastRun: [ParameterID: String]
    /// The clock the sign-in's age is read from (tests inject one).
    let clock: @Sendable () -> ContinuousClock.Instant

    public init(io: any LineIO, performer: any EffectPerformer, lastRun: [ParameterID: String] = [:],
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.io = io; self.performer = performer; self.lastRun = lastRun; self.clock = clock
    }

    /// Why a question got no answer: input ended, or the browser came back while it was open.
    enum NoAnswer: Error { case endOfInput, browserCameBack }

    /// The sign-in listener, when the journey asks for one.
    let watch = RedirectWatch()

    /// What the user answered at a field.
    enum FieldAnswer { case kept, back }

    /// What the user chose at a step's menu.
    enum Choice: Equatable { case action(WizardAction), back, step(Int), quit }

    /// Runs `journey` from its first step until it finishes, the user quits or gives up, or input ends.
    public func run(_ journey: inout Journey) async -> LineOutcome {
        io.say("Answer each question and press Enter; Enter alone keeps a value shown in [brackets]. Secrets are not echoed.")
        io.say("Type ? for help on a question, < to go back a step.")
        return await resume(&journey, effects: journey.start())
    }

    /// Goes on with `journey` where it is (after a failure route), running `effects` first.
    public func resume(_ journey: inout Journey, effects: [Effect]) async -> LineOutcome {
        var pending = effects
        while true {
            do throws(NoAnswer) {
                let outcome = try await walk(&journey, effects: pending)
                await watch.stop(performer)
                return outcome
            } catch .browserCameBack {
                // The question gave way: the journey takes the browser's answer and goes on.
                pending = []
            } catch {
                await watch.stop(performer)
                return .endOfInput
            }
        }
    }

    private func walk(_ journey: inout Journey, effects: [Effect]) async throws(NoAnswer) -> LineOutcome {
        await perform(effects, on: &journey)
        await absorbRedirects(&journey)
        var shownStep: WizardStep?
        var shownBanner: Banner?
        var onlyFields: Set<ParameterID>?
        var shownDetails: [String] = []
        var shownAge: String?
        // The sign-in URL the browser was opened with: Enter opens it once, then goes on.
        var openedURL: String?
        while true {
            journey.state.now = clock()
            await absorbRedirects(&journey)
            if journey.state.finished { return .finished }
            if journey.state.step != shownStep {
                shownStep = journey.state.step
                shownBanner = nil
                onlyFields = nil
                header(journey)
                shownAge = SignInAge(journey.state)?.text
                // Messages a failure route left on the step's fields (a refused secret).
                for id in journey.current.checked { for line in LinePresentation.problems(journey.state.problems(for: id)) { io.say(line) } }
            }
            if let banner = journey.state.banner, banner != shownBanner {
                shownBanner = banner
                for line in LinePresentation.banner(banner) { io.say(line) }
            }
            flushNotes(&journey)
            if journey.current.isFinal {
                if let outcome = try await result(&journey) { return outcome }
                continue
            }

            // The sign-in's age as it changes; once the code expired, the menu (Enter: New sign-in)
            // comes before the code is asked again.
            if let age = SignInAge(journey.state), age.text != shownAge {
                shownAge = age.text
                io.say("  " + age.text)
                if age.level == .expired, journey.actions.contains(.newSignIn) { onlyFields = [] }
            }

            // The step's fields.
            var back = false
            var index = 0
            while index < journey.fields.count {
                let id = journey.fields[index]
                index += 1
                if let only = onlyFields, !only.contains(id) { continue }
                if try ask(id, &journey) == .back { back = true; break }
            }
            if back {
                if !journey.goBack(), try confirmQuit(journey) { return .quit }
                continue
            }
            let details = self.details(journey)
            if details != shownDetails {
                shownDetails = details
                for line in details { io.say(line) }
            }

            // Its buttons: Next alone goes straight on. "Use a loopback callback" is a screen
            // shortcut; here the callback URL's own prompt (and its help) takes the loopback URL.
            let step = journey.state.step
            let actions = journey.actions.filter { $0 != .useLoopbackCallback }
            // While the wizard listens for the browser, Enter opens it (once), as on screen.
            let opensBrowser = journey.state.redirectListener?.isListening == true && openedURL != journey.state.authorization?.url
            let choice: Choice = actions == [.next] ? .action(.next) : try menu(actions, journey, preferring: opensBrowser ? .openBrowser : nil)
            switch choice {
            case .back:
                if !journey.goBack(), try confirmQuit(journey) { return .quit }
                continue
            case .quit:
                if try confirmQuit(journey) { return .quit }
                continue
            case .step(let number):
                await perform(journey.show(journey.stepIDs[number - 1]), on: &journey)
                continue
            case .action(let action):
                if action == .openBrowser { openedURL = journey.state.authorization?.url }
                await perform(journey.press(action), on: &journey)
                // Another button (Generate key, Open in browser) keeps the step: show its menu again.
                guard action == .next, journey.state.step == step, !journey.state.finished else {
                    if journey.state.step == step { onlyFields = [] }
                    continue
                }
                // Next did not go on: say why, and ask again only what needs it.
                let problems = journey.current.checked.flatMap { journey.state.problems(for: $0) }
                for line in LinePresentation.problems(problems) { io.say(line) }
                let errors = problems.filter { $0.severity == .error }.map(\.parameter)
                onlyFields = errors.isEmpty ? [] : Set(errors)
                if errors.isEmpty, !problems.isEmpty {
                    flushNotes(&journey)
                    if try confirm("Continue anyway?", default: false) {
                        await perform(journey.goOn(), on: &journey)
                    } else {
                        onlyFields = Set(problems.map(\.parameter))
                    }
                }
            }
        }
    }

    /// "Step N of M · title" and the step's introduction.
    private func header(_ journey: Journey) {
        io.say("")
        io.say("Step \(journey.index + 1) of \(journey.steps.count) · \(journey.state.step.title)")
        let intro = journey.intro
        io.say(intro.heading)
        if !intro.text.isEmpty { io.say(intro.text) }
    }

    /// What a step shows besides its fields: the sign-in URL, the review.
    private func details(_ journey: Journey) -> [String] {
        switch journey.state.step {
        case .authorize:
            guard let url = journey.state.authorization?.url else { return [] }
            return [url, "Microsoft then sends the browser to your callback URL with ?code=… in the address; copy that whole address for the next step. Codes expire after about 10 minutes."]
        case .review:
            return LinePresentation.review(journey.state.form)
        default:
            return []
        }
    }

    /// The result: the instance (token only when asked for), or the failure and where to fix it.
    private func result(_ journey: inout Journey) async throws(NoAnswer) -> LineOutcome? {
        if let instance = journey.state.createdInstance {
            for line in InstanceSummary.lines(instance, baseURL: journey.state.form.normalized(.baseURL)) { io.say(line) }
            if try confirm("Show the token now?", default: false) {
                io.say("  token: \(TextSafety.visible(instance.revealedToken))")
            }
            if let request = ResultStep.testEvent(journey.state),
               try confirm("Send a signed test event to \(TextSafety.visible(Redaction.url(request.url))) now?", default: false) {
                await LinePresentation.sendTestEvent(request, performer: performer, io: io)
            }
            return .finished
        }
        let failure = journey.state.submitFailure
        let choice = try menu(journey.actions, journey)
        switch choice {
        case .quit:
            return failure.map(LineOutcome.failed) ?? .quit
        case .back:
            _ = journey.goBack()
        case .step(let number):
            await perform(journey.show(journey.stepIDs[number - 1]), on: &journey)
        case .action(.quit):
            return failure.map(LineOutcome.failed) ?? .quit
        case .action(let action):
            io.say("Every other value is kept.")
            await perform(journey.press(action), on: &journey)
        }
        return nil
    }

    /// Asks for one field until its value passes (warnings need a yes).
    private func ask(_ id: ParameterID, _ journey: inout Journey) throws(NoAnswer) -> FieldAnswer {
        let row = ParameterTable[id]
        while true {
            if row.kind == .boolean {
                journey.state.form.eventsEnabled = try confirm("\(row.label) on?", default: journey.state.form.eventsEnabled)
                return .kept
            }
            let current = journey.state.form.normalized(id)
            let mark = !current.isEmpty && lastRun[id] == journey.state.form[id] ? " [last run]" : ""
            let shown = current.isEmpty ? "" : " [\(row.isSecret ? "set, hidden" : TextSafety.visible(current))]\(mark)"
            let optional = Validator.isRequired(row, in: journey.state.form) ? "" : " (optional)"
            let prompt = "\(row.label)\(optional)\(shown): "
            guard let answer = try interruptible(prompt, secret: row.isSecret) else { throw NoAnswer.endOfInput }
            switch Normalizer.trim(answer) {
            case "?":
                io.say("  \(row.help) (\(row.wireKey))")
                continue
            case "<":
                return .back
            case "":
                break
            default:
                journey.state.set(id, to: answer)
            }
            journey.state.check(id)
            let problems = journey.state.problems(for: id)
            for line in LinePresentation.problems(problems) { io.say(line) }
            if problems.contains(where: { $0.severity == .error }) { continue }
            let fresh = problems.filter { !journey.state.acknowledgedWarnings.contains($0) }
            if !fresh.isEmpty {
                guard try confirm("Continue anyway?", default: false) else { continue }
                journey.state.acknowledgedWarnings.formUnion(fresh)
            }
            return .kept
        }
    }

    /// A step's buttons as a menu: Enter takes New sign-in when offered, else `preferred` when
    /// offered, else Next, else the first; the others by name.
    private func menu(_ actions: [WizardAction], _ journey: Journey, preferring preferred: WizardAction? = nil) throws(NoAnswer) -> Choice {
        let offered = actions.filter { $0 != .copyURL && $0 != .back }
        let primary: WizardAction = if offered.contains(.newSignIn) { .newSignIn }
            else if let preferred, offered.contains(preferred) { preferred }
            else if offered.contains(.next) { .next }
            else { offered.first ?? .next }
        let others = offered.filter { $0 != primary }.map { $0.label.lowercased() }
        let earlier = journey.index > 0 ? ", step N (1–\(journey.index)) to change an earlier step" : ""
        while true {
            let extra = others.isEmpty ? "" : "; or type " + others.joined(separator: ", ")
            guard let reply = try interruptible("Enter: \(primary.label.lowercased())\(extra); back\(earlier); quit: ") else { throw NoAnswer.endOfInput }
            let typed = Normalizer.trim(reply).lowercased()
            if typed.isEmpty { return .action(primary) }
            if typed == "back" || typed == "<" { return .back }
            if typed == "quit" || typed == "q" { return .quit }
            if let number = Int(typed.hasPrefix("step") ? Normalizer.trim(String(typed.dropFirst(4))) : typed), (1...max(1, journey.index)).contains(number), journey.index > 0 {
                return .step(number)
            }
            if let action = offered.first(where: { $0.label.lowercased().hasPrefix(typed) }) { return .action(action) }
            io.say("  Press Enter for \(primary.label.lowercased()), or type one of: \((others + ["back", "quit"]).joined(separator: ", ")).")
        }
    }

    /// Asks a question (without echo for a secret) that gives way when the browser comes back to
    /// the sign-in listener; `nil` at the end of input.
    private func interruptible(_ prompt: String, secret: Bool = false) throws(NoAnswer) -> String? {
        let watch = self.watch
        let comeBack = { watch.browserCameBack }
        switch secret ? io.askSecret(prompt, until: comeBack) : io.ask(prompt, until: comeBack) {
        case .line(let text): return text
        case .endOfInput: return nil
        case .interrupted: throw NoAnswer.browserCameBack
        }
    }

    /// Feeds what the sign-in listener reported to the journey: listening (and where), a port in
    /// use, Microsoft's refusal, or the code, after which the journey goes on by itself.
    private func absorbRedirects(_ journey: inout Journey) async {
        for result in watch.take() {
            let effects = journey.receive(result)
            if case .redirectListening(.success) = result {
                for line in AuthorizeStep.waitingText(journey.state) { io.say("  " + line) }
            }
            await perform(effects, on: &journey)
        }
    }

    /// Asks before quitting when something was typed.
    private func confirmQuit(_ journey: Journey) throws(NoAnswer) -> Bool {
        try confirm("Quit? Nothing is created and what you typed is not kept.", default: false)
    }

    private func confirm(_ question: String, default answer: Bool) throws(NoAnswer) -> Bool {
        while true {
            guard let reply = io.ask("\(question) [\(answer ? "Y/n" : "y/N")] ") else { throw NoAnswer.endOfInput }
            switch Normalizer.trim(reply).lowercased() {
            case "": return answer
            case "y", "yes": return true
            case "n", "no": return false
            default: io.say("  Answer y or n.")
            }
        }
    }

    /// Prints and clears the journey's notice and any value shown once.
    private func flushNotes(_ journey: inout Journey) {
        if let notice = journey.state.notice {
            io.say("  \(notice)")
            journey.state.notice = nil
        }
        if let once = journey.state.shownOnce {
            io.say("  Store this now; it is shown only this once: \(once.revealed)")
            journey.state.shownOnce = nil
        }
    }

    /// Runs effects, saying what is being waited for; the sign-in listener runs beside the prompts.
    private func perform(_ effects: [Effect], on journey: inout Journey) async {
        journey.state.now = clock()
        if let busy = journey.state.busy { io.say(busy.caption) }
        var listening: [Effect] = []
        await journey.run(effects, with: performer) { effect in
            if effect == .stopListening { listening.append(effect) }
            if case .listenForRedirect = effect { listening.append(effect) }
        }
        for effect in listening { await watch.handle(effect, with: performer) }
        flushNotes(&journey)
    }
}

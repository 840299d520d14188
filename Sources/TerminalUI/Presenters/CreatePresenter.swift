import OpenConnectors
import Wizard

/// Turns a create wizard's state into the props of its screen: the one place where the screen
/// driver's state meets the widgets, and where what they show is decided (validity, masking,
/// status texts). Re-authentication and recover's connection step use it with their own header.
enum CreatePresenter {
    /// The whole screen, under `header` (the create wizard's by default).
    static func frame(_ state: CreateWizard, header: TitleBar.Props? = nil, overlay: BusyLine.Props? = nil) -> ScreenFrame.Props {
        ScreenFrame.Props(header: header ?? self.header(state), body: .step(body(state, overlay: overlay)),
                          footer: footer(state), dialog: state.modal.map { DialogPresenter.create($0, state) })
    }

    /// "ocwizard · new Microsoft Graph instance" and "Step N of 9 · title".
    static func header(_ state: CreateWizard) -> TitleBar.Props {
        TitleBar.Props(title: "new Microsoft Graph instance" + (state.isSandbox ? " · SANDBOX" : ""),
                       position: "Step \(state.position.number) of \(state.position.count) · \(state.step.title)")
    }

    /// The step's content, how it scrolls, and its pinned buttons on review and result.
    static func body(_ state: CreateWizard, overlay: BusyLine.Props? = nil) -> StepBody.Props {
        let scrollsByHand = state.step == .review || state.step == .result
        return StepBody.Props(content: content(state), scroll: scrollsByHand ? .offset(state.scrollOffset) : .followFocus,
                              pinnedButtons: scrollsByHand ? buttons(state) : nil, overlay: overlay)
    }

    /// Help on the focused field (and where its value came from), the notice and the keys in force.
    static func footer(_ state: CreateWizard) -> Footer.Props {
        let helpText = state.helpSubject.map { id in
            let row = ParameterTable[id]
            let text = "\(row.label) (\(row.wireKey)): \(row.help)"
            return state.source(of: id).map { "[pre-filled from \($0)] " + text } ?? text
        }
        return Footer.Props(helpText: helpText, notice: state.notice, helpBar: HelpBar.Props(state.helpBarItems))
    }

    /// The current step's content.
    static func content(_ state: CreateWizard) -> StepContent {
        switch state.step {
        case .authorize: .authorize(authorize(state))
        case .review: .review(review(state))
        case .submitting: .submitting(SubmittingScreen.Props(frame: Spinner.frame(since: state.busySince, now: state.now),
                                                              caption: state.busy?.caption ?? BusyReason.submitting.caption,
                                                              elapsed: Spinner.elapsed(since: state.busySince, now: state.now)))
        case .result: .result(result(state))
        default: .form(form(state))
        }
    }

    // MARK: Parts every step shares

    /// The step's heading and introduction, as every driver shows them.
    static func intro(_ state: CreateWizard) -> StepHeader.Props {
        let intro = state.journey.intro
        return StepHeader.Props(heading: intro.heading, text: intro.text)
    }

    /// The step's buttons, with the focused one.
    static func buttons(_ state: CreateWizard) -> ButtonRow.Props {
        let actions = state.focusables.compactMap { item -> WizardAction? in
            if case .action(let action) = item { return action }
            return nil
        }
        return ButtonRow.Props(labels: actions.map(\.label), focused: actions.firstIndex { state.focus == .action($0) })
    }

    /// The spinner line while the journey waits for a call.
    static func busy(_ state: CreateWizard) -> BusyLine.Props? {
        state.busy.map {
            BusyLine.Props(frame: Spinner.frame(since: state.busySince, now: state.now), caption: $0.caption,
                           elapsed: Spinner.elapsed(since: state.busySince, now: state.now))
        }
    }
}

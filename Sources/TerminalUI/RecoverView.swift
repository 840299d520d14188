import OpenConnectors
import Wizard

extension RecoverWizard: LoopProgram {
    public func render(width: Int, height: Int, theme: Theme) -> CellBuffer {
        RecoverView(theme: theme).render(self, width: width, height: height)
    }

    public var isBusy: Bool {
        if case .loading = listing { return true }
        return busy != nil || child?.busy != nil
    }
}

/// Renders `ocwizard recover`: the shared connection step, the instance table, the detail screen.
public struct RecoverView {
    let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    /// Draws the state into a new buffer.
    public func render(_ state: RecoverWizard, width: Int, height: Int) -> CellBuffer {
        let forms = WizardView(theme: theme)
        switch state.screen {
        case .connection:
            return forms.render(state.connectionJourney, width: width, height: height, header: .init(title: title(state), position: "Recover · Connection"))
        case .reauthenticate:
            guard let child = state.signInJourney else { return CellBuffer(width: width, height: height) }
            let name = state.detail?.name ?? ""
            let (number, count) = child.position
            var buffer = forms.render(child, width: width, height: height,
                                      header: .init(title: "re-authenticate \(name)", position: "Re-authenticate \(number) of \(count) · \(child.step.title)"))
            if state.busy == .reauthenticating, width >= WizardView.minimumWidth, height >= WizardView.minimumHeight {
                buffer.write(String(repeating: " ", count: width - 4), column: 2, row: height - 8)
                buffer.write("\(spinner(state)) \(RecoverBusy.reauthenticating.caption)  (Esc cancels)", column: 2, row: height - 8, style: theme.info)
            }
            return buffer
        case .instances, .detail:
            var buffer = CellBuffer(width: width, height: height)
            guard width >= WizardView.minimumWidth, height >= WizardView.minimumHeight else {
                forms.drawTooSmall(into: &buffer)
                return buffer
            }
            if state.screen == .instances {
                forms.drawTitleBar(.init(title: title(state), position: "Recover · Instances"), into: &buffer)
                InstanceTableView(state: state, theme: theme).draw(into: &buffer)
                forms.drawFooter(helpText: "Type to filter by name, id or tag; Enter shows the instance and its token. Tab changes the sort, Shift-Tab reverses it.",
                                 notice: state.notice, helpBar: state.modal.map(dialogKeys) ?? state.listBindings.helpBar(),
                                 into: &buffer)
            } else {
                let title = state.detail.map { "Recover · Instance \($0.id)" } ?? "Recover · Instance"
                forms.drawTitleBar(.init(title: self.title(state), position: title), into: &buffer)
                InstanceDetailView(state: state, theme: theme).draw(into: &buffer)
                forms.drawFooter(helpText: "The token authorizes calls as: Authorization: User …, Organization …, Element <token>. Ctrl-R shows it; Copy puts it on the clipboard.",
                                 notice: state.notice, helpBar: state.modal.map(dialogKeys) ?? state.detailBindings.helpBar(),
                                 into: &buffer)
            }
            if let modal = state.modal { RecoverModalView(theme: theme).draw(modal, state: state, into: &buffer) }
            return buffer
        }
    }

    /// "recover an instance", marked when it runs against the sandbox.
    private func title(_ state: RecoverWizard) -> String {
        "recover an instance" + (state.isSandbox ? " · SANDBOX" : "")
    }

    /// The keys of an open dialog, for the help bar.
    private func dialogKeys(_ modal: RecoverModal) -> [(key: String, action: String)] {
        switch modal {
        case .help: [("any key", "close help")]
        case .confirmDelete: [("Enter", "delete"), ("Esc", "keep it")]
        case .save(.path): [("Enter", "save"), ("Esc", "cancel")]
        case .save(.confirmOverwrite): [("y", "replace"), ("n", "another name")]
        }
    }

    private func spinner(_ state: RecoverWizard) -> Character {
        Spinner.frame(since: state.busySince, now: state.now)
    }
}

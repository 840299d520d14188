import OpenConnectors
import Wizard

/// Turns `ocwizard recover`'s state into the props of its screens: the connection and
/// re-authentication steps (through `CreatePresenter`), the instance table and the detail.
enum RecoverPresenter {
    /// The screen for a terminal `height` rows tall (the table shows only the rows that fit);
    /// `nil` while re-authentication has no journey to show.
    static func frame(_ state: RecoverWizard, height: Int) -> ScreenFrame.Props? {
        switch state.screen {
        case .connection:
            return CreatePresenter.frame(state.connectionJourney, header: TitleBar.Props(title: title(state), position: "Recover · Connection"))
        case .reauthenticate:
            guard let child = state.signInJourney else { return nil }
            let (number, count) = child.position
            let header = TitleBar.Props(title: "re-authenticate \(state.detail?.name ?? "")",
                                        position: "Re-authenticate \(number) of \(count) · \(child.step.title)")
            let overlay = state.busy == .reauthenticating ? busy(.reauthenticating, state) : nil
            return CreatePresenter.frame(child, header: header, overlay: overlay)
        case .instances:
            return ScreenFrame.Props(
                header: TitleBar.Props(title: title(state), position: "Recover · Instances"),
                body: .instances(table(state, rows: InstanceTable.bodyRows(in: ScreenFrame.bodyHeight(screenHeight: height)))),
                footer: footer(state, help: "Type to filter by name, id or tag; Enter shows the instance and its token. Tab changes the sort, Shift-Tab reverses it.",
                               keys: state.listBindings.helpBar()),
                dialog: state.modal.map { DialogPresenter.recover($0, state) })
        case .detail:
            return ScreenFrame.Props(
                header: TitleBar.Props(title: title(state), position: state.detail.map { "Recover · Instance \($0.id)" } ?? "Recover · Instance"),
                body: detail(state).map(ScreenFrame.Body.instance) ?? .empty,
                footer: footer(state, help: "The token authorizes calls as: Authorization: User …, Organization …, Element <token>. Ctrl-R shows it; Copy puts it on the clipboard.",
                               keys: state.detailBindings.helpBar()),
                dialog: state.modal.map { DialogPresenter.recover($0, state) })
        }
    }

    /// The table with the `rows` rows around the selection that fit.
    static func table(_ state: RecoverWizard, rows: Int) -> InstanceTable.Props {
        let list = state.list
        let count = list.query.isEmpty ? "\(list.all.count) instance\(list.all.count == 1 ? "" : "s")"
            : "\(list.visible.count) of \(list.all.count) match\(list.visible.count == 1 ? "es" : "")"
        let emptiness: InstanceTable.Emptiness = if list.all.isEmpty, state.listing == .complete { .noInstances }
            else if list.visible.isEmpty, !list.all.isEmpty { .noMatch(state.filter.text) }
            else { .none }
        let selected = state.selectedRow ?? 0
        let first = max(0, min(list.visible.count - rows, selected - rows / 2))
        let shown = first..<max(first, min(list.visible.count, first + rows))
        return InstanceTable.Props(
            filter: InputLine.Props(state.filter), filterHasCursor: state.modal == nil,
            summary: "sorted by \(list.sort.rawValue) \(list.descending ? "↓" : "↑") · \(count)",
            progress: progress(state), progressTone: progressTone(state),
            emptiness: emptiness, rows: shown.map { InstancePresentation.row(list.instance(atRow: $0)) },
            firstRow: first, rowCount: list.visible.count, selected: selected)
    }

    /// The detail of the instance read last, if any.
    static func detail(_ state: RecoverWizard) -> InstanceDetail.Props? {
        guard let instance = state.detail else { return nil }
        return InstanceDetail.Props(
            banner: state.banner.map(BannerBlock.Props.init),
            busy: state.busy.map { busy($0, state) },
            panel: InstancePresentation.panel(instance, baseURL: state.baseURL, tokenRevealed: state.tokenRevealed, savedPath: state.savedPath),
            configuration: instance.configuration.keys.sorted().map { "\($0) = \(instance.configuration[$0] ?? "")" },
            buttons: ButtonRow.Props(labels: state.detailActions.map(\.label), focused: state.detailActions.firstIndex(of: state.detailFocus), spacing: 1))
    }

    /// Where the listing stands; a listing the client stopped early (a repeated token, too many
    /// pages) says so.
    private static func progress(_ state: RecoverWizard) -> String {
        if state.listing == .complete, let stop = state.pagingStop { return "⚠ " + stop.shortMessage }
        return switch state.listing {
        case .idle: ""
        case .loading(let pages, let total):
            "\(Spinner.frame(since: state.busySince ?? state.now, now: state.now)) Loading page \(pages + 1)… \(state.list.all.count)\(total.map { " of \($0)" } ?? "") instances so far"
        case .complete:
            switch state.list.all.count {
            case 0: "The account has no Microsoft Graph instances."
            case 1: "The account's one Microsoft Graph instance is loaded."
            case let count: "All \(count) Microsoft Graph instances loaded."
            }
        case .failed(let error): "✗ \(error.summary) Ctrl-R tries again."
        }
    }

    /// The progress line's tone: a failure, a listing stopped early, or news.
    private static func progressTone(_ state: RecoverWizard) -> Tone {
        if case .failed = state.listing { return .error }
        return state.pagingStop != nil ? .warning : .info
    }

    /// The footer of the table and the detail: fixed help, the notice, and the keys of the screen or its dialog.
    private static func footer(_ state: RecoverWizard, help: String, keys: [(key: String, action: String)]) -> Footer.Props {
        Footer.Props(helpText: help, notice: state.notice, helpBar: HelpBar.Props(state.modal.map(dialogKeys) ?? keys))
    }

    /// The spinner line of a recover wait (no elapsed time).
    private static func busy(_ reason: RecoverBusy, _ state: RecoverWizard) -> BusyLine.Props {
        BusyLine.Props(frame: Spinner.frame(since: state.busySince, now: state.now), caption: reason.caption, elapsed: nil)
    }

    /// "recover an instance", marked when it runs against the sandbox.
    private static func title(_ state: RecoverWizard) -> String {
        "recover an instance" + (state.isSandbox ? " · SANDBOX" : "")
    }

    /// The keys of an open dialog, for the help bar.
    private static func dialogKeys(_ modal: RecoverModal) -> [(key: String, action: String)] {
        switch modal {
        case .help: [("any key", "close help")]
        case .confirmDelete: [("Enter", "delete"), ("Esc", "keep it")]
        case .save(.path): [("Enter", "save"), ("Esc", "cancel")]
        case .save(.confirmOverwrite): [("y", "replace"), ("n", "another name")]
        }
    }
}

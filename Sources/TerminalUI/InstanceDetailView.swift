import OpenConnectors
import Wizard

/// One instance in `ocwizard recover`: token, status, configuration and actions.
struct InstanceDetailView {
    let state: RecoverWizard
    let theme: Theme

    /// Draws the detail between the title bar and the footer.
    func draw(into buffer: inout CellBuffer) {
        guard let instance = state.detail else { return }
        let width = buffer.width
        var lines: [ScreenLine] = []
        if let banner = state.banner {
            for (index, text) in banner.lines.enumerated() {
                lines += ScreenLine.paragraph(text, index == 0 ? theme.bannerStyle(banner.tone) : theme.label, width: width)
            }
        }
        if let busy = state.busy {
            lines.append(.text("\(Spinner.frame(since: state.busySince, now: state.now)) \(busy.caption)  (Esc cancels)", theme.info))
        }
        lines += InstancePanel(props: .init(instance: instance, baseURL: state.baseURL, tokenRevealed: state.tokenRevealed, savedPath: state.savedPath),
                               theme: theme).lines(width: width)
        let room = buffer.height - 8 - 3
        // The configuration gets what room is left; what does not fit is said, never cut silently.
        let keys = instance.configuration.keys.sorted()
        let free = room - lines.count
        if !keys.isEmpty, free >= keys.count + 1 || free >= 3 {
            let fitting = free >= keys.count + 1 ? keys.count : free - 2
            lines.append(.text("Configuration", theme.heading))
            for key in keys.prefix(fitting) {
                let text = "\(key) = \(instance.configuration[key] ?? "")"
                lines.append(.text(DisplayWidth.prefix(of: text, fitting: width - 6), theme.label, indent: 4))
            }
            if fitting < keys.count {
                lines.append(.text("… \(keys.count - fitting) more (a taller terminal shows them all)", theme.help, indent: 4))
            }
        } else if !keys.isEmpty, free >= 1 {
            lines.append(.text("Configuration: \(keys.count) entries (a taller terminal shows them)", theme.help))
        }
        let buttonsRow = buffer.height - 8
        for (index, line) in lines.prefix(buttonsRow - 3).enumerated() {
            line.draw(into: &buffer, row: 2 + index)
        }
        var column = 2
        buffer.cursor = nil
        for action in state.detailActions {
            let focused = action == state.detailFocus
            if focused { buffer.cursor = (column + 2, buttonsRow) }
            column += buffer.write("[ \(action.label) ]", column: column, row: buttonsRow, style: focused ? theme.focusedButton : theme.button) + 1
        }
    }
}

/// Draws the recover flow's dialogs.
struct RecoverModalView {
    let theme: Theme

    /// Draws `modal` over the screen.
    func draw(_ modal: RecoverModal, state: RecoverWizard, into buffer: inout CellBuffer) {
        let box = ModalView(theme: theme)
        let inner = box.innerWidth(in: buffer)
        let name = state.detail?.name ?? ""
        switch modal {
        case .help:
            // Generated from the same bindings that dispatch the keys and fill the help bar.
            let bindings = state.screen == .instances
                ? [("type", "filter by name, id or tag")] + state.listBindings.map { ($0.keyLabel, $0.action) }
                : state.detailBindings.map { ($0.keyLabel, $0.action) }
            let keys = (bindings + [("Ctrl-C", "quit")]).map { "\($0.0.padded(to: 10)) \($0.1)" }
            box.drawBox(title: "Help · keys", lines: keys.map { .text($0, .plain, indent: 0) } + [.blank, .text("Any key closes this help.", theme.help, indent: 0)], inputLine: nil, into: &buffer)
        case .confirmDelete(let editor):
            let question = ScreenLine.paragraph("Delete \(name) (id \(state.detail?.id ?? 0))? Its token stops working at once and this cannot be undone. Type the instance's name to confirm:", indent: 0, width: inner + 1)
            let (lines, input) = box.inputLines(editor, inner: inner, hint: "Enter delete · Esc keep it", after: question)
            box.drawBox(title: "Delete instance", lines: lines, inputLine: input, into: &buffer)
        case .save(let dialog):
            let (title, lines, input) = box.saveDialog(dialog, inner: inner)
            box.drawBox(title: title, lines: lines, inputLine: input, into: &buffer)
        }
    }
}

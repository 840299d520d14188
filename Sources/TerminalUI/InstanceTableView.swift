import OpenConnectors
import Wizard

/// The instance table of `ocwizard recover`: filter line, progress, columns, selection.
struct InstanceTableView {
    let state: RecoverWizard
    let theme: Theme

    /// Draws the table between the title bar and the footer.
    func draw(into buffer: inout CellBuffer) {
        let width = buffer.width
        let list = state.list
        // Filter and sort line.
        buffer.write("Filter:", column: 2, row: 2, style: theme.label)
        let window = FieldWindow(editor: state.filter, masked: false, width: 30)
        buffer.write(window.visible.padded(to: 30), column: 10, row: 2, style: theme.focusedField)
        buffer.cursor = state.modal == nil ? (10 + window.cursorColumn, 2) : nil
        let arrow = list.descending ? "↓" : "↑"
        let count = list.query.isEmpty ? "\(list.all.count) instance\(list.all.count == 1 ? "" : "s")"
            : "\(list.visible.count) of \(list.all.count) match\(list.visible.count == 1 ? "es" : "")"
        let summary = "sorted by \(list.sort.rawValue) \(arrow) · \(count)"
        buffer.write(summary, column: max(42, width - DisplayWidth.of(summary) - 2), row: 2, style: theme.help)
        buffer.write(progressText, column: 2, row: 3, style: progressStyle)
        // Columns.
        let columns = Columns(width: width)
        buffer.write(columns.line(id: "Id", name: "Name", tags: "Tags", created: "Created", status: "Status"), column: 2, row: 5, style: theme.heading)
        let top = 6
        let rows = buffer.height - 6 - top
        if list.all.isEmpty, state.listing == .complete {
            buffer.write("No Microsoft Graph instances in this account yet.", column: 2, row: top + 1, style: theme.label)
            buffer.write("Press Enter to create one now with the create wizard.", column: 2, row: top + 2, style: theme.info)
            return
        }
        if list.visible.isEmpty, !list.all.isEmpty {
            buffer.write("Nothing matches \"\(state.filter.text)\". Esc clears the filter.", column: 2, row: top + 1, style: theme.warning)
        }
        let selected = state.selectedRow ?? 0
        let offset = max(0, min(list.visible.count - rows, selected - rows / 2))
        for row in 0..<min(rows, max(0, list.visible.count - offset)) {
            let index = offset + row
            let instance = list.instance(atRow: index)
            let text = columns.line(id: String(instance.id), name: instance.name, tags: instance.tags.joined(separator: ", "),
                                    created: String((instance.createdDate ?? "").prefix(10)), status: Self.status(instance))
            let style = index == selected ? theme.focusedButton : theme.label
            if index == selected { buffer.fill(column: 1, row: top + row, width: width - 2, height: 1, style: style) }
            buffer.write(text, column: 2, row: top + row, style: style)
        }
        if offset > 0 { buffer.write("▲", column: width - 2, row: top, style: theme.help) }
        if offset + rows < list.visible.count { buffer.write("▼", column: width - 2, row: top + rows - 1, style: theme.help) }
    }

    /// "ok", "invalid", "disabled", with "· events".
    static func status(_ instance: Instance) -> String {
        var parts: [String] = []
        if instance.valid == false { parts.append("invalid") }
        if instance.disabled == true { parts.append("disabled") }
        if parts.isEmpty { parts.append("ok") }
        if instance.eventsEnabled == true { parts.append("events") }
        return parts.joined(separator: " · ")
    }

    private var progressText: String {
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

    private var progressStyle: Style {
        if case .failed = state.listing { return theme.error }
        if state.pagingStop != nil { return theme.warning }
        return theme.info
    }

    /// Column widths for a table width.
    struct Columns {
        let id = 8, created = 11, status = 17
        let name: Int, tags: Int

        /// Names get two thirds of what the fixed columns leave (at 80 columns: 26 for names).
        init(width: Int) {
            let rest = max(20, width - 4 - id - created - status)
            name = rest * 2 / 3
            tags = rest - name
        }

        /// One row of text, each cell clipped to its column.
        func line(id idText: String, name nameText: String, tags tagsText: String, created createdText: String, status statusText: String) -> String {
            func cell(_ text: String, _ width: Int) -> String {
                let clipped = DisplayWidth.of(text) > width - 1 ? DisplayWidth.prefix(of: text, fitting: width - 2) + "…" : text
                return clipped.padded(to: width)
            }
            return cell(idText, id) + cell(nameText, name) + cell(tagsText, tags) + cell(createdText, created) + cell(statusText, status)
        }
    }
}

/// The instance table of `ocwizard recover`: filter line, progress, column headings, the rows in
/// view with the selected one highlighted, or what to do when there are none.
struct InstanceTable: Widget {
    /// What the table shows. `rows` are only those in view: a presenter asks `bodyRows(in:)` how many fit.
    struct Props: Sendable, Equatable {
        var filter: InputLine.Props
        /// Whether the cursor goes into the filter (not while a dialog is open).
        var filterHasCursor: Bool
        /// "sorted by name ↓ · 3 instances".
        var summary: String
        /// Where the listing stands, and its tone (a failure, a listing stopped early, or news).
        var progress: String
        var progressTone: Tone
        /// What to say instead of rows, if anything.
        var emptiness: Emptiness
        /// The rows in view, from row number `firstRow` of `rowCount`.
        var rows: [Row]
        var firstRow: Int
        var rowCount: Int
        /// The selected row's number, if any.
        var selected: Int?
    }

    /// Why no row is shown.
    enum Emptiness: Sendable, Equatable {
        /// There are rows (or the listing is still loading).
        case none
        /// The account has no instance.
        case noInstances
        /// Nothing matches the filter text.
        case noMatch(String)
    }

    /// One instance as a row of text cells.
    struct Row: Sendable, Equatable {
        var id: String
        var name: String
        var tags: String
        var created: String
        var status: String
    }

    let props: Props
    let theme: Theme

    /// Rows above the table's body: filter, progress, a blank row, the headings.
    private static let bodyTop = 4

    /// How many rows of instances fit in an area of `height` rows.
    static func bodyRows(in height: Int) -> Int { max(0, height - bodyTop) }

    /// The width of the filter box.
    private static let filterWidth = 30

    func render(into area: Rect, buffer: inout CellBuffer) {
        let width = area.width
        buffer.write("Filter:", column: area.x + 2, row: area.y, style: theme.label, in: area)
        let window = FieldWindow(text: props.filter.text, cursor: props.filter.cursor, width: Self.filterWidth)
        buffer.write(window.visible.padded(to: Self.filterWidth), column: area.x + 10, row: area.y, style: theme.focusedField, in: area)
        buffer.cursor = nil
        if props.filterHasCursor { buffer.showCursor(column: area.x + 10 + window.cursorColumn, row: area.y, in: area) }
        buffer.write(props.summary, column: area.x + max(42, width - DisplayWidth.of(props.summary) - 2), row: area.y, style: theme.help, in: area)
        buffer.write(props.progress, column: area.x + 2, row: area.y + 1, style: theme.style(for: props.progressTone), in: area)
        let columns = Columns(width: width)
        buffer.write(columns.line(Row(id: "Id", name: "Name", tags: "Tags", created: "Created", status: "Status")),
                     column: area.x + 2, row: area.y + 3, style: theme.heading, in: area)
        let top = area.y + Self.bodyTop
        let rows = Self.bodyRows(in: area.height)
        switch props.emptiness {
        case .noInstances:
            buffer.write("No Microsoft Graph instances in this account yet.", column: area.x + 2, row: top + 1, style: theme.label, in: area)
            buffer.write("Press Enter to create one now with the create wizard.", column: area.x + 2, row: top + 2, style: theme.info, in: area)
            return
        case .noMatch(let filter):
            buffer.write("Nothing matches \"\(filter)\". Esc clears the filter.", column: area.x + 2, row: top + 1, style: theme.warning, in: area)
        case .none:
            break
        }
        for (index, row) in props.rows.prefix(rows).enumerated() {
            let number = props.firstRow + index
            let style = number == props.selected ? theme.focusedButton : theme.label
            if number == props.selected { buffer.fill(Rect(x: area.x + 1, y: top + index, width: width - 2, height: 1).intersection(area), style: style) }
            buffer.write(columns.line(row), column: area.x + 2, row: top + index, style: style, in: area)
        }
        if props.firstRow > 0 { buffer.write("▲", column: area.right - 2, row: top, style: theme.help, in: area) }
        if props.firstRow + rows < props.rowCount { buffer.write("▼", column: area.right - 2, row: top + rows - 1, style: theme.help, in: area) }
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
        func line(_ row: Row) -> String {
            func cell(_ text: String, _ width: Int) -> String {
                let clipped = DisplayWidth.of(text) > width - 1 ? DisplayWidth.prefix(of: text, fitting: width - 2) + "…" : text
                return clipped.padded(to: width)
            }
            return cell(row.id, id) + cell(row.name, name) + cell(row.tags, tags) + cell(row.created, created) + cell(row.status, status)
        }
    }
}

/// The bottom of every screen, six rows: a separator, up to three lines of help about what has
/// the focus, a notice line and the help bar.
struct Footer: Widget {
    /// The rows the footer takes.
    static let height = 6

    /// What the footer says.
    struct Props: Sendable, Equatable {
        /// Help about the focused element, wrapped to three lines at most.
        var helpText: String?
        /// A short status note ("Copied to the clipboard").
        var notice: String?
        /// The keys in force.
        var helpBar: HelpBar.Props
    }

    let props: Props
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        buffer.write(String(repeating: "─", count: area.width), column: area.x, row: area.y, style: theme.help, in: area)
        if let helpText = props.helpText {
            for (index, line) in TextLayout.wrap(helpText, width: area.width - 2).prefix(3).enumerated() {
                buffer.write(line, column: area.x + 1, row: area.y + 1 + index, style: theme.help, in: area)
            }
        }
        if let notice = props.notice {
            buffer.write(DisplayWidth.prefix(of: notice, fitting: area.width - 2), column: area.x + 1, row: area.y + 4, style: theme.info, in: area)
        }
        HelpBar(props: props.helpBar, theme: theme).render(into: area.row(5), buffer: &buffer)
    }
}

/// One row of keys and what they do ("Tab next   Enter next step   …"), as many as fit.
struct HelpBar: Widget {
    /// One key and its action.
    struct Item: Sendable, Equatable {
        var key: String
        var action: String
    }

    /// The keys, most important first.
    struct Props: Sendable, Equatable {
        var items: [Item]
    }

    let props: Props
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        let bar = area.row(0)
        guard !bar.isEmpty else { return }
        buffer.fill(bar, style: theme.helpBar)
        var column = 1
        for item in props.items {
            let needed = DisplayWidth.of(item.key) + 1 + DisplayWidth.of(item.action) + 3
            guard column + needed <= bar.width else { break }
            column += buffer.write(item.key, column: bar.x + column, row: bar.y, style: theme.helpKey, in: bar)
            column += buffer.write(" " + item.action + "   ", column: bar.x + column, row: bar.y, style: theme.helpBar, in: bar)
        }
    }
}

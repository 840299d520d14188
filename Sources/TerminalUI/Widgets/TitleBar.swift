/// The top row: " ocwizard · title" on the left, where in the program the user is on the right.
struct TitleBar: Widget {
    /// What the bar says.
    struct Props: Sendable, Equatable {
        /// What the program does ("new Microsoft Graph instance"), after "ocwizard · ".
        var title: String
        /// Where the user is ("Step 2 of 9 · Azure app").
        var position: String
    }

    let props: Props
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        let bar = area.row(0)
        guard !bar.isEmpty else { return }
        buffer.fill(bar, style: theme.titleBar)
        let indicator = props.position + " "
        let indicatorWidth = DisplayWidth.of(indicator)
        let room = max(0, bar.width - indicatorWidth - 2)
        let title = " ocwizard · \(props.title)"
        let shown = DisplayWidth.of(title) > room ? DisplayWidth.prefix(of: title, fitting: room - 1) + "…" : title
        buffer.write(shown, column: bar.x, row: bar.y, style: theme.titleBar, in: bar)
        buffer.write(indicator, column: bar.right - indicatorWidth, row: bar.y, style: theme.stepIndicator, in: bar)
    }
}

/// What every screen shows instead of itself below its minimum size.
struct TooSmallNotice: Widget {
    /// The size the screens need.
    struct Props: Sendable, Equatable {
        var minimumWidth: Int
        var minimumHeight: Int
    }

    let props: Props
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        let lines = ["ocwizard", "terminal too small (need \(props.minimumWidth)×\(props.minimumHeight),", "now \(area.width)×\(area.height)): please enlarge it"]
        let top = max(0, area.height / 2 - 1)
        for (index, text) in lines.enumerated() {
            let column = max(0, (area.width - DisplayWidth.of(text)) / 2)
            buffer.write(text, column: area.x + column, row: area.y + top + index, style: index == 0 ? theme.heading : .plain, in: area)
        }
    }
}

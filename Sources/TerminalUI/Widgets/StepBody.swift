/// The body of a step screen: the step's content scrolled into the area, its buttons pinned
/// under it on screens that scroll by hand, and a status line over it while the parent waits.
struct StepBody: Widget {
    /// What the body holds.
    struct Props: Sendable, Equatable {
        var content: StepContent
        var scroll: ScrolledLines.Scroll
        /// Buttons kept visible below the scrolled text (review, result).
        var pinnedButtons: ButtonRow.Props?
        /// A wait of the screen around the step (recover's re-authentication), on the body's second-to-last row.
        var overlay: BusyLine.Props?
    }

    let props: Props
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        let (contentArea, buttonsArea) = area.splitBottom(props.pinnedButtons == nil ? 0 : 2)
        let lines = props.content.lines(theme: theme, width: area.width)
        ScrolledLines(props: .init(scroll: props.scroll), lines: lines, theme: theme).render(into: contentArea, buffer: &buffer)
        if let pinned = props.pinnedButtons {
            ButtonRow(props: pinned, theme: theme).render(into: buttonsArea.inset(top: 1), buffer: &buffer)
        }
        if let overlay = props.overlay {
            let row = area.row(area.height - 2).inset(left: 2, right: 2)
            buffer.fill(row)
            buffer.write(BusyLine(props: overlay, theme: theme).text, column: row.x, row: row.y, style: theme.info, in: row)
        }
    }
}

/// The content of one step: which screen draws it, with its props.
enum StepContent: Sendable, Equatable {
    case form(FormStepScreen.Props)
    case authorize(AuthorizeScreen.Props)
    case review(ReviewScreen.Props)
    case submitting(SubmittingScreen.Props)
    case result(ResultScreen.Props)

    /// Its lines, drawn by the step's screen widget, for an area `width` columns wide.
    func lines(theme: Theme, width: Int) -> [ScreenLine] {
        switch self {
        case .form(let props): FormStepScreen(props: props, theme: theme).lines(width: width)
        case .authorize(let props): AuthorizeScreen(props: props, theme: theme).lines(width: width)
        case .review(let props): ReviewScreen(props: props, theme: theme).lines(width: width)
        case .submitting(let props): SubmittingScreen(props: props, theme: theme).lines(width: width)
        case .result(let props): ResultScreen(props: props, theme: theme).lines(width: width)
        }
    }
}

/// Lines scrolled into an area, with "▲ more" / "▼ more" where lines are above or below it.
struct ScrolledLines: Widget {
    /// How the lines are scrolled.
    enum Scroll: Sendable, Equatable {
        /// From this line (review and result scroll by hand).
        case offset(Int)
        /// So the focused line and the lines under it (its messages) are in view.
        case followFocus
    }

    /// The scrolling.
    struct Props: Sendable, Equatable {
        var scroll: Scroll
    }

    let props: Props
    /// The content, built by the widget that owns it.
    let lines: [ScreenLine]
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        let offset = firstLine(visibleRows: area.height)
        ScreenLine.draw(lines.dropFirst(offset), into: area, buffer: &buffer)
        guard !area.isEmpty else { return }
        if offset > 0 { buffer.write("▲ more", column: area.right - 8, row: area.y, style: theme.help, in: area) }
        if offset + area.height < lines.count {
            buffer.write("▼ more", column: area.right - 8, row: area.bottom - 1, style: theme.help, in: area)
        }
    }

    /// The first line shown.
    private func firstLine(visibleRows: Int) -> Int {
        let maximum = max(0, lines.count - visibleRows)
        switch props.scroll {
        case .offset(let offset):
            return max(0, min(offset, maximum))
        case .followFocus:
            guard let focused = lines.firstIndex(where: \.isFocused) else { return 0 }
            let lastOfFocus = lines[focused...].dropFirst().prefix { !$0.isFocused && $0.indent > 2 }.count + focused
            return min(maximum, max(0, lastOfFocus - visibleRows + 1))
        }
    }
}

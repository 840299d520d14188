/// A row of buttons, "[ Next ]  [ Back ]"; the focused one is highlighted and holds the cursor.
struct ButtonRow: LinesWidget {
    /// The button texts and which one has the focus.
    struct Props: Sendable, Equatable {
        var labels: [String]
        var focused: Int?
        /// Blank columns after each button.
        var spacing = 2
    }

    let props: Props
    let theme: Theme

    /// The one line of buttons, indented two columns.
    var line: ScreenLine { line(fitting: .max) }

    /// The line of buttons for `width` columns. When they do not all fit, a run of whole buttons
    /// around the focused one is shown, with ‹ and › where more are hidden, so the focused button
    /// is always on screen.
    func line(fitting width: Int) -> ScreenLine {
        let texts = props.labels.map { "[ \($0) ]" }
        let gap = String(repeating: " ", count: max(0, props.spacing))
        let widths = texts.map { DisplayWidth.of($0) + gap.count }
        var shown = 0..<texts.count
        if 2 + widths.reduce(0, +) > width, !texts.isEmpty {
            // Both markers reserved ("‹ " and " ›"): the run grows from the focused button, right first.
            let room = width - 2 - 4
            let anchor = min(max(props.focused ?? 0, 0), texts.count - 1)
            var first = anchor, end = anchor + 1, used = widths[anchor]
            var grew = true
            while grew {
                grew = false
                if end < texts.count, used + widths[end] <= room { used += widths[end]; end += 1; grew = true }
                if first > 0, used + widths[first - 1] <= room { first -= 1; used += widths[first]; grew = true }
            }
            shown = first..<end
        }
        var line = ScreenLine(indent: 2)
        var column = 2
        if shown.lowerBound > 0 {
            line.spans.append(Span("‹ ", theme.placeholder))
            column += 2
        }
        for index in shown {
            let focused = index == props.focused
            if focused {
                line.isFocused = true
                line.cursorColumn = column + 2
            }
            line.spans.append(Span(texts[index], focused ? theme.focusedButton : theme.button))
            line.spans.append(Span(gap))
            column += widths[index]
        }
        if shown.upperBound < texts.count { line.spans.append(Span(" ›", theme.placeholder)) }
        return line
    }

    func lines(width: Int) -> [ScreenLine] { [line(fitting: width)] }
}

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
    var line: ScreenLine {
        var line = ScreenLine(indent: 2)
        var column = 2
        let gap = String(repeating: " ", count: max(0, props.spacing))
        for (index, label) in props.labels.enumerated() {
            let text = "[ \(label) ]"
            let focused = index == props.focused
            if focused {
                line.isFocused = true
                line.cursorColumn = column + 2
            }
            line.spans.append(Span(text, focused ? theme.focusedButton : theme.button))
            line.spans.append(Span(gap))
            column += DisplayWidth.of(text) + gap.count
        }
        return line
    }

    func lines(width: Int) -> [ScreenLine] { [line] }
}

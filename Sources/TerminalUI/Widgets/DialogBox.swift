/// A dialog: a bordered box centred over the screen, with a title and blocks of content; the
/// cursor goes into its input when it has one, and is hidden otherwise.
struct DialogBox: Widget {
    /// The widest a dialog gets, border included.
    static let maximumWidth = 72

    /// What the dialog shows.
    struct Props: Sendable, Equatable {
        var title: String
        var blocks: [Block]
    }

    /// A piece of a dialog's content, top to bottom.
    enum Block: Sendable, Equatable {
        /// Text wrapped to the dialog's width.
        case paragraph(String)
        /// One line in the dim help look ("Esc or Enter closes this help.").
        case note(String)
        /// One line in the button look ("y  quit    n  stay").
        case keysLine(String)
        /// Text cut to the width in the code look, shown whole (a signature key).
        case code(String)
        /// Keys and what they do, one a line, keys in a column.
        case keys([HelpBar.Item])
        /// A list to tick, the row at `cursor` highlighted.
        case choices([Choice], cursor: Int)
        /// A one-line input holding the cursor.
        case input(InputLine.Props)
        case blank
    }

    /// One row of a list to tick.
    struct Choice: Sendable, Equatable {
        var ticked: Bool
        var name: String
        var summary: String
    }

    let props: Props
    let theme: Theme

    /// The width inside the border and margin of a dialog over `area`.
    static func innerWidth(in area: Rect) -> Int { min(maximumWidth, area.width - 4) - 4 }

    func render(into area: Rect, buffer: inout CellBuffer) {
        let inner = Self.innerWidth(in: area)
        var lines: [ScreenLine] = []
        var inputLine: Int?
        for block in props.blocks {
            if case .input = block { inputLine = lines.count }
            lines += self.lines(block, inner: inner)
        }
        let width = min(Self.maximumWidth, area.width - 4)
        let height = min(area.height - 2, lines.count + 2)
        guard width >= 2, height >= 2 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width, height: height)
        buffer.fill(box, style: theme.modal)
        let rule = String(repeating: "─", count: width - 2)
        buffer.write("┌" + rule + "┐", column: box.x, row: box.y, in: box)
        buffer.write(" \(props.title) ", column: box.x + 2, row: box.y, style: theme.heading, in: box.inset(right: 1))
        for row in box.y + 1..<box.bottom - 1 {
            buffer.write("│", column: box.x, row: row, in: box)
            buffer.write("│", column: box.right - 1, row: row, in: box)
        }
        buffer.write("└" + rule + "┘", column: box.x, row: box.bottom - 1, in: box)
        buffer.cursor = nil
        let content = box.inset(left: 2, top: 1, right: 2, bottom: 1)
        for (index, line) in lines.prefix(content.height).enumerated() {
            var line = line
            if index != inputLine { line.cursorColumn = nil }
            line.draw(into: &buffer, area: content, row: content.y + index)
        }
    }

    /// The lines of one block.
    private func lines(_ block: Block, inner: Int) -> [ScreenLine] {
        switch block {
        case .paragraph(let text): return ScreenLine.paragraph(text, indent: 0, width: inner + 1)
        case .note(let text): return [.text(text, theme.help, indent: 0)]
        case .keysLine(let text): return [.text(text, theme.button, indent: 0)]
        case .code(let text): return TextLayout.hardWrap(text, width: inner).map { ScreenLine.text($0, theme.code, indent: 0) }
        case .keys(let items): return items.map { .text("\($0.key.padded(to: 10)) \($0.action)", .plain, indent: 0) }
        case .choices(let choices, let cursor):
            // Names padded to the longest one plus a space, so every summary fits at 80 columns.
            let nameWidth = (choices.map { DisplayWidth.of($0.name) }.max() ?? 0) + 1
            return choices.enumerated().map { index, choice in
                let text = "\(choice.ticked ? "[x]" : "[ ]") \(choice.name.padded(to: nameWidth))\(choice.summary)"
                return .text(DisplayWidth.prefix(of: text, fitting: inner), index == cursor ? theme.focusedButton : .plain, indent: 0)
            }
        case .input(let input): return InputLine(props: input, theme: theme).lines(width: inner)
        case .blank: return [.blank]
        }
    }
}

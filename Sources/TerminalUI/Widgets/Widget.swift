/// Something drawn from small props into an area of a cell buffer, as ratatui's `Widget::render(area, buf)`.
///
/// A widget holds only what it draws (strings, flags, lists) and a theme, never a wizard's state:
/// a presenter (`Presenters/`) turns the state into props, and domain facts (validity, status
/// text, masking) are settled there. A widget draws nothing outside `area` and never traps,
/// whatever the area's size, zero included.
public protocol Widget {
    /// Draws into `area` of `buffer`.
    func render(into area: Rect, buffer: inout CellBuffer)
}

/// A widget whose content is a column of lines for a width, so a screen can also scroll it.
protocol LinesWidget: Widget {
    /// The lines for an area `width` columns wide.
    func lines(width: Int) -> [ScreenLine]
}

extension LinesWidget {
    /// Draws the lines from the top of the area, as many as fit.
    func render(into area: Rect, buffer: inout CellBuffer) {
        ScreenLine.draw(lines(width: area.width), into: area, buffer: &buffer)
    }
}

/// How a message reads: each tone has one look (`Theme.style(for:)`).
enum Tone: Sendable, Equatable {
    case error, warning, info, success
}

extension Theme {
    /// The one look of a tone: a banner's first line, a busy line, a confirmation.
    func style(for tone: Tone) -> Style {
        switch tone {
        case .error: error
        case .warning: warning
        case .info: info
        case .success: success
        }
    }
}

extension ScreenLine {
    /// Draws the line at `row` of `area`, its indent counted from the area's left edge; the
    /// cursor goes where the line holds it.
    func draw(into buffer: inout CellBuffer, area: Rect, row: Int) {
        guard row >= area.y, row < area.bottom else { return }
        var column = area.x + indent
        for span in spans {
            column += buffer.write(span.text, column: column, row: row, style: span.style, in: area)
        }
        if let cursorColumn { buffer.showCursor(column: area.x + cursorColumn, row: row, in: area) }
    }

    /// Draws `lines` one a row from the top of `area`, as many as fit.
    static func draw(_ lines: some Sequence<ScreenLine>, into area: Rect, buffer: inout CellBuffer) {
        for (index, line) in lines.prefix(area.height).enumerated() {
            line.draw(into: &buffer, area: area, row: area.y + index)
        }
    }
}

extension String {
    /// Pads with spaces to `columns` display columns.
    func padded(to columns: Int) -> String {
        let used = DisplayWidth.of(self)
        return used >= columns ? self : self + String(repeating: " ", count: columns - used)
    }
}

extension Style {
    /// This style with the other's attributes added.
    func merged(with other: Style) -> Style {
        Style(foreground: foreground == .default ? other.foreground : foreground,
              background: background == .default ? other.background : background,
              bold: bold || other.bold, dim: dim || other.dim, underline: underline || other.underline, reverse: reverse || other.reverse)
    }
}

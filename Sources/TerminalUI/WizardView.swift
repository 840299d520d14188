import OpenConnectors
import Wizard

/// Renders the create wizard's state into a cell buffer: a pure function of state and size.
public struct WizardView {
    /// The smallest size the wizard draws a form in.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    let theme: Theme

    /// A view drawing with `theme`.
    public init(theme: Theme) { self.theme = theme }

    /// The title bar's two texts: what the program does, and where in it the user is.
    public struct Header: Sendable, Equatable {
        public var title: String
        public var position: String
        public init(title: String, position: String) { self.title = title; self.position = position }
    }

    /// Draws `state` into a new buffer of the given size, under `header` (the create wizard's by default).
    public func render(_ state: CreateWizard, width: Int, height: Int, header: Header? = nil) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(into: &buffer)
            return buffer
        }
        drawTitleBar(header ?? Self.createHeader(state), into: &buffer)
        let footerHeight = 6
        let contentTop = 2
        let pinned = state.step == .review || state.step == .result ? Widgets(state: state, theme: theme, width: width).stepButtons() : nil
        let contentHeight = height - contentTop - footerHeight - (pinned == nil ? 0 : 2)
        let lines = StepScreens(state: state, theme: theme, width: width).lines()
        let offset = scrollOffset(for: lines, state: state, visibleRows: contentHeight)
        for (index, line) in lines.dropFirst(offset).prefix(contentHeight).enumerated() {
            let row = contentTop + index
            line.draw(into: &buffer, row: row)
            if let column = line.cursorColumn { buffer.cursor = (column, row) }
        }
        if offset > 0 { buffer.write("▲ more", column: width - 8, row: contentTop, style: theme.help) }
        if offset + contentHeight < lines.count {
            buffer.write("▼ more", column: width - 8, row: contentTop + contentHeight - 1, style: theme.help)
        }
        if let pinned {
            let row = contentTop + contentHeight + 1
            pinned.draw(into: &buffer, row: row)
            if let column = pinned.cursorColumn { buffer.cursor = (column, row) }
        }
        drawFooter(state, into: &buffer)
        if let modal = state.modal {
            ModalView(theme: theme).draw(modal, state: state, into: &buffer)
        }
        return buffer
    }

    /// Review and result scroll by hand; form steps follow the focus.
    private func scrollOffset(for lines: [ScreenLine], state: CreateWizard, visibleRows: Int) -> Int {
        let maximum = max(0, lines.count - visibleRows)
        if state.step == .review || state.step == .result { return min(state.scrollOffset, maximum) }
        guard let focused = lines.firstIndex(where: \.isFocused) else { return 0 }
        let lastOfFocus = lines[focused...].dropFirst().prefix { !$0.isFocused && $0.indent > 2 }.count + focused
        return min(maximum, max(0, lastOfFocus - visibleRows + 1))
    }

    func drawTooSmall(into buffer: inout CellBuffer) {
        let lines = ["ocwizard", "terminal too small (need \(Self.minimumWidth)×\(Self.minimumHeight),", "now \(buffer.width)×\(buffer.height)): please enlarge it"]
        let top = max(0, buffer.height / 2 - 1)
        for (index, text) in lines.enumerated() {
            let column = max(0, (buffer.width - DisplayWidth.of(text)) / 2)
            buffer.write(text, column: column, row: top + index, style: index == 0 ? theme.heading : .plain)
        }
    }

    /// "ocwizard · new Microsoft Graph instance" and "Step N of 9 · title".
    static func createHeader(_ state: CreateWizard) -> Header {
        Header(title: "new Microsoft Graph instance" + (state.isSandbox ? " · SANDBOX" : ""),
               position: "Step \(state.position.number) of \(state.position.count) · \(state.step.title)")
    }

    /// The top row: " ocwizard · title" on the left, the position on the right.
    func drawTitleBar(_ header: Header, into buffer: inout CellBuffer) {
        buffer.fill(column: 0, row: 0, width: buffer.width, height: 1, style: theme.titleBar)
        let indicator = header.position + " "
        let room = max(0, buffer.width - DisplayWidth.of(indicator) - 2)
        let title = " ocwizard · \(header.title)"
        buffer.write(DisplayWidth.of(title) > room ? DisplayWidth.prefix(of: title, fitting: room - 1) + "…" : title, column: 0, row: 0, style: theme.titleBar)
        buffer.write(indicator, column: buffer.width - DisplayWidth.of(indicator), row: 0, style: theme.stepIndicator)
    }

    private func drawFooter(_ state: CreateWizard, into buffer: inout CellBuffer) {
        drawFooter(helpText: state.helpSubject.map { id in
            let row = ParameterTable[id]
            let text = "\(row.label) (\(row.wireKey)): \(row.help)"
            return state.source(of: id).map { "[pre-filled from \($0)] " + text } ?? text
        }, notice: state.notice, helpBar: state.helpBarItems, into: &buffer)
    }

    /// The separator, up to three lines of help, the notice line and the help bar.
    func drawFooter(helpText: String?, notice: String?, helpBar: [(key: String, action: String)], into buffer: inout CellBuffer) {
        let height = buffer.height
        buffer.write(String(repeating: "─", count: buffer.width), column: 0, row: height - 6, style: theme.help)
        if let helpText {
            for (index, line) in TextLayout.wrap(helpText, width: buffer.width - 2).prefix(3).enumerated() {
                buffer.write(line, column: 1, row: height - 5 + index, style: theme.help)
            }
        }
        if let notice {
            buffer.write(DisplayWidth.prefix(of: notice, fitting: buffer.width - 2), column: 1, row: height - 2, style: theme.info)
        }
        buffer.fill(column: 0, row: height - 1, width: buffer.width, height: 1, style: theme.helpBar)
        var column = 1
        for item in helpBar {
            let needed = DisplayWidth.of(item.key) + 1 + DisplayWidth.of(item.action) + 3
            guard column + needed <= buffer.width else { break }
            column += buffer.write(item.key, column: column, row: height - 1, style: theme.helpKey)
            column += buffer.write(" " + item.action + "   ", column: column, row: height - 1, style: theme.helpBar)
        }
    }
}

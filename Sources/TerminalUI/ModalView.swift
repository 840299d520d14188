import OpenConnectors
import Wizard

/// Draws dialogs as a bordered box over the screen.
struct ModalView {
    let theme: Theme

    /// Draws `modal` centred in the buffer; the cursor moves into it when it has an input.
    func draw(_ modal: Modal, state: CreateWizard, into buffer: inout CellBuffer) {
        let inner = innerWidth(in: buffer)
        var title = ""
        var lines: [ScreenLine] = []
        var inputLine: Int?
        switch modal {
        case .help(let id):
            if let id {
                let row = ParameterTable[id]
                title = "Help · \(row.label)"
                lines = ScreenLine.paragraph(row.help, indent: 0, width: inner + 1) + [.blank, .text("Parameter: \(row.wireKey)", theme.help, indent: 0)]
                if let flag = row.flag { lines.append(.text("Flag: \(flag)", theme.help, indent: 0)) }
                if let variable = row.environmentVariable { lines.append(.text("Environment: \(variable)", theme.help, indent: 0)) }
            } else {
                title = "Help · keys"
                lines = state.keyBindings.map { .text("\($0.keyLabel.padded(to: 10)) \($0.action)", .plain, indent: 0) }
                let nothingCreated = state.createdInstance == nil && state.journey.stepIDs.contains(.submitting)
                lines.append(.text("Ctrl-C".padded(to: 10) + (nothingCreated ? " quit now (nothing is created)" : " quit"), .plain, indent: 0))
            }
            lines += [.blank, .text("Esc or Enter closes this help.", theme.help, indent: 0)]
        case .confirmQuit:
            title = "Quit?"
            lines = ScreenLine.paragraph(state.quitQuestion, indent: 0, width: inner + 1) + [.blank, .text("y  quit    n  stay", theme.button, indent: 0)]
        case .scopePicker(let cursor, let chosen):
            title = "Pick scopes"
            // Names padded to the longest one plus a space, so every summary fits at 80 columns.
            let nameWidth = (ScopeCatalog.common.map { DisplayWidth.of($0.name) }.max() ?? 0) + 1
            for (index, scope) in ScopeCatalog.common.enumerated() {
                let ticked = chosen.contains { $0.lowercased() == scope.name.lowercased() }
                let text = "\(ticked ? "[x]" : "[ ]") \(scope.name.padded(to: nameWidth))\(scope.summary)"
                lines.append(.text(DisplayWidth.prefix(of: text, fitting: inner), index == cursor ? theme.focusedButton : .plain, indent: 0))
            }
            lines += [.blank, .text("↑/↓ move · Space tick · Enter apply · Esc cancel", theme.help, indent: 0)]
        case .newSignatureKey(let key):
            title = "New signature key"
            lines = ScreenLine.paragraph("Store this key now in your event receiver's configuration: it verifies the Elements-Webhook-Signature header. It is shown in clear only this once.", indent: 0, width: inner + 1)
            lines += [.blank] + TextLayout.hardWrap(key, width: inner).map { ScreenLine.text($0, theme.code, indent: 0) }
            lines += [.blank, .text("c  copy to clipboard    Enter  done", theme.button, indent: 0)]
        case .save(let dialog):
            (title, lines, inputLine) = saveDialog(dialog, inner: inner)
        }
        drawBox(title: title, lines: lines, inputLine: inputLine, into: &buffer)
    }

    /// The title, lines and input line of the save dialogs (create and recover).
    func saveDialog(_ dialog: SaveDialog, inner: Int) -> (String, [ScreenLine], Int?) {
        switch dialog {
        case .path(let editor):
            let lines = ScreenLine.paragraph("File for {id, name, token, baseUrl, element, tags, valid, disabled, eventsEnabled, createdDate}; it is written readable only by you (mode 0600).", indent: 0, width: inner + 1)
            let (input, inputLine) = inputLines(editor, inner: inner, hint: "Enter save · Esc cancel", after: lines)
            return ("Save the instance", input, inputLine)
        case .confirmOverwrite(let path):
            return ("Replace file?", ScreenLine.paragraph("\(path) already exists. Replace it?", indent: 0, width: inner + 1)
                + [.blank, .text("y  replace    n  choose another name", theme.button, indent: 0)], nil)
        }
    }

    /// `lines`, then a one-line input showing `editor`, then a hint; returns them and the input's index.
    func inputLines(_ editor: TextEditor, inner: Int, hint: String, after lines: [ScreenLine]) -> ([ScreenLine], Int) {
        let window = FieldWindow(editor: editor, masked: false, width: inner)
        var all = lines + [.blank, ScreenLine([Span(window.visible.padded(to: inner), theme.focusedField)], indent: 0, cursorColumn: window.cursorColumn)]
        let index = all.count - 1
        all += [.blank, .text(hint, theme.help, indent: 0)]
        return (all, index)
    }

    /// The width inside a dialog's border and margin.
    func innerWidth(in buffer: CellBuffer) -> Int { min(72, buffer.width - 4) - 4 }

    /// Draws a bordered, centred box with a title and lines; the cursor goes to `inputLine` if given.
    func drawBox(title: String, lines: [ScreenLine], inputLine: Int?, into buffer: inout CellBuffer) {
        let width = min(72, buffer.width - 4)
        let height = min(buffer.height - 2, lines.count + 2)
        let left = (buffer.width - width) / 2
        let top = max(1, (buffer.height - height) / 2)
        buffer.fill(column: left, row: top, width: width, height: height, style: theme.modal)
        buffer.write("┌" + String(repeating: "─", count: width - 2) + "┐", column: left, row: top)
        buffer.write(" \(title) ", column: left + 2, row: top, style: theme.heading)
        for row in top + 1..<top + height - 1 {
            buffer.write("│", column: left, row: row)
            buffer.write("│", column: left + width - 1, row: row)
        }
        buffer.write("└" + String(repeating: "─", count: width - 2) + "┘", column: left, row: top + height - 1)
        buffer.cursor = nil
        for (index, line) in lines.prefix(height - 2).enumerated() {
            var shifted = line
            shifted.indent = left + 2 + line.indent
            shifted.draw(into: &buffer, row: top + 1 + index)
            if index == inputLine, let column = line.cursorColumn { buffer.cursor = (left + 2 + column, top + 1 + index) }
        }
    }
}

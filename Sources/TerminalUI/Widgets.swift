import OpenConnectors
import Wizard

/// Builders for the lines that make up form screens: fields, toggles, buttons, banners.
struct Widgets {
    let state: CreateWizard
    let theme: Theme
    let width: Int

    /// Column where field boxes start.
    static let labelWidth = 22
    var boxColumn: Int { 2 + Self.labelWidth + 1 }
    var boxWidth: Int { max(10, width - boxColumn - 2) }

    /// A labelled input with its validation messages below.
    func field(_ id: ParameterID) -> [ScreenLine] {
        let row = ParameterTable[id]
        let focused = state.focus == .field(id)
        let label = Span(DisplayWidth.prefix(of: row.label, fitting: Self.labelWidth).padded(to: Self.labelWidth), focused ? theme.focusedLabel : theme.label)
        var line = ScreenLine([label, Span(" ")], isFocused: focused)
        if row.kind == .boolean {
            let on = state.form.eventsEnabled
            line.spans.append(Span(on ? "[x] On " : "[ ] Off", focused ? theme.focusedField : theme.button))
            if focused { line.cursorColumn = boxColumn + 1 }
            return [line] + messages(for: id)
        }
        let editor = state.editor(for: id)
        let masked = row.isSecret && !state.revealed.contains(id)
        if editor.text.isEmpty && !focused {
            let hint = Validator.isRequired(row, in: state.form) ? "required" : "optional"
            line.spans.append(Span(hint.padded(to: boxWidth), theme.placeholder.merged(with: theme.field)))
        } else {
            let view = FieldWindow(editor: editor, masked: masked, width: boxWidth)
            line.spans.append(Span(view.visible.padded(to: boxWidth), focused ? theme.focusedField : theme.field))
            if focused { line.cursorColumn = boxColumn + view.cursorColumn }
        }
        return [line] + messages(for: id)
    }

    /// The validation messages of a field, wrapped under its box.
    func messages(for id: ParameterID) -> [ScreenLine] {
        state.problems(for: id).flatMap { problem -> [ScreenLine] in
            let isError = problem.severity == .error
            let marker = isError ? "✗ " : "! "
            let style = isError ? theme.error : theme.warning
            let wrapped = TextLayout.wrap(problem.message, width: max(10, width - boxColumn - 4))
            return wrapped.enumerated().map { index, text in
                .text((index == 0 ? marker : "  ") + text, style, indent: boxColumn)
            }
        }
    }

    /// The host preset picker.
    func hostPicker() -> [ScreenLine] {
        let focused = state.focus == .hostPreset
        let preset = state.hostPresets[state.presetIndex]
        let host = preset.baseURL.flatMap { ParsedURL($0)?.host } ?? "type the URL below"
        let text = DisplayWidth.prefix(of: "◀ \(preset.name) ▶  \(host)", fitting: boxWidth)
        return [ScreenLine([
            Span("Host".padded(to: Self.labelWidth), focused ? theme.focusedLabel : theme.label), Span(" "),
            Span(text.padded(to: boxWidth), focused ? theme.focusedField : theme.field),
        ], cursorColumn: focused ? boxColumn : nil, isFocused: focused)]
    }

    /// A row of buttons for the given actions.
    func buttons(_ actions: [WizardAction]) -> ScreenLine {
        var line = ScreenLine(indent: 2)
        for action in actions {
            let focused = state.focus == .action(action)
            if focused {
                line.isFocused = true
                line.cursorColumn = 2 + line.spans.reduce(0) { $0 + DisplayWidth.of($1.text) } + 2
            }
            line.spans.append(Span("[ \(action.label) ]", focused ? theme.focusedButton : theme.button))
            line.spans.append(Span("  "))
        }
        return line
    }

    /// The buttons among the step's focusable elements.
    func stepButtons() -> ScreenLine {
        buttons(state.focusables.compactMap { if case .action(let action) = $0 { return action } else { return nil } })
    }

    /// The spinner line while a request is in flight.
    func busyLine() -> [ScreenLine] {
        guard let busy = state.busy else { return [] }
        return [.blank, .text("\(Spinner.frame(state)) \(busy.caption) \(Spinner.elapsed(state))  (Esc cancels)", theme.info)]
    }

    /// The step's banner, if any.
    func banner() -> [ScreenLine] {
        guard let banner = state.banner else { return [] }
        var lines: [ScreenLine] = []
        for (index, text) in banner.lines.enumerated() {
            lines += ScreenLine.paragraph(text, index == 0 ? theme.bannerStyle(banner.tone) : theme.label, width: width)
        }
        return lines + [.blank]
    }
}

/// The visible part of a field's value, scrolled so the cursor stays in view.
struct FieldWindow {
    let visible: String
    let cursorColumn: Int

    init(editor: TextEditor, masked: Bool, width: Int) {
        let characters = masked ? Array(repeating: Character("•"), count: editor.text.count) : Array(editor.text)
        let before = String(characters[..<min(editor.cursor, characters.count)])
        let after = String(characters[min(editor.cursor, characters.count)...])
        var shownBefore = DisplayWidth.suffix(of: before, fitting: width - 1)
        if shownBefore.count < before.count, !shownBefore.isEmpty {
            shownBefore = "…" + shownBefore.dropFirst()
        }
        let room = width - DisplayWidth.of(shownBefore)
        var shownAfter = DisplayWidth.prefix(of: after, fitting: room)
        if shownAfter.count < after.count, !shownAfter.isEmpty {
            shownAfter = shownAfter.dropLast() + "…"
        }
        visible = shownBefore + shownAfter
        cursorColumn = DisplayWidth.of(shownBefore)
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

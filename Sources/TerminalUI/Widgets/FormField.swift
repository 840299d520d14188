/// Where the parts of a form row go: labels on the left, value boxes from column 25.
enum FormLayout {
    /// Columns of a label.
    static let labelWidth = 22
    /// The column where value boxes start.
    static let boxColumn = 2 + labelWidth + 1

    /// The width of a value box on a screen `width` columns wide.
    static func boxWidth(_ width: Int) -> Int { max(10, width - boxColumn - 2) }
}

/// A labelled input with its validation messages below it.
struct FormField: LinesWidget {
    /// What the field shows.
    struct Props: Sendable, Equatable {
        var label: String
        var focused: Bool
        var value: Value
        /// Problems with the value, in order.
        var messages: [Message]
        /// A mark after the box saying where an unchanged value came from ("[last run]"), if shown.
        var origin: String? = nil
    }

    /// What the box shows.
    enum Value: Sendable, Equatable {
        /// An on/off switch.
        case toggle(on: Bool)
        /// Text (already masked when it is a hidden secret) and the cursor, in graphemes.
        case text(String, cursor: Int)
        /// An empty, unfocused field: "required" or "optional".
        case placeholder(String)
    }

    /// A problem with the value.
    struct Message: Sendable, Equatable {
        var isError: Bool
        var text: String
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        let mark = props.origin.map { " " + $0 } ?? ""
        let boxWidth = max(10, FormLayout.boxWidth(width) - DisplayWidth.of(mark))
        let label = Span(DisplayWidth.prefix(of: props.label, fitting: FormLayout.labelWidth).padded(to: FormLayout.labelWidth),
                         props.focused ? theme.focusedLabel : theme.label)
        var line = ScreenLine([label, Span(" ")], isFocused: props.focused)
        switch props.value {
        case .toggle(let on):
            line.spans.append(Span(on ? "[x] On " : "[ ] Off", props.focused ? theme.focusedField : theme.button))
            if props.focused { line.cursorColumn = FormLayout.boxColumn + 1 }
        case .placeholder(let hint):
            line.spans.append(Span(hint.padded(to: boxWidth), theme.placeholder.merged(with: theme.field)))
        case .text(let text, let cursor):
            let window = FieldWindow(text: text, cursor: cursor, width: boxWidth)
            line.spans.append(Span(window.visible.padded(to: boxWidth), props.focused ? theme.focusedField : theme.field))
            if props.focused { line.cursorColumn = FormLayout.boxColumn + window.cursorColumn }
        }
        if !mark.isEmpty { line.spans.append(Span(mark, theme.placeholder)) }
        return [line] + messageLines(width: width)
    }

    /// The messages, wrapped under the box.
    private func messageLines(width: Int) -> [ScreenLine] {
        props.messages.flatMap { message -> [ScreenLine] in
            let marker = message.isError ? "✗ " : "! "
            let style = message.isError ? theme.error : theme.warning
            return TextLayout.wrap(message.text, width: max(10, width - FormLayout.boxColumn - 4)).enumerated().map { index, text in
                .text((index == 0 ? marker : "  ") + text, style, indent: FormLayout.boxColumn)
            }
        }
    }
}

/// The host preset picker: "◀ SAP (US) ▶  api.openconnectors.us2.ext.hana.ondemand.com".
struct HostPicker: LinesWidget {
    /// The picker's text and whether it has the focus.
    struct Props: Sendable, Equatable {
        var text: String
        var focused: Bool
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        let boxWidth = FormLayout.boxWidth(width)
        let text = DisplayWidth.prefix(of: props.text, fitting: boxWidth)
        return [ScreenLine([
            Span("Host".padded(to: FormLayout.labelWidth), props.focused ? theme.focusedLabel : theme.label), Span(" "),
            Span(text.padded(to: boxWidth), props.focused ? theme.focusedField : theme.field),
        ], cursorColumn: props.focused ? FormLayout.boxColumn : nil, isFocused: props.focused)]
    }
}

/// The visible part of a one-line input, scrolled so the cursor stays in view; "…" marks cut ends.
struct FieldWindow {
    let visible: String
    let cursorColumn: Int

    /// The window on `text` with the cursor at grapheme `cursor`, `width` columns wide.
    init(text: String, cursor: Int, width: Int) {
        let characters = Array(text)
        let split = min(max(0, cursor), characters.count)
        let before = String(characters[..<split])
        let after = String(characters[split...])
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

/// A one-line input in a dialog or a filter box: the visible window in the focused-field look.
struct InputLine: LinesWidget {
    /// The text and the cursor, in graphemes.
    struct Props: Sendable, Equatable {
        var text: String
        var cursor: Int
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        let window = FieldWindow(text: props.text, cursor: props.cursor, width: width)
        return [ScreenLine([Span(window.visible.padded(to: width), theme.focusedField)], indent: 0, cursorColumn: window.cursorColumn)]
    }
}

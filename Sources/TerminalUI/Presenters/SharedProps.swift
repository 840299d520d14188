import Wizard

// Props that several presenters fill the same way from the wizards' own types.

extension BannerBlock.Props {
    /// A journey's or recover's banner as the widget shows it.
    init(_ banner: Banner) {
        let tone: Tone = switch banner.tone {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .success: .success
        }
        self.init(tone: tone, lines: banner.lines)
    }
}

extension HelpBar.Props {
    /// A help bar from a wizard's (key, action) pairs, most important first.
    init(_ items: [(key: String, action: String)]) {
        self.init(items: items.map { HelpBar.Item(key: $0.key, action: $0.action) })
    }
}

extension InputLine.Props {
    /// An editor's text and cursor, as an input line shows them.
    init(_ editor: TextEditor) {
        self.init(text: editor.text, cursor: editor.cursor)
    }
}

/// A run of text in one style.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

/// One line of a widget's content: spans of styled text, drawn into an area.
public struct ScreenLine: Sendable, Equatable {
    /// The spans, left to right, starting at `indent`.
    public var spans: [Span]
    /// Columns of left margin.
    public var indent: Int
    /// The column (from the left edge of the area it is drawn in) where the terminal cursor goes, if this line holds it.
    public var cursorColumn: Int?
    /// Whether this line shows the focused element (the view scrolls to keep it visible).
    public var isFocused: Bool

    public init(_ spans: [Span] = [], indent: Int = 2, cursorColumn: Int? = nil, isFocused: Bool = false) {
        self.spans = spans; self.indent = indent; self.cursorColumn = cursorColumn; self.isFocused = isFocused
    }

    /// A line of plain text in one style.
    public static func text(_ text: String, _ style: Style = .plain, indent: Int = 2) -> ScreenLine {
        ScreenLine([Span(text, style)], indent: indent)
    }

    /// An empty line.
    public static let blank = ScreenLine()

    /// Lines of wrapped text in one style.
    public static func paragraph(_ text: String, _ style: Style = .plain, indent: Int = 2, width: Int) -> [ScreenLine] {
        TextLayout.wrap(text, width: max(1, width - indent - 1)).map { .text($0, style, indent: indent) }
    }
}

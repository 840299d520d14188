/// One of the eight basic terminal colours, or the terminal's own default.
public enum TerminalColor: Int, Sendable, Equatable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white, `default`
}

/// How a cell is drawn: colours and attributes.
public struct Style: Sendable, Equatable, Hashable {
    public var foreground: TerminalColor = .default
    public var background: TerminalColor = .default
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.dim = dim; self.underline = underline; self.reverse = reverse
    }

    /// The terminal's default look.
    public static let plain = Style()
}

/// The styles of each role on screen; a colour theme and a monochrome one for `NO_COLOR`.
public struct Theme: Sendable, Equatable {
    public var titleBar: Style
    public var stepIndicator: Style
    public var heading: Style
    public var label: Style
    public var focusedLabel: Style
    public var field: Style
    public var focusedField: Style
    public var placeholder: Style
    public var error: Style
    public var warning: Style
    public var success: Style
    public var info: Style
    public var help: Style
    public var button: Style
    public var focusedButton: Style
    public var helpBar: Style
    public var helpKey: Style
    public var modal: Style
    public var code: Style

    /// Colours for terminals that have them.
    public static let color = Theme(
        titleBar: Style(foreground: .white, background: .blue, bold: true),
        stepIndicator: Style(foreground: .white, background: .blue),
        heading: Style(bold: true),
        label: Style(),
        focusedLabel: Style(foreground: .cyan, bold: true),
        field: Style(underline: true),
        focusedField: Style(foreground: .black, background: .cyan),
        placeholder: Style(dim: true),
        error: Style(foreground: .red, bold: true),
        warning: Style(foreground: .yellow),
        success: Style(foreground: .green, bold: true),
        info: Style(foreground: .cyan),
        help: Style(dim: true),
        button: Style(bold: true),
        focusedButton: Style(foreground: .black, background: .cyan),
        helpBar: Style(reverse: true),
        helpKey: Style(bold: true, reverse: true),
        modal: Style(),
        code: Style(foreground: .green)
    )

    /// Attributes only, for `NO_COLOR`.
    public static let monochrome = Theme(
        titleBar: Style(bold: true, reverse: true),
        stepIndicator: Style(reverse: true),
        heading: Style(bold: true),
        label: Style(),
        focusedLabel: Style(bold: true),
        field: Style(underline: true),
        focusedField: Style(reverse: true),
        placeholder: Style(dim: true),
        error: Style(bold: true),
        warning: Style(),
        success: Style(bold: true),
        info: Style(),
        help: Style(dim: true),
        button: Style(bold: true),
        focusedButton: Style(bold: true, reverse: true),
        helpBar: Style(reverse: true),
        helpKey: Style(bold: true, reverse: true),
        modal: Style(),
        code: Style()
    )
}

/// A step's heading and its introduction, with a blank line below.
struct StepHeader: LinesWidget {
    /// The heading and the introduction.
    struct Props: Sendable, Equatable {
        var heading: String
        var text: String
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        [.text(props.heading, theme.heading)] + ScreenLine.paragraph(props.text, theme.help, width: width) + [.blank]
    }
}

/// A message across a screen: its first line in its tone's look, the rest as labels.
struct BannerBlock: LinesWidget {
    /// The tone and the lines, each wrapped.
    struct Props: Sendable, Equatable {
        var tone: Tone
        var lines: [String]
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        props.lines.enumerated().flatMap { index, text in
            ScreenLine.paragraph(text, index == 0 ? theme.style(for: props.tone) : theme.label, width: width)
        }
    }

    /// A banner's lines and a blank line after them, or nothing without a banner: how a screen's content starts.
    static func section(_ banner: Props?, theme: Theme, width: Int) -> [ScreenLine] {
        guard let banner else { return [] }
        return BannerBlock(props: banner, theme: theme).lines(width: width) + [.blank]
    }
}

/// The spinner line while a request is in flight: "⠙ Checking the secrets… 0.4 s  (Esc cancels)".
struct BusyLine: LinesWidget {
    /// The spinner frame, what is waited for, and for how long when it says.
    struct Props: Sendable, Equatable {
        var frame: Character
        var caption: String
        var elapsed: String?
    }

    let props: Props
    let theme: Theme

    /// The line's text.
    var text: String { "\(props.frame) \(props.caption)" + (props.elapsed.map { " " + $0 } ?? "") + "  (Esc cancels)" }

    func lines(width: Int) -> [ScreenLine] { [.text(text, theme.info)] }
}

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

/// The spinner frame and elapsed time of a wait, from when it began and the latest clock tick.
enum Spinner {
    static let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    /// The frame for a wait that began at `since`.
    static func frame(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> Character {
        frames[tenths(since: since, now: now) % frames.count]
    }

    /// "1.2 s" since `since`.
    static func elapsed(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> String {
        let value = tenths(since: since, now: now)
        return "\(value / 10).\(value % 10) s"
    }

    private static func tenths(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> Int {
        guard let since, let now, now > since else { return 0 }
        let duration = now - since
        return Int(duration.components.seconds * 10 + duration.components.attoseconds / 100_000_000_000_000_000)
    }
}

/// The result step: a heading in its tone, the banner, what to do next, and the new instance if there is one.
struct ResultScreen: LinesWidget {
    /// What the result shows.
    struct Props: Sendable, Equatable {
        /// "✓ Instance created", "✗ The instance was not created".
        var heading: String
        var tone: Tone
        var banner: BannerBlock.Props?
        /// What to do next, when the instance was not created.
        var advice: String?
        /// The created instance.
        var instance: InstancePanel.Props?
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        var lines: [ScreenLine] = [.text(props.heading, theme.style(for: props.tone)), .blank]
        lines += BannerBlock.section(props.banner, theme: theme, width: width)
        if let advice = props.advice { lines += ScreenLine.paragraph(advice, theme.help, width: width) }
        if let instance = props.instance { lines += InstancePanel(props: instance, theme: theme).lines(width: width) }
        return lines
    }
}

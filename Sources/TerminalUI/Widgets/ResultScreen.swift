/// The result step: the new instance, or what went wrong and what to do next.
struct ResultScreen: LinesWidget {
    /// What the result shows.
    enum Props: Sendable, Equatable {
        /// The instance was created.
        case created(InstancePanel.Props)
        /// It was not: the failure's banner and what to do next.
        case failed(banner: BannerBlock.Props?, advice: String)
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        switch props {
        case .created(let panel):
            [.text("✓ Instance created", theme.success), .blank] + InstancePanel(props: panel, theme: theme).lines(width: width)
        case .failed(let banner, let advice):
            [.text("✗ The instance was not created", theme.error), .blank] + BannerBlock.section(banner, theme: theme, width: width)
                + ScreenLine.paragraph(advice, theme.help, width: width)
        }
    }
}

import OpenConnectors
import Wizard

/// The result step: the new instance's id and token, or what went wrong and where to go back to.
///
/// The heading, the advice and the banner are the flow's (`ResultStep`), so every driver says the
/// same: created, not created, or (after a lost answer) found or still unknown.
struct ResultScreen {
    let state: CreateWizard
    let theme: Theme
    let width: Int

    /// All lines; the view scrolls them.
    func lines() -> [ScreenLine] {
        let widgets = Widgets(state: state, theme: theme, width: width)
        let intro = state.journey.intro
        guard let instance = state.createdInstance else {
            let unknown = state.journey.state.lostAnswer.map { if case .failed = $0.search { true } else { false } } ?? false
            return [.text(intro.heading, unknown ? theme.warning : theme.error), .blank] + widgets.banner()
                + ScreenLine.paragraph(intro.text, theme.help, width: width)
        }
        let panel = InstancePanel(props: .init(instance: instance, baseURL: state.form.normalized(.baseURL), tokenRevealed: state.tokenRevealed,
                                               savedPath: state.savedPath, eventsEnabled: state.form.eventsEnabled), theme: theme)
        return [.text(intro.heading, theme.success), .blank] + widgets.banner() + panel.lines(width: width)
    }
}

import OpenConnectors
import Wizard

/// The result step: the new instance's id and token, or what went wrong and where to go back to.
struct ResultScreen {
    let state: CreateWizard
    let theme: Theme
    let width: Int

    /// What to do next, by the step the failure sends the user back to.
    private var retryAdvice: String {
        switch state.submitFailure.map(FailureRouter.returnStep(for:)) ?? .review {
        case .authorize: "Every other value is kept: sign in again for a new code, then submit again."
        case .azureApp: "Every value is kept: correct the Azure app values, sign in again, then submit."
        case .connection: "Every value is kept: correct the secrets, then submit again."
        default: "Every value is kept: Retry sends the same request again."
        }
    }

    /// All lines; the view scrolls them.
    func lines() -> [ScreenLine] {
        let widgets = Widgets(state: state, theme: theme, width: width)
        guard let instance = state.createdInstance else {
            return [.text("✗ The instance was not created", theme.error), .blank] + widgets.banner()
                + ScreenLine.paragraph(retryAdvice, theme.help, width: width)
        }
        let panel = InstancePanel(props: .init(instance: instance, baseURL: state.form.normalized(.baseURL), tokenRevealed: state.tokenRevealed,
                                               savedPath: state.savedPath, eventsEnabled: state.form.eventsEnabled), theme: theme)
        return [.text("✓ Instance created", theme.success), .blank] + panel.lines(width: width)
    }
}
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
        let token = instance.token ?? ""
        let shownToken = state.tokenRevealed ? token : Mask.token
        var lines: [ScreenLine] = [.text("✓ Instance created", theme.success), .blank]
        let rows: [(String, String)] = [
            ("Id", String(instance.id)),
            ("Name", instance.name),
            ("Token", shownToken + (state.tokenRevealed ? "" : "  (Ctrl-R reveals)")),
            ("Tags", instance.tags.joined(separator: ", ")),
            ("Events", (instance.eventsEnabled ?? state.form.eventsEnabled) ? "on" : "off"),
            ("Created", instance.createdDate ?? "—"),
            ("API base", state.form.normalized(.baseURL)),
        ]
        for (label, value) in rows {
            for (index, piece) in TextLayout.hardWrap(value, width: max(10, width - 18)).enumerated() {
                lines.append(ScreenLine([Span((index == 0 ? label : "").padded(to: 12), theme.label), Span(piece, label == "Token" || label == "Id" ? theme.heading : theme.label)]))
            }
        }
        lines.append(.blank)
        lines.append(.text("Use it in API calls with this header:", theme.label))
        let element = state.tokenRevealed ? token : "$OC_INSTANCE_TOKEN"
        lines += TextLayout.wrap("Authorization: User $OC_USER_SECRET, Organization $OC_ORG_SECRET, Element \(element)", width: max(10, width - 4))
            .map { ScreenLine.text($0, theme.code) }
        if let saved = state.savedPath { lines.append(.text("Saved to \(saved)", theme.success)) }
        return lines
    }
}

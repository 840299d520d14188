import OpenConnectors
import Wizard

/// One instance as the result screen and the recover detail both show it: its facts, the token
/// (masked unless revealed), the API base and the header to use it with, and where it was saved.
///
/// A widget: small props in, lines out; it never sees a wizard's state.
struct InstancePanel {
    /// What the panel shows.
    struct Props {
        var instance: Instance
        var baseURL: String
        var tokenRevealed: Bool
        var savedPath: String?
        /// Stands in for the events flag when the service did not say.
        var eventsEnabled: Bool?
    }

    let props: Props
    let theme: Theme

    /// The panel's lines for a screen `width` columns wide.
    func lines(width: Int) -> [ScreenLine] {
        let instance = props.instance
        var status = InstanceTableView.status(instance)
        if instance.eventsEnabled == nil, props.eventsEnabled == true { status += " · events" }
        if instance.valid == false { status += " — re-authenticate to repair it" }
        let rows: [(String, String)] = [
            ("Id", String(instance.id)),
            ("Name", instance.name),
            ("Token", props.tokenRevealed ? instance.revealedToken : Redaction.tokenMask + "  (Ctrl-R reveals)"),
            ("Tags", instance.tags.joined(separator: ", ")),
            ("Status", status),
            ("Created", instance.createdDate ?? "—"),
            ("API base", props.baseURL),
        ]
        var lines: [ScreenLine] = []
        for (label, value) in rows {
            for (index, piece) in TextLayout.hardWrap(value, width: max(10, width - 18)).enumerated() {
                let emphasis = label == "Token" || label == "Id"
                lines.append(ScreenLine([Span((index == 0 ? label : "").padded(to: 12), theme.label), Span(piece, emphasis ? theme.heading : theme.label)]))
            }
        }
        lines.append(.blank)
        lines.append(.text("Use it in API calls with this header:", theme.label))
        let element = props.tokenRevealed ? instance.revealedToken : "$OC_INSTANCE_TOKEN"
        lines += TextLayout.wrap("Authorization: User $OC_USER_SECRET, Organization $OC_ORG_SECRET, Element \(element)", width: max(10, width - 4))
            .map { ScreenLine.text($0, theme.code) }
        if let saved = props.savedPath { lines.append(.text("Saved to \(saved)", theme.success)) }
        return lines
    }
}

extension Theme {
    /// The one look of each banner tone: its first line in this style, the rest as labels.
    func bannerStyle(_ tone: Banner.Tone) -> Style {
        switch tone {
        case .error: error
        case .warning: warning
        case .info: info
        case .success: success
        }
    }
}

/// One instance as the result screen and the recover detail both show it: its facts, the token
/// (masked unless revealed), the API base and the header to use it with, and where it was saved.
struct InstancePanel: LinesWidget {
    /// What the panel shows, as text: the presenter masks the token and words the status.
    struct Props: Sendable, Equatable {
        var id: String
        var name: String
        /// The token, or its mask and how to reveal it.
        var token: String
        var tags: String
        var status: String
        var created: String
        var baseURL: String
        /// What follows "Element " in the example header: the token or `$OC_INSTANCE_TOKEN`.
        var headerToken: String
        var savedPath: String?
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        let rows: [(label: String, value: String, emphasis: Bool)] = [
            ("Id", props.id, true),
            ("Name", props.name, false),
            ("Token", props.token, true),
            ("Tags", props.tags, false),
            ("Status", props.status, false),
            ("Created", props.created, false),
            ("API base", props.baseURL, false),
        ]
        var lines: [ScreenLine] = []
        for row in rows {
            for (index, piece) in TextLayout.hardWrap(row.value, width: max(10, width - 18)).enumerated() {
                lines.append(ScreenLine([Span((index == 0 ? row.label : "").padded(to: 12), theme.label), Span(piece, row.emphasis ? theme.heading : theme.label)]))
            }
        }
        lines.append(.blank)
        lines.append(.text("Use it in API calls with this header:", theme.label))
        lines += TextLayout.wrap("Authorization: User $OC_USER_SECRET, Organization $OC_ORG_SECRET, Element \(props.headerToken)", width: max(10, width - 4))
            .map { ScreenLine.text($0, theme.code) }
        if let saved = props.savedPath { lines.append(.text("Saved to \(saved)", theme.success)) }
        return lines
    }
}

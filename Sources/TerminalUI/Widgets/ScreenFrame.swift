/// A whole screen: the title bar, a body between row 2 and the footer, the footer, and a dialog
/// over it all; below its minimum size, a notice instead.
///
/// Create, recover and re-authentication all draw through this one frame, so they share one
/// layout and one "terminal too small" rule.
struct ScreenFrame: Widget {
    /// The smallest size the frame draws a screen in.
    static let minimumWidth = 80
    static let minimumHeight = 24

    /// What the frame holds.
    struct Props: Sendable, Equatable {
        var header: TitleBar.Props
        /// Drawn between the title bar's blank row and the footer.
        var body: Body
        var footer: Footer.Props
        /// A dialog drawn over everything.
        var dialog: DialogBox.Props?
    }

    /// What fills the screen between the title bar and the footer.
    enum Body: Sendable, Equatable {
        /// A step of a journey.
        case step(StepBody.Props)
        /// Recover's instance table.
        case instances(InstanceTable.Props)
        /// Recover's instance detail.
        case instance(InstanceDetail.Props)
        /// Nothing.
        case empty
    }

    /// The rows of the body on a screen `height` rows tall.
    static func bodyHeight(screenHeight height: Int) -> Int { max(0, height - 2 - Footer.height) }

    let props: Props
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        guard area.width >= Self.minimumWidth, area.height >= Self.minimumHeight else {
            TooSmallNotice(props: .init(minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight), theme: theme)
                .render(into: area, buffer: &buffer)
            return
        }
        TitleBar(props: props.header, theme: theme).render(into: area.row(0), buffer: &buffer)
        let (screen, footer) = area.splitBottom(Footer.height)
        let body = screen.inset(top: 2)
        switch props.body {
        case .step(let step): StepBody(props: step, theme: theme).render(into: body, buffer: &buffer)
        case .instances(let table): InstanceTable(props: table, theme: theme).render(into: body, buffer: &buffer)
        case .instance(let detail): InstanceDetail(props: detail, theme: theme).render(into: body, buffer: &buffer)
        case .empty: break
        }
        Footer(props: props.footer, theme: theme).render(into: footer, buffer: &buffer)
        if let dialog = props.dialog { DialogBox(props: dialog, theme: theme).render(into: area, buffer: &buffer) }
    }
}

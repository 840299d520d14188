/// One instance in `ocwizard recover`: banner, busy line, the instance panel, as much of the
/// configuration as fits (saying what does not), and the buttons two rows above the footer.
struct InstanceDetail: Widget {
    /// What the detail shows.
    struct Props: Sendable, Equatable {
        var banner: BannerBlock.Props?
        var busy: BusyLine.Props?
        var panel: InstancePanel.Props
        /// "key = value", sorted by key.
        var configuration: [String]
        var buttons: ButtonRow.Props
    }

    let props: Props
    let theme: Theme

    func render(into area: Rect, buffer: inout CellBuffer) {
        let width = area.width
        var lines: [ScreenLine] = []
        if let banner = props.banner { lines += BannerBlock(props: banner, theme: theme).lines(width: width) }
        if let busy = props.busy { lines += BusyLine(props: busy, theme: theme).lines(width: width) }
        lines += InstancePanel(props: props.panel, theme: theme).lines(width: width)
        // The configuration gets what room is left; what does not fit is said, never cut silently.
        let room = area.height - 3
        let entries = props.configuration
        let free = room - lines.count
        if !entries.isEmpty, free >= entries.count + 1 || free >= 3 {
            let fitting = free >= entries.count + 1 ? entries.count : free - 2
            lines.append(.text("Configuration", theme.heading))
            for entry in entries.prefix(fitting) {
                lines.append(.text(DisplayWidth.prefix(of: entry, fitting: width - 6), theme.label, indent: 4))
            }
            if fitting < entries.count {
                lines.append(.text("… \(entries.count - fitting) more (a taller terminal shows them all)", theme.help, indent: 4))
            }
        } else if !entries.isEmpty, free >= 1 {
            lines.append(.text("Configuration: \(entries.count) entries (a taller terminal shows them)", theme.help))
        }
        ScreenLine.draw(lines, into: area.splitTop(room).top, buffer: &buffer)
        buffer.cursor = nil
        ButtonRow(props: props.buttons, theme: theme).render(into: area.row(area.height - 2), buffer: &buffer)
    }
}

/// The one screen of every form step without a screen of its own: heading and introduction,
/// banner, fields, an optional confirmation, buttons and the busy line.
struct FormStepScreen: LinesWidget {
    /// What the step shows.
    struct Props: Sendable, Equatable {
        var header: StepHeader.Props
        var banner: BannerBlock.Props?
        var rows: [Row]
        /// A success note under the fields ("Code found: …").
        var confirmation: String?
        var buttons: ButtonRow.Props
        var busy: BusyLine.Props?
    }

    /// One form row.
    enum Row: Sendable, Equatable {
        case hostPicker(HostPicker.Props)
        case field(FormField.Props)
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        var lines = StepHeader(props: props.header, theme: theme).lines(width: width)
        lines += BannerBlock.section(props.banner, theme: theme, width: width)
        for row in props.rows {
            switch row {
            case .hostPicker(let picker): lines += HostPicker(props: picker, theme: theme).lines(width: width)
            case .field(let field): lines += FormField(props: field, theme: theme).lines(width: width)
            }
        }
        if let confirmation = props.confirmation {
            lines.append(.blank)
            lines += ScreenLine.paragraph("✓ " + confirmation, theme.success, width: width)
        }
        lines += [.blank, ButtonRow(props: props.buttons, theme: theme).line]
        if let busy = props.busy { lines += [.blank] + BusyLine(props: busy, theme: theme).lines(width: width) }
        return lines
    }
}

/// The sign-in step: the URL to open, shown whole, and what happens after signing in.
struct AuthorizeScreen: LinesWidget {
    /// What the step shows.
    struct Props: Sendable, Equatable {
        var header: StepHeader.Props
        var banner: BannerBlock.Props?
        /// While the URL is fetched or the sandbox signs in.
        var busy: BusyLine.Props?
        /// The sign-in URL, once fetched.
        var url: String?
        var buttons: ButtonRow.Props
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        var lines = StepHeader(props: props.header, theme: theme).lines(width: width)
        lines += BannerBlock.section(props.banner, theme: theme, width: width)
        let buttons = ButtonRow(props: props.buttons, theme: theme).line
        if let busy = props.busy { return lines + [.blank] + BusyLine(props: busy, theme: theme).lines(width: width) }
        guard let url = props.url else { return lines + [buttons] }
        lines += TextLayout.hardWrap(url, width: max(10, width - 4)).map { ScreenLine.text($0, theme.code) }
        lines.append(.blank)
        lines += ScreenLine.paragraph("Microsoft then sends the browser to your callback URL with ?code=… in the address (the page itself may not load; that is fine). Copy the whole address from the address bar: you paste it on the next step. Codes expire after about 10 minutes.", theme.help, width: width)
        return lines + [.blank, buttons]
    }
}

/// The wait while the instance is created.
struct SubmittingScreen: LinesWidget {
    /// The spinner frame, the flow's caption (creating, or after a lost answer looking for the
    /// instance) and the time waited.
    struct Props: Sendable, Equatable {
        var frame: Character
        var caption: String
        var elapsed: String
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        [.text("\(props.frame) \(props.caption) \(props.elapsed)", theme.info), .blank, .text("Esc cancels the request.", theme.help)]
    }
}

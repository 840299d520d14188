/// The review step: every value (secrets already masked), the JSON body and the equivalent curl command.
struct ReviewScreen: LinesWidget {
    /// What the review shows.
    struct Props: Sendable, Equatable {
        var banner: BannerBlock.Props?
        var values: [Value]
        /// The request body, pretty-printed, secrets masked.
        var body: String
        /// The same request as a curl command.
        var curl: String
    }

    /// One labelled value.
    struct Value: Sendable, Equatable {
        var label: String
        /// The value as shown ("(not set)" when empty).
        var text: String
        /// Whether it has a value (an unset one is drawn dim).
        var isSet: Bool
    }

    let props: Props
    let theme: Theme

    func lines(width: Int) -> [ScreenLine] {
        var lines: [ScreenLine] = [.text("Check everything, then Submit", theme.heading)]
        lines += BannerBlock.section(props.banner, theme: theme, width: width)
        for value in props.values {
            for (index, piece) in TextLayout.hardWrap(value.text, width: max(10, width - 28)).enumerated() {
                lines.append(ScreenLine([
                    Span((index == 0 ? value.label : "").padded(to: FormLayout.labelWidth), theme.label), Span(" "),
                    Span(piece, value.isSet ? theme.label : theme.placeholder),
                ]))
            }
        }
        lines.append(.blank)
        lines.append(.text("Request body (POST /instances)", theme.heading))
        lines += codeLines(props.body, width: width)
        lines.append(.blank)
        lines.append(.text("The same request with curl (secrets from environment variables)", theme.heading))
        lines += codeLines(props.curl, width: width)
        return lines
    }

    /// Each line of `text`, cut to the width, in the code look.
    private func codeLines(_ text: String, width: Int) -> [ScreenLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            TextLayout.hardWrap(String($0), width: max(10, width - 4)).map { ScreenLine.text($0, theme.code) }
        }
    }
}

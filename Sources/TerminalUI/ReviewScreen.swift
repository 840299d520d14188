import OpenConnectors
import Wizard

/// The review step: every value (secrets masked), the JSON body and the equivalent curl command.
struct ReviewScreen {
    let state: CreateWizard
    let theme: Theme
    let width: Int

    /// All lines; the view scrolls them.
    func lines() -> [ScreenLine] {
        var lines: [ScreenLine] = [.text("Check everything, then Submit", theme.heading)]
        lines += Widgets(state: state, theme: theme, width: width).banner()
        for row in ParameterTable.all where Validator.isActive(row, in: state.form) {
            let value = displayValue(row)
            let wrapped = TextLayout.hardWrap(value, width: max(10, width - 28))
            for (index, piece) in wrapped.enumerated() {
                lines.append(ScreenLine([
                    Span((index == 0 ? row.label : "").padded(to: 22), theme.label), Span(" "),
                    Span(piece, value == "(not set)" ? theme.placeholder : theme.label),
                ]))
            }
        }
        lines.append(.blank)
        lines.append(.text("Request body (POST /instances)", theme.heading))
        lines += maskedBody().prettyText.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            TextLayout.hardWrap(String($0), width: max(10, width - 4)).map { ScreenLine.text($0, theme.code) }
        }
        lines.append(.blank)
        lines.append(.text("The same request with curl (secrets from environment variables)", theme.heading))
        lines += CurlCommand.create(baseURL: state.form.normalized(.baseURL), form: state.form)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextLayout.hardWrap(String($0), width: max(10, width - 4)).map { ScreenLine.text($0, theme.code) } }
        return lines
    }

    private func displayValue(_ row: Parameter) -> String {
        if row.id == .eventsEnabled { return state.form.eventsEnabled ? "on" : "off" }
        if row.isSecret {
            let secret = state.form.secret(row.id)
            return secret.isEmpty ? "(not set)" : Redaction.dots
        }
        let value = state.form.normalized(row.id)
        return value.isEmpty ? "(not set)" : value
    }

    /// The request body with every secret masked.
    private func maskedBody() -> JSONValue {
        InstanceRequest.body(from: state.form) { _, _ in Redaction.dots }
    }
}

import OpenConnectors
import Wizard

/// The props of each step's screen.
extension CreatePresenter {
    /// A form step (every step without a screen of its own): its fields in focus order, buttons and busy line.
    static func form(_ state: CreateWizard) -> FormStepScreen.Props {
        var rows: [FormStepScreen.Row] = []
        for item in state.focusables {
            switch item {
            case .hostPreset: rows.append(.hostPicker(hostPicker(state)))
            case .field(let id): rows.append(.field(field(id, state)))
            case .action: break
            }
        }
        return FormStepScreen.Props(header: intro(state), banner: state.banner.map(BannerBlock.Props.init), rows: rows,
                                    confirmation: state.step == .grantCode ? codeFound(state) : nil,
                                    buttons: buttons(state), busy: busy(state))
    }

    /// A labelled input: its value masked unless revealed, "required" or "optional" when empty, its problems.
    static func field(_ id: ParameterID, _ state: CreateWizard) -> FormField.Props {
        let row = ParameterTable[id]
        let focused = state.focus == .field(id)
        let value: FormField.Value
        if row.kind == .boolean {
            value = .toggle(on: state.form.eventsEnabled)
        } else {
            let editor = state.editor(for: id)
            if editor.text.isEmpty, !focused {
                value = .placeholder(Validator.isRequired(row, in: state.form) ? "required" : "optional")
            } else {
                let hidden = row.isSecret && !state.revealed.contains(id)
                value = .text(hidden ? Mask.field(editor.text) : editor.text, cursor: editor.cursor)
            }
        }
        let messages = state.problems(for: id).map { FormField.Message(isError: $0.severity == .error, text: $0.message) }
        return FormField.Props(label: row.label, focused: focused, value: value, messages: messages)
    }

    /// The host preset picker: the preset's name and its host.
    static func hostPicker(_ state: CreateWizard) -> HostPicker.Props {
        let preset = state.hostPresets[state.presetIndex]
        let host = preset.baseURL.flatMap { ParsedURL($0)?.host } ?? "type the URL below"
        return HostPicker.Props(text: "◀ \(preset.name) ▶  \(host)", focused: state.focus == .hostPreset)
    }

    /// "Code found: ••• (n characters), state matches", only when the whole pasted value passes
    /// (a redirect to another address does not).
    static func codeFound(_ state: CreateWizard) -> String? {
        let pasted = state.form[.code]
        let expected = state.authorization?.request.state
        guard !pasted.isEmpty, Validator.problems(of: .code, in: state.form, expectedState: expected).errors.isEmpty,
              case .success(let grant) = GrantCode.parse(pasted, expectedState: expected) else { return nil }
        let shown = state.revealed.contains(.code) ? grant.code : String(repeating: "•", count: min(grant.code.count, 32))
        return "Code found: \(shown) (\(grant.code.count) characters)" + (grant.state != nil ? ", state matches" : "")
    }

    /// The sign-in step: the URL once fetched, or the wait for it.
    static func authorize(_ state: CreateWizard) -> AuthorizeScreen.Props {
        AuthorizeScreen.Props(header: intro(state), banner: state.banner.map(BannerBlock.Props.init), busy: busy(state),
                              url: state.authorization?.url, buttons: buttons(state))
    }

    /// The review: every active value (secrets masked), the masked request body and the curl command.
    static func review(_ state: CreateWizard) -> ReviewScreen.Props {
        let form = state.form
        let values = ParameterTable.all.filter { Validator.isActive($0, in: form) }.map { row -> ReviewScreen.Value in
            let value = row.id == .eventsEnabled ? (form.eventsEnabled ? "on" : "off")
                : row.id == .code ? InstanceRequest.grantCode(in: form) : form.normalized(row.id)
            if value.isEmpty { return ReviewScreen.Value(label: row.label, text: "(not set)", isSet: false) }
            return ReviewScreen.Value(label: row.label, text: row.isSecret ? Mask.secret(value) : value, isSet: true)
        }
        return ReviewScreen.Props(banner: state.banner.map(BannerBlock.Props.init), values: values, body: maskedBody(form).prettyText,
                                  curl: CurlCommand.create(baseURL: form.normalized(.baseURL), form: form))
    }

    /// The request body with every secret masked.
    private static func maskedBody(_ form: InstanceForm) -> JSONValue {
        var body = InstanceRequest.body(from: form)
        body = body.setting("providerData", to: .object([("code", .string(Mask.dots))]))
        var configuration = body["configuration"] ?? .object([])
        for row in ParameterTable.all where row.isSecret && row.placement == .configuration {
            if let value = configuration[row.wireKey]?.stringValue { configuration = configuration.setting(row.wireKey, to: .string(value.isEmpty ? "" : Mask.dots)) }
        }
        return body.setting("configuration", to: configuration)
    }

    /// The result: the flow's heading, the created instance, or the failure and what to do next.
    static func result(_ state: CreateWizard) -> ResultScreen.Props {
        let banner = state.banner.map(BannerBlock.Props.init)
        guard let instance = state.createdInstance else {
            return ResultScreen.Props(heading: state.journey.intro.heading, tone: .error, banner: banner, advice: retryAdvice(state))
        }
        return ResultScreen.Props(heading: state.journey.intro.heading, tone: .success, banner: banner,
                                  instance: InstancePresentation.panel(instance, baseURL: state.form.normalized(.baseURL), tokenRevealed: state.tokenRevealed,
                                                                       savedPath: state.savedPath, eventsEnabled: state.form.eventsEnabled))
    }

    /// What to do next, by the step the failure sends the user back to.
    private static func retryAdvice(_ state: CreateWizard) -> String {
        switch state.submitFailure.map(FailureRouter.returnStep(for:)) ?? .review {
        case .authorize: "Every other value is kept: sign in again for a new code, then submit again."
        case .azureApp: "Every value is kept: correct the Azure app values, sign in again, then submit."
        case .connection: "Every value is kept: correct the secrets, then submit again."
        default: "Every value is kept: Retry sends the same request again."
        }
    }
}

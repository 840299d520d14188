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
                value = .text(hidden ? Redaction.field(editor.text) : editor.text, cursor: editor.cursor)
            }
        }
        let messages = state.problems(for: id).map { FormField.Message(isError: $0.severity == .error, text: $0.message) }
        // The last run's values are marked on the row: they were not chosen for this run.
        let origin = state.source(of: id) == .lastRun ? "[last run]" : nil
        return FormField.Props(label: row.label, focused: focused, value: value, messages: messages, origin: origin)
    }

    /// The host preset picker: the preset's name and its host.
    static func hostPicker(_ state: CreateWizard) -> HostPicker.Props {
        let preset = state.hostPresets[state.presetIndex]
        let host = preset.baseURL.flatMap { ParsedURL($0)?.host } ?? "type the URL below"
        return HostPicker.Props(text: "◀ \(preset.name) ▶  \(host)", focused: state.focus == .hostPreset)
    }

    /// "Code found: ••••••••, state matches", only when the whole pasted value passes (a redirect
    /// to another address does not). The hidden code has the fixed-length mask: its length is not shown.
    static func codeFound(_ state: CreateWizard) -> String? {
        let pasted = state.form[.code]
        let expected = state.authorization?.expectedState
        guard !pasted.isEmpty, Validator.problems(of: .code, in: state.form, expectedState: expected).errors.isEmpty,
              case .success(let grant) = GrantCode.parse(pasted, expectedState: expected) else { return nil }
        let shown = state.revealed.contains(.code) ? grant.code.revealed : Redaction.dots
        return "Code found: \(shown)" + (grant.state != nil ? ", state matches" : "")
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
            if row.isSecret {
                // Only whether it is set shows, so the text decides (no grant-code parse per frame).
                return form.normalized(row.id).isEmpty ? ReviewScreen.Value(label: row.label, text: "(not set)", isSet: false)
                    : ReviewScreen.Value(label: row.label, text: Redaction.dots, isSet: true)
            }
            let value = row.id == .eventsEnabled ? (form.eventsEnabled ? "on" : "off") : form.normalized(row.id)
            if value.isEmpty { return ReviewScreen.Value(label: row.label, text: "(not set)", isSet: false) }
            return ReviewScreen.Value(label: row.label, text: value, isSet: true)
        }
        let request = ReviewRequestTexts.shared.texts(for: form)
        return ReviewScreen.Props(banner: state.banner.map(BannerBlock.Props.init), values: values, body: request.body, curl: request.curl)
    }

    /// The result: the flow's heading and advice (created, not created, or after a lost answer found
    /// or still unknown), the created instance, or the failure's banner.
    static func result(_ state: CreateWizard) -> ResultScreen.Props {
        let banner = state.banner.map(BannerBlock.Props.init)
        let intro = state.journey.intro
        guard let instance = state.createdInstance else {
            let unknown = state.journey.state.lostAnswer.map { if case .failed = $0.search { true } else { false } } ?? false
            return ResultScreen.Props(heading: intro.heading, tone: unknown ? .warning : .error, banner: banner, advice: intro.text)
        }
        return ResultScreen.Props(heading: intro.heading, tone: .success, banner: banner,
                                  instance: InstancePresentation.panel(instance, baseURL: state.form.normalized(.baseURL), tokenRevealed: state.tokenRevealed,
                                                                       savedPath: state.savedPath, eventsEnabled: state.form.eventsEnabled))
    }
}

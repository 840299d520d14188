import OpenConnectors
import TerminalKeys

extension CreateWizard {
    /// Keys while nothing is open and nothing is in flight: bound commands first, then typing.
    mutating func handleKey(_ key: Key) -> [Effect] {
        if let binding = keyBindings.first(where: { $0.keys.contains(key) }) {
            return run(binding.command, key: key)
        }
        if focusIsTextInput, let id = focusedParameter { edit(id) { _ = $0.apply(key) } }
        return []
    }

    /// Runs a bound command.
    mutating func run(_ command: Command, key: Key) -> [Effect] {
        switch command {
        case .nextField: moveFocus(by: 1)
        case .previousField: moveFocus(by: -1)
        case .nextStep: return drive { $0.goOn() }
        case .previousStep, .back: return goBack()
        case .activate: return activateFocused(viaEnter: key == .enter)
        case .toggle: toggleEvents()
        case .help: modal = .help(helpSubject)
        case .reveal: toggleReveal()
        case .pickScopes:
            modal = .scopePicker(cursor: 0, chosen: form.normalized(.scope).split(separator: " ").map(String.init))
        case .cyclePreset: cyclePreset(by: key == .left ? -1 : 1)
        case .scroll: scrollOffset = max(0, scrollOffset + (key == .up ? -1 : 1))
        case .scrollPage: scrollOffset = max(0, scrollOffset + (key == .pageUp ? -10 : 10))
        case .cancelRequest: return [.cancelRequest]
        case .quit: return perform(.quit)
        }
        return []
    }

    /// Keys while a request is in flight: only the bindings (Esc cancels); other keys are ignored,
    /// since the screen is about to change.
    mutating func handleBusyKey(_ key: Key) -> [Effect] {
        guard let binding = keyBindings.first(where: { $0.keys.contains(key) }) else { return [] }
        return run(binding.command, key: key)
    }

    /// Back one step; on the first step, quit (asking first if anything was typed) or leave the journey.
    mutating func goBack() -> [Effect] {
        if journey.index == 0 {
            switch firstStepBack {
            case .leave:
                left = true
                return []
            case .quit:
                if hasUserInput { modal = .confirmQuit; return [] }
                return [.quit(status: ExitCode.cancelled)]
            }
        }
        return drive { journey in journey.stepBack() ?? [] }
    }

    /// A bracketed paste goes whole into the focused text field.
    mutating func handlePaste(_ text: String) -> [Effect] {
        if case .save(let dialog) = modal {
            modal = .save(dialog.pasting(text))
            return []
        }
        guard modal == nil, busy == nil, focusIsTextInput, let id = focusedParameter else { return [] }
        let kind = ParameterTable[id].kind
        let piece = id == .code ? text : Self.singleLine(text, joinWith: kind == .text || kind == .tagList ? " " : "")
        edit(id) { $0.insert(piece) }
        // A pasted grant code or redirect is complete: say at once what was found in it.
        if id == .code { journey.state.messages[id] = Validator.problems(of: id, in: form, expectedState: journey.state.expectedState) }
        return []
    }

    /// Trims a paste and joins its lines (terminals wrap long URLs and secrets).
    static func singleLine(_ text: String, joinWith separator: String) -> String {
        Normalizer.trim(text).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { Normalizer.trim(String($0)) }
            .joined(separator: separator).replacingTabs()
    }

    /// Edits a field's text and cursor; a change of text clears the field's messages.
    mutating func edit(_ id: ParameterID, _ change: (inout TextEditor) -> Void) {
        var editor = editor(for: id)
        change(&editor)
        journey.state.set(id, to: editor.text)
        cursors[id] = editor.cursor
    }

    /// Replaces a field's value programmatically, the cursor at its end.
    mutating func replaceValue(_ id: ParameterID, with text: String) {
        journey.state.set(id, to: text)
        cursors[id] = nil
    }

    /// Moves the focus, validating the field being left.
    mutating func moveFocus(by delta: Int) {
        let items = focusables
        guard !items.isEmpty else { return }
        if case .field(let id) = focus { journey.state.check(id) }
        let index = items.firstIndex(of: focus) ?? 0
        focus = items[(index + delta + items.count) % items.count]
    }

    /// Enter, or Space on a non-text element.
    mutating func activateFocused(viaEnter: Bool) -> [Effect] {
        switch focus {
        case .hostPreset:
            if viaEnter { moveFocus(by: 1) } else { cyclePreset(by: 1) }
        case .field(.eventsEnabled) where !viaEnter:
            toggleEvents()
        case .field(let id):
            // "Enter next step" in the help bar when nothing after the field still needs an answer.
            if enterGoesOn {
                journey.state.check(id)
                return drive { $0.goOn() }
            }
            moveFocus(by: 1)
        case .action(let action):
            return perform(action)
        }
        return []
    }

    /// Presses a button: screen-only ones here, the rest in the journey.
    mutating func perform(_ action: WizardAction) -> [Effect] {
        switch action {
        case .back: return goBack()
        case .saveResult:
            guard let instance = createdInstance else { return [] }
            modal = .save(.start(for: instance))
            return []
        case .quit:
            return [.quit(status: createdInstance == nil ? ExitCode.cancelled : ExitCode.success)]
        default:
            return drive { $0.press(action) }
        }
    }

    /// Turns events on or off.
    mutating func toggleEvents() {
        var state = journey.state
        state.form.eventsEnabled.toggle()
        state.messages[.eventsEnabled] = nil
        if !state.form.eventsEnabled { state.messages[.eventsCallbackURL] = nil; state.messages[.signatureKey] = nil }
        journey.state = state
    }

    /// Picks the next or previous host preset and writes its URL into the base URL.
    mutating func cyclePreset(by delta: Int) {
        let presets = hostPresets
        presetIndex = (presetIndex + delta + presets.count) % presets.count
        if let url = presets[presetIndex].baseURL { replaceValue(.baseURL, with: url) }
        journey.state.messages[.baseURL] = nil
    }

    /// Ctrl-R: show or hide the focused secret (or the token on the result screen).
    mutating func toggleReveal() {
        if step == .result { tokenRevealed.toggle(); return }
        guard let id = focusedParameter, ParameterTable[id].isSecret else {
            notice = "Ctrl-R reveals a secret field; move to one first."
            return
        }
        if revealed.contains(id) { revealed.remove(id) } else { revealed.insert(id) }
    }
}

extension String {
    /// Tabs become single spaces.
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}

import OpenConnectors

extension CreateWizard {
    /// Keys while nothing is open and nothing is in flight: bound commands first, then typing.
    mutating func handleKey(_ key: Key) -> [Effect] {
        if let binding = keyBindings.first(where: { $0.keys.contains(key) }) {
            return run(binding.command, key: key)
        }
        if focusIsTextInput, let id = focusedParameter { edit(id, key) }
        return []
    }

    /// Runs a bound command.
    mutating func run(_ command: Command, key: Key) -> [Effect] {
        switch command {
        case .nextField: moveFocus(by: 1)
        case .previousField: moveFocus(by: -1)
        case .nextStep: return goNext()
        case .previousStep, .back: return goBack()
        case .activate: return activateFocused(viaEnter: key == .enter)
        case .toggle: toggleEvents()
        case .help: modal = .help(helpSubject)
        case .reveal: toggleReveal()
        case .pickScopes:
            modal = .scopePicker(cursor: 0, chosen: form.normalized(.scope).split(separator: " ").map(String.init))
        case .cyclePreset: cyclePreset(by: key == .left ? -1 : 1)
        case .scrollDown: scrollOffset += 1
        case .scrollUp: scrollOffset = max(0, scrollOffset - 1)
        case .pageDown: scrollOffset += 10
        case .pageUp: scrollOffset = max(0, scrollOffset - 10)
        case .cancelRequest: return [.cancelRequest]
        }
        return []
    }

    /// Keys while a request is in flight: only the bindings (Esc cancels); other keys are ignored,
    /// since the screen is about to change.
    mutating func handleBusyKey(_ key: Key) -> [Effect] {
        guard let binding = keyBindings.first(where: { $0.keys.contains(key) }) else { return [] }
        return run(binding.command, key: key)
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
        var editor = editors[id] ?? TextEditor(text: form[id])
        editor.insert(piece)
        setValue(id, editor)
        // A pasted grant code or redirect is complete: say at once what was found in it.
        if id == .code { messages[id] = Validator.problems(of: id, in: form, expectedState: expectedState) }
        return []
    }

    /// Trims a paste and joins its lines (terminals wrap long URLs and secrets).
    static func singleLine(_ text: String, joinWith separator: String) -> String {
        Normalizer.trim(text).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { Normalizer.trim(String($0)) }
            .joined(separator: separator).replacingTabs()
    }

    /// Applies an editing key to a field.
    mutating func edit(_ id: ParameterID, _ key: Key) {
        var editor = editors[id] ?? TextEditor(text: form[id])
        guard editor.apply(key) else { return }
        setValue(id, editor)
    }

    /// Stores an edited value; the next edit clears the field's messages.
    mutating func setValue(_ id: ParameterID, _ editor: TextEditor) {
        let changed = editor.text != form[id]
        editors[id] = editor
        form[id] = editor.text
        if changed { messages[id] = nil }
    }

    /// Replaces a field's value programmatically.
    mutating func replaceValue(_ id: ParameterID, with text: String) {
        setValue(id, TextEditor(text: text))
    }

    /// Moves the focus, validating the field being left.
    mutating func moveFocus(by delta: Int) {
        let items = focusables
        guard !items.isEmpty else { return }
        validateLeaving(focus)
        let index = items.firstIndex(of: focus) ?? 0
        focus = items[(index + delta + items.count) % items.count]
    }

    /// Validates a field as the focus leaves it.
    mutating func validateLeaving(_ item: Focusable) {
        // Empty fields are flagged on Next, not while the user is still tabbing through the form.
        guard case .field(let id) = item, !form.normalized(id).isEmpty else { return }
        messages[id] = Validator.problems(of: id, in: form, expectedState: expectedState)
    }

    /// The OAuth state a pasted redirect must carry.
    var expectedState: String? { authorization?.request.state }

    /// Enter, or Space on a non-text element.
    mutating func activateFocused(viaEnter: Bool) -> [Effect] {
        switch focus {
        case .hostPreset:
            if viaEnter { moveFocus(by: 1) } else { cyclePreset(by: 1) }
        case .field(.eventsEnabled) where !viaEnter:
            toggleEvents()
        case .field:
            // Enter on the events toggle too: with events off it is the last field, so it goes
            // on ("Enter next step" in the help bar), as on every other step.
            let items = focusables
            if let index = items.firstIndex(of: focus), index + 1 < items.count, case .action = items[index + 1] {
                validateLeaving(focus)
                return goNext()
            }
            moveFocus(by: 1)
        case .action(let action):
            return perform(action)
        }
        return []
    }

    /// Turns events on or off.
    mutating func toggleEvents() {
        form.eventsEnabled.toggle()
        editors[.eventsEnabled] = TextEditor(text: form[.eventsEnabled])
        messages[.eventsEnabled] = nil
        if !form.eventsEnabled { messages[.eventsCallbackURL] = nil; messages[.signatureKey] = nil }
    }

    /// Picks the next or previous host preset and writes its URL into the base URL.
    mutating func cyclePreset(by delta: Int) {
        let presets = hostPresets
        presetIndex = (presetIndex + delta + presets.count) % presets.count
        if let url = presets[presetIndex].baseURL { replaceValue(.baseURL, with: url) }
        messages[.baseURL] = nil
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

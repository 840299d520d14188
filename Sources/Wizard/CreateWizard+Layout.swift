import OpenConnectors

extension CreateWizard {
    /// What can hold the focus on the current step, top to bottom: the step's fields, then its buttons.
    public var focusables: [Focusable] {
        var items: [Focusable] = []
        for id in journey.fields {
            if id == .baseURL {
                // The API base is picked from host presets; the URL field shows only for "Custom".
                items.append(.hostPreset)
                if hostPresets[presetIndex].baseURL == nil { items.append(.field(.baseURL)) }
            } else {
                items.append(.field(id))
            }
        }
        return items + journey.actions.map(Focusable.action)
    }

    /// Whether Enter on the focused field goes on to the next step rather than to the next field:
    /// nothing after it on the step still needs an answer (every later field is optional or
    /// filled), so a step filled in advance, or one whose last required field was just typed,
    /// takes one Enter.
    var enterGoesOn: Bool {
        let items = focusables
        guard case .field = focus, let index = items.firstIndex(of: focus) else { return false }
        let form = journey.state.form
        return items[(index + 1)...].allSatisfy { item in
            guard case .field(let id) = item else { return true }
            return !form.normalized(id).isEmpty || !Validator.isRequired(ParameterTable[id], in: form)
        }
    }

    /// What the quit dialog asks: a create warns that nothing is created, other journeys only that input is lost.
    public var quitQuestion: String {
        journey.stepIDs.contains(.submitting)
            ? "Quit without creating an instance? What you typed is not saved."
            : "Quit ocwizard? What you typed is not saved."
    }

    /// The parameter whose field has the focus, if any.
    public var focusedParameter: ParameterID? {
        if case .field(let id) = focus { return id }
        return nil
    }

    /// The parameter that help describes: the focused field, or the base URL for the host picker.
    public var helpSubject: ParameterID? {
        focus == .hostPreset ? .baseURL : focusedParameter
    }

    /// Whether the focused element is a text input (so printable keys type).
    var focusIsTextInput: Bool {
        guard let id = focusedParameter else { return false }
        return ParameterTable[id].kind != .boolean
    }

    /// Puts the focus where typing starts: the first field with an error; on a step with
    /// pre-filled values (profile, environment, last run, sandbox…), the first empty required field,
    /// or Next when every required value is there and passes; otherwise the first element.
    mutating func focusFirst() {
        let items = focusables
        let fields = items.compactMap { item -> ParameterID? in if case .field(let id) = item { id } else { nil } }
        if let firstError = fields.first(where: { !(journey.state.messages[$0]?.errors.isEmpty ?? true) }) {
            focus = .field(firstError)
            return
        }
        let required = fields.filter { Validator.isRequired(ParameterTable[$0], in: form) }
        if !fields.contains(where: isPrefilled) {
            focus = items.first ?? .action(.next)
        } else if let empty = required.first(where: needsTyping) {
            focus = .field(empty)
        } else if !required.isEmpty, items.contains(.action(.next)), Validator.problems(in: form, for: journey.current.checked).errors.isEmpty {
            focus = .action(.next)
        } else {
            focus = items.first ?? .action(.next)
        }
    }

    /// Whether a field holds the value the wizard started with (from any source), unchanged.
    private func isPrefilled(_ id: ParameterID) -> Bool {
        guard let value = configuration.prefill[id], !value.isEmpty else { return false }
        return value == form[id]
    }

    /// Whether a field still needs typing: it is empty, or holds only the profile's name prefix.
    private func needsTyping(_ id: ParameterID) -> Bool {
        form.normalized(id).isEmpty || (id == .name && source(of: id) == .profile)
    }

    /// Keeps the focus on something that exists after the step's layout changed.
    mutating func repairFocus() {
        if !focusables.contains(focus) { focusFirst() }
    }

    /// The problems to show for a parameter's field.
    public func problems(for id: ParameterID) -> [Problem] { journey.state.problems(for: id) }

    /// Where a pre-filled value came from, if it is unchanged.
    public func source(of id: ParameterID) -> ValueSource? {
        guard let source = configuration.prefillSources[id], configuration.prefill[id] == form[id] else { return nil }
        return source
    }
}

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

    /// Puts the focus on the first element of the step (or the first with an error).
    mutating func focusFirst() {
        let items = focusables
        let firstError = items.first { item in
            if case .field(let id) = item { return !(journey.state.messages[id]?.errors.isEmpty ?? true) }
            return false
        }
        focus = firstError ?? items.first ?? .action(.next)
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

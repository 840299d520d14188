import OpenConnectors

extension WizardStep {
    /// The parameters validated when leaving this step.
    public var parameters: [ParameterID] {
        switch self {
        case .connection: [.baseURL, .userSecret, .organizationSecret]
        case .azureApp: [.apiKey, .apiSecret, .callbackURL, .scope]
        case .grantCode: [.code]
        case .events: [.eventsEnabled, .eventsCallbackURL, .signatureKey]
        case .instance: [.name, .tags]
        case .authorize, .review, .submitting, .result: []
        }
    }

    /// The step a failed submit sends the user back to.
    public static func returnStep(for error: OpenConnectorsError) -> WizardStep {
        guard case .api(let failure) = error else { return .review }
        switch failure.kind {
        case .wrongSecrets: return .connection
        case .grantCodeRejected: return .authorize
        case .redirectURIMismatch, .clientSecretRejected: return .azureApp
        default: return .review
        }
    }
}

extension CreateWizard {
    /// What can hold the focus on the current step, top to bottom.
    public var focusables: [Focusable] {
        switch step {
        case .connection:
            let custom = hostPresets[presetIndex].baseURL == nil
            return [.hostPreset] + (custom ? [.field(.baseURL)] : []) + [.field(.userSecret), .field(.organizationSecret), .action(.next)]
        case .azureApp:
            return [.field(.apiKey), .field(.apiSecret), .field(.callbackURL), .field(.scope), .action(.next)]
        case .authorize:
            guard authorization != nil else { return busy == nil ? [.action(.retryAuthorizationURL), .action(.back)] : [] }
            return [.action(.copyURL)] + (configuration.browserAvailable ? [.action(.openBrowser)] : [])
                + (isSandbox ? [.action(.simulateSignIn)] : []) + [.action(.next)]
        case .grantCode:
            return [.field(.code), .action(.next)]
        case .events:
            let extra: [Focusable] = form.eventsEnabled ? [.field(.eventsCallbackURL), .field(.signatureKey), .action(.generateKey)] : []
            return [.field(.eventsEnabled)] + extra + [.action(.next)]
        case .instance:
            return [.field(.name), .field(.tags), .action(.next)]
        case .review:
            return [.action(.submit), .action(.back)]
        case .submitting:
            return []
        case .result:
            if createdInstance != nil { return [.action(.copyToken), .action(.saveResult), .action(.quit)] }
            let back = submitFailure.map { WizardStep.returnStep(for: $0) } ?? .review
            return [.action(.goTo(back))] + (back == .review ? [.action(.retrySubmit)] : []) + [.action(.quit)]
        }
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
        if let firstError = items.first(where: { item in
            if case .field(let id) = item { return !(messages[id]?.errors.isEmpty ?? true) }
            return false
        }) {
            focus = firstError
        } else {
            focus = items.first ?? .action(.next)
        }
    }

    /// Keeps the focus on something that exists after the step's layout changed.
    mutating func repairFocus() {
        if !focusables.contains(focus) { focusFirst() }
    }

    /// The problems to show for a parameter's field.
    public func problems(for id: ParameterID) -> [Problem] { messages[id] ?? [] }

    /// Where a pre-filled value came from, if it is unchanged.
    public func source(of id: ParameterID) -> String? {
        guard let source = configuration.prefillSources[id], configuration.prefill[id] == form[id] else { return nil }
        return source
    }
}

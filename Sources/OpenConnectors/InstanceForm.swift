/// The values the user has entered so far, keyed by parameter, as typed.
///
/// Values stay exactly as typed (so nothing is lost on a failed submit); `normalized(_:)`
/// gives what is validated and sent.
public struct InstanceForm: Sendable, Equatable {
    /// Raw values; a missing key means "never touched".
    public var values: [ParameterID: String]

    /// A form filled with the parameter table's defaults.
    public init() {
        values = [:]
        for row in ParameterTable.all {
            if let value = row.defaultValue { values[row.id] = value }
        }
    }

    /// A form with exactly these values (no defaults).
    public init(values: [ParameterID: String]) {
        self.values = values
    }

    /// The raw value, or an empty string.
    public subscript(_ id: ParameterID) -> String {
        get { values[id] ?? "" }
        set { values[id] = newValue }
    }

    /// The value as it is validated and sent (see `Normalizer`).
    public func normalized(_ id: ParameterID) -> String {
        Normalizer.normalize(id, self[id])
    }

    /// A secret parameter's value as it is sent, typed so it cannot show itself by accident; for
    /// the grant code, the code extracted from a pasted address.
    ///
    /// The form keeps what is typed as text (the editor needs it); everything that leaves the form
    /// for a request, a setting or a file takes secrets through here.
    public func secret(_ id: ParameterID) -> Secret {
        precondition(ParameterTable[id].isSecret, "\(id) is not a secret parameter")
        if id == .code, let code = try? GrantCode.parse(self[.code]).get().code { return code }
        return Secret(normalized(id))
    }

    /// The values of every parameter that is not a secret (what a profile or the last run may keep).
    public var nonSecretValues: [ParameterID: String] {
        values.filter { !ParameterTable[$0.key].isSecret }
    }

    /// Whether `event.notification.enabled` is on.
    public var eventsEnabled: Bool {
        get { normalized(.eventsEnabled) == "true" }
        set { self[.eventsEnabled] = newValue ? "true" : "false" }
    }

    /// The tags as a list, trimmed, empty entries dropped.
    public var tagList: [String] {
        Normalizer.tagList(self[.tags]).filter { !$0.isEmpty }
    }
}

/// The one JSON shape ocwizard writes an instance in: `create --json`, `recover --no-input --json`
/// and the saved file.
public enum InstanceDocument {
    /// The keys, in order, as the help texts name them.
    public static let keys = "{id, name, token, baseUrl, element, tags, valid, disabled, eventsEnabled, createdDate}"

    /// `instance` read from `baseURL`; `eventsEnabled` stands in when the service did not say.
    public static func json(_ instance: Instance, baseURL: String, eventsEnabled: Bool? = nil) -> JSONValue {
        let optionalBool = { (value: Bool?) in value.map(JSONValue.bool) ?? .null }
        return .object([
            ("id", .integer(instance.id)),
            ("name", .string(instance.name)),
            ("token", instance.token.map { .string($0.revealed) } ?? .null),
            ("baseUrl", .string(baseURL)),
            ("element", .string(instance.element?.key ?? ParameterTable.connectorKey)),
            ("tags", .array(instance.tags.map(JSONValue.string))),
            ("valid", optionalBool(instance.valid)),
            ("disabled", optionalBool(instance.disabled)),
            ("eventsEnabled", optionalBool(instance.eventsEnabled ?? eventsEnabled)),
            ("createdDate", instance.createdDate.map(JSONValue.string) ?? .null),
        ])
    }
}

/// Why a parsed JSON value does not have the shape a type needs ("missing id").
public struct JSONShapeError: Error, Equatable {
    public let detail: String
    public init(_ detail: String) { self.detail = detail }
}

/// Reading instances from a parsed `JSONValue`: the one place their lenient rules live, used by
/// `Decodable` (single answers) and by the listing's own parser alike.
extension Instance {
    /// An instance from its JSON object. `id` (a number or numeric string) is required and `name`
    /// must be a string when present; every other field is kept only when its shape is usable.
    public init(json: JSONValue) throws(JSONShapeError) {
        guard case .object(let members) = json else { throw JSONShapeError("unexpected value at instance") }
        var fields = Fields()
        for (key, value) in members {
            // The first of repeated names counts, as with Foundation's decoder.
            if let field = Field(key: key), fields[field] == nil { fields[field] = value }
        }
        guard let idValue = fields[.id], let id = idValue.lenientInt else {
            throw JSONShapeError(fields[.id] == nil || fields[.id] == .null ? "missing id" : "unexpected value at id")
        }
        let name: String
        switch fields[.name] {
        case nil, .null?: name = ""
        case .string(let text)?: name = text
        default: throw JSONShapeError("unexpected value at name")
        }
        var tags: [String] = []
        if case .array(let items)? = fields[.tags] {
            tags = items.compactMap { item in item.stringValue ?? item["name"]?.stringValue }
        }
        var configuration: [String: String] = [:]
        if case .object(let pairs)? = fields[.configuration] {
            for (key, value) in pairs {
                switch value {
                case .string(let text): configuration[key] = text
                case .bool(let flag): configuration[key] = flag ? "true" : "false"
                case .integer(let number): configuration[key] = String(number)
                case .number(let number): configuration[key] = String(number)
                default: break
                }
            }
        }
        let createdDate: String? = switch fields[.createdDate] {
        case .string(let text)?: text
        case .integer?, .number?: fields[.createdDate]?.lenientInt.map(String.init)
        default: nil
        }
        self.init(id: id, name: name, token: fields[.token]?.stringValue.map { Secret($0) },
                  element: fields[.element].flatMap(ElementSummary.init(json:)), tags: tags,
                  valid: fields[.valid]?.lenientBool, disabled: fields[.disabled]?.lenientBool,
                  eventsEnabled: fields[.eventsEnabled]?.lenientBool, createdDate: createdDate,
                  configuration: configuration, user: fields[.user].flatMap(InstanceUser.init(json:)))
    }

    /// The members an instance is read from.
    private enum Field: Int, CaseIterable {
        case id, name, token, element, tags, valid, disabled, eventsEnabled, createdDate, configuration, user

        /// The field named `key`, found by length first (a listing reads 20 names per instance).
        init?(key: String) {
            let field: Field? = switch key.utf8.count {
            case 2: key == "id" ? .id : nil
            case 4: key == "name" ? .name : key == "tags" ? .tags : key == "user" ? .user : nil
            case 5: key == "token" ? .token : key == "valid" ? .valid : nil
            case 7: key == "element" ? .element : nil
            case 8: key == "disabled" ? .disabled : nil
            case 11: key == "createdDate" ? .createdDate : nil
            case 13: key == "eventsEnabled" ? .eventsEnabled : key == "configuration" ? .configuration : nil
            default: nil
            }
            guard let field else { return nil }
            self = field
        }
    }

    /// The members found, one slot per field (no hashing per member).
    private struct Fields {
        private var slots = [JSONValue?](repeating: nil, count: Field.allCases.count)
        subscript(_ field: Field) -> JSONValue? {
            get { slots[field.rawValue] }
            set { slots[field.rawValue] = newValue }
        }
    }
}

extension ElementSummary {
    /// The connector from its JSON object; `nil` for another shape or a `key` that is not a string.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        let key: String
        switch json["key"] {
        case nil, .null?: key = ""
        case .string(let text)?: key = text
        default: return nil
        }
        self.init(id: json["id"]?.lenientInt, key: key, name: json["name"]?.stringValue)
    }
}

extension InstanceUser {
    /// The owner from its JSON object, each field on its own; `nil` for another shape.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        self.init(id: json["id"]?.lenientInt, emailAddress: json["emailAddress"]?.stringValue,
                  firstName: json["firstName"]?.stringValue, lastName: json["lastName"]?.stringValue)
    }
}

extension JSONValue {
    /// A boolean sent as JSON `true`/`false` or as the string `"true"`/`"false"` (any case), as
    /// the docs show both (API notes 4.1); `nil` for anything else.
    var lenientBool: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string(let text) where text.lowercased() == "true": true
        case .string(let text) where text.lowercased() == "false": false
        default: nil
        }
    }

    /// An integer sent as a whole number or as a numeric string.
    var lenientInt: Int? {
        switch self {
        case .integer(let number): number
        case .number(let number) where number == number.rounded() && abs(number) < 9.2e18: Int(number)
        case .string(let text): Int(text)
        default: nil
        }
    }
}

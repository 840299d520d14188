import Foundation

/// Any JSON value from a request body, so each field can be checked and reported on by name.
indirect enum WireJSON: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([WireJSON])
    case object([String: WireJSON])

    /// Parses `data` as one JSON document.
    static func parse(_ data: Data) throws -> WireJSON {
        try JSONDecoder().decode(WireJSON.self, from: data)
    }

    /// Decodes whichever JSON type the decoder holds.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([WireJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: WireJSON].self))
        }
    }

    /// The member `key` of an object; `nil` for a missing key or a non-object.
    subscript(key: String) -> WireJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// A scalar written as the service stores configuration values: strings as-is,
    /// booleans as `"true"`/`"false"`, whole numbers without a fraction; `nil` otherwise.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number) where number == number.rounded() && abs(number) < 1e15: String(Int64(number))
        case .number(let number): String(number)
        case .null, .array, .object: nil
        }
    }

    /// A short name of this value's JSON type, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

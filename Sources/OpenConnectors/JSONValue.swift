/// A JSON document whose objects keep their key order, for request bodies people read.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    /// Key/value pairs in the order they are written.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): Double(a) == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && a.allSatisfy { pair in b.contains { $0.0 == pair.0 && $0.1 == pair.1 } }
        default: false
        }
    }

    /// The member `key` of an object, if any.
    public subscript(_ key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// This object with `key` set to `value` (replaced in place, or appended).
    public func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case .object(var pairs) = self else { return self }
        if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = value } else { pairs.append((key, value)) }
        return .object(pairs)
    }

    /// This object without `key`.
    public func removing(_ key: String) -> JSONValue {
        guard case .object(let pairs) = self else { return self }
        return .object(pairs.filter { $0.0 != key })
    }

    /// The string value, if this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Compact JSON text.
    public var compactText: String {
        var out: [UInt8] = []
        write(into: &out, indent: false, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON text indented by two spaces, one member per line.
    public var prettyText: String { prettyText(level: 0) }

    /// The indented text of this value as it appears nested `level` deep in a `prettyText`
    /// (its first line not indented): lets a long array be written item by item.
    public func prettyText(level: Int) -> String {
        var out: [UInt8] = []
        writePretty(into: &out, level: level)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 of `prettyText(level:)` to `out`, so a listing writes thousands of
    /// instances into one buffer.
    public func writePretty(into out: inout [UInt8], level: Int) {
        write(into: &out, indent: true, level: max(0, level))
    }

    /// Writes the value as UTF-8 bytes (String appends cost a fifth of a large listing).
    private func write(into out: inout [UInt8], indent: Bool, level: Int) {
        let pad = { (out: inout [UInt8], depth: Int) in
            if indent { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth)) }
        }
        let endLine = { (out: inout [UInt8], isLast: Bool) in
            if !isLast { out.append(UInt8(ascii: ",")) }
            if indent { out.append(UInt8(ascii: "\n")) }
        }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .number(let value):
            let text = value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null"
            out.append(contentsOf: text.utf8)
        case .string(let value): Self.writeQuoted(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            if indent { out.append(UInt8(ascii: "\n")) }
            for (index, item) in items.enumerated() {
                pad(&out, level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
                endLine(&out, index == items.count - 1)
            }
            pad(&out, level)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            if indent { out.append(UInt8(ascii: "\n")) }
            for (index, pair) in pairs.enumerated() {
                pad(&out, level + 1)
                Self.writeQuoted(pair.0, into: &out)
                out.append(contentsOf: (indent ? ": " : ":").utf8)
                pair.1.write(into: &out, indent: indent, level: level + 1)
                endLine(&out, index == pairs.count - 1)
            }
            pad(&out, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        writeQuoted(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal.
    private static func writeQuoted(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Printable ASCII without `"` and `\` (names, ids, dates, most tokens) is copied as is.
        var text = text
        let plain = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if !plain { writeEscaped(text, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends `text` with JSON escapes, scalar by scalar.
    private static func writeEscaped(_ text: String, into out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: #"\""#.utf8)
            case "\\": out.append(contentsOf: #"\\"#.utf8)
            case "\n": out.append(contentsOf: #"\n"#.utf8)
            case "\r": out.append(contentsOf: #"\r"#.utf8)
            case "\t": out.append(contentsOf: #"\t"#.utf8)
            case "\u{2028}": out.append(contentsOf: #"\u2028"#.utf8)
            case "\u{2029}": out.append(contentsOf: #"\u2029"#.utf8)
            default:
                // C0, DEL and C1 (U+009B is a one-byte CSI to many terminals): escaped, so JSON
                // printed to a terminal can never drive it.
                if scalar.isControlCharacter {
                    let hex = String(scalar.value, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
    }
}

extension JSONValue: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
        } else if let object = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                ($0.stringValue, try object.decode(JSONValue.self, forKey: $0))
            })
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let value = try? single.decode(Bool.self) { self = .bool(value) }
            else if let value = try? single.decode(Int.self) { self = .integer(value) }
            else if let value = try? single.decode(Double.self) { self = .number(value) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .integer(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .number(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .string(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .array(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
        case .object(let pairs):
            var object = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in pairs { try object.encode(value, forKey: AnyKey(stringValue: key)) }
        }
    }
}

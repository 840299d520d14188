/// The ways a receiver commonly writes a parsed JSON body again.
public enum JSONForm: String, Sendable, CaseIterable {
    /// No white space, members in their order (JavaScript's `JSON.stringify`).
    case compact = "compact JSON"
    /// No white space, members sorted by name (`json.dumps(…, separators=(",", ":"), sort_keys=True)`).
    case compactSorted = "compact JSON with sorted keys"
    /// `", "` and `": "` between items, members in their order (Python's `json.dumps` default).
    case spaced = "JSON with Python's default spacing"
}

/// A JSON text parsed just far enough to write it again in another form: strings and numbers keep
/// their exact source bytes, so only white space and member order can change.
struct JSONDocument {
    /// One value; scalars are their source bytes.
    private indirect enum Node {
        case scalar(ArraySlice<UInt8>)
        case array([Node])
        case object([(name: ArraySlice<UInt8>, value: Node)])
    }

    /// The deepest nesting parsed (deeper texts are not re-serialised: bounded work for any input).
    static let maximumDepth = 64

    private let root: Node

    /// Parses `bytes`, or `nil` when they are not one JSON value (with optional white space around).
    init?(_ bytes: [UInt8]) {
        var parser = Parser(bytes: bytes)
        guard let root = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        guard parser.position == bytes.count else { return nil }
        self.root = root
    }

    /// The document written in `form`.
    func serialised(_ form: JSONForm) -> [UInt8] {
        var out: [UInt8] = []
        Self.write(root, form, into: &out)
        return out
    }

    private static func write(_ node: Node, _ form: JSONForm, into out: inout [UInt8]) {
        let separator: [UInt8] = form == .spaced ? Array(", ".utf8) : [UInt8(ascii: ",")]
        switch node {
        case .scalar(let bytes):
            out += bytes
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out += separator }
                write(item, form, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            let ordered = form == .compactSorted ? members.sorted { $0.name.lexicographicallyPrecedes($1.name) } : members
            out.append(UInt8(ascii: "{"))
            for (index, member) in ordered.enumerated() {
                if index > 0 { out += separator }
                out += member.name
                out += form == .spaced ? Array(": ".utf8) : [UInt8(ascii: ":")]
                write(member.value, form, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A recursive-descent reader over the bytes.
    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        mutating func skipSpace() {
            while position < bytes.count, [9, 10, 13, 32].contains(bytes[position]) { position += 1 }
        }

        mutating func value(depth: Int) -> Node? {
            guard depth < JSONDocument.maximumDepth else { return nil }
            skipSpace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(Node.scalar)
            default: return literal().map(Node.scalar)
            }
        }

        private mutating func object(depth: Int) -> Node? {
            position += 1
            var members: [(name: ArraySlice<UInt8>, value: Node)] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let name = string() else { return nil }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                guard let member = value(depth: depth + 1) else { return nil }
                members.append((name, member))
                skipSpace()
                guard position < bytes.count else { return nil }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "}") { return .object(members) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { return nil }
            }
        }

        private mutating func array(depth: Int) -> Node? {
            position += 1
            var items: [Node] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                skipSpace()
                guard position < bytes.count else { return nil }
                position += 1
                if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
                guard bytes[position - 1] == UInt8(ascii: ",") else { return nil }
            }
        }

        /// A string with its quotes, escapes left as they are.
        private mutating func string() -> ArraySlice<UInt8>? {
            let start = position
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""): position += 1; return bytes[start..<position]
                case 0..<32: return nil
                default: position += 1
                }
            }
            return nil
        }

        /// A number, `true`, `false` or `null`: the bytes up to the next delimiter.
        private mutating func literal() -> ArraySlice<UInt8>? {
            let start = position
            let allowed = Set("0123456789+-.eEtruefalsn".utf8)
            while position < bytes.count, allowed.contains(bytes[position]) { position += 1 }
            return position > start ? bytes[start..<position] : nil
        }
    }
}

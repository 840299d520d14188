/// Reads JSON text (RFC 8259) into a `JSONValue`, keeping each object's members in the order written.
///
/// The listing reads 200 instances a page; Foundation's `JSONDecoder` spent most of a large
/// listing's time building keyed containers for fields ocwizard never looks at. This parser makes
/// one pass over the bytes and nothing else. It reads what Foundation reads: strict grammar (no
/// leading zeros, no raw control characters in strings, valid UTF-8, nothing after the value), but
/// a trailing comma in an array or object is let through as Foundation does. It refuses nesting
/// deeper than `maximumDepth`, so hostile input cannot exhaust the stack.
public enum JSONParser {
    /// How deep arrays and objects may nest.
    public static let maximumDepth = 512

    /// Why text is not JSON: what was wrong, and at which byte offset.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let reason: String
        public let offset: Int
        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// Parses `bytes` as one JSON value with optional white space around it.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        // `withUnsafeBufferPointer` does not pass a typed error through; the result carries it.
        let result: Result<JSONValue, Failure> = bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            do throws(Failure) {
                reader.skipWhiteSpace()
                let value = try reader.value(depth: 0)
                reader.skipWhiteSpace()
                guard reader.position == buffer.count else { throw reader.failure("unexpected text after the value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses UTF-8 text.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// A cursor over the bytes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func failure(_ reason: String) -> Failure { Failure(reason: reason, offset: position) }

        /// The byte at the cursor, or `nil` at the end.
        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhiteSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard let byte = current else { throw failure("the text ends where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw failure("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let length = word.utf8CodeUnitCount
            guard position + length <= bytes.count else { throw failure("unexpected end of the text") }
            for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] {
                throw failure("unexpected character")
            }
            position += length
        }

        mutating func object(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw failure("nested more than \(JSONParser.maximumDepth) deep") }
            position += 1  // {
            var members: [(String, JSONValue)] = []
            skipWhiteSpace()
            if current == UInt8(ascii: "}") { position += 1; return .object(members) }
            while true {
                guard current == UInt8(ascii: "\"") else { throw failure("expected a member name") }
                let key = try string()
                skipWhiteSpace()
                guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
                position += 1
                skipWhiteSpace()
                members.append((key, try value(depth: depth)))
                skipWhiteSpace()
                switch current {
                case UInt8(ascii: ","):
                    position += 1
                    skipWhiteSpace()
                    if current == UInt8(ascii: "}") { position += 1; return .object(members) }
                case UInt8(ascii: "}"): position += 1; return .object(members)
                default: throw failure("expected ',' or '}' in an object")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw failure("nested more than \(JSONParser.maximumDepth) deep") }
            position += 1  // [
            var items: [JSONValue] = []
            skipWhiteSpace()
            if current == UInt8(ascii: "]") { position += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth))
                skipWhiteSpace()
                switch current {
                case UInt8(ascii: ","):
                    position += 1
                    skipWhiteSpace()
                    if current == UInt8(ascii: "]") { position += 1; return .array(items) }
                case UInt8(ascii: "]"): position += 1; return .array(items)
                default: throw failure("expected ',' or ']' in an array")
                }
            }
        }

        /// A string literal; the cursor is on its opening quote.
        mutating func string() throws(Failure) -> String {
            position += 1
            let start = position
            // The common case: no escapes, so the bytes between the quotes are the string.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let text = try utf8(start..<position)
                    position += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { throw failure("a control character inside a string") }
                position += 1
            }
            guard position < bytes.count else { throw failure("a string without its closing quote") }
            var decoded = Array(bytes[start..<position])
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    guard let text = String(validating: decoded, as: UTF8.self) else {
                        throw Failure(reason: "a string that is not valid UTF-8", offset: start)
                    }
                    return text
                case UInt8(ascii: "\\"):
                    position += 1
                    try escape(into: &decoded)
                case 0..<0x20:
                    throw failure("a control character inside a string")
                default:
                    decoded.append(byte)
                    position += 1
                }
            }
            throw failure("a string without its closing quote")
        }

        func utf8(_ range: Range<Int>) throws(Failure) -> String {
            let slice = UnsafeBufferPointer(rebasing: bytes[range])
            // Printable ASCII needs no check; anything else is validated.
            if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw Failure(reason: "a string that is not valid UTF-8", offset: range.lowerBound)
            }
            return text
        }

        /// One escape after its backslash, appended as UTF-8.
        mutating func escape(into decoded: inout [UInt8]) throws(Failure) {
            guard let byte = current else { throw failure("a string without its closing quote") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by `\u` and a low one.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw failure("a lone surrogate in a \\u escape")
                    }
                    position += 2
                    let low = try hexQuad()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("a lone surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw failure("a lone surrogate in a \\u escape")
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw failure("an invalid \\u escape") }
                decoded.append(contentsOf: UTF8.encode(unicode)!)
            default:
                throw failure("an invalid escape")
            }
        }

        mutating func hexQuad() throws(Failure) -> UInt32 {
            guard position + 4 <= bytes.count else { throw failure("a \\u escape needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8 = switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
                default: throw failure("a \\u escape needs four hex digits")
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        /// A number: an `Int` when it is a whole number that fits, else a `Double`.
        mutating func number() throws(Failure) -> JSONValue {
            let start = position
            let negative = current == UInt8(ascii: "-")
            if negative { position += 1 }
            guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                throw failure("a number needs a digit")
            }
            var whole = true
            var overflow = false
            var magnitude = 0
            if first == UInt8(ascii: "0") {
                position += 1
                if let next = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) { throw failure("a number with a leading zero") }
            } else {
                while let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) {
                    let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (plus, o2) = times.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                    if o1 || o2 { overflow = true } else { magnitude = plus }
                    position += 1
                }
            }
            if current == UInt8(ascii: ".") {
                whole = false
                position += 1
                try digits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                whole = false
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                try digits()
            }
            if whole, !overflow { return .integer(negative ? -magnitude : magnitude) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard let number = Double(text) else { throw Failure(reason: "an unreadable number", offset: start) }
            return .number(number)
        }

        /// One or more digits.
        mutating func digits() throws(Failure) {
            guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                throw failure("a number needs a digit")
            }
            while let digit = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) { position += 1 }
        }
    }
}

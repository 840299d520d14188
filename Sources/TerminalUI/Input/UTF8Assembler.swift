/// Assembles UTF-8 bytes that arrive one at a time into Unicode scalars.
///
/// A malformed or cut-off sequence becomes U+FFFD, as `String(decoding:as:)` would make it.
struct UTF8Assembler: Sendable {
    private var bytes: [UInt8] = []
    private var missing = 0

    /// Adds a byte; returns the scalars it completes (none, one, or a U+FFFD before one).
    mutating func add(_ byte: UInt8) -> [Unicode.Scalar] {
        if missing > 0 {
            guard (0x80...0xBF).contains(byte) else { return flush() + add(byte) }
            bytes.append(byte)
            missing -= 1
            return missing == 0 ? flush() : []
        }
        switch byte {
        case 0..<0x80: return [Unicode.Scalar(byte)]
        case 0xC2...0xDF: missing = 1
        case 0xE0...0xEF: missing = 2
        case 0xF0...0xF4: missing = 3
        default: return ["\u{FFFD}"]
        }
        bytes = [byte]
        return []
    }

    /// The scalars of the bytes held so far (U+FFFD for an incomplete sequence); empties the assembler.
    mutating func flush() -> [Unicode.Scalar] {
        defer { bytes = []; missing = 0 }
        return bytes.isEmpty ? [] : Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }
}

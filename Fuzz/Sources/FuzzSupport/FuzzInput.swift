/// The fuzzer's bytes read as a sequence of structured values: a target that needs several
/// inputs (a status and a body, a field and its value, a list of keys) takes them one after the
/// other, and an exhausted input gives zeros and empty strings, never a failure.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    /// Wraps the `count` bytes at `data` (what `LLVMFuzzerTestOneInput` receives).
    public init(_ data: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    /// Wraps `bytes` (regression tests replay a crash this way).
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The next byte, or 0 at the end.
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// One of `choices`, picked by the next byte.
    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(byte()) % choices.count]
    }

    /// The bytes up to the next 0 byte (or the end), decoded as UTF-8 with repairs: a way to
    /// split the input into several strings.
    public mutating func string() -> String {
        let start = position
        while position < bytes.count, bytes[position] != 0 { position += 1 }
        let piece = bytes[start..<position]
        if position < bytes.count { position += 1 }
        return String(decoding: piece, as: UTF8.self)
    }

    /// Every byte not read yet.
    public mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }

    /// Every byte not read yet, decoded as UTF-8 with repairs.
    public mutating func restString() -> String { String(decoding: rest(), as: UTF8.self) }
}

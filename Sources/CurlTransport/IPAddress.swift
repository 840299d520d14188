/// An IPv4 or IPv6 address as bytes, parsed like `inet_pton`, for `no_proxy` ranges.
struct IPAddress: Equatable {
    /// 4 bytes for IPv4, 16 for IPv6, most significant first.
    let bytes: [UInt8]

    /// Parses a dotted quad (`127.0.0.1`) or an IPv6 address (`::1`, `fe80::1:2`, `::ffff:10.0.0.1`).
    init?(_ text: String) {
        guard let bytes = Self.ipv4Bytes(Substring(text)) ?? Self.ipv6Bytes(Substring(text)) else { return nil }
        self.bytes = bytes
    }

    /// Whether `pattern` (`address` or `address/bits`) covers this address.
    ///
    /// As in libcurl, no bits (or 0) means the whole address, and an address of the other
    /// family never matches.
    func isCovered(by pattern: Substring) -> Bool {
        let parts = pattern.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let network = IPAddress(String(parts[0])), network.bytes.count == bytes.count else { return false }
        var bits = bytes.count * 8
        if parts.count == 2 {
            guard let prefix = Int(parts[1]), (0...bits).contains(prefix) else { return false }
            if prefix > 0 { bits = prefix }
        }
        for index in 0..<bytes.count {
            let used = min(max(bits - index * 8, 0), 8)
            let mask: UInt8 = used == 0 ? 0 : ~(UInt8.max >> UInt8(used))
            if bytes[index] & mask != network.bytes[index] & mask { return false }
        }
        return true
    }

    /// The 4 bytes of a dotted quad, or `nil`.
    private static func ipv4Bytes(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let octet = UInt8(part) else { return nil }
            bytes.append(octet)
        }
        return bytes
    }

    /// The 16 bytes of an IPv6 address (`::` expanded, a dotted-quad tail allowed), or `nil`.
    private static func ipv6Bytes(_ text: Substring) -> [UInt8]? {
        let halves = text.split(separator: "::", maxSplits: 1, omittingEmptySubsequences: false)
        guard text.contains(":"), halves.count <= 2 else { return nil }
        guard let head = groups(halves[0], allowIPv4Tail: halves.count == 1) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1], allowIPv4Tail: true) : []
        guard let tail else { return nil }
        let missing = 16 - head.count - tail.count
        guard halves.count == 2 ? missing >= 2 : missing == 0 else { return nil }
        return head + [UInt8](repeating: 0, count: max(missing, 0)) + tail
    }

    /// The bytes of colon-separated hex groups, the last of which may be a dotted quad.
    private static func groups(_ text: Substring, allowIPv4Tail: Bool) -> [UInt8]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, allowIPv4Tail, part.contains(".") {
                guard let quad = ipv4Bytes(part) else { return nil }
                bytes += quad
            } else {
                guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit), let group = UInt16(part, radix: 16) else { return nil }
                bytes += [UInt8(group >> 8), UInt8(group & 0xFF)]
            }
        }
        return bytes.count <= 16 ? bytes : nil
    }
}

import Foundation

/// Random identifiers and secrets in the shapes the real service and Microsoft use.
enum RandomText {
    /// A 44-character standard base64 string of 32 random bytes, like an instance token.
    static func instanceToken(using generator: inout some RandomNumberGenerator) -> String {
        Data(bytes(32, using: &generator)).base64EncodedString()
    }

    /// An opaque, URL-safe authorization code in Microsoft's style (`0.A…`).
    static func authorizationCode(using generator: inout some RandomNumberGenerator) -> String {
        "0.A" + base64URL(bytes(72, using: &generator))
    }

    /// A lowercase hexadecimal string of `byteCount` random bytes (request ids, trace ids).
    static func hex(byteCount: Int, using generator: inout some RandomNumberGenerator) -> String {
        bytes(byteCount, using: &generator).map { String(format: "%02x", $0) }.joined()
    }

    /// A random UUID-shaped string (Microsoft trace and correlation ids).
    static func uuid(using generator: inout some RandomNumberGenerator) -> String {
        let hex = hex(byteCount: 16, using: &generator)
        let parts = [8, 4, 4, 4, 12]
        var index = hex.startIndex
        return parts.map { length in
            let end = hex.index(index, offsetBy: length)
            defer { index = end }
            return String(hex[index..<end])
        }.joined(separator: "-")
    }

    /// Base64 with the URL-safe alphabet and no padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// `count` random bytes.
    private static func bytes(_ count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

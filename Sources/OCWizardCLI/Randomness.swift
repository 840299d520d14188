import FoundationEssentials

/// Random values the wizard needs: OAuth state and webhook signature keys.
enum Randomness {
    /// `count` bytes from the system's secure generator.
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// A 32-byte key as base64 (44 characters), for `event.notification.signature.key`.
    static func signatureKey() -> String {
        Data(bytes(32)).base64EncodedString()
    }

    /// An unguessable OAuth `state`: 16 bytes as hex.
    static func oauthState() -> String {
        bytes(16).map { byte in
            let digits = Array("0123456789abcdef")
            return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
        }.joined()
    }
}

import FoundationEssentials
import OpenConnectors
import SystemPorts

/// Random values the wizard needs, from a `RandomSource`: OAuth state and webhook signature keys.
struct Randomness {
    let source: any RandomSource

    /// A 32-byte key as base64 (44 characters), for `event.notification.signature.key`.
    func signatureKey() -> Secret {
        Secret(Data(source.bytes(32)).base64EncodedString())
    }

    /// An unguessable OAuth `state`: 16 bytes as hex.
    func oauthState() -> String {
        let digits = Array("0123456789abcdef")
        return source.bytes(16).map { byte in String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)]) }.joined()
    }
}

import FoundationEssentials

/// The `Elements-Webhook-Signature` header: `sha256=` + base64 of HMAC-SHA256 over the raw body
/// bytes, keyed with the instance's `event.notification.signature.key` as UTF-8 (API notes 7.3).
public enum WebhookSignature {
    /// The header's name.
    public static let headerName = "Elements-Webhook-Signature"
    /// The name of the header that carries the notification's id.
    public static let idHeaderName = "Elements-Webhook-Id"

    /// The header value that signs `body` with `key`: `sha256=…` (or `sha1=…` for the legacy form).
    public static func header(body: [UInt8], key: [UInt8], algorithm: SignatureAlgorithm = .sha256) throws(CryptoUnavailable) -> String {
        algorithm.rawValue + "=" + Base64.encode(try HMAC.code(algorithm, key: key, message: body))
    }
}

/// Standard base64 (`+`, `/`, `=` padding), as the platform writes signatures.
enum Base64 {
    /// The base64 text of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// The bytes of standard, padded base64 text, or `nil` when it is not that.
    static func decode(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.count % 4 == 0, let data = Data(base64Encoded: text) else { return nil }
        return Array(data)
    }

    /// The bytes of hexadecimal text (either case), or `nil` when it is not that.
    static func decodeHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// What checking an `Elements-Webhook-Signature` found.
public enum SignatureVerdict: Sendable, Equatable {
    /// `sha256=` and the right value: the body is the one the key's holder signed.
    case valid
    /// `sha1=` and the right value: genuine, but the legacy algorithm (before about late 2017).
    case validLegacy
    /// No header, or an empty one: the instance has no signature key, or a proxy dropped the header.
    case missingHeader
    /// The header names a digest other than `sha256` or `sha1` (its name, as sent).
    case unknownAlgorithm(String)
    /// The header is not `name=value`, or its value is neither base64 nor hexadecimal.
    case malformed(String)
    /// Well formed but not the signature of this body under this key; the case says what kind of
    /// mismatch it is, where one could be recognised.
    case mismatch(SignatureMismatch)

    /// Whether the body is genuine (sha256 or legacy sha1).
    public var isGenuine: Bool { self == .valid || self == .validLegacy }
}

/// The kinds of mismatch a check recognises by trying the usual mistakes.
public enum SignatureMismatch: Sendable, Equatable {
    /// The value is right for the other digest: it is labelled `sha1=` but is HMAC-SHA256, or the reverse.
    case otherAlgorithm(SignatureAlgorithm)
    /// The value is the right HMAC written in hexadecimal instead of base64.
    case hexEncoded(SignatureAlgorithm)
    /// The header has no `sha256=` prefix, but the value itself is right.
    case missingPrefix
    /// The value signs this body re-serialised as JSON (`form`): the body was parsed and written
    /// again after it arrived, so its bytes are no longer the ones that were signed.
    case reserialisedBody(JSONForm)
    /// The value signs this body without its final line break (added when it was saved).
    case trailingLineBreak
    /// The value signs this body under the key with surrounding white space removed (a key read
    /// from a file with its line break, or pasted with a space).
    case keyWhiteSpace
    /// None of the above: another key, or other bytes (a changed byte looks exactly like another
    /// key; HMAC is built so that nothing tells them apart).
    case otherKeyOrBody
}

/// The check itself: pure (no I/O besides libcrypto's HMAC), one entry point, `check`.
public enum SignatureCheck {
    /// Checks `header` (the `Elements-Webhook-Signature` value, or `nil` when absent) against
    /// `body` (the raw request bytes, never re-serialised) and `key` (the signature key's UTF-8
    /// bytes). Compares in constant time; never returns or logs the key or the expected value.
    public static func check(header: String?, body: [UInt8], key: [UInt8]) throws(CryptoUnavailable) -> SignatureVerdict {
        let text = trimmed(header ?? "")
        guard !text.isEmpty else { return .missingHeader }
        guard let equals = text.firstIndex(of: "="), let named = SignatureAlgorithm(rawValue: trimmed(String(text[..<equals])).lowercased()) else {
            // Base64 ends in `=`: a bare signature is told apart from an unknown digest name.
            if let bytes = Base64.decode(text), try matches(bytes, .sha256, body: body, key: key) { return .mismatch(.missingPrefix) }
            guard let equals = text.firstIndex(of: "=") else { return .malformed("expected sha256=<base64 signature>") }
            let name = trimmed(String(text[..<equals]))
            return name.isEmpty ? .malformed("nothing before =; expected sha256=<base64 signature>") : .unknownAlgorithm(name)
        }
        let value = trimmed(String(text[text.index(after: equals)...]))
        let base64 = Base64.decode(value)
        if let base64 {
            if try matches(base64, named, body: body, key: key) { return named == .sha256 ? .valid : .validLegacy }
            if try matches(base64, named.other, body: body, key: key) { return .mismatch(.otherAlgorithm(named.other)) }
        }
        let hex = Base64.decodeHex(value)
        if let hex {
            for algorithm in [named, named.other] where try matches(hex, algorithm, body: body, key: key) {
                return .mismatch(.hexEncoded(algorithm))
            }
        }
        guard let signature = base64 ?? hex else { return .malformed("the value after \(named.rawValue)= is neither base64 nor hexadecimal") }
        return .mismatch(try kindOfMismatch(signature, named, body: body, key: key))
    }

    /// Tries the usual mistakes with the body and the key, in order.
    private static func kindOfMismatch(_ signature: [UInt8], _ algorithm: SignatureAlgorithm, body: [UInt8], key: [UInt8]) throws(CryptoUnavailable) -> SignatureMismatch {
        if let last = body.last, last == 10 {
            let cut = body.dropLast(body.count >= 2 && body[body.count - 2] == 13 ? 2 : 1)
            if try matches(signature, algorithm, body: Array(cut), key: key) { return .trailingLineBreak }
        }
        if let document = JSONDocument(body) {
            for form in JSONForm.allCases {
                let bytes = document.serialised(form)
                if bytes != body, try matches(signature, algorithm, body: bytes, key: key) { return .reserialisedBody(form) }
            }
        }
        let trimmedKey = Array(trimmed(String(decoding: key, as: UTF8.self)).utf8)
        if trimmedKey != key, try matches(signature, algorithm, body: body, key: trimmedKey) { return .keyWhiteSpace }
        return .otherKeyOrBody
    }

    private static func matches(_ signature: [UInt8], _ algorithm: SignatureAlgorithm, body: [UInt8], key: [UInt8]) throws(CryptoUnavailable) -> Bool {
        HMAC.constantTimeEqual(signature, try HMAC.code(algorithm, key: key, message: body))
    }

    private static func trimmed(_ text: String) -> String {
        // `\r\n` is one Character: `isWhitespace` covers it.
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}

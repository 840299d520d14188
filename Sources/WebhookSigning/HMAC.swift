import CCrypto

/// The digests a webhook signature can name: `sha256` (current) and `sha1` (before about 2017).
public enum SignatureAlgorithm: String, Sendable, CaseIterable {
    /// `sha256=`: HMAC-SHA256, what the platform sends today.
    case sha256
    /// `sha1=`: HMAC-SHA1, what it sent before about late 2017 (legacy).
    case sha1

    /// The other one.
    var other: SignatureAlgorithm { self == .sha256 ? .sha1 : .sha256 }
}

/// libcrypto could not be opened, so no signature can be computed.
public struct CryptoUnavailable: Error, Sendable, Equatable {
    /// The loader's words (`dlerror()`).
    public let detail: String

    /// A sentence for the user: what failed and what to install.
    public var reason: String { "cannot compute HMAC signatures: OpenSSL's libcrypto could not be opened (\(detail)); install libssl3." }
}

/// HMAC over bytes, computed by OpenSSL's libcrypto (opened on first use).
public enum HMAC {
    /// The HMAC of `message` under `key` with `algorithm`.
    public static func code(_ algorithm: SignatureAlgorithm, key: [UInt8], message: [UInt8]) throws(CryptoUnavailable) -> [UInt8] {
        if let failure = ocw_crypto_load() { throw CryptoUnavailable(detail: String(cString: failure)) }
        var out = [UInt8](repeating: 0, count: 64)
        let digest = algorithm == .sha1 ? OCW_DIGEST_SHA1 : OCW_DIGEST_SHA256
        let length = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                out.withUnsafeMutableBufferPointer { output in
                    ocw_crypto_hmac(digest, keyBytes.baseAddress, keyBytes.count, messageBytes.baseAddress, messageBytes.count, output.baseAddress)
                }
            }
        }
        guard length > 0 else { throw CryptoUnavailable(detail: "HMAC failed") }
        return Array(out.prefix(Int(length)))
    }

    /// Whether `a` and `b` are equal, in time that depends on their length only (never on where
    /// they first differ), so a caller cannot learn a signature byte by byte.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

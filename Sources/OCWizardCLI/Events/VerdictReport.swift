import LineUI
import OpenConnectors
import WebhookSigning

/// What a signature verdict means, in sentences for the user. Never holds the key or the expected value.
struct VerdictReport: Equatable {
    /// Whether the notification is genuine.
    let isGenuine: Bool
    /// A short label for one-line logs: `valid`, `legacy sha1`, `no signature`, `hex instead of base64`, …
    let label: String
    /// The explanation, one sentence per line.
    let lines: [String]

    init(_ verdict: SignatureVerdict) {
        isGenuine = verdict.isGenuine
        switch verdict {
        case .valid:
            label = "valid"
            lines = ["✓ The signature matches (sha256): the body is genuine and unchanged."]
        case .validLegacy:
            label = "valid, legacy sha1"
            lines = ["✓ The signature matches, with the legacy sha1 digest.",
                     "The platform signs with sha256= today; a verifier should accept sha256 (and may keep sha1 for old senders)."]
        case .missingHeader:
            label = "no signature"
            lines = ["No signature: the \(WebhookSignature.headerName) header is missing or empty.",
                     "The platform sends it only when the instance has a signature key (event.notification.signature.key); set one, and check that no proxy drops the header."]
        case .unknownAlgorithm(let name):
            label = "unknown digest"
            lines = ["The signature names the digest \"\(TextSafety.visible(name))\"; the platform uses sha256= (sha1= before late 2017)."]
        case .malformed(let reason):
            label = "malformed"
            lines = ["The signature is not well formed: \(reason). The header is sha256=<base64 of HMAC-SHA256 over the raw body>."]
        case .mismatch(let kind):
            (label, lines) = Self.describe(kind)
        }
    }

    private static func describe(_ kind: SignatureMismatch) -> (String, [String]) {
        switch kind {
        case .otherAlgorithm(let algorithm):
            ("labelled with the wrong digest", ["The value is a correct HMAC-\(algorithm.rawValue.uppercased()) of this body, but the header's label names the other digest: the signer and the label disagree."])
        case .hexEncoded(let algorithm):
            ("hex instead of base64", ["The value is the right HMAC-\(algorithm.rawValue.uppercased()) written in hexadecimal; the platform writes base64.",
                                       "A verifier that compares hex digests never matches: compare base64 (+ / and = padding)."])
        case .missingPrefix:
            ("no sha256= prefix", ["The value is right but has no \"sha256=\" in front; the header is sha256=<base64>."])
        case .reserialisedBody(let form):
            ("body re-serialised", ["The signature matches this body written as \(form.rawValue): the body was parsed and written again after it arrived, so these are not the bytes that were signed.",
                                    "Verify the raw request bytes, before any JSON parsing."])
        case .trailingLineBreak:
            ("line break added", ["The signature matches this body without its final line break: one was added when the body was saved. Verify the exact bytes received."])
        case .keyWhiteSpace:
            ("key has white space", ["The signature matches with the key's surrounding spaces or line break removed: the key you gave has them (from a file or a paste). Remove them."])
        case .otherKeyOrBody:
            ("does not match", ["The signature does not match: the body was signed with another key, or these are not the bytes that were signed (one changed byte looks the same).",
                                "Check that the key is the instance's event.notification.signature.key and that the body is the raw request body."])
        }
    }
}

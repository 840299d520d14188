import FuzzSupport
import WebhookSigning

/// The webhook signature check: any header, body and key give a verdict without trapping; a
/// header made for the body under the key is always genuine, and one made under another key
/// never is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebhookSignature(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let header = input.string()
    let key = Array(input.string().utf8)
    let body = input.rest()
    do {
        _ = try SignatureCheck.check(header: header.isEmpty ? nil : header, body: body, key: key)
        for algorithm in SignatureAlgorithm.allCases {
            let signed = try WebhookSignature.header(body: body, key: key, algorithm: algorithm)
            let genuine = try SignatureCheck.check(header: signed, body: body, key: key).isGenuine
            precondition(genuine, "a signature made for the body is refused")
            let underOtherKey = try SignatureCheck.check(header: signed, body: body, key: key + [0x21]).isGenuine
            precondition(!underOtherKey, "another key's signature is accepted")
        }
    } catch {
        preconditionFailure("libcrypto could not be opened: \(error.reason)")
    }
    return 0
}

runFuzzer(fuzzWebhookSignature)

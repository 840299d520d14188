import Testing
@testable import WebhookSigning

/// `SignatureCheck.check` accepts the genuine signature and tells each usual mistake apart.
@Suite("Signature check")
struct SignatureCheckTests {
    static let key = Array("MySecretEventSignatureKey".utf8)
    static let vectorBody = Array("<INSERT_EVENT_NOTIFICATION_RESPONSE_BODY>".utf8)
    static let vectorHeader = "sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ="
    /// A notification as the platform sends it: compact, members in the platform's order.
    static let notification = Array(#"{"message":{"eventId":"e-1","instanceId":7,"events":[{"objectType":"events","eventType":"UPDATED","objectId":"AAMk"}]}}"#.utf8)

    func check(_ header: String?, _ body: [UInt8] = vectorBody, key: [UInt8] = key) throws -> SignatureVerdict {
        try SignatureCheck.check(header: header, body: body, key: key)
    }

    @Test("the documented test vector passes, with white space around it too")
    func documentedVector() throws {
        #expect(try check(Self.vectorHeader) == .valid)
        #expect(try check("  \(Self.vectorHeader)\r\n") == .valid)
        #expect(try check("SHA256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ=") == .valid)
    }

    @Test("a changed byte, another key, hex, sha1 and a missing header are each told apart")
    func toldApart() throws {
        var changed = Self.vectorBody
        changed[3] ^= 0x01
        #expect(try check(Self.vectorHeader, changed) == .mismatch(.otherKeyOrBody))
        #expect(try check(Self.vectorHeader, key: Array("AnotherKey".utf8)) == .mismatch(.otherKeyOrBody))
        let hex = HMACVectorTests.hex(try HMAC.code(.sha256, key: Self.key, message: Self.vectorBody))
        #expect(try check("sha256=" + hex) == .mismatch(.hexEncoded(.sha256)))
        #expect(try check(try WebhookSignature.header(body: Self.vectorBody, key: Self.key, algorithm: .sha1)) == .validLegacy)
        #expect(try check(nil) == .missingHeader)
        #expect(try check("   ") == .missingHeader)
    }

    @Test("a value labelled with the other digest, a bare value, an unknown digest, garbage")
    func labels() throws {
        let sha1Value = try WebhookSignature.header(body: Self.vectorBody, key: Self.key, algorithm: .sha1).dropFirst(5)
        #expect(try check("sha256=" + sha1Value) == .mismatch(.otherAlgorithm(.sha1)))
        #expect(try check("sha1=" + Self.vectorHeader.dropFirst(7)) == .mismatch(.otherAlgorithm(.sha256)))
        let sha1Hex = HMACVectorTests.hex(try HMAC.code(.sha1, key: Self.key, message: Self.vectorBody))
        #expect(try check("sha1=" + sha1Hex) == .mismatch(.hexEncoded(.sha1)))
        #expect(try check(String(Self.vectorHeader.dropFirst(7))) == .mismatch(.missingPrefix))
        #expect(try check("sha512=abcd") == .unknownAlgorithm("sha512"))
        #expect(try check("sha256=not base64!") == .malformed("the value after sha256= is neither base64 nor hexadecimal"))
        #expect(try check("=abc") == .malformed("nothing before =; expected sha256=<base64 signature>"))
        #expect(try check("signature") == .malformed("expected sha256=<base64 signature>"))
    }

    @Test("a body written again as JSON is recognised in each form", arguments: JSONForm.allCases)
    func reserialised(form: JSONForm) throws {
        // The platform signed the form's bytes; the receiver kept a pretty-printed copy.
        let pretty = Array("{\n  \"message\": {\n    \"eventId\": \"e-1\",\n    \"instanceId\": 7,\n    \"events\": [\n      {\"objectType\": \"events\", \"eventType\": \"UPDATED\", \"objectId\": \"AAMk\"}\n    ]\n  }\n}\n".utf8)
        let signed = JSONDocument(pretty)!.serialised(form)
        let header = try WebhookSignature.header(body: signed, key: Self.key)
        #expect(try check(header, signed) == .valid)
        #expect(try check(header, pretty) == .mismatch(.reserialisedBody(form)))
    }

    @Test("a saved body with a line break added, a key read with its line break")
    func lineBreaks() throws {
        let header = try WebhookSignature.header(body: Self.notification, key: Self.key)
        #expect(try check(header, Self.notification + [10]) == .mismatch(.trailingLineBreak))
        #expect(try check(header, Self.notification + [13, 10]) == .mismatch(.trailingLineBreak))
        #expect(try check(header, Self.notification, key: Self.key + [10]) == .mismatch(.keyWhiteSpace))
    }

    @Test("JSON forms: compact keeps order, sorted sorts, spaced spaces; strings and numbers keep their bytes")
    func forms() throws {
        let document = try #require(JSONDocument(Array(#" { "b" : [1.50, "x, y"] , "a":{"c\"":null} } "#.utf8)))
        #expect(String(decoding: document.serialised(.compact), as: UTF8.self) == #"{"b":[1.50,"x, y"],"a":{"c\"":null}}"#)
        #expect(String(decoding: document.serialised(.compactSorted), as: UTF8.self) == #"{"a":{"c\"":null},"b":[1.50,"x, y"]}"#)
        #expect(String(decoding: document.serialised(.spaced), as: UTF8.self) == #"{"b": [1.50, "x, y"], "a": {"c\"": null}}"#)
        #expect(JSONDocument(Array("{\"a\":1".utf8)) == nil)
        #expect(JSONDocument(Array("[1] x".utf8)) == nil)
        #expect(JSONDocument(Array(String(repeating: "[", count: 100).utf8) + Array(String(repeating: "]", count: 100).utf8)) == nil)
    }
}

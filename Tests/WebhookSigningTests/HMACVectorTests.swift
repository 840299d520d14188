import Testing
@testable import WebhookSigning

/// libcrypto's HMAC, as loaded, gives the published test vectors.
@Suite("HMAC vectors")
struct HMACVectorTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }

    /// RFC 4231 test cases 1, 2, 3, 6 and 7 (HMAC-SHA256; 6 and 7 have a key longer than a block).
    @Test("RFC 4231 HMAC-SHA256", arguments: [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131), Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func rfc4231(key: [UInt8], data: [UInt8], expected: String) throws {
        #expect(Self.hex(try HMAC.code(.sha256, key: key, message: data)) == expected)
    }

    @Test("RFC 2202 HMAC-SHA1 (the legacy signature)")
    func rfc2202() throws {
        #expect(Self.hex(try HMAC.code(.sha1, key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test("the documented test vector signs as documented (API notes 7.3), and an empty body too")
    func documentedVector() throws {
        let key = Array("MySecretEventSignatureKey".utf8)
        #expect(try WebhookSignature.header(body: Array("<INSERT_EVENT_NOTIFICATION_RESPONSE_BODY>".utf8), key: key) == "sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ=")
        #expect(try WebhookSignature.header(body: [], key: key) == "sha256=C0gHWF2AgEYRn772QwLINL7VFZDYhJSOYgzFLE6vs4Q=")
    }

    @Test("constant-time comparison: equal, one bit off, other length")
    func comparison() {
        #expect(HMAC.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HMAC.constantTimeEqual([1, 2, 3], [1, 2, 2]))
        #expect(!HMAC.constantTimeEqual([1, 2, 3], [1, 2]))
    }
}

@testable import OpenConnectors
import Testing

@Suite("Scalar classes")
struct ScalarClassTests {
    @Test("The ASCII fast paths agree with Unicode's White_Space and Cc for every code point")
    func agreeWithUnicode() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isWhiteSpace != scalar.properties.isWhitespace || scalar.isControlCharacter != (scalar.properties.generalCategory == .control) {
                disagreements.append(value)
            }
        }
        #expect(disagreements.isEmpty, "U+\(disagreements.prefix(5).map { String($0, radix: 16) })")
    }
}

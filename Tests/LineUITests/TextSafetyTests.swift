import LineUI
import Testing

/// Untrusted text reaches a terminal with every control character visible, and plain text as it is.
@Suite("Text safety: control characters made visible")
struct TextSafetyTests {
    /// The rule written out scalar by scalar, to hold the fast path to.
    private func reference(_ text: String, keepingLayout: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if control && !(keepingLayout && (scalar == "\n" || scalar == "\t")) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test("Every scalar up to U+07FF and around the two-byte boundaries, alone and inside text")
    func everyLowScalar() {
        let values = Array(0...0x7FF) + [0xFFFD, 0x1F600, 0x10FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a\(scalar)b", "é\(scalar)\u{C2}", "\(scalar)\(scalar)"] {
                #expect(TextSafety.visible(text) == reference(text, keepingLayout: false), "U+\(String(value, radix: 16))")
                #expect(TextSafety.visibleLines(text) == reference(text, keepingLayout: true), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("An OSC 52 clipboard write, a C1 CSI and DEL are shown, not sent; layout is kept only by visibleLines")
    func attacks() {
        #expect(TextSafety.visible("x\u{1B}]52;c;aGk=\u{07}y") == "x\\u{1b}]52;c;aGk=\\u{7}y")
        #expect(TextSafety.visible("\u{9B}31m\u{7F}") == "\\u{9b}31m\\u{7f}")
        #expect(TextSafety.visibleLines("a\tb\nc\u{85}") == "a\tb\nc\\u{85}")
        #expect(TextSafety.visible("a\tb\n") == "a\\u{9}b\\u{a}")
        let plain = "graph-calendar-東京-👍🏽 ¿ü?"
        #expect(TextSafety.visible(plain) == plain)
    }
}

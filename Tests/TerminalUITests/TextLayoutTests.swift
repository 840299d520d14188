import Testing
import TerminalUI

/// Word wrapping of messages, e.g. the service's and Microsoft's error texts.
@Suite("Text layout")
struct TextLayoutTests {
    @Test("Every kind of line break starts a new line", arguments: ["\n", "\r\n", "\r"])
    func lineBreaks(_ lineBreak: String) {
        let text = "refresh token.\(lineBreak)Trace ID: 18f3ace0\(lineBreak)Correlation ID: 3a5a29aa"
        #expect(TextLayout.wrap(text, width: 40) == ["refresh token.", "Trace ID: 18f3ace0", "Correlation ID: 3a5a29aa"])
    }

    @Test("Long lines break at spaces, long words inside")
    func wrapping() {
        #expect(TextLayout.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }
}

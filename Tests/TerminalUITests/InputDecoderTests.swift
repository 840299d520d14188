import PropertyBased
import TerminalKeys
import TerminalUI
import Testing
import Wizard

/// Feeds `bytes` to a fresh decoder in the given chunks, then pauses.
private func decode(_ bytes: [UInt8], chunkSizes: [Int] = []) -> [TerminalInput] {
    var decoder = InputDecoder()
    var inputs: [TerminalInput] = []
    var rest = bytes[...]
    var sizes = chunkSizes[...]
    while !rest.isEmpty {
        let size = max(1, sizes.popFirst() ?? rest.count)
        inputs += decoder.feed(bytes: rest.prefix(size))
        rest = rest.dropFirst(size)
    }
    inputs += decoder.inputPaused()
    #expect(decoder.pending == .nothing)
    return inputs
}

private func decode(_ text: String) -> [TerminalInput] { decode(Array(text.utf8)) }

/// Keys for each character of `text`, as the decoder should return them.
private func keys(_ text: String) -> [TerminalInput] { text.map { .key(.character($0)) } }

/// A piece of terminal input and the events it must decode to on its own.
private struct InputToken: Sendable, CustomStringConvertible {
    let bytes: String
    let events: [TerminalInput]
    var description: String { bytes.debugDescription }

    /// Tokens that decode the same whatever comes after them (no lone Esc, no lone combining mark).
    static let all: [InputToken] = [
        InputToken(bytes: "a", events: keys("a")),
        InputToken(bytes: "é", events: keys("é")),
        InputToken(bytes: "e\u{301}", events: keys("e\u{301}")),
        InputToken(bytes: "中", events: keys("中")),
        InputToken(bytes: "\u{2764}\u{FE0F}", events: keys("\u{2764}\u{FE0F}")),
        InputToken(bytes: "\u{1F1E9}\u{1F1EA}", events: keys("\u{1F1E9}\u{1F1EA}")),
        InputToken(bytes: "\u{1F44D}\u{1F3FD}", events: keys("\u{1F44D}\u{1F3FD}")),
        InputToken(bytes: "\u{1F469}\u{200D}\u{1F466}", events: keys("\u{1F469}\u{200D}\u{1F466}")),
        InputToken(bytes: "\t", events: [.key(.tab)]),
        InputToken(bytes: "\r", events: [.key(.enter)]),
        InputToken(bytes: "\u{7F}", events: [.key(.backspace)]),
        InputToken(bytes: "\u{15}", events: [.key(.control("u"))]),
        InputToken(bytes: "\u{1B}[A", events: [.key(.up)]),
        InputToken(bytes: "\u{1B}OH", events: [.key(.home)]),
        InputToken(bytes: "\u{1B}[1~", events: [.key(.home)]),
        InputToken(bytes: "\u{1B}[4~", events: [.key(.end)]),
        InputToken(bytes: "\u{1B}[3~", events: [.key(.delete)]),
        InputToken(bytes: "\u{1B}[1;3D", events: [.key(.altLeft)]),
        InputToken(bytes: "\u{1B}[99~", events: []),
        InputToken(bytes: "\u{1B}[1;5P", events: []),
        InputToken(bytes: "\u{1B}[200~a\u{1F44D}\u{1F3FD}\r\u{1B}[b\u{1B}[201~", events: [.paste("a\u{1F44D}\u{1F3FD}\n\u{1B}[b")]),
    ]
}

@Suite("Input decoder")
struct InputDecoderTests {
    @Test("Scalars that arrive together and make one grapheme are one key", arguments: [
        "e\u{301}", "\u{2764}\u{FE0F}", "\u{1F1E9}\u{1F1EA}", "\u{1F44D}\u{1F3FD}", "\u{1F469}\u{200D}\u{1F466}",
    ])
    func graphemeIsOneKey(text: String) {
        #expect(decode(text + "x") == keys(text) + keys("x"))
        #expect(decode(text + text) == keys(text) + keys(text), "two of them are two keys")
    }

    @Test("A mark that arrives after a pause is a key of its own")
    func lateMark() {
        var decoder = InputDecoder()
        #expect(decoder.feed(bytes: Array("e".utf8)).isEmpty)
        #expect(decoder.pending == .grapheme)
        #expect(decoder.inputPaused() == keys("e"))
        #expect(decoder.feed(bytes: Array("\u{301}".utf8)) == [])
        #expect(decoder.inputPaused() == [.key(.character("\u{301}"))])
    }

    @Test("Home and End as tmux sends them, and the other editing keys", arguments: [
        ("\u{1B}[1~", Key.home), ("\u{1B}[7~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home),
        ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end),
        ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[Z", .backTab),
        ("\u{1B}[1;3C", .altRight), ("\u{1B}[1;3D", .altLeft), ("\u{1B}[D", .left), ("\u{1B}OP", .function(1)),
    ])
    func knownSequences(sequence: String, key: Key) {
        #expect(decode(sequence) == [.key(key)])
    }

    @Test("Unknown sequences are consumed whole and ignored, never read as Esc", arguments: [
        "\u{1B}[99~", "\u{1B}[1;5P", "\u{1B}[1;2A", "\u{1B}[?1;2c", "\u{1B}[1;5C", "\u{1B}OX", "\u{1B}[" + String(repeating: "9", count: 40) + "~",
    ])
    func unknownSequences(sequence: String) {
        #expect(decode("a" + sequence + "b") == keys("ab"))
    }

    @Test("Esc alone is Esc; two are two; Esc then a plain key (Alt plus it) is ignored")
    func escape() {
        #expect(decode("\u{1B}") == [.key(.escape)])
        #expect(decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        #expect(decode("\u{1B}x") == [])
        #expect(decode("ab\u{1B}") == keys("ab") + [.key(.escape)])
    }

    @Test("Esc then a control key at once (a dialog closed and Enter pressed quickly) is both keys, not Alt")
    func escapeThenControl() {
        #expect(decode("\u{1B}\r") == [.key(.escape), .key(.enter)])
        #expect(decode("\u{1B}\t") == [.key(.escape), .key(.tab)])
        #expect(decode("\u{1B}\u{7F}") == [.key(.escape), .key(.backspace)])
    }

    @Test("Controls: Tab, Enter, Backspace, Ctrl plus a letter; other controls are dropped")
    func controls() {
        #expect(decode("\t\r\n\u{8}\u{7F}\u{1}\u{17}\u{0}\u{1C}\u{85}") == [
            .key(.tab), .key(.enter), .key(.enter), .key(.backspace), .key(.backspace), .key(.control("a")), .key(.control("w")),
        ])
    }

    @Test("A bracketed paste with an emoji and CR inside is one paste; malformed UTF-8 becomes U+FFFD")
    func paste() {
        #expect(decode("\u{1B}[200~x\u{1F321}y\r\nz\u{1B}[201~q") == [.paste("x\u{1F321}y\n\nz"), .key(.character("q"))])
        #expect(decode([0x61, 0xE2, 0x82, 0x62, 0xFF]) == keys("a\u{FFFD}b\u{FFFD}"))
    }

    @Test("A function key decoded by ncurses ends a held grapheme first")
    func decodedKey() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("e\u{301}".unicodeScalars)).isEmpty)
        #expect(decoder.feed(decoded: .key(.up)) == keys("e\u{301}") + [.key(.up)])
        #expect(decoder.pending == .nothing)
    }

    @Test("Fed whole, byte by byte or in random chunks, any token stream decodes to its tokens' events")
    func anySplit() async {
        let tokens = Gen.element(of: InputToken.all).map { $0! }.array(of: 0...12)
        let chunkSizes = Gen<Int>.value(in: 1...7).array(of: 0...40)
        await propertyCheck(count: 300, input: tokens, chunkSizes, Gen.bool) { tokens, chunkSizes, endsWithEscape in
            let bytes = Array((tokens.map(\.bytes).joined() + (endsWithEscape ? "\u{1B}" : "")).utf8)
            let expected = tokens.flatMap(\.events) + (endsWithEscape ? [.key(.escape)] : [])
            #expect(decode(bytes) == expected)
            #expect(decode(bytes, chunkSizes: Array(repeating: 1, count: bytes.count)) == expected)
            #expect(decode(bytes, chunkSizes: chunkSizes) == expected)
        }
    }
}

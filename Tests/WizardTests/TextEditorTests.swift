import PropertyBased
import TerminalKeys
import Testing
import Wizard

@Suite("Text editor over graphemes")
struct TextEditorTests {
    /// Types each scalar as its own key, as the terminal delivers a mark that arrives late.
    private func typeScalars(_ scalars: [Unicode.Scalar], into editor: inout TextEditor) {
        for scalar in scalars { _ = editor.apply(.character(Character(scalar))) }
    }

    @Test("e then a combining acute then a key keeps the text and the cursor after é",
          arguments: [Key.character("x"), .backspace, .left, .right, .delete, .control("w"), .control("k")])
    func combiningAccentThenKey(key: Key) {
        var editor = TextEditor(text: "")
        typeScalars(["e", "\u{301}"], into: &editor)
        #expect(editor.text == "e\u{301}")
        #expect(editor.cursor == 1)
        _ = editor.apply(key)
        #expect(0 <= editor.cursor && editor.cursor <= editor.text.count)
        if key == .character("x") { #expect(editor.text == "e\u{301}x") }
        if key == .backspace { #expect(editor.text.isEmpty, "backspace deletes the whole grapheme é") }
    }

    @Test("Graphemes typed one scalar at a time stay whole and the cursor stays after them",
          arguments: [
            ["\u{2764}", "\u{FE0F}", "\u{2764}", "\u{FE0F}"],  // ❤️ twice
            ["\u{1F1E9}", "\u{1F1EA}"],                         // 🇩🇪
            ["\u{1F44D}", "\u{1F3FD}"],                         // 👍🏽
            ["\u{1F469}", "\u{200D}", "\u{1F466}"],             // 👩‍👦
          ] as [[Unicode.Scalar]])
    func scalarByScalar(scalars: [Unicode.Scalar]) {
        var editor = TextEditor(text: "")
        typeScalars(scalars, into: &editor)
        let typed = String(String.UnicodeScalarView(scalars))
        #expect(editor.text == typed)
        #expect(editor.cursor == typed.count)
        _ = editor.apply(.character("B"))
        #expect(editor.text == typed + "B")
        _ = editor.apply(.left)
        _ = editor.apply(.backspace)
        #expect(editor.text == String(typed.dropLast()) + "B", "backspace removes one whole grapheme")
    }

    @Test("A mark inserted before a lone mark's base lands the cursor after the merged grapheme")
    func insertionMergesWithFollowing() {
        var editor = TextEditor(text: "\u{301}x")
        _ = editor.apply(.home)
        _ = editor.apply(.character("e"))
        #expect(editor.text == "e\u{301}x")
        #expect(editor.cursor == 1)
    }

    @Test("A cursor or text set from outside never makes an edit trap")
    func outsideCursor() {
        var editor = TextEditor(text: "abc")
        editor.text = "e\u{301}"
        _ = editor.apply(.character("x"))
        #expect(editor.text == "e\u{301}x")
        editor.cursor = -5
        _ = editor.apply(.backspace)
        #expect(editor.text == "e\u{301}x")
        editor.cursor = 99
        editor.insert("!")
        #expect(editor.text == "e\u{301}x!")
    }

    @Test("Random edits over tricky Unicode never trap, keep 0 ≤ cursor ≤ count and change the text as a scalar model says")
    func randomEditsKeepInvariants() async {
        await propertyCheck(count: 400, input: ArbitraryEdits.text, ArbitraryEdits.session) { start, steps in
            var editor = TextEditor(text: start)
            for step in steps {
                let before = editor
                let graphemes = Array(before.text)
                let cursor = min(max(0, before.cursor), graphemes.count)
                let head = graphemes[..<cursor].flatMap(\.unicodeScalars)
                let tail = graphemes[cursor...].flatMap(\.unicodeScalars)
                switch step {
                case .key(let key): _ = editor.apply(key)
                case .paste(let text): editor.insert(text)
                }
                #expect(0 <= editor.cursor && editor.cursor <= editor.text.count, "\(step) on \(before.text.debugDescription)")
                let expected: [Unicode.Scalar]? = switch step {
                case .paste(let text): head + text.unicodeScalars + tail
                case .key(.character(let character)): head + character.unicodeScalars + tail
                case .key(.backspace): cursor == 0 ? nil : graphemes[..<(cursor - 1)].flatMap(\.unicodeScalars) + tail
                case .key(.delete), .key(.control("d")): cursor == graphemes.count ? nil : head + graphemes[(cursor + 1)...].flatMap(\.unicodeScalars)
                case .key(.control("u")): tail
                case .key(.control("k")): head
                default: nil
                }
                if let expected {
                    #expect(Array(editor.text.unicodeScalars) == expected, "\(step) on \(before.text.debugDescription)")
                } else if case .key(let key) = step, key != .control("w") {
                    #expect(editor.text == before.text, "\(step) on \(before.text.debugDescription) changes nothing")
                }
            }
        }
    }

    @Test("Over text that never merges (ASCII and CJK), edits match an array-of-characters model exactly")
    func randomEditsMatchModel() async {
        let plain = Gen.element(of: Array("ab -中日")).map { $0! }
        let step = Gen.frequency(
            (weight: 5, gen: plain.map { EditStep.key(.character($0)) }),
            (weight: 1, gen: plain.array(of: 0...4).map { EditStep.paste(String($0)) }),
            (weight: 4, gen: Gen.element(of: ArbitraryEdits.editingKeys).map { EditStep.key($0!) })
        )
        await propertyCheck(count: 300, input: step.array(of: 0...40)) { steps in
            var editor = TextEditor(text: "")
            var model = CharacterModel()
            for step in steps {
                switch step {
                case .key(let key): _ = editor.apply(key); model.apply(key)
                case .paste(let text): editor.insert(text); model.insert(Array(text))
                }
                #expect(editor.text == String(model.characters), "\(step)")
                #expect(editor.cursor == model.cursor, "\(step)")
            }
        }
    }
}

/// The obvious editor over an array of characters, for text where no insertion merges graphemes.
private struct CharacterModel {
    var characters: [Character] = []
    var cursor = 0

    mutating func insert(_ piece: [Character]) {
        characters.insert(contentsOf: piece, at: cursor)
        cursor += piece.count
    }

    mutating func apply(_ key: Key) {
        switch key {
        case .character(let character): insert([character])
        case .backspace where cursor > 0: cursor -= 1; characters.remove(at: cursor)
        case .delete, .control("d"): if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"): characters.removeFirst(cursor); cursor = 0
        case .control("k"): characters.removeLast(characters.count - cursor)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default: break
        }
    }
}

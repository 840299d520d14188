import FuzzSupport
import TerminalKeys
import Wizard

/// The text editor under an edit script: every editing key and pasted pieces of fuzzed text, on
/// a fuzzed starting text; the cursor must stay within the text after every step.
///
/// Input: the starting text (0-terminated), then steps: an operation byte, and for an insertion
/// or a typed character a 0-terminated piece.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextEditor(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    var editor = TextEditor(text: input.string())
    let keys: [Key] = [.backspace, .delete, .left, .right, .home, .end, .control("a"), .control("e"), .control("d"),
                       .control("u"), .control("k"), .control("w"), .altLeft, .altRight, .enter, .tab]
    while !input.isAtEnd {
        let operation = Int(input.byte())
        if operation < keys.count * 8 {
            _ = editor.apply(keys[operation % keys.count])
        } else if operation < 0xF0 {
            let piece = input.string()
            if let character = piece.first { _ = editor.apply(.character(character)) }
        } else {
            editor.insert(input.string())
        }
        precondition((0...editor.text.count).contains(editor.cursor), "the cursor \(editor.cursor) left the text of \(editor.text.count) graphemes")
    }
    return 0
}

runFuzzer(fuzzTextEditor)

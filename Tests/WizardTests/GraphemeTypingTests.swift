import OpenConnectors
import Testing
import Wizard

/// The key sequences that used to crash the wizard (exit 132, "String index is out of bounds"):
/// one `.character` per Unicode scalar, as a terminal delivers a mark typed after its base.
let crashingScalarSequences: [[Unicode.Scalar]] = [
    ["e", "\u{301}"],                           // e + combining acute
    ["\u{2764}", "\u{FE0F}", "\u{2764}", "\u{FE0F}"],  // ❤️ twice
    ["\u{1F1E9}", "\u{1F1EA}"],                 // 🇩🇪
    ["\u{1F44D}", "\u{1F3FD}"],                 // 👍🏽
]

@Suite("Typing graphemes scalar by scalar into the wizards")
struct GraphemeTypingTests {
    @Test("A text field of the create wizard keeps what was typed", arguments: crashingScalarSequences)
    func createField(scalars: [Unicode.Scalar]) throws {
        var wizard = freshWizard()
        wizard.press(.tab)
        let id = try #require(wizard.focusedParameter)
        wizard.press(.control("u"))
        for scalar in scalars { wizard.update(.key(.character(Character(scalar)))) }
        wizard.press(.character("x"), .left, .backspace, .end, .character("y"))
        let typed = String(String.UnicodeScalarView(scalars))
        #expect(wizard.form[id] == String(typed.dropLast()) + "xy")
    }

    @Test("The recover filter keeps what was typed", arguments: crashingScalarSequences)
    func recoverFilter(scalars: [Unicode.Scalar]) {
        var wizard = loadedRecover(3)
        for scalar in scalars { wizard.update(.key(.character(Character(scalar)))) }
        wizard.update(.key(.character("x")))
        let typed = String(String.UnicodeScalarView(scalars))
        #expect(wizard.filter.text == typed + "x")
        wizard.update(.key(.backspace))
        wizard.update(.key(.backspace))
        #expect(wizard.filter.text == String(typed.dropLast()))
        #expect(wizard.screen == .instances)
    }
}

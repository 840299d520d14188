import CNCursesW
import Glibc
@testable import TerminalUI
import Testing
import Wizard
import WizardScripting

/// glibc's `wcwidth` for a code point under C.UTF-8, the locale the wizard runs in.
private func glibcWidth(_ point: UInt32) -> Int {
    _ = glibcUTF8Locale
    return Int(wcwidth(wchar_t(bitPattern: point)))
}

/// Switches the process to C.UTF-8 once (wcwidth answers -1 for non-ASCII in the C locale).
private let glibcUTF8Locale: Void = {
    precondition(setlocale(LC_ALL, "C.UTF-8") != nil, "the C.UTF-8 locale is missing")
}()

@Suite("Display width agrees with glibc wcwidth")
struct DisplayWidthTests {
    /// The deliberate differences (docs/DECISIONS.md, 2026-12-02): where glibc says "not printable"
    /// (-1), controls take 0 columns and everything else the 1 column ncurses and tmux give it.
    private func ncursesColumns(_ point: UInt32) -> Int {
        let width = glibcWidth(point)
        if width >= 0 { return width }
        return point < 0x20 || (0x7F..<0xA0).contains(point) ? 0 : 1
    }

    @Test("Every code point has glibc's width, but for the listed non-printable ones")
    func everyCodePoint() async {
        var differences: [String] = []
        var differing = 0
        for point in UInt32(0)...0x10FFFF {
            // Seconds of CPU work: let the other suites' tasks (in-process sandboxes, run loops)
            // have the cooperative pool's two threads now and then instead of starving for a minute.
            if point % 0x4000 == 0 { await Task.yield() }
            guard let scalar = Unicode.Scalar(point) else { continue }  // surrogates
            let expected = ncursesColumns(point)
            let actual = DisplayWidth.of(Character(scalar))
            if actual != expected {
                differing += 1
                if differences.count < 20 { differences.append("U+\(String(point, radix: 16, uppercase: true)) \(actual) ≠ \(expected)") }
            }
        }
        #expect(differing == 0, "\(differing) code points differ, e.g. \(differences.joined(separator: ", "))")
    }

    @Test("A grapheme is as wide as ncurses places it: the sum of its scalars' wcwidth",
          arguments: ["e\u{301}", "\u{2764}\u{FE0F}", "\u{1F1E9}\u{1F1EA}", "\u{1F44D}\u{1F3FD}", "\u{1F469}\u{200D}\u{1F466}", "\u{1F321}", "中", "\r\n"])
    func graphemeIsSumOfScalars(text: String) throws {
        let character = try #require(text.count == 1 ? text.first : nil)
        let ncurses = character.unicodeScalars.reduce(0) { $0 + ncursesColumns($1.value) }
        #expect(DisplayWidth.of(character) == ncurses)
    }

    @Test("A grapheme wider than two columns keeps the text after it where ncurses puts it")
    func widerThanTwo() {
        var buffer = CellBuffer(width: 10, height: 1)
        let used = buffer.write("\u{1F44D}\u{1F3FD}x", column: 0, row: 0)
        #expect(used == 5)
        #expect(buffer[0, 0].character == "\u{1F44D}\u{1F3FD}")
        #expect((1...3).allSatisfy { buffer[$0, 0].character == nil })
        #expect(buffer[4, 0].character == "x")
        buffer.write("y", column: 2, row: 0)
        #expect(buffer.textLines == ["  y x"], "overwriting part of a wide grapheme blanks all of it")
    }

    @Test("After typing /🌡B the cursor sits right after B (🌡 is one column in glibc)")
    func thermometerCursor() throws {
        var wizard = ScreenFixtures.azureApp()
        let id = try #require(wizard.focusedParameter)
        #expect(id == .apiKey, "a field shown in clear text")
        wizard.press(.control("u"))
        let start = try #require(WizardView(theme: .color).render(wizard, width: 80, height: 24).cursor)
        for character in "/\u{1F321}B" { wizard.update(.key(.character(character))) }
        #expect(wizard.form[id] == "/\u{1F321}B")
        let buffer = WizardView(theme: .color).render(wizard, width: 80, height: 24)
        let cursor = try #require(buffer.cursor)
        #expect(glibcWidth(0x1F321) == 1)
        #expect(cursor.row == start.row)
        #expect(cursor.column == start.column + 3)
        #expect(buffer[start.column + 1, start.row].character == "\u{1F321}")
        #expect(buffer[start.column + 2, start.row].character == "B")
    }
}

import Testing
@testable import TerminalUI

/// A button row wider than its area shows a run of whole buttons around the focused one.
@Suite("Button row: too many buttons for the width")
struct ButtonRowTests {
    static let labels = ["Copy token", "Save", "Re-authenticate", "Enable", "Send test event", "Delete", "Back"]

    private func text(_ line: ScreenLine) -> String { line.spans.map(\.text).joined() }

    @Test("Whatever has the focus is drawn whole, the line fits, and ‹ › mark hidden buttons")
    func focusedAlwaysShown() {
        for width in [30, 50, 78] {
            for focused in Self.labels.indices {
                let row = ButtonRow(props: ButtonRow.Props(labels: Self.labels, focused: focused, spacing: 1), theme: .color)
                let line = row.line(fitting: width)
                let shown = text(line)
                #expect(shown.contains("[ \(Self.labels[focused]) ]"), "width \(width), focus \(focused): \(shown)")
                #expect(2 + DisplayWidth.of(shown) <= width, "width \(width): \(shown)")
                #expect(shown.hasPrefix("‹ ") == !shown.contains("[ Copy token ]"))
                #expect(shown.hasSuffix(" ›") == !shown.contains("[ Back ]"))
                // The cursor sits inside the focused button.
                let start = 2 + DisplayWidth.of(String(shown[..<shown.range(of: "[ \(Self.labels[focused]) ]")!.lowerBound]))
                #expect(line.cursorColumn == start + 2)
            }
        }
    }

    @Test("Buttons that fit are all shown, with no marker")
    func allFit() {
        let row = ButtonRow(props: ButtonRow.Props(labels: ["Next", "Back"], focused: 1), theme: .color)
        #expect(text(row.line(fitting: 80)) == text(row.line))
        #expect(!text(row.line(fitting: 80)).contains("‹"))
    }
}

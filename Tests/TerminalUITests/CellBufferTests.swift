import Testing
import TerminalUI

/// The cell buffer's clipping: fills and writes never reach outside the grid or their area, and
/// never leave half of a wide grapheme behind.
@Suite("Cell buffer")
struct CellBufferTests {
    static let marked = Style(reverse: true)

    @Test("fill clips the part of the rectangle outside the grid instead of trapping",
          arguments: [(0, 5, 3, 2), (0, -5, 3, 2), (-2, -1, 4, 2), (3, 1, 9, 9), (9, 0, 2, 2), (1, 0, 0, 2), (0, 0, 2, -3)])
    func fillClips(x: Int, y: Int, width: Int, height: Int) {
        var buffer = CellBuffer(width: 4, height: 2)
        buffer.fill(column: x, row: y, width: width, height: height, style: Self.marked)
        for row in 0..<2 {
            for column in 0..<4 {
                let inside = column >= x && column < x + width && row >= y && row < y + height
                #expect(buffer[column, row].style == (inside ? Self.marked : .plain), "cell \(column),\(row)")
            }
        }
    }

    @Test("fill through part of a wide grapheme blanks all of its columns")
    func fillBlanksCutWideGraphemes() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.write("日本x", column: 0, row: 0)
        // Cuts the right half of 日 (columns 0–1) and the left half of 本 (columns 2–3).
        buffer.fill(column: 1, row: 0, width: 2, height: 1, style: Self.marked)
        #expect(buffer.textLines == ["    x"])
        for column in 0..<8 { #expect(buffer[column, 0].character != nil, "column \(column) is half of a grapheme") }
        #expect(buffer[1, 0].style == Self.marked && buffer[2, 0].style == Self.marked)
        #expect(buffer[0, 0].style == .plain && buffer[3, 0].style == .plain)
    }

    @Test("A four-column grapheme cut by a fill at either edge is blanked whole")
    func fillBlanksVeryWideGrapheme() {
        // A ZWJ family: its scalars' widths add up to more than two columns, as ncurses places it.
        let family = "👨\u{200D}👩\u{200D}👧"
        let columns = DisplayWidth.of(family)
        #expect(columns > 2)
        for cut in 0..<columns {
            var buffer = CellBuffer(width: 10, height: 1)
            buffer.write("a" + family + "b", column: 0, row: 0)
            buffer.fill(column: 1 + cut, row: 0, width: 1, height: 1)
            #expect(buffer.textLines == ["a" + String(repeating: " ", count: columns) + "b"], "fill at column \(1 + cut)")
        }
    }
}

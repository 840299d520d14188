import Testing
import TerminalUI

/// Rectangles: layout arithmetic never gives a negative size, and writes clip to an area.
@Suite("Rect")
struct RectTests {
    @Test("Insets, splits and rows never go negative", arguments: [0, 1, 3, 10])
    func neverNegative(size: Int) {
        let area = Rect(x: 1, y: 1, width: size, height: size)
        let shrunk = area.inset(left: 4, top: 4, right: 4, bottom: 4)
        #expect(shrunk.width == max(0, size - 8) && shrunk.height == max(0, size - 8))
        let (top, rest) = area.splitTop(5)
        #expect(top.height + rest.height == size && rest.y == top.bottom)
        let (above, bottom) = area.splitBottom(5)
        #expect(above.height + bottom.height == size && bottom.bottom == area.bottom && above.bottom == bottom.y)
        #expect(area.row(size).isEmpty && area.row(-1).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: -1).isEmpty)
    }

    @Test("The intersection holds the shared cells, or none")
    func intersection() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        #expect(a.intersection(Rect(x: 3, y: 2, width: 5, height: 1)) == Rect(x: 3, y: 2, width: 2, height: 1))
        #expect(a.intersection(Rect(x: 7, y: 7, width: 2, height: 2)).isEmpty)
    }

    @Test("write(in:) draws only inside the area, and only whole graphemes")
    func writeClipsToArea() {
        var buffer = CellBuffer(width: 10, height: 3)
        let area = Rect(x: 2, y: 1, width: 4, height: 1)
        buffer.write("abcdefgh", column: 0, row: 1, in: area)
        buffer.write("outside", column: 2, row: 0, in: area)
        buffer.write("x日本", column: 3, row: 1, in: Rect(x: 5, y: 1, width: 4, height: 1))
        #expect(buffer.textLines == ["", "  cdef本", ""])
    }
}

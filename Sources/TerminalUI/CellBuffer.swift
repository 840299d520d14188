/// One screen cell: a grapheme and its style. The further columns of a wide grapheme hold `nil`.
public struct Cell: Sendable, Equatable {
    /// The grapheme drawn here; `nil` in the second and later columns of a wide one.
    public var character: Character?
    /// How it is drawn.
    public var style: Style

    /// A blank cell.
    public static let blank = Cell(character: " ", style: .plain)
}

/// A grid of cells that screens render into; the terminal backend presents it.
///
/// Writes outside the grid are clipped, so rendering never fails on a tiny area.
public struct CellBuffer: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown, if anywhere.
    public var cursor: (column: Int, row: Int)?
    /// Whether a grapheme wider than one column was ever written: until then no write can cut
    /// one, and every cell write skips the look for the start of a wide grapheme.
    private var holdsWide = false

    /// A blank buffer of the given size (negative sizes count as zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: CellBuffer, rhs: CellBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height
            && lhs.cursorEqual(rhs)
            && lhs.rowsEqual(rhs, from: 0, to: lhs.height)
    }

    /// The rows that differ from `previous` (every row when there is none or its size differs):
    /// the one frame diff of the screen driver, handed to the backend with the frame.
    public func changedRows(since previous: CellBuffer?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(0..<height) }
        return (0..<height).filter { !rowsEqual(previous, from: $0, to: $0 + 1) }
    }

    /// Whether the cursor is where it is in `other`.
    public func cursorEqual(_ other: CellBuffer) -> Bool {
        cursor?.column == other.cursor?.column && cursor?.row == other.cursor?.row
    }

    /// Whether rows `first..<last` hold the same cells in both buffers (of the same width).
    ///
    /// Compares in place through buffer pointers: comparing `[Cell]` or slices of it copies
    /// (retains and releases) every cell, which made the run loop's `frame != lastFrame` cost
    /// as much as drawing the frame.
    public func rowsEqual(_ other: CellBuffer, from first: Int, to last: Int) -> Bool {
        let range = (first * width)..<(last * width)
        return cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                if mine.baseAddress == theirs.baseAddress { return true }
                for index in range where mine[index].style != theirs[index].style || mine[index].character != theirs[index].character {
                    return false
                }
                return true
            }
        }
    }

    /// Shows the terminal cursor at a position inside `area` and the grid; hides it for a position outside.
    public mutating func showCursor(column: Int, row: Int, in area: Rect) {
        let inside = column >= max(0, area.x) && column < min(width, area.right) && row >= max(0, area.y) && row < min(height, area.bottom)
        cursor = inside ? (column, row) : nil
    }

    /// The cell at a position.
    public subscript(column: Int, row: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes `text` from a position, clipped at `limit` columns (or the right edge); returns the columns used.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, column: Int, row: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        write(text, column: column, row: row, style: style, from: 0, to: limit.map { column + max(0, $0) } ?? width)
    }

    /// Writes `text` from a position, drawing only the graphemes wholly inside `area`; returns the columns advanced.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, column: Int, row: Int, style: Style = .plain, in area: Rect) -> Int {
        guard row >= area.y, row < area.bottom else { return 0 }
        return write(text, column: column, row: row, style: style, from: area.x, to: area.right)
    }

    /// Writes `text` from `column`, drawing only in columns `first..<last` of the grid.
    private mutating func write(_ text: some StringProtocol, column: Int, row: Int, style: Style, from first: Int, to last: Int) -> Int {
        let first = max(0, first), end = min(width, last)
        guard row >= 0, row < height, column < end else { return 0 }
        var x = column
        if DisplayWidth.isPrintableASCII(text) {
            // One byte, one character, one column: no grapheme breaking or width lookups.
            for byte in text.utf8 {
                if x + 1 > end { break }
                if x >= first {
                    clearWide(at: x, row: row)
                    cells[row * width + x] = Cell(character: Character(Unicode.Scalar(byte)), style: style)
                }
                x += 1
            }
            return x - column
        }
        for character in text {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if x + columns > end { break }
            if x >= first {
                for covered in x..<x + columns { clearWide(at: covered, row: row) }
                if columns > 1 { holdsWide = true }
                cells[row * width + x] = Cell(character: character, style: style)
                for continuation in x + 1..<x + columns { cells[row * width + continuation] = Cell(character: nil, style: style) }
            }
            x += columns
        }
        return x - column
    }

    /// Fills a rectangle with blanks of a style; the part outside the grid is clipped.
    ///
    /// A wide grapheme cut by the rectangle's left or right edge is blanked whole, as `write` does,
    /// so no half of it is left for the terminal to draw over the fill.
    public mutating func fill(column: Int, row: Int, width fillWidth: Int, height fillHeight: Int, style: Style = .plain) {
        fill(Rect(x: column, y: row, width: fillWidth, height: fillHeight), style: style)
    }

    /// Fills `area` with blanks of a style; the part outside the grid is clipped.
    public mutating func fill(_ area: Rect, style: Style = .plain) {
        let clipped = area.intersection(Rect(x: 0, y: 0, width: width, height: height))
        guard !clipped.isEmpty else { return }
        let blank = Cell(character: " ", style: style)
        for y in clipped.y..<clipped.bottom {
            clearWide(at: clipped.x, row: y)
            clearWide(at: clipped.right - 1, row: y)
            for x in clipped.x..<clipped.right { cells[y * width + x] = blank }
        }
    }

    /// Overwriting part of a wide grapheme blanks all of its columns.
    private mutating func clearWide(at x: Int, row: Int) {
        guard holdsWide else { return }
        let rowStart = row * width
        var lead = x
        while lead > 0, cells[rowStart + lead].character == nil { lead -= 1 }
        guard let character = cells[rowStart + lead].character else { return }
        let columns = DisplayWidth.of(character)
        guard lead < x || columns > 1 else { return }
        for column in lead..<min(width, lead + columns) { cells[rowStart + column] = .blank }
    }

    /// The text of each row, trailing blanks removed: what snapshot tests compare.
    public var textLines: [String] {
        (0..<height).map { row in
            var line = ""
            for x in 0..<width {
                if let character = self[x, row].character { line.append(character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

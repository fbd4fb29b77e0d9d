/// A canvas of braille dots: each character cell holds 2 × 4 dots (U+2800 block), giving scatter and line plots
/// twice the horizontal and four times the vertical resolution of the cells.
struct BrailleCanvas: Sendable {
    /// The number of character columns.
    let columns: Int
    /// The number of character rows.
    let rows: Int
    /// The number of dots across (`2 * columns`).
    var dotWidth: Int { columns * 2 }
    /// The number of dots down (`4 * rows`).
    var dotHeight: Int { rows * 4 }

    private var bits: [UInt8]
    private var owners: [Int16]

    /// The bit of each dot in a cell, indexed `[dx][dy]`.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// An empty canvas of `columns × rows` cells.
    init(columns: Int, rows: Int) {
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        owners = Array(repeating: -1, count: self.columns * self.rows)
    }

    /// Sets the dot at (`x`, `y`), counted from the top-left; the cell takes the colour of `series`.
    @inline(__always) mutating func set(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y >> 2) * columns + (x >> 1)
        bits[i] |= Self.dotBits[x & 1][y & 3]
        owners[i] = Int16(truncatingIfNeeded: series)
    }

    /// Draws a straight line of dots between two dot positions (Bresenham).
    mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        var steps = 0
        while steps <= dx - dy {
            set(x: x0, y: y0, series: series)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
            steps += 1
        }
    }

    /// Whether a cell has no dots.
    func isEmpty(column: Int, row: Int) -> Bool { bits[row * columns + column] == 0 }

    /// The braille character of a cell and the series that last drew in it, or nil when it has no dots.
    func cell(column: Int, row: Int) -> (Character, Int)? {
        let i = row * columns + column
        guard bits[i] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[i])) else { return nil }
        return (Character(scalar), Int(owners[i]))
    }
}

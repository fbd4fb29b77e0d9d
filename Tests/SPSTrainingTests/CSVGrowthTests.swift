import Testing
import SPSNumeric
@testable import SPSTraining

/// Reading CSV is linear in the text however many columns it has, and can be stopped (issue 15). The checks count
/// work (pieces parsed, stop checks made), never wall time.
@Suite struct CSVGrowthTests {
    /// A header of 200,000 columns and two rows: read whole, duplicates still found (the first repeated name in
    /// header order), the target found by name.
    @Test func aHeaderOf200000ColumnsReads() throws {
        let n = 200_000
        let header = (0..<n).map { "c\($0)" }
        let row = (0..<n).map { String($0 % 10) }.joined(separator: ",")
        let text = header.joined(separator: ",") + "\n" + row + "\n" + row + "\n"
        let d = try CSVFile.parse(text, target: nil)
        #expect(d.count == 2 && d.width == n - 1 && d.targetName == "c199999" && d.featureNames[123_456] == "c123456")
        #expect(d.target.storage == [9, 9] && d.features.storage[12] == 2)
        var repeated = header
        repeated[150_000] = "c7"
        repeated[199_000] = "c3"
        #expect(throws: DataError("<csv>:1: the column 'c3' appears twice in the header")) {
            try CSVFile.parse(repeated.joined(separator: ",") + "\n" + row + "\n", target: nil)
        }
    }

    /// Cutting the text into row-aligned pieces never cuts inside a quoted field, and the pieces put back
    /// together are the text.
    @Test func piecesEndAtRowEnds() {
        let text = "a,\"b\nstill b\",y\n1,2,3\n\"4\",\"5\",\"6\"\n7,8,9"
        let pieces = CSVFile.rowAlignedPieces(text[...], size: 1)
        #expect(pieces.joined() == text)
        #expect(pieces.map(String.init) == ["a,\"b\nstill b\",y\n", "1,2,3\n", "\"4\",\"5\",\"6\"\n", "7,8,9"])
        // A quote next to a non-ASCII character may be part of another character: the text stays whole.
        #expect(CSVFile.rowAlignedPieces("\"é\",y\n1,2\n3,4\n"[...], size: 1).count == 1)
        #expect(CSVFile.rowAlignedPieces(""[...], size: 1).map(String.init) == [""])
    }

    /// Parsing cut at every row end gives what parsing whole gives, data or error, for the awkward cases: quoted
    /// line feeds, CR LF and CR-only lines, a byte-order mark, blank lines, spaces, malformed quotes (whose error
    /// wins over an earlier bad row, as when parsed whole), a quote that a combining mark turns into another
    /// character, a missing final line feed.
    @Test func cutAtEveryRowReadsAsWhole() {
        let texts = [
            "", "\n", " \n", "a,y\n1,2\n", "a,y\r\n1,2\r\n3,4", "a,y\r1,2\r3,4\r", "\u{FEFF}a,y\n1,2\n",
            "a,b,y\n1,2,3\n4,5\n", "a,b,y\n1,2,3\n\n4,x,6\n", "\"a, first\",y\n\"1\",2\n\n3,nan\n", "a,a,y\n1,2,3\n",
            "a,y\n1,\"2\n\"\n3,4\n", "a, y \n 1 , 2 \n", "a,y\n\"1\"x,2\n", "a,\"y\n1,2\n3,4\n", "a,y\nx,2\n3,\"4\"5\n",
            "a,y\n1,2,\n", "a\u{3000},\u{A0}y\n\u{2003}1,2\t\n", "a,y\nINF,-Infinity\n+inf,NaN\n", "a,y\n\"\n1\",2\n",
            "a,e,y\n1,0,2\n3,1,4\n", "y\n1\n2", "a,y\n1,2\n\n\n3,4\n\n", "\"a\u{301}\",y\n1,2\n3,4\n",
            "a,y\n\"\u{301}1\",2\n\"3\",4\n",
        ]
        func outcome(_ text: String, pieceSize: Int) -> String {
            do throws(DataError) {
                let d = try CSVFile.parse(text, target: nil, environmentColumn: "e", source: "<csv>", pieceSize: pieceSize,
                                          shouldStop: { false })
                return "\(d.columnNames) \(d.features.shape) \(d.features.storage.map(\.bitPattern)) \(d.target.storage.map(\.bitPattern)) \(String(describing: d.environment))"
            } catch {
                return error.message
            }
        }
        for text in texts {
            #expect(outcome(text, pieceSize: 1) == outcome(text, pieceSize: Int.max), "\(text.debugDescription)")
        }
        #expect(outcome("a,y\nx,2\n3,\"4\"5\n", pieceSize: 1) == "<csv>: Can't have non-quote here: 5")
    }

    /// A text of several pieces reads the same rows as one piece would, and line numbers in errors count across
    /// pieces (blank lines included).
    @Test func manyPiecesReadTheSameRows() throws {
        let rows = 60_000
        var text = "a,\"b\",y\n"
        for i in 0..<rows { text += i % 1000 == 999 ? "\n\(i),\"\(i % 7)\",\(2 * i)\n" : "\(i),\"\(i % 7)\",\(2 * i)\n" }
        #expect(CSVFile.rowAlignedPieces(text[...], size: CSVFile.pieceBytes).count > 2)
        let d = try CSVFile.parse(text, target: "y")
        #expect(d.count == rows)
        #expect(d.target.storage == (0..<rows).map { Float(2 * $0) })
        #expect(d.features.storage[2 * 59_999] == 59_999 && d.features.storage[2 * 59_999 + 1] == Float(59_999 % 7))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var broken = lines
        broken[55_000] = "1,x,2"
        #expect(throws: DataError("<csv>:55001: column 'b' has 'x', which is not a number")) {
            try CSVFile.parse(broken.joined(separator: "\n"), target: "y")
        }
    }

    /// `shouldStop` is asked before each piece after the first and once at the end; a yes ends the reading with an
    /// error.
    @Test func readingStopsWhenAsked() throws {
        var text = "a,y\n"
        for i in 0..<100_000 { text += "\(i),\(i)\n" }
        let pieces = CSVFile.rowAlignedPieces(text[...], size: CSVFile.pieceBytes).count
        #expect(pieces > 3)
        var asked = 0
        _ = try CSVFile.parse(text, target: nil, shouldStop: { asked += 1; return false })
        #expect(asked == pieces)  // before each piece after the first, and once at the end
        asked = 0
        #expect(throws: DataError("<csv>: interrupted while reading")) {
            try CSVFile.parse(text, target: nil, shouldStop: { asked += 1; return asked == 3 })
        }
        #expect(asked == 3)
    }
}

import Foundation
import SPSNumeric
import SwiftCSV

/// Reading and writing datasets as CSV (header row, quoted fields, blank lines skipped), using SwiftCSV.
public enum CSVFile {
    /// Reads a CSV file into a dataset with `target` as the target column and every other column a feature.
    ///
    /// Every field must be a number (`nan` and `inf` are accepted); a row with the wrong number of fields or a
    /// non-numeric field is an error naming its line. An `environment`/`env` column, if present and named as
    /// `environmentColumn`, becomes the row's environment tag instead of a feature. `shouldStop` is asked between
    /// pieces of the file (see `parse`); when it says yes, reading ends with an "interrupted" error.
    public static func read(path: String, target: String?, environmentColumn: String? = nil,
                            shouldStop: () -> Bool = { false }) throws(DataError) -> Dataset {
        let bytes = try readDataFile(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DataError("cannot read '\(path)': it could not be read as UTF-8 text")
        }
        return try parse(text, target: target, environmentColumn: environmentColumn, source: path, shouldStop: shouldStop)
    }

    /// How many bytes of CSV are parsed between two checks of `shouldStop` (more when one row is longer).
    static let pieceBytes = 1 << 18

    /// Parses CSV text (see `read`); `source` names it in errors.
    ///
    /// Linear in the size of the text, however many columns: each character is parsed once (the header row too),
    /// the header's names are checked for duplicates with a set, and columns are found by position. The text is
    /// parsed in pieces of about `pieceBytes` that each end at the end of a row (see `rowAlignedPieces`), asking
    /// `shouldStop` before each piece after the first, and once more at the end.
    public static func parse(_ text: String, target: String?, environmentColumn: String? = nil, source: String = "<csv>",
                             shouldStop: () -> Bool = { false }) throws(DataError) -> Dataset {
        try parse(text, target: target, environmentColumn: environmentColumn, source: source, pieceSize: pieceBytes,
                  shouldStop: shouldStop)
    }

    /// `parse` in pieces of about `pieceSize` bytes (tests cut the text at every row with 1).
    static func parse(_ text: String, target: String?, environmentColumn: String?, source: String, pieceSize: Int,
                      shouldStop: () -> Bool) throws(DataError) -> Dataset {
        // As SwiftCSV does with the whole text: a byte-order mark at the start is dropped.
        let body = text.hasPrefix(byteOrderMark) ? text.dropFirst() : text[...]
        let pieces = rowAlignedPieces(body, size: pieceSize)

        /// What the header says about the rows: checked when the header row arrives.
        struct Layout {
            var header: [String], width: Int, targetIndex: Int, environmentIndex: Int?, featureIndices: [Int]
        }
        func makeLayout(_ fields: [String]) throws(DataError) -> Layout {
            let header = fields.map(trimmed)
            guard !header.isEmpty, header != [""] else { throw DataError("\(source): the file is empty (a header row is needed)") }
            var seen = Set<String>(minimumCapacity: header.count), repeated = Set<String>()
            for name in header where !seen.insert(name).inserted { repeated.insert(name) }
            if let duplicate = header.first(where: repeated.contains) {
                throw DataError("\(source):1: the column '\(duplicate)' appears twice in the header")
            }
            let targetName = target ?? header[header.count - 1]
            guard let targetIndex = header.firstIndex(of: targetName) else {
                throw DataError("\(source): no column named '\(targetName)' for the target; the columns are \(header.joined(separator: ", "))")
            }
            let environmentIndex = environmentColumn.flatMap { header.firstIndex(of: $0) }
            let featureIndices = header.indices.filter { $0 != targetIndex && $0 != environmentIndex }
            return Layout(header: header, width: header.count, targetIndex: targetIndex, environmentIndex: environmentIndex,
                          featureIndices: featureIndices)
        }

        final class Collector: @unchecked Sendable {
            var layout: Layout?
            var x: [Float] = [], y: [Float] = [], env: [Int] = []
            var line = 1, failure: DataError?
        }
        let collector = Collector()
        let collect = { (fields: [String]) in
            guard collector.failure == nil else { return }
            guard let layout = collector.layout else {
                // The first row is the header (SwiftCSV's `header` would parse it again, twice).
                do throws(DataError) { collector.layout = try makeLayout(fields) } catch { collector.failure = error }
                return
            }
            collector.line += 1
            let line = collector.line
            collector.line += fields.reduce(0) { $0 + lineFeeds(in: $1) }
            if fields.allSatisfy({ trimmed($0).isEmpty }) { return }
            guard fields.count == layout.width else {
                collector.failure = DataError("\(source):\(line): expected \(layout.width) fields, got \(fields.count)")
                return
            }
            var numbers: [Float] = []
            numbers.reserveCapacity(layout.width)
            for (index, field) in fields.enumerated() {
                let text = trimmed(field)
                guard let value = parseNumber(text) else {
                    collector.failure = DataError("\(source):\(line): column '\(layout.header[index])' has '\(text)', which is not a number")
                    return
                }
                numbers.append(value)
            }
            for index in layout.featureIndices { collector.x.append(numbers[index]) }
            collector.y.append(numbers[layout.targetIndex])
            if let environmentIndex = layout.environmentIndex {
                // The tag from the field's text, checked before converting: never truncated, rounded or wrapped.
                let text = trimmed(fields[environmentIndex])
                guard let tag = Dataset.environmentTag(text) else {
                    collector.failure = DataError("\(source):\(line): the env column '\(layout.header[environmentIndex])' has '\(text)'; environment tags are whole numbers from 0 to \(Dataset.maxEnvironmentTag)")
                    return
                }
                collector.env.append(tag)
            }
        }
        do {
            for (k, piece) in pieces.enumerated() {
                // After a failure the rows are still parsed (not converted): a malformed quote further on is the
                // error reported, as when the text was parsed whole.
                if k > 0, shouldStop() { throw interrupted(source) }
                // Each piece starts a row. The blank line put first is the row SwiftCSV takes for a header (it reads
                // a CSV's first row twice for that); startAt: 1 skips it.
                let csv = try CSV<Enumerated>(string: "\n" + piece, delimiter: .comma, loadColumns: false, rowLimit: 0)
                try csv.enumerateAsArray(startAt: 1, rowLimit: nil, collect)
            }
        } catch let error as DataError {
            throw error
        } catch {
            // A bad header is reported before anything found in the rows after it, as when it was read first.
            if collector.layout == nil, let failure = collector.failure { throw failure }
            throw DataError("\(source): \(describe(error))")
        }
        if let failure = collector.failure { throw failure }
        guard let layout = collector.layout else { throw DataError("\(source): the file is empty (a header row is needed)") }
        if shouldStop() { throw interrupted(source) }
        let rows = collector.y.count, features = layout.featureIndices.count
        let x = (try? Tensor(shape: [rows, features], storage: collector.x)) ?? Tensor.zeros([rows, features])
        return Dataset(unchecked: x, Tensor(collector.y), layout.featureIndices.map { layout.header[$0] },
                       layout.header[layout.targetIndex], layout.environmentIndex == nil ? nil : collector.env)
    }

    static let byteOrderMark = "\u{FEFF}"

    /// `field` without leading and trailing tabs and Unicode space separators (what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes), without Foundation's cost: most fields have none and come
    /// back as they are.
    static func trimmed(_ field: String) -> String {
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            u.isASCII ? (u == " " || u == "\t") : u.properties.generalCategory == .spaceSeparator
        }
        let scalars = field.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return field }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// How many lines a field spans beyond its first: its line feeds (a CR LF pair is one character, not a line
    /// feed, as before).
    static func lineFeeds(in field: String) -> Int {
        guard field.utf8.contains(UInt8(ascii: "\n")) else { return 0 }
        return field.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    }

    static func interrupted(_ source: String) -> DataError { DataError("\(source): interrupted while reading") }

    /// The text cut into pieces of at least `size` bytes (the last may be shorter), each ending just after a line
    /// feed that ends a row, so that parsing the pieces one after another reads the same rows as parsing the whole.
    ///
    /// A line feed ends a row when an even number of quotes come before it: SwiftCSV's states agree (an odd count
    /// means inside a quoted field, where a line feed is part of the field, or a stray quote, an error either way).
    /// SwiftCSV reads characters, though, and a quote followed by a combining mark (or preceded by a prepended
    /// mark) is one character that is not a quote: when a quote touches any non-ASCII byte the text stays whole.
    static func rowAlignedPieces(_ text: Substring, size: Int) -> [Substring] {
        let cuts: [Int]? = text.utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
            var cuts: [Int] = []
            var inQuotes = false, last = 0
            for i in bytes.indices {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    if (i > 0 && bytes[i - 1] >= 0x80) || (i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return [] }
                    inQuotes.toggle()
                } else if b == UInt8(ascii: "\n"), !inQuotes, i + 1 - last >= size, i + 1 < bytes.count {
                    cuts.append(i + 1)
                    last = i + 1
                }
            }
            return cuts
        }
        guard let cuts, !cuts.isEmpty else { return [text] }
        let utf8 = text.utf8
        var pieces: [Substring] = []
        pieces.reserveCapacity(cuts.count + 1)
        var start = text.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            pieces.append(text[start..<end])
            start = end
        }
        pieces.append(text[start...])
        return pieces
    }

    /// Writes a dataset as CSV (features, then the target, then `env` when tagged), atomically: to a temporary
    /// file beside `path`, then renamed over it, so an existing file is never left half-written.
    public static func write(_ data: Dataset, path: String) throws(DataError) {
        var header = data.columnNames
        if data.environment != nil { header.append("env") }
        var text = header.map(quote).joined(separator: ",") + "\n"
        text.reserveCapacity(data.count * (data.width + 1) * 10)
        let width = data.width
        for i in 0..<data.count {
            var fields = (0..<width).map { formatFloat(data.features.storage[i * width + $0]) }
            fields.append(formatFloat(data.target.storage[i]))
            if let env = data.environment { fields.append(String(env[i])) }
            text += fields.joined(separator: ",") + "\n"
        }
        try writeAtomically(text, path: path)
    }

    /// Writes a table as CSV (header, then rows; text quoted where needed), atomically.
    public static func write(_ table: Table, path: String) throws(DataError) {
        var lines = [table.columnNames.map(quote).joined(separator: ",")]
        for r in 0..<table.rowCount {
            lines.append(table.columns.indices.map { c in
                switch table.cell(row: r, column: c) {
                case .number(let x): "\(x)"
                case .string(let s): quote(s)
                }
            }.joined(separator: ","))
        }
        try writeAtomically(lines.joined(separator: "\n") + "\n", path: path)
    }

    static func writeAtomically(_ text: String, path: String) throws(DataError) {
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw DataError(error.message)
        }
    }

    /// Accepts decimal numbers and `nan`, `inf`, `-inf` in any case.
    static func parseNumber(_ text: String) -> Float? {
        if let value = Float(text) { return value }  // the common case, without lowercasing every field
        switch text.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return Float(text)
        }
    }

    /// The shortest text that reads back as the same Float.
    static func formatFloat(_ value: Float) -> String {
        if value == value.rounded() && abs(value) < 1e7 { return String(Int(value)) }
        return "\(value)"
    }

    static func quote(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case CSVParseError.generic(let message), CSVParseError.quotation(let message): message
        default: "\(error)"
        }
    }
}

/// The largest data or model file sps reads: the limit every reader shares (`FileBytes.maxBytes`).
public let maxReadableFileBytes = FileBytes.maxBytes

/// The bytes of a data or model file. `FileBytes` checks, before reading, that it is a regular file (or a pipe) of
/// at most `maxReadableFileBytes`, and that parsing it (about 4 bytes of memory per byte of CSV) fits in memory.
func readDataFile(_ path: String) throws(DataError) -> [UInt8] {
    do {
        return try FileBytes.contents(of: path, memoryPerByte: 4)
    } catch {
        throw DataError(error.message)
    }
}

/// A table of named columns of numbers or text: a loop's history, an evaluation, a study's results.
public struct Table: Sendable, Equatable {
    /// One column's values.
    public enum Values: Sendable, Equatable {
        case numbers([Double])
        case strings([String])

        /// The number of entries.
        public var count: Int {
            switch self {
            case .numbers(let v): v.count
            case .strings(let v): v.count
            }
        }
    }

    /// A named column.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var values: Values
        public init(_ name: String, _ values: Values) { self.name = name; self.values = values }
        public init(_ name: String, numbers: [Double]) { self.init(name, .numbers(numbers)) }
        public init(_ name: String, strings: [String]) { self.init(name, .strings(strings)) }
    }

    /// The columns, all of the same length.
    public private(set) var columns: [Column]

    /// Creates a table; columns shorter than the longest are padded with NaN or "".
    public init(_ columns: [Column]) {
        let rows = columns.map(\.values.count).max() ?? 0
        self.columns = columns.map { column in
            switch column.values {
            case .numbers(let v) where v.count < rows: Column(column.name, numbers: v + Array(repeating: .nan, count: rows - v.count))
            case .strings(let v) where v.count < rows: Column(column.name, strings: v + Array(repeating: "", count: rows - v.count))
            default: column
            }
        }
    }

    /// The number of rows.
    public var rowCount: Int { columns.first?.values.count ?? 0 }
    /// The column names in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column with this name.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The numbers of a numeric column.
    public func numbers(_ name: String) -> [Double]? {
        guard case .numbers(let v)? = column(name)?.values else { return nil }
        return v
    }

    /// Appends a row given as (column name, value) pairs; a new name adds a column of its value's type, padded for
    /// earlier rows (NaN or ""), and a column the row leaves out is padded the same way.
    ///
    /// A value must have its column's type: a string in a column of numbers or a number in a column of strings is
    /// an error naming the column and both values (never turned into NaN or into text), and so is a row that names a
    /// column twice. On an error the table is unchanged.
    public mutating func append(row: [(String, Cell)]) throws(DataError) {
        for (i, (name, cell)) in row.enumerated() {
            if row[..<i].contains(where: { $0.0 == name }) {
                throw DataError("the row names the column '\(name)' twice")
            }
            guard let existing = column(name) else { continue }
            switch (existing.values, cell) {
            case (.numbers(let v), .string(let s)):
                let example = v.first { !$0.isNaN }.map { ", e.g. \(formatCell($0))" } ?? ""
                throw DataError("the column '\(name)' holds numbers\(example), but this row has the string \"\(s)\" there")
            case (.strings(let v), .number(let x)):
                let example = v.first { !$0.isEmpty }.map { ", e.g. \"\($0)\"" } ?? ""
                throw DataError("the column '\(name)' holds strings\(example), but this row has the number \(formatCell(x)) there")
            default: continue
            }
        }
        let before = rowCount
        for (name, cell) in row where column(name) == nil {
            switch cell {
            case .number: columns.append(Column(name, numbers: Array(repeating: .nan, count: before)))
            case .string: columns.append(Column(name, strings: Array(repeating: "", count: before)))
            }
        }
        for index in columns.indices {
            let cell = row.first { $0.0 == columns[index].name }?.1
            switch columns[index].values {
            case .numbers(var v):
                columns[index].values = .numbers([])  // so the array below is not copied to append to it
                if case .number(let x)? = cell { v.append(x) } else { v.append(.nan) }
                columns[index].values = .numbers(v)
            case .strings(var v):
                columns[index].values = .strings([])
                if case .string(let s)? = cell { v.append(s) } else { v.append("") }
                columns[index].values = .strings(v)
            }
        }
    }

    /// One entry of a row.
    public enum Cell: Sendable, Equatable {
        case number(Double)
        case string(String)
    }

    /// The cell at a row of a column.
    public func cell(row: Int, column index: Int) -> Cell {
        switch columns[index].values {
        case .numbers(let v): .number(v[row])
        case .strings(let v): .string(v[row])
        }
    }

    /// The rows at `indices`, in that order.
    public func select(rows indices: [Int]) -> Table {
        Table(columns.map { column in
            switch column.values {
            case .numbers(let v): Column(column.name, numbers: indices.map { v[$0] })
            case .strings(let v): Column(column.name, strings: indices.map { v[$0] })
            }
        })
    }

    /// The rows in `range`.
    public func rows(_ range: Range<Int>) -> Table {
        Table(columns.map { column in
            switch column.values {
            case .numbers(let v): Column(column.name, numbers: Array(v[range]))
            case .strings(let v): Column(column.name, strings: Array(v[range]))
            }
        })
    }
}

// MARK: - Printing

extension Table: CustomStringConvertible {
    /// The table aligned in columns, without limits.
    public var description: String { render(maxWidth: nil, maxRows: nil) }

    /// The table aligned in columns, with numbers right-aligned; rows beyond `maxRows` and columns beyond
    /// `maxWidth` characters are elided with `⋮` and `…` and a note of what was left out.
    public func render(maxWidth: Int?, maxRows: Int?) -> String {
        guard !columns.isEmpty else { return "(empty table)" }
        var rowIndices: [Int?] = Array(0..<rowCount)
        if let maxRows, rowCount > maxRows, maxRows >= 3 {
            let head = (maxRows - 1) / 2 + (maxRows - 1) % 2, tail = (maxRows - 1) / 2
            rowIndices = Array(0..<head) + [nil] + Array((rowCount - tail)..<rowCount)
        }
        let texts: [[String]] = columns.indices.map { c in
            [columns[c].name] + rowIndices.map { r in
                guard let r else { return "⋮" }
                switch cell(row: r, column: c) {
                case .number(let x): return formatCell(x)
                case .string(let s): return s
                }
            }
        }
        let widths = texts.map { $0.map(\.count).max() ?? 0 }
        var shown = columns.count
        if let maxWidth {
            var used = 0
            for (index, width) in widths.enumerated() {
                used += width + (index == 0 ? 0 : 2)
                if used > maxWidth - 3 && index > 0 { shown = index; break }
            }
        }
        var lines: [String] = []
        for line in 0..<(rowIndices.count + 1) {
            var parts: [String] = []
            for c in 0..<shown {
                let text = texts[c][line]
                let pad = String(repeating: " ", count: widths[c] - text.count)
                let numeric: Bool = if case .numbers = columns[c].values { true } else { false }
                parts.append(numeric || line == 0 && numeric ? pad + text : text + pad)
            }
            if shown < columns.count { parts.append("…") }
            lines.append(parts.joined(separator: "  ").replacingTrailingSpaces())
            if line == 0 {
                lines.append(zip(0..<shown, widths).map { String(repeating: "─", count: $1) }.joined(separator: "  "))
            }
        }
        var notes: [String] = []
        if rowIndices.contains(nil) { notes.append("\(rowCount) rows") }
        if shown < columns.count { notes.append("\(columns.count - shown) more columns: " + columns[shown...].map(\.name).joined(separator: ", ")) }
        if !notes.isEmpty { lines.append("(" + notes.joined(separator: "; ") + ")") }
        return lines.joined(separator: "\n")
    }
}

/// Formats a number for tables and summaries: integers plainly, others with 4 decimals (or scientific), NaN as "NaN".
public func formatCell(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    let magnitude = abs(x)
    if magnitude >= 1e6 || magnitude < 1e-3 { return formatScientific(x) }
    let decimals = magnitude >= 100 ? 2 : 4
    return formatFixed(x, decimals: decimals)
}

func formatFixed(_ x: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    let whole = Int64(scaled / scale), fraction = Int64(scaled - Double(whole) * scale)
    var fractionText = String(fraction)
    while fractionText.count < decimals { fractionText = "0" + fractionText }
    return (x < 0 ? "-" : "") + "\(whole).\(fractionText)"
}

func formatScientific(_ x: Double) -> String {
    var exponent = 0
    var mantissa = abs(x)
    while mantissa >= 10 { mantissa /= 10; exponent += 1 }
    while mantissa < 1 && mantissa > 0 { mantissa *= 10; exponent -= 1 }
    var text = formatFixed(mantissa, decimals: 3)
    if text.hasPrefix("10.") { text = "1.000"; exponent += 1 }
    return (x < 0 ? "-" : "") + text + "e" + (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

/// Formats a number for a message in its shortest form: `1`, `0.9`, `1e-08`.
public func formatShort(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}

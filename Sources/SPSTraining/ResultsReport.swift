/// A results table of mean ± standard error, as DomainBed's `collect_results.py` prints it: a table per selection
/// method (when the results have a `method` column), a row per value of `rows` (algorithms), a column per value of
/// `columns` (datasets or test environments) and, with `average`, the mean of each row's means.
///
/// A cell holds the mean of the `value` column over the rows of the results that fall in it (trials: data seeds)
/// and its standard error, DomainBed's `np.std(x / sqrt(n))`: the standard deviation with n in the denominator,
/// divided by √n. Rows, columns and methods come in order of first appearance, so the same results give the same
/// report. A cell without results shows "X", and so does the average of a row with one.
public struct ResultsReport: Sendable {
    public var rows: String
    public var columns: String?
    public var value: String
    public var method = "method"
    /// Decimal places of means and errors.
    public var digits = 2
    /// Multiplies every value first (100 shows accuracies in percent, as DomainBed does).
    public var scale = 1.0
    /// Adds a column "Avg": the mean of the row's cell means.
    public var average = true
    /// Shows the standard deviation (n in the denominator, as InvarianceUnitTests reports) instead of the
    /// standard error.
    public var showsDeviation = false

    public init(rows: String, columns: String?, value: String) {
        self.rows = rows
        self.columns = columns
        self.value = value
    }

    /// One cell: the mean and standard error of its values.
    public struct Cell: Sendable, Equatable {
        public let mean: Double
        public let error: Double
        /// The standard deviation with n in the denominator.
        public let deviation: Double
        public let count: Int

        /// The mean and DomainBed's standard error of `values` (at least one).
        public init(_ values: [Double]) {
            let n = Double(values.count)
            let average = values.reduce(0, +) / n
            let variance = values.reduce(0.0) { $0 + ($1 - average) * ($1 - average) } / n
            mean = average
            deviation = variance.squareRoot()
            error = deviation / n.squareRoot()
            count = values.count
        }
    }

    /// One method's table.
    public struct Section: Sendable {
        /// The method's name as the results give it (nil without a method column).
        public let method: String?
        public let rowLabels: [String]
        public let columnLabels: [String]
        /// `cells[row][column]`, nil where there are no results.
        public let cells: [[Cell?]]
    }

    /// The report's sections, one per method.
    public func sections(_ table: Table) throws(DataError) -> [Section] {
        func labels(_ name: String, _ role: String) throws(DataError) -> [String] {
            guard let column = table.column(name) else {
                throw DataError("report: the table has no column '\(name)' (\(role)); its columns are \(table.columnNames.joined(separator: ", "))")
            }
            switch column.values {
            case .strings(let v): return v
            case .numbers(let v): return v.map(formatCell)
            }
        }
        guard let values = table.numbers(value) else {
            if table.column(value) == nil {
                throw DataError("report: the table has no column '\(value)' (the value, value=); its columns are \(table.columnNames.joined(separator: ", "))")
            }
            throw DataError("report: the column '\(value)' must hold numbers")
        }
        let rowLabels = try labels(rows, "the rows, rows=")
        let columnLabels = try columns.map { name throws(DataError) in try labels(name, "the columns, cols=") } ?? Array(repeating: value, count: table.rowCount)
        let methods: [String?] = table.column(method) == nil ? Array(repeating: nil, count: table.rowCount) : try labels(method, "the selection method")
        func ordered(_ labels: [String?]) -> [String?] {
            var seen: [String?] = []
            for label in labels where !seen.contains(label) { seen.append(label) }
            return seen
        }
        var sections: [Section] = []
        for m in ordered(methods) {
            let rowsOfMethod = (0..<table.rowCount).filter { methods[$0] == m }
            let rowOrder = ordered(rowsOfMethod.map { rowLabels[$0] }).compactMap { $0 }
            let columnOrder = ordered(rowsOfMethod.map { columnLabels[$0] }).compactMap { $0 }
            var gathered = Array(repeating: Array(repeating: [Double](), count: columnOrder.count), count: rowOrder.count)
            for r in rowsOfMethod where !values[r].isNaN {
                guard let i = rowOrder.firstIndex(of: rowLabels[r]), let j = columnOrder.firstIndex(of: columnLabels[r]) else { continue }
                gathered[i][j].append(values[r] * scale)
            }
            sections.append(Section(method: m, rowLabels: rowOrder, columnLabels: columnOrder,
                                    cells: gathered.map { $0.map { $0.isEmpty ? nil : Cell($0) } }))
        }
        return sections
    }

    /// A number with `digits` decimals (never "-0.00").
    func fixed(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "Inf" : "-Inf") }
        var scaleFactor = 1.0
        for _ in 0..<digits { scaleFactor *= 10 }
        let rounded = (x * scaleFactor).rounded() / scaleFactor
        guard digits > 0 else { return String(Int64(rounded == 0 ? 0 : rounded)) }
        return formatFixed(rounded == 0 ? 0 : rounded, decimals: digits)
    }

    /// A cell's text: "mean ± error" (`$\pm$` in LaTeX), or "X".
    func text(_ cell: Cell?, latex: Bool) -> String {
        guard let cell else { return "X" }
        return fixed(cell.mean) + (latex ? " $\\pm$ " : " ± ") + fixed(showsDeviation ? cell.deviation : cell.error)
    }

    /// The average column's text for a row: the mean of its cell means, or "X" when a cell is missing.
    func averageText(_ cells: [Cell?]) -> String {
        let means = cells.compactMap { $0?.mean }
        guard means.count == cells.count, !means.isEmpty else { return "X" }
        return fixed(means.reduce(0, +) / Double(means.count))
    }

    /// The header of a section (nil without a method column).
    func heading(_ section: Section) -> String? {
        section.method.map { name in
            "Model selection: " + (SelectionMethod(rawValue: name)?.title ?? name)
        }
    }

    /// Whether the report adds the "Avg" column (with more than one column only).
    func averages(_ section: Section) -> Bool { average && section.columnLabels.count > 1 }

    /// The report as a table of text: a column `method` (when the results have one), the row labels, then a
    /// column per column label (and "Avg").
    public func table(_ sections: [Section]) -> Table {
        let withMethods = sections.contains { $0.method != nil }
        let allColumns = sections.reduce(into: [String]()) { all, s in for c in s.columnLabels where !all.contains(c) { all.append(c) } }
        let withAverage = sections.contains(where: averages)
        var methodColumn: [String] = [], labelColumn: [String] = []
        var columnTexts = Array(repeating: [String](), count: allColumns.count)
        var averageColumn: [String] = []
        for section in sections {
            for (i, label) in section.rowLabels.enumerated() {
                methodColumn.append(section.method ?? "")
                labelColumn.append(label)
                for (k, name) in allColumns.enumerated() {
                    let j = section.columnLabels.firstIndex(of: name)
                    columnTexts[k].append(text(j.flatMap { section.cells[i][$0] }, latex: false))
                }
                averageColumn.append(averages(section) ? averageText(section.cells[i]) : "")
            }
        }
        var columns: [Table.Column] = withMethods ? [Table.Column("method", strings: methodColumn)] : []
        columns.append(Table.Column(rows, strings: labelColumn))
        columns += zip(allColumns, columnTexts).map { Table.Column($0, strings: $1) }
        if withAverage { columns.append(Table.Column("Avg", strings: averageColumn)) }
        return Table(columns)
    }

    /// The report in Markdown: per method a bold heading, then a pipe table (without a final newline).
    public func markdown(_ sections: [Section]) -> String {
        var lines: [String] = []
        func escape(_ s: String) -> String { s.replacingAll("|", with: "\\|") }
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            if let heading = heading(section) { lines += ["**\(heading)**", ""] }
            let header = [rows] + section.columnLabels + (averages(section) ? ["Avg"] : [])
            lines.append("| " + header.map(escape).joined(separator: " | ") + " |")
            lines.append("|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined())
            for (i, label) in section.rowLabels.enumerated() {
                let cells = section.cells[i].map { text($0, latex: false) } + (averages(section) ? [averageText(section.cells[i])] : [])
                lines.append("| " + ([escape(label)] + cells).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The report in LaTeX (booktabs): per method a comment naming it, then a tabular (without a final newline).
    public func latex(_ sections: [Section]) -> String {
        var lines: [String] = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            if let heading = heading(section) { lines.append("% " + heading) }
            let header = [rows] + section.columnLabels + (averages(section) ? ["Avg"] : [])
            lines.append("\\begin{tabular}{l" + String(repeating: "c", count: header.count - 1) + "}")
            lines.append("\\toprule")
            lines.append(header.map { "\\textbf{\(Self.latexEscaped($0))}" }.joined(separator: " & ") + " \\\\")
            lines.append("\\midrule")
            for (i, label) in section.rowLabels.enumerated() {
                let cells = section.cells[i].map { text($0, latex: true) } + (averages(section) ? [averageText(section.cells[i])] : [])
                lines.append(([Self.latexEscaped(label)] + cells).joined(separator: " & ") + " \\\\")
            }
            lines.append("\\bottomrule")
            lines.append("\\end{tabular}")
        }
        return lines.joined(separator: "\n")
    }

    /// Text with LaTeX's special characters escaped.
    static func latexEscaped(_ text: String) -> String {
        var result = ""
        for ch in text {
            switch ch {
            case "\\": result += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": result += "\\" + String(ch)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(ch)
            }
        }
        return result
    }
}

extension String {
    /// The string with every occurrence of `target` replaced.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for ch in self { if ch == target { result += replacement } else { result.append(ch) } }
        return result
    }
}

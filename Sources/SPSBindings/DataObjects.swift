import SPSLanguage
import SPSNumeric
import SPSTraining

/// A dataset at the prompt: named feature columns, a target, optional environment tags.
package final class DatasetObject: RowCounted {
    package let data: Dataset
    init(_ data: Dataset) { self.data = data }

    package var typeName: String { "Dataset" }
    /// A dataset never changes once made (operations make new ones): runs share it.
    package var isolation: IsolationPolicy { .immutable }
    package var shape: String { "\(data.count) rows × \(data.width) features" }
    package var rowCount: Int { data.count }
    package var byteSize: Int? { (data.features.count + data.target.count) * 4 }

    package var description: String {
        var header = "Dataset: \(data.count) rows × \(data.width) features (\(data.featureNames.joined(separator: ", "))) → target \(data.targetName)"
        if let env = data.environment { header += ", \(Set(env).count) environments" }
        guard data.count > 0 else { return header }
        return header + "\n" + data.headTable(5).render(maxWidth: DisplayWidth.columns, maxRows: nil)
            + (data.count > 5 ? "\n(first 5 of \(data.count) rows)" : "")
    }

    package var memberNames: [String] { ["n", "features", "target", "columns", "env", "X", "Y"] + data.columnNames }

    package func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "n": return .number(Double(data.count))
        case "features": return .list(data.featureNames.map { .string($0) })
        case "target": return .string(data.targetName)
        case "columns": return .list(data.columnNames.map { .string($0) })
        case "env": return data.environment.map { .tensor(Tensor($0.map(Float.init))) } ?? .nil
        case "X": return .tensor(data.features)
        case "Y": return .tensor(data.target)
        default:
            guard data.columnNames.contains(name) else { return nil }
            return .tensor(try column(name))
        }
    }

    package func column(_ name: String) throws(RuntimeError) -> Tensor {
        do { return try data.column(named: name) } catch { throw RuntimeError(error) }
    }

    /// `d[i]` (a row as a record), `d[a..b]`, `d[[2, 0]]`, `d[d.x1 > 0]` (rows as a dataset, environments kept),
    /// `d["x1"]` (a column): rows by the rule of `IndexRule`.
    package func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value {
        guard indices.count == 1 else { throw RuntimeError("a Dataset takes one index (rows or a column name), got \(indices.count)") }
        if case .string(let name) = indices[0] { return .tensor(try column(name)) }
        let selection = try IndexRule.selection(indices[0], count: data.count, noun: "Dataset", what: "a Dataset of \(data.count) rows")
        guard case .single(let i) = selection else {
            let rows = IndexRule.positions(selection)
            try Limits.checkDataset(rows: rows.count, width: data.width, "the selected rows")
            return .dataset(try converting { try data.rows(at: rows) })
        }
        var fields: [(String, Value)] = data.featureNames.enumerated().map {
            ($1, .number(Double.shortest(data.features.storage[i * data.width + $0])))
        }
        fields.append((data.targetName, .number(Double.shortest(data.target.storage[i]))))
        return .record(Record(fields))
    }

    package func setIndex(_ indices: [Value], to value: Value, in interpreter: Interpreter) throws(RuntimeError) {
        throw RuntimeError("a Dataset never changes once made; d.name = values or assign d name=values makes one with a column set, d[mask] selects rows")
    }
}

extension Dataset {
    /// The first rows as a table (features, target, env).
    func headTable(_ n: Int) -> Table {
        let head = self.head(n)
        var columns = columnNames.map { name in
            Table.Column(name, numbers: ((try? head.column(named: name)) ?? Tensor([])).storage.map(Double.shortest))
        }
        if let env = head.environment { columns.append(Table.Column("env", numbers: env.map(Double.init))) }
        return Table(columns)
    }
}

/// A table at the prompt: a loop's history, an evaluation, a study's results.
package final class TableObject: RowCounted {
    package let table: Table
    /// A line shown above the table: that it is partial (a study stopped by Ctrl-C holds only the runs that finished).
    package let note: String?
    /// What the table is when no variable names it (`l.history`): the default title of its plots.
    package let origin: String?
    init(_ table: Table, note: String? = nil, origin: String? = nil) {
        self.table = table
        self.note = note
        self.origin = origin
    }

    package var typeName: String { "Table" }
    /// A table never changes once made: runs share it.
    package var isolation: IsolationPolicy { .immutable }
    package var shape: String { "\(table.rowCount) rows × \(table.columns.count) columns" }
    package var rowCount: Int { table.rowCount }
    package var byteSize: Int? { table.columns.reduce(0) { $0 + $1.values.count } * 8 }
    package var description: String { (note.map { "(\($0))\n" } ?? "") + table.render(maxWidth: DisplayWidth.columns, maxRows: 40) }
    package var memberNames: [String] { ["n", "columns"] + table.columnNames }

    package func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "n": return .number(Double(table.rowCount))
        case "columns": return .list(table.columnNames.map { .string($0) })
        default:
            guard let column = table.column(name) else { return nil }
            return Self.value(of: column)
        }
    }

    static func value(of column: Table.Column) -> Value {
        switch column.values {
        case .numbers(let v): .tensor(Tensor(v.map(Float.init)))
        case .strings(let v): .list(v.map { .string($0) })
        }
    }

    /// `t[i]` (a row as a record), `t[a..b]`, `t[[2, 0]]`, `t[t.loss < 0.5]` (rows as a table), `t["loss"]` (a
    /// column): rows by the rule of `IndexRule`.
    package func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value {
        guard indices.count == 1 else { throw RuntimeError("a Table takes one index (rows or a column name), got \(indices.count)") }
        if case .string(let name) = indices[0] {
            guard let column = table.column(name) else {
                throw RuntimeError("no column '\(name)' in this table; the columns are \(table.columnNames.joined(separator: ", "))\(Suggestions.hint(for: name, in: table.columnNames))")
            }
            return Self.value(of: column)
        }
        let selection = try IndexRule.selection(indices[0], count: table.rowCount, noun: "Table", what: "a Table of \(table.rowCount) rows")
        guard case .single(let i) = selection else { return .table(table.select(rows: IndexRule.positions(selection))) }
        return .record(Record(table.columns.indices.map { c in
            switch table.cell(row: i, column: c) {
            case .number(let x): (table.columns[c].name, .number(x))
            case .string(let s): (table.columns[c].name, .string(s))
            }
        }))
    }
}

/// A distribution at the prompt: passed where a number is expected, it is drawn per row.
final class DistributionObject: NativeObject {
    let distribution: Distribution
    init(_ distribution: Distribution) { self.distribution = distribution }
    var typeName: String { "Distribution" }
    /// Settings only (draws use the run's own stream): runs share it.
    var isolation: IsolationPolicy { .immutable }
    var description: String { distribution.description }

    /// `d n` draws n values (a tensor) from the session's user stream.
    func call(_ arguments: [Value], keywords: [(String, Value)], in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        guard arguments.count == 1, let n = arguments[0].integer, n >= 0, n <= 100_000_000 else {
            throw RuntimeError("a distribution applied to a count n draws n values, e.g. (uniform 0 1) 5")
        }
        return .tensor(Tensor((0..<n).map { _ in Float(distribution.sample(&interpreter.random)) }))
    }
}

/// An augmentation at the prompt (`noise x3 std=30`), applied to each training batch.
final class AugmentationObject: NativeObject {
    let augmentation: Augmentation
    init(_ augmentation: Augmentation) { self.augmentation = augmentation }
    var typeName: String { "Augmentation" }
    /// Settings only (a loop draws from its own stream): runs share it.
    var isolation: IsolationPolicy { .immutable }
    var description: String { augmentation.description }
}

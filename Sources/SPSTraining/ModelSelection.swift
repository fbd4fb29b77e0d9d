/// How a study's runs are chosen among hyperparameter settings, as DomainBed's `model_selection.py` defines it.
public enum SelectionMethod: String, Sendable, CaseIterable {
    /// Training-domain validation: the setting whose runs do best on data held out from the training environments.
    case training
    /// Leave-one-environment-out: the setting that does best, on average, on each training environment when it is
    /// left out of training in turn.
    case loo
    /// Test-domain validation (the oracle): the setting that does best on held-out data of the test environment.
    case oracle

    /// DomainBed's name for the method.
    public var title: String {
        switch self {
        case .training: "training-domain validation set"
        case .loo: "leave-one-domain-out cross-validation"
        case .oracle: "test-domain validation set (oracle)"
        }
    }
}

/// Model selection over a study's table: a row per run, with the columns that identify a trial (`groupBy`), the
/// hyperparameter setting, and the metrics the run recorded.
///
/// For every group (a trial: e.g. algorithm, dataset, test environment and data seed) and every method, the
/// setting with the best selection value is chosen and its test value reported, as DomainBed's
/// `SelectionMethod.sweep_acc` does, without its choice among checkpoints (a run records one set of metrics):
/// - `training`: the selection value is the run's `validation` column (the metric on data held out from the training
///   environments, averaged over them).
/// - `oracle`: the selection value is the run's `oracle` column (the metric on held-out data of the test environment).
/// - `loo`: runs whose `validationEnvironment` column holds an environment tag (≥ 0) were trained without that
///   environment too, and recorded in `validation` their metric on it; the selection value of a setting is the mean
///   of those over every environment left out in the group (a setting missing one is not a candidate), and its test
///   value comes from its run without a left-out environment (a negative or NaN tag). Rows leaving out the test
///   environment itself (`validationEnvironment` equal to `testEnvironment`) are ignored.
/// Rows with a left-out environment never count for `training` and `oracle`. A NaN selection value is never chosen;
/// ties go to the setting that comes first in the table; a group without candidates is left out. Two runs of one
/// setting in a group are an error (a trial column missing from `groupBy`) unless `pool` averages them.
public struct ModelSelection: Sendable {
    public var groupBy: [String]
    public var hyperparameters = "draw"
    public var validation = "val"
    public var test = "test"
    public var oracle = "oracle"
    public var validationEnvironment = "val_env"
    public var testEnvironment = "test_env"
    /// True when larger selection values are better (accuracy); false for errors.
    public var higherIsBetter = false
    /// True to average the runs of a setting in a group (data seeds not in `groupBy`), as InvarianceUnitTests
    /// chooses a setting by its validation error averaged over data seeds; the result then lists every run of the
    /// chosen setting (with its `seed`), each with its own test value and the setting's mean selection score.
    public var pool = false

    public init(groupBy: [String]) { self.groupBy = groupBy }

    /// A candidate setting of one group: its selection value and its test value.
    struct Candidate {
        let setting: Table.Cell
        /// The selection score (the mean over the setting's runs, with `pool`).
        let validation: Double
        /// The setting's runs that give its test value (one without `pool`).
        let rows: [Int]
    }

    /// A table with a row per method and group: `method`, the `groupBy` columns, the chosen setting, and its
    /// selection and test values (named as the `validation` and `test` columns).
    public func select(_ table: Table, methods: [SelectionMethod]) throws(DataError) -> Table {
        func index(_ name: String, _ role: String) throws(DataError) -> Int {
            guard let i = table.columnNames.firstIndex(of: name) else {
                throw DataError("selection: the table has no column '\(name)' (\(role)); its columns are \(table.columnNames.joined(separator: ", "))")
            }
            return i
        }
        func numbers(_ name: String, _ role: String) throws(DataError) -> [Double] {
            _ = try index(name, role)
            guard let values = table.numbers(name) else { throw DataError("selection: the column '\(name)' (\(role)) must hold numbers") }
            return values
        }
        let groupColumns = try groupBy.map { name throws(DataError) in try index(name, "a group column given in by=") }
        let settingColumn = try index(hyperparameters, "the hyperparameter setting, hparams=")
        for name in [hyperparameters, validation, test] where groupBy.contains(name) || name == "method" {
            throw DataError("selection: '\(name)' cannot be both a group column and a column of the selection")
        }
        let validationValues = try numbers(validation, "the validation metric, val=")
        let testValues = try numbers(test, "the test metric, test=")
        let oracleValues = methods.contains(.oracle) ? try numbers(oracle, "the test-domain validation metric, oracle=") : []
        let leftOut: [Double]? = table.column(validationEnvironment) == nil ? nil : try numbers(validationEnvironment, "the left-out environment, val_env=")
        if methods.contains(.loo) && leftOut == nil {
            throw DataError("selection: leave-one-out needs a column '\(validationEnvironment)' telling which training environment each run left out (negative for the run that leaves out only the test environment)")
        }
        let testEnvironments = table.numbers(testEnvironment)
        /// The environment a row left out besides the test environment, or nil for a run without one.
        func leftOutEnvironment(_ row: Int) -> Int? {
            guard let value = leftOut?[row], value.isFinite, value >= 0 else { return nil }
            return Int(value)
        }

        // Groups in order of first appearance.
        var groups: [(key: [Table.Cell], rows: [Int])] = []
        var positions: [[Table.Cell]: Int] = [:]
        for r in 0..<table.rowCount {
            let key = groupColumns.map { table.cell(row: r, column: $0) }
            if let g = positions[key] { groups[g].rows.append(r) } else {
                positions[key] = groups.count
                groups.append((key, [r]))
            }
        }
        /// " of the group a=1, b=2" (nothing when there are no group columns).
        func describe(_ key: [Table.Cell]) -> String {
            key.isEmpty ? "" : " of the group " + zip(groupBy, key).map { "\($0)=\(Self.label($1))" }.joined(separator: ", ")
        }

        /// The mean of values (NaN for none).
        func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
        /// With `pool`, the runs of a chosen setting are listed with the column `seed` when the table has one.
        let seedColumn = pool && !groupBy.contains("seed") && hyperparameters != "seed" ? table.columnNames.firstIndex(of: "seed") : nil

        var result = Table([])
        for method in methods {
            for group in groups {
                // Each setting's runs without a left-out environment, in order of first appearance.
                var main: [(setting: Table.Cell, rows: [Int])] = []
                for r in group.rows where leftOutEnvironment(r) == nil {
                    let setting = table.cell(row: r, column: settingColumn)
                    if let i = main.firstIndex(where: { $0.setting == setting }) {
                        guard pool else {
                            throw DataError("selection: two runs\(describe(group.key)) have \(hyperparameters)=\(Self.label(setting)); add the column that tells them apart to by= (or pool=true to average them)")
                        }
                        main[i].rows.append(r)
                    } else {
                        main.append((setting, [r]))
                    }
                }
                var candidates: [Candidate] = []
                switch method {
                case .training:
                    candidates = main.map { Candidate(setting: $0.setting, validation: mean($0.rows.map { validationValues[$0] }), rows: $0.rows) }
                case .oracle:
                    candidates = main.map { Candidate(setting: $0.setting, validation: mean($0.rows.map { oracleValues[$0] }), rows: $0.rows) }
                case .loo:
                    var scores: [Table.Cell: [Int: [Double]]] = [:]
                    var environments = Set<Int>()
                    for r in group.rows {
                        guard let env = leftOutEnvironment(r) else { continue }
                        if let tests = testEnvironments, tests[r].isFinite, Double(env) == tests[r] { continue }
                        let setting = table.cell(row: r, column: settingColumn)
                        if !pool, scores[setting]?[env] != nil {
                            throw DataError("selection: two runs\(describe(group.key)) with \(hyperparameters)=\(Self.label(setting)) leave out environment \(env); add the column that tells them apart to by= (or pool=true to average them)")
                        }
                        scores[setting, default: [:]][env, default: []].append(validationValues[r])
                        environments.insert(env)
                    }
                    for (setting, rows) in main {
                        guard !environments.isEmpty, let left = scores[setting], left.count == environments.count else { continue }
                        let score = mean(environments.sorted().map { mean(left[$0] ?? []) })
                        candidates.append(Candidate(setting: setting, validation: score, rows: rows))
                    }
                }
                var best: Candidate?
                for c in candidates where !c.validation.isNaN {
                    guard let b = best else { best = c; continue }
                    if higherIsBetter ? c.validation > b.validation : c.validation < b.validation { best = c }
                }
                guard let chosen = best else { continue }
                for r in chosen.rows {
                    var row: [(String, Table.Cell)] = [("method", .string(method.rawValue))]
                    row += zip(groupBy, group.key).map { ($0, $1) }
                    if let seedColumn { row.append(("seed", table.cell(row: r, column: seedColumn))) }
                    row += [(hyperparameters, chosen.setting), (validation, .number(chosen.validation)), (test, .number(testValues[r]))]
                    try result.append(row: row)
                }
            }
        }
        if result.columns.isEmpty {
            // No group had a candidate: the columns still say what the table holds.
            let setting: Table.Column = if case .strings = table.columns[settingColumn].values {
                Table.Column(hyperparameters, strings: [])
            } else {
                Table.Column(hyperparameters, numbers: [])
            }
            result = Table([Table.Column("method", strings: [])] + groupColumns.map { c in
                if case .strings = table.columns[c].values { Table.Column(table.columns[c].name, strings: []) } else { Table.Column(table.columns[c].name, numbers: []) }
            } + (seedColumn == nil ? [] : [Table.Column("seed", numbers: [])]) + [setting, Table.Column(validation, numbers: []), Table.Column(test, numbers: [])])
        }
        return result
    }

    /// A cell as a label: a string as written, a number as tables print it.
    public static func label(_ cell: Table.Cell) -> String {
        switch cell {
        case .string(let s): s
        case .number(let x): formatCell(x)
        }
    }
}

extension Table.Cell: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .number(let x): hasher.combine(0); hasher.combine(x)
        case .string(let s): hasher.combine(1); hasher.combine(s)
        }
    }
}

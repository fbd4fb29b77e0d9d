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
/// `SelectionMethod.sweep_acc` does. A run records one row, or with `checkpoint` (a column such as `step`) a row
/// per checkpoint, and each method also picks a checkpoint per run as DomainBed's `run_acc` does: `training` the
/// one with the best validation value, `oracle` the last one (no early stopping), `loo` the step whose mean over
/// the left-out environments is best.
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
    /// The column that numbers a run's checkpoints (e.g. `step`), when runs record a row per checkpoint; nil when
    /// a run records one row.
    public var checkpoint: String?

    public init(groupBy: [String]) { self.groupBy = groupBy }

    /// One run of a setting in a group: its rows, one per checkpoint (one row without checkpoints).
    typealias Run = [Int]

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
        for name in [hyperparameters, validation, test] + (checkpoint.map { [$0] } ?? []) where groupBy.contains(name) || name == "method" {
            throw DataError("selection: '\(name)' cannot be both a group column and a column of the selection")
        }
        let steps: [Double]? = try checkpoint.map { name throws(DataError) in try numbers(name, "the checkpoint, checkpoint=") }
        if let steps, let r = steps.firstIndex(where: { $0.isNaN }) {
            throw DataError("selection: the checkpoint column '\(checkpoint ?? "")' has no value in row \(r)")
        }
        /// With pool and checkpoints, a run is told apart from the setting's other runs by its seed.
        let runSeeds: [Double]? = pool && steps != nil ? try numbers("seed", "the seed that tells a setting's runs apart, with pool=true and checkpoint=") : nil
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

        /// The runs of each setting among `rows`, in order of first appearance: a run is a row, or with checkpoints
        /// the rows of one setting (and, with pool, one seed) at distinct checkpoints. `what` describes the rows
        /// for errors.
        func runs(_ rows: [Int], _ group: [Table.Cell], _ what: String) throws(DataError) -> [(setting: Table.Cell, runs: [Run])] {
            var found: [(setting: Table.Cell, runs: [Run])] = []
            for r in rows {
                let setting = table.cell(row: r, column: settingColumn)
                guard let i = found.firstIndex(where: { $0.setting == setting }) else {
                    found.append((setting, [[r]]))
                    continue
                }
                if let steps {
                    let j = found[i].runs.firstIndex { run in runSeeds.map { $0[run[0]] == $0[r] } ?? true }
                    guard let j else { found[i].runs.append([r]); continue }
                    if found[i].runs[j].contains(where: { steps[$0] == steps[r] }) {
                        throw DataError("selection: two rows\(describe(group)) with \(hyperparameters)=\(Self.label(setting))\(what) have \(checkpoint ?? "")=\(formatCell(steps[r])); add the column that tells their runs apart to by=\(pool ? "" : " (or pool=true to average them)")")
                    }
                    found[i].runs[j].append(r)
                } else {
                    guard pool else {
                        throw DataError("selection: two runs\(describe(group)) have \(hyperparameters)=\(Self.label(setting))\(what); add the column that tells them apart to by= (or pool=true to average them)")
                    }
                    found[i].runs.append([r])
                }
            }
            if !pool, steps != nil, let many = found.first(where: { $0.runs.count > 1 }) {
                throw DataError("selection: two runs\(describe(group)) have \(hyperparameters)=\(Self.label(many.setting))\(what); add the column that tells them apart to by= (or pool=true to average them)")
            }
            return found
        }
        /// The row of a run the method looks at without leave-one-out: the best `values` (training), or the last
        /// checkpoint (oracle).
        func chosenRow(_ run: Run, _ values: [Double], last: Bool) -> Int {
            guard let steps, run.count > 1 else { return run[0] }
            if last { return run.max { steps[$0] < steps[$1] }! }
            var best = run[0]
            for r in run.dropFirst() where !values[r].isNaN {
                if values[best].isNaN || (higherIsBetter ? values[r] > values[best] : values[r] < values[best]) { best = r }
            }
            return best
        }

        var result = Table([])
        for method in methods {
            for group in groups {
                // Each setting's runs without a left-out environment, in order of first appearance.
                let main = try runs(group.rows.filter { leftOutEnvironment($0) == nil }, group.key, "")
                var candidates: [Candidate] = []
                switch method {
                case .training, .oracle:
                    let values = method == .training ? validationValues : oracleValues
                    for (setting, settingRuns) in main {
                        let rows = settingRuns.map { chosenRow($0, values, last: method == .oracle) }
                        candidates.append(Candidate(setting: setting, validation: mean(rows.map { values[$0] }), rows: rows))
                    }
                case .loo:
                    // per setting, left-out environment and checkpoint (0 without checkpoints): the validation values
                    var scores: [Table.Cell: [Int: [Double: [Double]]]] = [:]
                    var environments = Set<Int>()
                    var leftOutRows: [Int: [Int]] = [:]
                    for r in group.rows {
                        guard let env = leftOutEnvironment(r) else { continue }
                        if let tests = testEnvironments, tests[r].isFinite, Double(env) == tests[r] { continue }
                        leftOutRows[env, default: []].append(r)
                    }
                    for (env, rows) in leftOutRows.sorted(by: { $0.key < $1.key }) {
                        for (setting, settingRuns) in try runs(rows, group.key, " leaving out environment \(env)") {
                            for r in settingRuns.joined() {
                                scores[setting, default: [:]][env, default: [:]][steps?[r] ?? 0, default: []].append(validationValues[r])
                            }
                        }
                        environments.insert(env)
                    }
                    let environmentOrder = environments.sorted()
                    for (setting, settingRuns) in main {
                        guard !environments.isEmpty, let left = scores[setting], left.count == environments.count else { continue }
                        // the checkpoints every left-out environment and every main run has, in order
                        let candidateSteps = steps.map { steps in
                            Set(settingRuns[0].map { steps[$0] }).filter { s in
                                settingRuns.allSatisfy { run in run.contains { steps[$0] == s } } && left.values.allSatisfy { $0[s] != nil }
                            }.sorted()
                        } ?? [0]
                        var best: (score: Double, step: Double)?
                        for s in candidateSteps {
                            let score = mean(environmentOrder.map { mean(left[$0]?[s] ?? []) })
                            guard !score.isNaN else { continue }
                            if best == nil || (higherIsBetter ? score > best!.score : score < best!.score) { best = (score, s) }
                        }
                        guard let best else { continue }
                        let rows = settingRuns.map { run in steps.map { steps in run.first { steps[$0] == best.step }! } ?? run[0] }
                        candidates.append(Candidate(setting: setting, validation: best.score, rows: rows))
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
                    row.append((hyperparameters, chosen.setting))
                    if let checkpoint, let steps { row.append((checkpoint, .number(steps[r]))) }
                    row += [(validation, .number(chosen.validation)), (test, .number(testValues[r]))]
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
            } + (seedColumn == nil ? [] : [Table.Column("seed", numbers: [])]) + [setting] + (checkpoint.map { [Table.Column($0, numbers: [])] } ?? [])
                + [Table.Column(validation, numbers: []), Table.Column(test, numbers: [])])
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

import Foundation
import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands for studies over seeds and settings: `repeat`, `record`, `summary`.
enum StudyCommands {
    static func all() -> [Command] { [repeatCommand, record, summary, filter] }

    static let filter = Command(
        "filter", topic: "studies", summary: "the rows of a table whose columns equal the given values",
        example: "lin = filter results model=\"linear\" treatment=\"baseline\"\nmean lin.ood",
        parameters: [.positional("table", .object("Table"), "the table")],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let table = (try args.value("table").object as? TableObject)?.table else { throw RuntimeError("filter needs a table") }
        var conditions: [(Int, Table.Cell)] = []
        for (name, value) in args.extraKeywords {
            guard let index = table.columnNames.firstIndex(of: name) else {
                throw RuntimeError("filter: no column '\(name)'\(Suggestions.hint(for: name, in: table.columnNames)); the columns are \(table.columnNames.joined(separator: ", "))")
            }
            conditions.append((index, try cell(value, name)))
        }
        let rows = (0..<table.rowCount).filter { r in conditions.allSatisfy { table.cell(row: r, column: $0.0) == $0.1 } }
        return .table(table.select(rows: rows))
    }

    /// One run of a study: a seed and the grid values bound inside the block.
    struct Job {
        let seed: Int
        let bindings: [(String, Value)]
    }

    /// What one run produced.
    final class Outcome: @unchecked Sendable {
        var record: [(String, Value)] = []
        var output = ""
        var failure: String?
        var ran = false
    }

    /// Holds a non-Sendable value for a worker thread that alone uses it.
    final class Handoff<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    static let repeatCommand = Command(
        "repeat", topic: "studies", summary: "run a block once per seed (and per grid setting) on all cores; a table of what each run records",
        help: """
        Runs the block once per seed with every random stream derived from that seed, in an isolated copy of the
        session (variables assigned inside a run stay in that run), on all cores. Each run calls
        `record name=value …`; the result is a table with a column `seed`, a column per grid keyword, and a column
        per recorded name. Any other keyword given a list makes a grid — `sigma=[0, 10, 30]` runs every seed for
        every sigma, with `sigma` bound inside the block — so an ablation is one command. The table does not depend
        on how many cores ran it. A run that fails is reported with its seed; the others complete.
        """,
        example: "study = repeat seeds=0..9 {\n  m = linear 3 1\n  fit m train epochs=30\n  record iid=(rmse m iid) ood=(rmse m ood)\n}\nsummary study",
        parameters: [.positional("body", .block, "the block to run for each seed and setting"),
                     .keyword("seeds", .sequence, default: .list([.number(0)]), "the seeds, e.g. 0..9"),
                     .keyword("threads", .integer, optional: true, "worker threads (default: all cores)")],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        let body = try args.value("body")
        let maxRuns = 100_000
        if case .range(let r) = try args.value("seeds"), r.count > maxRuns {
            throw RuntimeError("repeat would run \(r.count) times; at most \(maxRuns) runs are allowed")
        }
        let seedValues = try args.value("seeds").elements ?? []
        var seeds: [Int] = []
        for value in seedValues {
            guard let seed = value.integer else { throw RuntimeError("seeds must be integers, got \(value.repr)") }
            seeds.append(seed)
        }
        guard !seeds.isEmpty else { throw RuntimeError("repeat needs at least one seed") }
        // The grid: every combination of the list-valued keywords; scalars are bound as they are.
        var combinations: [[(String, Value)]] = [[]]
        var gridNames: [String] = []
        for (name, value) in args.extraKeywords {
            // Check the size of the grid before building it: a few long lists multiply to more runs than fit.
            let options = value.elements?.count ?? 1
            if case .range(let r) = value, r.count > maxRuns || r.count * seeds.count * combinations.count > maxRuns {
                throw RuntimeError("repeat would run more than \(maxRuns) times; at most \(maxRuns) runs are allowed")
            }
            if options * seeds.count * combinations.count > maxRuns {
                throw RuntimeError("repeat would run more than \(maxRuns) times; at most \(maxRuns) runs are allowed")
            }
            if case .list(let options) = value {
                guard !options.isEmpty else { throw RuntimeError("repeat: \(name) has no values to try") }
                gridNames.append(name)
                combinations = combinations.flatMap { combo in options.map { combo + [(name, $0)] } }
            } else if case .range(let r) = value {
                // (found by fuzz-run: an empty range made no runs, and the "every run failed" check then read
                // the first of no failures)
                guard r.count > 0 else { throw RuntimeError("repeat: \(name) has no values to try (\(value.repr) is empty)") }
                gridNames.append(name)
                combinations = combinations.flatMap { combo in r.map { combo + [(name, .number(Double($0)))] } }
            } else {
                combinations = combinations.map { $0 + [(name, value)] }
            }
        }
        let jobs = combinations.flatMap { combo in seeds.map { Job(seed: $0, bindings: combo) } }
        guard jobs.count <= maxRuns else { throw RuntimeError("repeat would run \(jobs.count) times; at most \(maxRuns) runs are allowed") }
        let interpreter = args.interpreter
        let copies = jobs.map { job -> Handoff<Interpreter> in
            let copy = interpreter.isolatedCopy()
            copy.output = BufferSink()
            copy.seed = UInt64(bitPattern: Int64(job.seed))
            for (name, value) in job.bindings { copy.setGlobal(name, value) }
            return Handoff(copy)
        }
        let outcomes = jobs.map { _ in Outcome() }
        let bodyBox = Handoff(body)
        // A repeat inside a run runs its own runs one after another on that run's thread: the outer study
        // already uses every core.
        let defaultThreads = interpreter.context.runDepth > 0 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let threads = try args.optionalNumber("threads").map { max(1, Int($0)) } ?? defaultThreads
        let interrupt = interpreter.interrupt
        Kernels.withSingleThreadedBLAS(restoring: ProcessInfo.processInfo.activeProcessorCount) {
            _ = ParallelRuns.map(count: jobs.count, threads: threads) { index -> Bool in
                guard !interrupt.isRequested else { return false }
                let copy = copies[index].value, outcome = outcomes[index]
                BigStack.run {
                    do {
                        // Its own copies of the variables the block captured from an enclosing def: runs in
                        // parallel must not share (and race on) them.
                        _ = try copy.call(copy.isolatedCopy(of: bodyBox.value))
                    } catch {
                        outcome.failure = (error as? RuntimeError)?.message ?? "\(error)"
                    }
                    outcome.record = copy.context.studyRecord
                    outcome.output = (copy.output as? BufferSink)?.text ?? ""
                    outcome.ran = true
                }
                return true
            }
        }

        var table = Table([Table.Column("seed", numbers: [])])  // grid and recorded columns are added with their values' type
        var failures: [String] = []
        for (job, outcome) in zip(jobs, outcomes) where outcome.ran {
            interpreter.output.write(outcome.output)
            let settings = job.bindings.filter { gridNames.contains($0.0) }
            if let failure = outcome.failure {
                let where_ = (["seed \(job.seed)"] + settings.map { "\($0.0)=\($0.1.repr)" }).joined(separator: ", ")
                failures.append("run with \(where_) failed: \(failure)")
                continue
            }
            var row: [(String, Table.Cell)] = [("seed", .number(Double(job.seed)))]
            for (name, value) in settings { row.append((name, try cell(value, name))) }
            for (name, value) in outcome.record { row.append((name, try cell(value, name))) }
            table.append(row: row)
        }
        for failure in failures { interpreter.output.write("repeat: \(failure)\n") }
        let completed = outcomes.filter(\.ran).count
        if completed < jobs.count {
            interpreter.output.write("repeat: interrupted; \(completed) of \(jobs.count) runs completed\n")
        } else if let first = failures.first, failures.count == jobs.count {
            throw RuntimeError("repeat: every run failed; the first: \(first)")
        }
        return .table(table)
    }

    /// A recorded value as a table cell.
    static func cell(_ value: Value, _ name: String) throws(RuntimeError) -> Table.Cell {
        switch value {
        case .number(let x): return .number(x)
        case .bool(let b): return .number(b ? 1 : 0)
        case .string(let s): return .string(s)
        case .tensor(let t) where t.count == 1: return .number(Double(t.storage[0]))
        default: throw RuntimeError("record: \(name) must be a number or a string, got \(value.typeName)")
        }
    }

    static let record = Command(
        "record", topic: "studies", summary: "inside repeat: record named results of this run; at the prompt: record \"file.sps\" saves the session as a script",
        help: """
        Inside `repeat`, `record iid=(rmse m iid) ood=(rmse m ood)` adds columns iid and ood to the run's row; several
        calls add to the same row. At the prompt, `record "session.sps"` writes every entry that runs without error to
        the file from then on, so `sps session.sps` replays the session; `record off` stops. An existing file is
        replaced, but only when the first entry is recorded (until then it is untouched); each entry rewrites the
        whole file atomically (a temporary file, then a rename), so it is never half-written. A failed write is
        reported and tried again after the next entry.
        """,
        example: "record iid=(rmse m iid) ood=(rmse m ood) w3=m.weight[0, 2]\nrecord \"session.sps\"\nrecord off",
        parameters: [.positional("file", .optional(.columnName), optional: true,
                                 "at the prompt: the script to write the session to; off (or nil) stops")],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        if let file = args["file"] {
            guard args.extraKeywords.isEmpty else {
                throw RuntimeError("record takes a file (record \"session.sps\") or name=value pairs (inside repeat), not both")
            }
            return try SessionRecording.command(file, interpreter: args.interpreter)
        }
        guard !args.extraKeywords.isEmpty else {
            throw RuntimeError("record needs name=value pairs inside repeat (record iid=(rmse m iid)), or at the prompt a file to save the session to (record \"session.sps\"; record off stops)")
        }
        var recorded = args.interpreter.context.studyRecord
        for (name, value) in args.extraKeywords {
            _ = try cell(value, name)
            recorded.removeAll { $0.0 == name }
            recorded.append((name, value))
        }
        args.interpreter.context.studyRecord = recorded
        return .nil
    }

    static let summary = Command(
        "summary", topic: "studies", summary: "mean, std, min, median and max of every numeric column of a table (per group with by=)",
        help: "The `seed` column is left out. With `by=[sigma]` the statistics are computed separately for each value of the grid columns.",
        example: "summary study\nsummary abl by=sigma",
        parameters: [.positional("table", .object("Table"), "a table, e.g. from repeat"),
                     .keyword("by", .columnNames, optional: true, "group rows by these columns")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let table = (try args.value("table").object as? TableObject)?.table else { throw RuntimeError("summary needs a table") }
        let groupBy = args["by"].map { _ in (try? args.names("by")) ?? [] } ?? []
        for name in groupBy where table.column(name) == nil {
            throw RuntimeError("summary: no column '\(name)'\(Suggestions.hint(for: name, in: table.columnNames))")
        }
        // Rows grouped by the values of the `by` columns, in order of first appearance.
        var groups: [(key: [Table.Cell], rows: [Int])] = []
        for r in 0..<table.rowCount {
            let key = groupBy.compactMap { name in table.columnNames.firstIndex(of: name).map { table.cell(row: r, column: $0) } }
            if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].rows.append(r) } else { groups.append((key, [r])) }
        }
        var result = Table([])  // columns come from the first row, with the type of its values
        for group in groups {
            for column in table.columns where !groupBy.contains(column.name) && column.name != "seed" {
                guard case .numbers(let values) = column.values else { continue }
                let s = Summary(group.rows.map { values[$0] })
                var row: [(String, Table.Cell)] = zip(groupBy, group.key).map { ($0, $1) }
                row.append(("column", .string(column.name)))
                for (name, v) in zip(["mean", "std", "min", "median", "max"], [s.mean, s.std, s.min, s.median, s.max]) { row.append((name, .number(v))) }
                result.append(row: row)
            }
        }
        return .table(result)
    }
}

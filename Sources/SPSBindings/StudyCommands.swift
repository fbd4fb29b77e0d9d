import Foundation
import SPSLanguage
import Synchronization
import SPSNumeric
import SPSTraining

/// Commands for studies over seeds and settings: `repeat`, `record`, `summary`.
enum StudyCommands {
    static func all() -> [Command] { [repeatCommand, record, summary, filter, collect] }

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
                throw RuntimeError("filter: no column '\(name)'; the columns are \(table.columnNames.joined(separator: ", "))\(Suggestions.hint(for: name, in: table.columnNames))")
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
        /// The error the run failed with, when it did.
        var error: RuntimeError?
        var ran = false
        /// True when Ctrl-C came before the run ended: what it recorded is incomplete and left out of the table.
        var interrupted = false
        /// True when the row comes from the `resume=` table instead of a run.
        var resumed = false
        /// The history of the run's last training loop, when the study keeps it (for the run log, or a Slurm task).
        var history: Table?
        /// When the run started and ended (seconds since 1970).
        var started = 0.0
        var ended = 0.0
    }

    /// A study's runs, shared by its workers: each worker takes the next job and runs it in an interpreter copied
    /// from the session when the run starts, freed when it ends. So a study holds one copy per worker at a time,
    /// whatever its number of runs (100,000 seeds run in the memory of a few), and every copy is still taken from
    /// the session as it was when `repeat` started: nothing runs on the session's interpreter meanwhile (it waits
    /// for the study), and copying only reads it.
    final class Study: @unchecked Sendable {
        let interpreter: Interpreter
        let body: Value
        let jobs: [Job]
        let outcomes: [Outcome]
        /// True when the runs go one after another while the session waits: each run then borrows the free top of
        /// the session's value stack (`isolatedCopy(sharingStack:)`), so runs nested in runs, however deep, reserve
        /// no address space of their own.
        let sequential: Bool
        /// The run log's entry for this study (nil when it is not logged): told when each run starts and ends.
        var log: StudyLog?
        /// How many jobs have finished (run, failed, interrupted or taken from `resume=`): for the progress line.
        let finished = Atomic<Int>(0)
        /// True when each run's training history is kept in its outcome (a Slurm task sends it to a logged session).
        var keepsHistory = false

        init(interpreter: Interpreter, body: Value, jobs: [Job], outcomes: [Outcome], sequential: Bool) {
            self.interpreter = interpreter
            self.body = body
            self.jobs = jobs
            self.outcomes = outcomes
            self.sequential = sequential
        }

        /// Held while a run's copy of the session is made (copying globals, the block and the grid values), so that
        /// copies are made one at a time, process-wide. Copying only reads the session and registers new cells with
        /// its registry, whose `Mutex` makes that safe; but ThreadSanitizer cannot see that mutex hand over when it
        /// is contended (its slow path is a kernel futex in an uninstrumented library) and would report the
        /// registry's own state as a race. A `pthread` mutex it does see; copying is a small part of a run.
        static let copying = NSLock()

        /// True once the user has asked to stop (runs not yet started are skipped).
        var isInterrupted: Bool { interpreter.interrupt.isRequested }

        /// Runs job `index` in a fresh isolated copy of the session, filling in its outcome; the copy is freed
        /// when the run ends.
        func run(_ index: Int) {
            let job = jobs[index], outcome = outcomes[index]
            var history: Table?
            outcome.started = Date().timeIntervalSince1970
            log?.started(index)
            defer {
                outcome.ended = Date().timeIntervalSince1970
                outcome.ran = true
                log?.ended(index, history: history)
                finished.add(1, ordering: .relaxed)
            }
            var copy: Interpreter?, block = Value.nil
            Self.copying.lock()
            do {
                let made = try interpreter.isolatedCopy(sharingStack: sequential)
                made.output = BufferSink()
                made.seed = UInt64(bitPattern: Int64(job.seed))
                // The run's seed and grid values are variables of the block, as they are columns of the table.
                made.setGlobal("seed", .number(Double(job.seed)))
                // A grid value is copied like the globals (a model in a grid list is each run's own, not shared).
                for (name, value) in job.bindings { made.setGlobal(name, made.isolatedCopy(of: value)) }
                // Its own copies of the variables the block captured from an enclosing def: runs in parallel must
                // not share (and race on) them.
                block = made.isolatedCopy(of: body)
                copy = made
            } catch {
                (outcome.failure, outcome.error) = (error.message, error)
            }
            Self.copying.unlock()
            if let run = copy {
                do {
                    _ = try run.call(block)
                } catch {
                    (outcome.failure, outcome.error) = (error.message, error)
                }
                // Stopped part-way (a `fit` returns its loop on Ctrl-C, and the block may still record): not a result.
                outcome.interrupted = interpreter.interrupt.isRequested
                outcome.record = run.context.studyRecord
                outcome.output = (run.output as? BufferSink)?.text ?? ""
                if log != nil || keepsHistory {
                    history = run.context.lastLoopHistory?()
                    outcome.history = history
                }
            }
            // Freed under the same lock as it was made (its cells leave the registry).
            Self.copying.lock()
            if let run = copy { interpreter.returnStack(of: run) }
            block = .nil
            copy = nil
            Self.copying.unlock()
        }
    }

    static let repeatCommand = Command(
        "repeat", topic: "studies", summary: "run a block once per seed (and per grid setting) on all cores; a table of what each run records",
        help: """
        Runs the block once per seed with every random stream derived from that seed, in an isolated copy of the
        session (variables assigned inside a run stay in that run), on all cores. Each run calls
        `record name=value …`; the result is a table with a column `seed`, a column per grid keyword, and a column
        per recorded name. Any other keyword given a list makes a grid — `sigma=[0, 10, 30]` runs every seed for
        every sigma — so an ablation is one command. Inside the block, `seed` is the run's seed and each grid keyword
        its value for the run (`record scaled=(sigma * 2)`); they are variables there, so `seed` is a number inside a
        run, not the command (the run's streams already derive from it). The table does not depend on how many cores
        ran it. A run that fails is reported with its seed; the others complete. A column holds numbers or strings,
        never both: a run recording a string where another recorded a number is an error naming both runs (`str x`
        records a number as a string). Each run's copy of the session is made when the run starts and freed when it
        ends, so up to 100000 runs fit in the memory of a few. At the prompt a progress line shows the runs done and
        the time left. Ctrl-C stops the study: the runs that finished make the table (shown as partial; runs cut
        short are left out), and `resume=` with that table runs only the others — sps prints the exact command.

        On a Slurm cluster, `on="slurm"` submits the study as a job array instead (see docs/slurm.md): each array task
        runs `per_task=` runs (default: at most 100 tasks) with `cpus=` threads (default 1), at most `at_once=` tasks
        at a time (`--array=0-K%P`); `partition=`, `time=`, `mem=`, `account=` and `sbatch=["--qos=high", …]` go to
        sbatch as written. The table is the one the study gives here, bit for bit, and the run log keeps it. The
        study's folder (under `folder=`, default sps-slurm; the cluster must share it and the working folder) holds
        the job script, each task's log and results. At the prompt a progress line counts runs and tasks; Ctrl-C
        cancels the array (scancel). A task that fails is reported with its seeds; the same repeat run again
        submits only the tasks without results. `wait=false` returns the job id at once (`collect JOBID` makes the
        table later); `dry_run=true` writes the job script without submitting it; `sps=` is the path of sps on the
        cluster (default: this sps). A bad option is an error with Slurm's own reason.
        """,
        example: "study = repeat seeds=0..9 {\n  m = linear 3 1\n  fit m train epochs=30\n  record iid=(rmse m iid) ood=(rmse m ood)\n}\nsummary study",
        parameters: [.positional("body", .block, "the block to run for each seed and setting"),
                     .keyword("seeds", .sequence, default: .list([.number(0)]), "the seeds, e.g. 0..9"),
                     .keyword("threads", .integer, optional: true, "worker threads (default: all cores)"),
                     .keyword("resume", .oneOf([.object("Table"), .bool]), optional: true,
                              "the partial table of this same study (after Ctrl-C): its rows are kept, only the other runs run; or true: the runs the run log has finished for this same study are kept (after Ctrl-C, a kill or a crash)")],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        let body = try args.value("body")
        // on="slurm" and its keywords (StudyCommands+Slurm.swift) are not grid keywords.
        let (placement, ordinal) = try placement(&args)
        let maxRuns = 100_000, maxWorkers = 256
        // Runs continue the call depth of the call that started them, so the call-depth limit holds through
        // repeat; nesting is bounded too, since one level of repeat takes far more stack (and, in a sanitizer
        // build, more of the sanitizer's own call stack) than one call.
        let nesting = args.interpreter.context.runDepth
        guard nesting < Limits.maxRepeatNesting else {
            throw RuntimeError("too many nested calls (runs of repeat nested more than \(Limits.maxRepeatNesting) deep); is a def recursing through repeat?")
        }
        if case .range(let r) = try args.value("seeds"), r.count > maxRuns {
            throw RuntimeError("repeat would run \(r.count) times; at most \(maxRuns) runs are allowed")
        }
        let seedValues = try args.value("seeds").elements ?? []
        var seeds: [Int] = []
        for value in seedValues {
            guard let seed = value.integer else { throw RuntimeError("seeds must be integers, got \(value.quotedInMessage)") }
            seeds.append(seed)
        }
        guard !seeds.isEmpty else { throw RuntimeError("repeat needs at least one seed") }
        guard seeds.count <= maxRuns else { throw RuntimeError("repeat would run \(seeds.count) times; at most \(maxRuns) runs are allowed") }
        // The grid: every combination of the list-valued keywords; scalars are bound as they are.
        var combinations: [[(String, Value)]] = [[]]
        var gridNames: [String] = []
        for (name, value) in args.extraKeywords {
            guard name != "seed" else {
                throw RuntimeError("repeat: seed= is not a setting to vary; give the seeds with seeds= (e.g. seeds=0..9), and inside the block `seed` is the run's seed")
            }
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
        let outcomes = jobs.map { _ in Outcome() }
        if let resume = args["resume"], let table = (resume.object as? TableObject)?.table {
            try Resumption.fill(outcomes, jobs: jobs, gridNames: gridNames, from: table)
        }
        // A Slurm task's worker runs only its share of the study it replays to (SlurmWorker.swift).
        var slurmShare: Range<Int>?
        if let worker = SlurmWorker.active, case .slurm(let options) = placement {
            let perTask = options.perTask ?? SlurmPlan.defaultPerTask(runs: jobs.count)
            slurmShare = try worker.share(ordinal: ordinal, key: slurmKey(args, seeds: seeds, gridNames: gridNames, perTask: perTask), runs: jobs.count)
            if let share = slurmShare {
                for index in outcomes.indices where !share.contains(index) { outcomes[index].resumed = true }
            }
        }
        // The run log (StudyCommands+RunLog.swift); resume=true takes the finished runs from it.
        // (A Slurm task's replay logs nothing: the session that submitted the study logs it.)
        let studyLog = SlurmWorker.active != nil ? nil : try StudyLog.begin(args, seeds: seeds, jobs: jobs, gridNames: gridNames, outcomes: outcomes,
                                          resume: args["resume"].map { if case .bool(true) = $0 { true } else { false } } ?? false)
        defer { studyLog?.finish() }
        if case .slurm(let options) = placement, slurmShare == nil {
            return try runOnSlurm(options, args: args, ordinal: ordinal, seeds: seeds, jobs: jobs, gridNames: gridNames,
                                  outcomes: outcomes, log: studyLog)
        }
        // A repeat inside a run runs its own runs one after another on that run's thread: the outer study
        // already uses every core.
        let defaultThreads = interpreter.context.runDepth > 0 ? 1 : slurmShare != nil ? (SlurmWorker.active?.study.cpus ?? 1) : ProcessInfo.processInfo.activeProcessorCount
        let threads = try args.optionalInteger("threads").map { max(1, $0) } ?? defaultThreads
        let pending = outcomes.indices.filter { !outcomes[$0].resumed }
        // Each worker is a thread with its own interpreter copy at a time; more than `maxWorkers` would only take
        // address space (the table does not depend on how many ran it).
        let workers = max(1, min(threads, pending.count, maxWorkers))
        let study = Study(interpreter: interpreter, body: body, jobs: jobs, outcomes: outcomes, sequential: workers == 1)
        study.finished.store(jobs.count - pending.count, ordering: .relaxed)
        study.log = studyLog
        study.keepsHistory = slurmShare != nil
        // The progress line (at the prompt or on a terminal only: runs have none), redrawn by a thread of its own.
        let ticker = interpreter.context.progress.map { StudyProgress($0, study: study, total: jobs.count) }
        ticker?.start()
        if !pending.isEmpty {
            Kernels.withSingleThreadedBLAS(restoring: ProcessInfo.processInfo.activeProcessorCount) {
                let next = Atomic<Int>(0)
                BigStack.parallel(workers) { _ in
                    while true {
                        let position = next.add(1, ordering: .relaxed).oldValue
                        guard position < pending.count, !study.isInterrupted else { return }
                        study.run(pending[position])
                    }
                }
            }
        }
        ticker?.stop()
        // Past this point, every run is over: its interpreter copy is gone, and with it everything it made.
        if slurmShare != nil, let worker = SlurmWorker.active {
            // A Slurm task: its runs go to its results file, and the replay stops here.
            try worker.finish(jobs: jobs, outcomes: outcomes)
            interpreter.context.quitRequested = true
            interpreter.interrupt.request()
            throw RuntimeError("quit")
        }
        let (table, rowCount, failures) = try studyTable(jobs: jobs, gridNames: gridNames, outcomes: outcomes, interpreter: interpreter)
        studyLog?.table = table
        let completed = outcomes.filter { $0.ran && !$0.interrupted }.count
        if completed < jobs.count {
            let report = Resumption.report(finished: completed, rows: rowCount, of: jobs.count,
                                           cutShort: outcomes.filter(\.interrupted).count, call: args.location)
            interpreter.output.write(report.message)
            return .native(TableObject(table, note: report.note))
        } else if let first = failures.first, failures.count == jobs.count {
            throw RuntimeError("repeat: every run failed; the first: \(first)")
        }
        return .table(table)
    }

    /// The table of a study whose runs are over: a row per successful run, in job order; a column per grid keyword
    /// and recorded name. Writes each run's output, in job order, then a line per failed run; returns the table, its
    /// number of rows and the failures. A run that Ctrl-C cut short is left out with its output (what it recorded
    /// is incomplete).
    static func studyTable(jobs: [Job], gridNames: [String], outcomes: [Outcome],
                           interpreter: Interpreter) throws(RuntimeError) -> (table: Table, rows: Int, failures: [String]) {
        var rows: [(run: String, cells: [(String, Table.Cell)], values: [Value])] = []
        var failures: [String] = []
        for (job, outcome) in zip(jobs, outcomes) where outcome.ran && !outcome.interrupted {
            interpreter.output.write(outcome.output)
            let settings = job.bindings.filter { gridNames.contains($0.0) }
            let run = (["seed \(job.seed)"] + settings.map { "\($0.0)=\($0.1.repr)" }).joined(separator: ", ")
            if let error = outcome.error, Interpreter.isCallDepthError(error), interpreter.context.runDepth > 0 {
                // Recursion through repeat: the depth error of the innermost run goes up unchanged (not wrapped
                // once per level) to the outermost repeat, which reports it with its run.
                throw error
            }
            if let failure = outcome.failure {
                failures.append("run with \(run) failed: \(failure)" + seedHint(failure))
                continue
            }
            for (name, value) in outcome.record where name == "seed" || gridNames.contains(name) {
                throw RuntimeError("repeat: the run with \(run) recorded \(name)=\(value.repr), but '\(name)' is already a column (\(name == "seed" ? "the run's seed" : "a grid setting")); record it under another name")
            }
            let values = [Value.number(Double(job.seed))] + settings.map(\.1) + outcome.record.map(\.1)
            let names = ["seed"] + settings.map(\.0) + outcome.record.map(\.0)
            var cells: [(String, Table.Cell)] = []
            for (name, value) in zip(names, values) { cells.append((name, try cell(value, name))) }
            rows.append((run, cells, values))
        }
        let columnCount = Set(rows.flatMap { $0.cells.map(\.0) }).count
        try Limits.checkTable(rows: rows.count, columns: max(columnCount, 1), "repeat's table")
        var table = Table([Table.Column("seed", numbers: [])])  // grid and recorded columns are added with their values' type
        /// The first run that put a value in each column, and that value: a run whose value has the other type is an
        /// error naming both (a column never mixes numbers and strings).
        var firstValues: [String: (run: String, value: Value, isNumber: Bool)] = [:]
        for row in rows {
            for ((name, cell), value) in zip(row.cells, row.values) {
                let isNumber = if case .number = cell { true } else { false }
                if let first = firstValues[name] {
                    guard first.isNumber == isNumber else {
                        throw RuntimeError("repeat: the column '\(name)' mixes numbers and strings: \(first.value.repr) in the run with \(first.run), \(value.repr) in the run with \(row.run); give each column one type (str x makes a number a string)")
                    }
                } else {
                    firstValues[name] = (row.run, value, isNumber)
                }
            }
            try converting { try table.append(row: row.cells) }
        }
        for failure in failures { interpreter.output.write("repeat: \(failure)\n") }
        return (table, rows.count, failures)
    }

    /// A hint for a run that called `seed n`: inside `repeat`, `seed` is the run's seed, a number.
    static func seedHint(_ failure: String) -> String {
        guard failure.hasPrefix("'seed' is a number, not a command") else { return "" }
        return " (inside repeat, `seed` is the run's seed, and the run's random streams already derive from it)"
    }

    /// A recorded value as a table cell.
    static func cell(_ value: Value, _ name: String) throws(RuntimeError) -> Table.Cell {
        switch value {
        case .number(let x): return .number(x)
        case .bool(let b): return .number(b ? 1 : 0)
        case .string(let s): return .string(s)
        case .tensor(let t) where t.count == 1: return .number(Double.shortest(t.storage[0]))
        default: throw RuntimeError("record: \(name) must be a number or a string, got \(value.typeName)")
        }
    }

    static let record = Command(
        "record", topic: "studies", summary: "inside repeat: record named results of this run; at the prompt: record \"file.sps\" saves the session as a script",
        help: """
        Inside `repeat`, `record iid=(rmse m iid) ood=(rmse m ood)` adds columns iid and ood to the run's row; several
        calls add to the same row. `record r` with a record adds a column per field, for names made while running
        (`r["valid{k}"] = v`). At the prompt, `record "session.sps"` writes every entry that runs without error to
        the file from then on, so `sps session.sps` replays the session; `record off` stops. An existing file is
        replaced, but only when the first entry is recorded (until then it is untouched); each entry rewrites the
        whole file atomically (a temporary file, then a rename), so it is never half-written. A failed write is
        reported and tried again after the next entry.
        """,
        example: "record iid=(rmse m iid) ood=(rmse m ood) w3=m.weight[0, 2]\nrecord {valid0: 0.25, valid1: 0.5}\nrecord \"session.sps\"\nrecord off",
        parameters: [.positional("file", .optional(.oneOf([.columnName, .record])), optional: true,
                                 "at the prompt: the script to write the session to; off (or nil) stops. Inside repeat: a record of columns").choices(["off"])],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        if case .record(let fields)? = args["file"] {
            return try addRecorded(fields.fields + args.extraKeywords, args: args)
        }
        if let file = args["file"] {
            guard args.extraKeywords.isEmpty else {
                throw RuntimeError("record takes a file (record \"session.sps\") or name=value pairs (inside repeat), not both")
            }
            return try SessionRecording.command(file, interpreter: args.interpreter)
        }
        guard !args.extraKeywords.isEmpty else {
            throw RuntimeError("record needs name=value pairs inside repeat (record iid=(rmse m iid)), or at the prompt a file to save the session to (record \"session.sps\"; record off stops)")
        }
        return try addRecorded(args.extraKeywords, args: args)
    }

    /// Adds named values to the run's row (a later value replaces an earlier one of the same name).
    static func addRecorded(_ pairs: [(String, Value)], args: Arguments) throws(RuntimeError) -> Value {
        var recorded = args.interpreter.context.studyRecord
        for (name, value) in pairs {
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
                try converting { try result.append(row: row) }
            }
        }
        return .table(result)
    }
}

import Foundation
import SPSLanguage
import SPSNumeric
import SPSRunLog
import SPSTraining

/// The `runs` command: the run log's studies and runs as tables, comparisons, export, and the choice of store.
enum RunsCommands {
    static func all() -> [Command] { [runs] }

    /// The columns of the runs table that are not grid or recorded names.
    static let fixedColumns = ["run", "study", "status", "seed", "seconds", "started", "message"]

    static let runs = Command(
        "runs", topic: "studies", summary: "the run log: recent studies, their runs (filtered, sorted), diff, export to CSV, JSON lines or MLflow",
        help: """
        Every `repeat` is logged in a SQLite file, ~/.sps/runs.db by default (SPS_RUNS=path chooses another,
        SPS_RUNS=off turns it off; `runs store="path"` or `runs store=off` in a session). `runs` lists the recent
        studies (newest first); `runs study=3` lists study 3's runs as a table (run, study, status, seed, a column per
        grid keyword and per recorded name, seconds, started), which summary, plot and filter take like any table.
        Other keywords filter: `status="failed"`, `sigma=10` (a grid or recorded value), `seed=4`; `sort="ood"` sorts
        (`desc=true` from the largest), `limit=10` keeps the first rows. `runs diff 12 15` shows what differs between
        runs 12 and 15; `runs diff study=[3, 4]` between two studies. `runs export "runs.csv" study=3` writes the
        same table as CSV; a name ending in .jsonl writes JSON lines, one run a line with its grid, params, recorded
        values and per-epoch history. `runs mlflow url="http://127.0.0.1:5000" study=3` sends the runs to an MLflow
        tracking server (experiment `sps`, or experiment=); runs it sent before are not sent again. With the log on, `repeat resume=true …` runs only the runs
        of the same study (same script, seeds and settings) that the log does not have as finished.
        """,
        example: "runs\nt = runs study=1 sort=\"ood\"\nsummary t\nruns diff 1 2\nruns export \"runs.csv\" study=1",
        parameters: [.positional("action", .optional(.columnName), optional: true, "diff, export or mlflow").choices(["diff", "export", "mlflow"]),
                     .positional("a", .any, optional: true, "diff: the first run; export: the file"),
                     .positional("b", .any, optional: true, "diff: the second run"),
                     .keyword("study", .any, optional: true, "a study's id (a list of two for diff)"),
                     .keyword("status", .columnName, optional: true, "only runs with this status").choices(RunStatus.allCases.map(\.rawValue)),
                     .keyword("sort", .columnName, optional: true, "sort by this column"),
                     .keyword("desc", .bool, default: .bool(false), "sort from the largest"),
                     .keyword("limit", .integer, optional: true, "at most this many rows"),
                     .keyword("store", .columnName, optional: true, "choose the store: a path, or off"),
                     .keyword("url", .string, optional: true, "mlflow: the tracking server"),
                     .keyword("experiment", .string, default: .string("sps"), "mlflow: the experiment's name")],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        let interpreter = args.interpreter
        if let chosen = args["store"] {
            guard let text = chosen.string else { throw RuntimeError("runs: store= takes a path or off") }
            let choice: RunLogSession.Choice = RunLogSession.offWords.contains(text.lowercased()) || text.isEmpty ? .off : .path(text)
            if let session = interpreter.context.runLog { session.choose(choice) } else { interpreter.context.runLog = RunLogSession(choice) }
            if choice != .off { _ = try openStore(interpreter) }
            return .nil
        }
        let store = try openStore(interpreter)
        switch try args["action"].map({ _ throws(RuntimeError) in try args.string("action") }) {
        case "diff"?:
            return .table(try diff(args, store: store))
        case "export"?:
            guard let file = args["a"]?.string else { throw RuntimeError("runs export needs a file: runs export \"runs.csv\" study=1") }
            let query = try runQuery(args, defaultLimit: nil)
            let entries = try logged { () throws(RunLogError) in try store.runs(query) }
            let studies = try studyMap(store, entries)
            let text: String
            if file.hasSuffix(".jsonl") || file.hasSuffix(".json") {
                text = try logged { () throws(RunLogError) in try RunExport.jsonLines(entries, studies: studies) }
            } else {
                text = csv(runTable(entries))
            }
            try converting { try AtomicFile.write(text, to: file) }
            interpreter.output.write("wrote \(file): \(entries.count) run\(entries.count == 1 ? "" : "s")\n")
            return .nil
        case "mlflow"?:
            guard let url = args["url"]?.string else { throw RuntimeError("runs mlflow needs the server: runs mlflow url=\"http://127.0.0.1:5000\" study=1") }
            let query = try runQuery(args, defaultLimit: nil)
            let entries = try logged { () throws(RunLogError) in try store.runs(query) }
            let studies = try studyMap(store, entries)
            let experiment = try args.string("experiment")
            let sent = try logged { () throws(RunLogError) in
                try MLflowExport(url: url).export(entries, studies: studies, experiment: experiment)
            }
            let skipped = sent.alreadyThere == 0 ? "" : "; \(sent.alreadyThere) \(sent.alreadyThere == 1 ? "was" : "were") there already"
            interpreter.output.write("mlflow: sent \(sent.runs) run\(sent.runs == 1 ? "" : "s") to experiment '\(experiment)' (\(sent.requests) request\(sent.requests == 1 ? "" : "s"))\(skipped)\n")
            return .nil
        default:
            if args["study"] == nil && args["status"] == nil && args["sort"] == nil && args.extraKeywords.isEmpty {
                let limit = try args.optionalInteger("limit") ?? 20
                return .table(try studiesTable(store, limit: limit))
            }
            let query = try runQuery(args, defaultLimit: args["study"] == nil ? 1000 : nil)
            return .table(runTable(try logged { () throws(RunLogError) in try store.runs(query) }))
        }
    }

    /// The session's store, or an error saying the log is off.
    static func openStore(_ interpreter: Interpreter) throws(RuntimeError) -> RunStore {
        guard let session = interpreter.context.runLog else {
            throw RuntimeError("runs: this session keeps no run log; choose a store with runs store=\"path\"")
        }
        guard let store = try logged({ () throws(RunLogError) in try session.store() }) else {
            throw RuntimeError("runs: the run log is off; choose a store with SPS_RUNS=path or runs store=\"path\"")
        }
        return store
    }

    /// A run-log error as the language's error.
    static func logged<T>(_ body: () throws(RunLogError) -> T) throws(RuntimeError) -> T {
        do {
            return try body()
        } catch {
            throw RuntimeError(error.message)
        }
    }

    /// The query the keywords give.
    static func runQuery(_ args: Arguments, defaultLimit: Int?) throws(RuntimeError) -> RunQuery {
        var query = RunQuery()
        if let study = args["study"] {
            guard let id = study.integer else { throw RuntimeError("runs: study= takes a study's number (runs lists them), got \(study.repr)") }
            query.study = Int64(id)
        }
        if args["status"] != nil { query.status = RunStatus(rawValue: try args.string("status")) }
        if args["sort"] != nil { query.sort = try args.string("sort") }
        query.descending = try args.bool("desc")
        query.limit = try args.optionalInteger("limit") ?? defaultLimit
        for (name, value) in args.extraKeywords {
            guard !["message", "started", "seconds"].contains(name) else {
                throw RuntimeError("runs: cannot filter by \(name); filter the table with filter, or by status=, seed=, a grid or a recorded name")
            }
            query.equals.append(NamedCell(name, StudyCommands.storedCell(value)))
        }
        return query
    }

    /// The studies of the runs, by id.
    static func studyMap(_ store: RunStore, _ entries: [RunEntry]) throws(RuntimeError) -> [Int64: StudyRecord] {
        var studies: [Int64: StudyRecord] = [:]
        for id in Set(entries.map(\.run.studyID)) {
            if let study = try logged({ () throws(RunLogError) in try store.study(id) }) { studies[id] = study }
        }
        return studies
    }

    /// `2026-11-20 14:03:22` in local time.
    static func time(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// Runs as a table: run, study, status, seed, a column per grid and recorded name (in first-seen order), seconds,
    /// started, and message when some run has one.
    static func runTable(_ entries: [RunEntry]) -> Table {
        let hasMessage = entries.contains { $0.run.message != nil }
        var table = Table([Table.Column("run", numbers: []), Table.Column("study", numbers: []),
                           Table.Column("status", strings: []), Table.Column("seed", numbers: [])])
        for entry in entries {
            var row: [(String, Table.Cell)] = [("run", .number(Double(entry.run.id ?? 0))), ("study", .number(Double(entry.run.studyID))),
                                               ("status", .string(entry.run.status.rawValue)), ("seed", .number(Double(entry.run.seed)))]
            for cell in entry.grid + entry.recorded where !fixedColumns.contains(cell.name) && !row.contains(where: { $0.0 == cell.name }) {
                switch cell.value {
                case .number(let x): row.append((cell.name, .number(x)))
                case .text(let s): row.append((cell.name, .string(s)))
                }
            }
            row.append(("seconds", .number(entry.run.ended.map { $0 - entry.run.started } ?? .nan)))
            row.append(("started", .string(time(entry.run.started))))
            if hasMessage { row.append(("message", .string(entry.run.message ?? ""))) }
            // A value recorded as a number in one study and as text in another cannot share a column: it is shown as text.
            if (try? table.append(row: row)) == nil {
                let texts = row.map { name, cell -> (String, Table.Cell) in
                    if case .number(let x) = cell, let column = table.column(name), case .strings = column.values { return (name, .string(Value.number(x).repr)) }
                    return (name, cell)
                }
                try? table.append(row: texts)
            }
        }
        // seconds, started and message last, whatever columns later runs added.
        let last = ["seconds", "started", "message"]
        return Table(table.columns.filter { !last.contains($0.name) } + last.compactMap { table.column($0) })
    }

    /// The recent studies, one row each.
    static func studiesTable(_ store: RunStore, limit: Int) throws(RuntimeError) -> Table {
        let studies = try logged { () throws(RunLogError) in try store.studies(limit: max(0, limit)) }
        let counts = try logged { () throws(RunLogError) in try store.statusCounts(studies: studies.compactMap(\.id)) }
        let names = ["study", "status", "runs", "finished", "failed", "interrupted", "seconds", "started", "script", "command"]
        var table = Table(names.map { name in
            ["status", "started", "script", "command"].contains(name) ? Table.Column(name, strings: []) : Table.Column(name, numbers: [])
        })
        for study in studies {
            let count = counts[study.id ?? -1] ?? [:]
            let command = study.command.split(separator: "\n").first.map(String.init) ?? ""
            let row: [(String, Table.Cell)] = [
                ("study", .number(Double(study.id ?? 0))), ("status", .string(study.status.rawValue)),
                ("runs", .number(Double(study.runCount))), ("finished", .number(Double(count[.finished] ?? 0))),
                ("failed", .number(Double(count[.failed] ?? 0))), ("interrupted", .number(Double(count[.interrupted] ?? 0))),
                ("seconds", .number(study.ended.map { $0 - study.started } ?? .nan)), ("started", .string(time(study.started))),
                ("script", .string(study.scriptName)), ("command", .string(command.count > 60 ? String(command.prefix(59)) + "…" : command)),
            ]
            try? table.append(row: row)
        }
        return table
    }
}

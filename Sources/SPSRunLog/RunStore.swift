import Foundation
import GRDB
import SPSNumeric

/// Why the run log could not be opened, read or written, in words a user can act on.
public struct RunLogError: CoreError, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The run log: every study and run in one SQLite file (WAL, writes in transactions), through GRDB.
///
/// Opening a store creates or migrates its schema, and marks the studies and runs left `running` by a process that
/// is gone (a kill -9, a crash) as `interrupted`. Several processes may log into one store at once: each write is
/// one transaction, and a writer waits for another (`busyTimeout`) instead of failing.
public final class RunStore: Sendable {
    /// The file, or `:memory:` for a store that lives as long as this object (tests, golden scripts).
    public let path: String
    let database: any DatabaseWriter
    /// How many runs opening the store marked `interrupted` (their process had died).
    public let recoveredRuns: Int

    /// The path for an in-memory store.
    public static let memory = ":memory:"

    /// Opens (creating if needed) the store at `path`; a missing folder `~/.sps` is created. `busyTimeout` is how
    /// long a write waits for another process's.
    public init(path: String, busyTimeout: Double = 5) throws(RunLogError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "sps run log"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let shown = Self.shown(path)
        do {
            if path == Self.memory {
                database = try DatabaseQueue(configuration: configuration)
            } else {
                let expanded = UserPath.expanded(path)
                try Self.makeFolder(for: expanded, shown: shown)
                database = try DatabasePool(path: expanded, configuration: configuration)
            }
            try Self.migrate(database)
            recoveredRuns = try Self.markDeadStudies(database)
        } catch let error as RunLogError {
            throw error
        } catch {
            throw Self.describe(error, path: shown, doing: "open")
        }
    }

    /// `~/…` when the path is under the home folder.
    static func shown(_ path: String) -> String {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Creates the store's folder when it is `~/.sps` (private to the user); any other folder must exist.
    static func makeFolder(for path: String, shown: String) throws(RunLogError) {
        let folder = Self.folder(of: path)
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        guard folder.hasSuffix("/.sps") else {
            throw RunLogError("run log: cannot open '\(shown)': the folder '\(folder)' does not exist")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw RunLogError("run log: cannot create the folder '\(folder)': \(error.localizedDescription)")
        }
    }

    /// The folder part of a path ("" for a bare file name, "/" for a file at the root), as
    /// `NSString.deletingLastPathComponent` gives it (which traps on a bare name in this Foundation).
    static func folder(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        var folder = p[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// A database error as a sentence: a store that is locked, not a database or damaged, or unreadable.
    static func describe(_ error: any Error, path: String, doing: String) -> RunLogError {
        guard let error = error as? DatabaseError else {
            return RunLogError("run log: cannot \(doing) '\(path)': \(error)")
        }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return RunLogError("run log: '\(path)' is locked by another process (waited in vain: \(detail))")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return RunLogError("run log: '\(path)' is not a readable run log (\(detail)); move it away or choose another store (SPS_RUNS=path)")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return RunLogError("run log: cannot \(doing) '\(path)': \(detail)")
        case .SQLITE_FULL:
            return RunLogError("run log: cannot \(doing) '\(path)': the disk is full")
        default:
            return RunLogError("run log: cannot \(doing) '\(path)': \(detail)")
        }
    }

    // MARK: - Schema

    /// The schema, one migration per version (never edited once released: add a migration instead).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // `ifNotExists`: two processes opening a new store at once may both run this migration; the second
            // then fails only on recording it, and `migrate` tries again.
            try db.create(table: "study", options: .ifNotExists) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("command", .text).notNull()
                t.column("grid", .jsonText).notNull()
                t.column("params", .jsonText).notNull()
                t.column("seeds", .jsonText).notNull()
                t.column("scriptName", .text).notNull()
                t.column("scriptText", .text).notNull()
                t.column("scriptHash", .text).notNull()
                t.column("fingerprint", .text).notNull().indexed()
                t.column("spsVersion", .text).notNull()
                t.column("commandLine", .text).notNull()
                t.column("host", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("processStart", .integer).notNull()
                t.column("started", .double).notNull()
                t.column("ended", .double)
                t.column("status", .text).notNull().indexed()
                t.column("message", .text)
                t.column("runCount", .integer).notNull()
                t.column("resultTable", .jsonText)
            }
            try db.create(table: "run", options: .ifNotExists) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("studyID", .integer).notNull().indexed().references("study", onDelete: .cascade)
                t.column("job", .integer).notNull()
                t.column("seed", .integer).notNull()
                t.column("status", .text).notNull().indexed()
                t.column("message", .text)
                t.column("started", .double).notNull()
                t.column("ended", .double)
                t.column("history", .jsonText)
            }
            try db.create(table: "value", options: .ifNotExists) { t in
                t.column("runID", .integer).notNull().references("run", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("number", .double)
                t.column("text", .text)
                // (runID, name) first: a run's value by name is one lookup (sorting by a recorded name).
                t.primaryKey(["runID", "name", "kind"], onConflict: .replace)
            }
            try db.create(index: "value_by_number", on: "value", columns: ["name", "number"], options: .ifNotExists)
            try db.create(index: "value_by_text", on: "value", columns: ["name", "text"], options: .ifNotExists)
        }
        return migrator
    }

    static func migrate(_ database: any DatabaseWriter) throws {
        do {
            try migrator.migrate(database)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CONSTRAINT {
            // Another process migrated the new store at the same time: its migration is in; this one is done.
            try migrator.migrate(database)
        }
    }

    /// Marks the studies left `running` by a process that is gone, and their running runs, as interrupted;
    /// returns how many runs it marked.
    static func markDeadStudies(_ database: any DatabaseWriter) throws -> Int {
        let running = try database.read { db in
            try StudyRecord.filter(Column("status") == RunStatus.running.rawValue).fetchAll(db)
        }
        let dead = running.filter { !ProcessIdentity(host: $0.host, pid: $0.pid, start: $0.processStart).isAlive }.compactMap(\.id)
        guard !dead.isEmpty else { return 0 }
        return try database.write { db in
            let now = Date().timeIntervalSince1970
            try db.execute(sql: """
                UPDATE study SET status = 'interrupted', ended = COALESCE(ended, ?),
                  message = COALESCE(message, 'its process ended before the study did')
                WHERE status = 'running' AND id IN (\(dead.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments([now] + dead))
            try db.execute(sql: """
                UPDATE run SET status = 'interrupted', message = COALESCE(message, 'its process ended before the run did')
                WHERE status = 'running' AND studyID IN (\(dead.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(dead))
            return db.changesCount
        }
    }

    /// Runs `body` in one write transaction, turning a database error into a `RunLogError`.
    func write<T: Sendable>(_ doing: String, _ body: @Sendable (Database) throws -> T) throws(RunLogError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw Self.describe(error, path: Self.shown(path), doing: doing)
        }
    }

    /// Runs `body` in a read, turning a database error into a `RunLogError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(RunLogError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw Self.describe(error, path: Self.shown(path), doing: "read")
        }
    }

    // MARK: - Writing

    /// Inserts a new study; returns it with its id.
    public func insert(_ study: StudyRecord) throws(RunLogError) -> StudyRecord {
        try write("write to") { db in
            var study = study
            try study.insert(db)
            return study
        }
    }

    /// Takes up an earlier study again (resume): running again, by this process.
    public func reopen(study id: Int64, by process: ProcessIdentity, commandLine: String) throws(RunLogError) {
        try write("write to") { db in
            try db.execute(sql: """
                UPDATE study SET status = 'running', ended = NULL, message = NULL, host = ?, pid = ?, processStart = ?,
                  commandLine = ? WHERE id = ?
                """, arguments: [process.host, process.pid, process.start, commandLine, id])
            // Its runs left running were cut short by the process that ran them before.
            try db.execute(sql: """
                UPDATE run SET status = 'interrupted', message = COALESCE(message, 'its process ended before the run did')
                WHERE studyID = ? AND status = 'running'
                """, arguments: [id])
        }
    }

    /// Ends a study: its status, a message, the table `repeat` returned.
    public func end(study id: Int64, status: RunStatus, message: String?, table: StoredTable?) throws(RunLogError) {
        let json = try table.map { table throws(RunLogError) in
            do {
                return String(decoding: try RunLogJSON.encoder().encode(table), as: UTF8.self)
            } catch {
                throw RunLogError("run log: cannot encode the study's table: \(error)")
            }
        }
        try write("write to") { db in
            try db.execute(sql: "UPDATE study SET status = ?, message = ?, resultTable = ?, ended = ? WHERE id = ?",
                           arguments: [status.rawValue, message, json, Date().timeIntervalSince1970, id])
        }
    }

    /// A run that has started.
    public struct Start: Sendable {
        public var job: Int
        public var seed: Int
        public var grid: [NamedCell]
        public var time: Double
        public init(job: Int, seed: Int, grid: [NamedCell], time: Double) {
            self.job = job
            self.seed = seed
            self.grid = grid
            self.time = time
        }
    }

    /// A run that has ended.
    public struct End: Sendable {
        public var job: Int
        public var status: RunStatus
        public var message: String?
        public var recorded: [NamedCell]
        public var history: StoredTable?
        public var time: Double
        public init(job: Int, status: RunStatus, message: String?, recorded: [NamedCell], history: StoredTable?, time: Double) {
            self.job = job
            self.status = status
            self.message = message
            self.recorded = recorded
            self.history = history
            self.time = time
        }
    }

    /// Writes a batch of starts and ends of one study's runs in one transaction; `known` maps the jobs already
    /// inserted to their run ids. Returns the ids of the runs this batch inserted, by job.
    public func write(study: Int64, starts: [Start], ends: [End], known: [Int: Int64]) throws(RunLogError) -> [Int: Int64] {
        try write("write to") { db in
            // Prepared once per connection and reused: a batch is a few hundred statement executions, no parsing.
            let insertRun = try db.cachedStatement(sql: """
                INSERT INTO run (studyID, job, seed, status, message, started, ended, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let updateRun = try db.cachedStatement(sql: "UPDATE run SET status = ?, message = ?, ended = ?, history = ? WHERE id = ?")
            let insertValue = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO value (runID, kind, position, name, number, text) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let encoder = RunLogJSON.encoder()
            func json(_ table: StoredTable?) throws -> String? {
                try table.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            }
            func insert(_ values: [NamedCell], kind: ValueRecord.Kind, run: Int64) throws {
                for (position, cell) in values.enumerated() {
                    let value = ValueRecord(runID: run, kind: kind, position: position, name: cell.name, value: cell.value)
                    try insertValue.execute(arguments: [run, kind.rawValue, position, cell.name, value.number, value.text])
                }
            }
            var inserted: [Int: Int64] = [:]
            var endByJob: [Int: End] = [:]
            for end in ends { endByJob[end.job] = end }
            // Runs that start in one batch get their ids in the study's order, not in the order the workers
            // happened to start them (across batches, ids follow the batches; threads=1 makes them the study's order).
            for start in starts.sorted(by: { $0.job < $1.job }) {
                let end = endByJob.removeValue(forKey: start.job)
                try insertRun.execute(arguments: [study, start.job, start.seed, (end?.status ?? .running).rawValue, end?.message,
                                                  start.time, end?.time, try json(end?.history)])
                let id = db.lastInsertedRowID
                inserted[start.job] = id
                try insert(start.grid, kind: .grid, run: id)
                try insert(end?.recorded ?? [], kind: .recorded, run: id)
            }
            // Ends of runs inserted by an earlier batch.
            for end in ends where endByJob[end.job] != nil {
                guard let id = known[end.job] ?? inserted[end.job] else { continue }
                try updateRun.execute(arguments: [end.status.rawValue, end.message, end.time, try json(end.history), id])
                try insert(end.recorded, kind: .recorded, run: id)
            }
            return inserted
        }
    }
}

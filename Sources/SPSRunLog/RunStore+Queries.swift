import Foundation
import GRDB

/// Which runs to list, and in what order.
public struct RunQuery: Sendable, Equatable {
    /// Only this study's runs.
    public var study: Int64?
    /// Only runs with this status.
    public var status: RunStatus?
    /// Only runs whose seed, grid value or recorded value of each name equals the given value.
    public var equals: [NamedCell] = []
    /// Sort by `run`, `study`, `seed`, `started`, `seconds` or a grid or recorded name; nil keeps run order.
    public var sort: String?
    public var descending = false
    /// At most this many runs (after sorting).
    public var limit: Int?

    public init(study: Int64? = nil, status: RunStatus? = nil, equals: [NamedCell] = [], sort: String? = nil,
                descending: Bool = false, limit: Int? = nil) {
        self.study = study
        self.status = status
        self.equals = equals
        self.sort = sort
        self.descending = descending
        self.limit = limit
    }
}

extension RunStore {
    /// The most recent studies first.
    public func studies(limit: Int? = nil) throws(RunLogError) -> [StudyRecord] {
        try read { db in
            var request = StudyRecord.order(Column("id").desc)
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// The study with this id.
    public func study(_ id: Int64) throws(RunLogError) -> StudyRecord? {
        try read { db in try StudyRecord.fetchOne(db, key: id) }
    }

    /// The most recent study with this fingerprint (the same script, seeds, grid and settings).
    public func latestStudy(fingerprint: String) throws(RunLogError) -> StudyRecord? {
        try read { db in
            try StudyRecord.filter(Column("fingerprint") == fingerprint).order(Column("id").desc).fetchOne(db)
        }
    }

    /// The run with this id, with its values.
    public func run(_ id: Int64) throws(RunLogError) -> RunEntry? {
        try runs(RunQuery(), ids: [id]).first
    }

    /// How many runs the store holds.
    public func runCount() throws(RunLogError) -> Int {
        try read { db in try RunRecord.fetchCount(db) }
    }

    /// The runs `query` selects, with their values.
    public func runs(_ query: RunQuery) throws(RunLogError) -> [RunEntry] {
        try runs(query, ids: nil)
    }

    func runs(_ query: RunQuery, ids: [Int64]?) throws(RunLogError) -> [RunEntry] {
        var conditions: [String] = [], arguments: [any DatabaseValueConvertible & Sendable] = []
        if let ids {
            conditions.append("run.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))")
            arguments += ids
        }
        if let study = query.study {
            conditions.append("run.studyID = ?")
            arguments.append(study)
        }
        if let status = query.status {
            conditions.append("run.status = ?")
            arguments.append(status.rawValue)
        }
        for condition in query.equals {
            switch (condition.name, condition.value) {
            case ("seed", .number(let x)):
                conditions.append("run.seed = ?")
                arguments.append(x)
            case ("run", .number(let x)):
                conditions.append("run.id = ?")
                arguments.append(x)
            case (let name, .number(let x)):
                conditions.append("run.id IN (SELECT runID FROM value WHERE name = ? AND number = ?)")
                arguments += [name, x]
            case (let name, .text(let s)):
                conditions.append("run.id IN (SELECT runID FROM value WHERE name = ? AND text = ?)")
                arguments += [name, s]
            }
        }
        var order = "run.id"
        let direction = query.descending ? "DESC" : "ASC"
        switch query.sort {
        case nil, "run": order = "run.id \(direction)"
        case "study": order = "run.studyID \(direction), run.id"
        case "seed": order = "run.seed \(direction), run.id"
        case "started": order = "run.started \(direction), run.id"
        case "seconds": order = "(run.ended - run.started) \(direction), run.id"
        case "status": order = "run.status \(direction), run.id"
        case .some:
            // Runs without the value last, whichever the direction.
            order = "(sorted.number IS NULL AND sorted.text IS NULL), COALESCE(sorted.number, sorted.text) \(direction), run.id"
        }
        var join = ""
        var joinArguments: [any DatabaseValueConvertible & Sendable] = []
        if let name = query.sort, !["run", "study", "seed", "started", "seconds", "status"].contains(name) {
            join = "LEFT JOIN value AS sorted ON sorted.runID = run.id AND sorted.name = ?"
            joinArguments = [name]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = query.limit.map { " LIMIT \(max(0, $0))" } ?? ""
        let selection = "SELECT run.* FROM run \(join) \(whereClause) ORDER BY \(order)\(limitClause)"
        let allArguments = joinArguments + arguments
        return try read { db in
            let runs = try RunRecord.fetchAll(db, sql: selection, arguments: StatementArguments(allArguments))
            guard !runs.isEmpty else { return [] }
            var values: [Int64: [ValueRecord]] = [:]
            let ids = runs.compactMap(\.id)
            // In pieces, within SQLite's limit on arguments.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let piece = Array(ids[start..<min(ids.count, start + 500)])
                let rows = try ValueRecord.fetchAll(db, sql: """
                    SELECT * FROM value WHERE runID IN (\(piece.map { _ in "?" }.joined(separator: ","))) ORDER BY runID, kind, position
                    """, arguments: StatementArguments(piece))
                for row in rows { values[row.runID, default: []].append(row) }
            }
            return runs.map { run in
                let mine = values[run.id ?? -1] ?? []
                return RunEntry(run: run,
                                grid: mine.filter { $0.kind == .grid }.map { NamedCell($0.name, $0.cell) },
                                recorded: mine.filter { $0.kind == .recorded }.map { NamedCell($0.name, $0.cell) })
            }
        }
    }
}

extension RunStore {
    /// How many runs of each status the given studies have.
    public func statusCounts(studies: [Int64]) throws(RunLogError) -> [Int64: [RunStatus: Int]] {
        guard !studies.isEmpty else { return [:] }
        return try read { db in
            var counts: [Int64: [RunStatus: Int]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT studyID, status, COUNT(*) AS n FROM run WHERE studyID IN (\(studies.map { _ in "?" }.joined(separator: ",")))
                GROUP BY studyID, status
                """, arguments: StatementArguments(studies))
            for row in rows {
                let study: Int64 = row["studyID"], status: String = row["status"], n: Int = row["n"]
                if let status = RunStatus(rawValue: status) { counts[study, default: [:]][status] = n }
            }
            return counts
        }
    }
}

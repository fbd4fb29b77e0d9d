import Foundation
import GRDB

// MARK: - Values

/// One value of a run or a study: a number or a text (what a table cell holds).
public enum StoredCell: Sendable, Equatable, Codable {
    case number(Double)
    case text(String)

    /// The number, or nil for a text.
    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// The text, or nil for a number.
    public var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}

/// A named value, in the order it was given or recorded.
public struct NamedCell: Sendable, Equatable, Codable {
    public var name: String
    public var value: StoredCell
    public init(_ name: String, _ value: StoredCell) {
        self.name = name
        self.value = value
    }
}

/// A grid keyword and the values it takes, as sps prints them.
public struct GridAxis: Sendable, Equatable, Codable {
    public var name: String
    public var values: [String]
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}

/// A table as the run log keeps it (a study's table, a run's per-epoch history): named columns of numbers or texts.
public struct StoredTable: Sendable, Equatable, Codable {
    /// One column: `numbers` or `texts` is set.
    public struct Column: Sendable, Equatable, Codable {
        public var name: String
        public var numbers: [Double]?
        public var texts: [String]?
        public init(name: String, numbers: [Double]? = nil, texts: [String]? = nil) {
            self.name = name
            self.numbers = numbers
            self.texts = texts
        }
        /// The number of entries.
        public var count: Int { numbers?.count ?? texts?.count ?? 0 }
    }

    public var columns: [Column]
    public init(columns: [Column]) { self.columns = columns }

    /// The number of rows.
    public var rowCount: Int { columns.first?.count ?? 0 }
}

// MARK: - Records

/// What a study or a run is doing, or how it ended. `submitted` is a study handed to a Slurm cluster with
/// `wait=false`: it runs there, and `collect` adds its runs and ends it.
public enum RunStatus: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case running, finished, failed, interrupted, submitted
}

/// A study: one `repeat`, with where it came from and how it ended (the `study` table).
public struct StudyRecord: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "study"

    public var id: Int64?
    /// The statement that ran the study (`study = repeat seeds=0..9 { … }`).
    public var command: String
    /// The grid: each list-valued keyword and its values.
    public var grid: [GridAxis]
    /// The other keywords given (the same for every run).
    public var params: [NamedCell]
    /// The seeds, in order.
    public var seeds: [Int]
    /// The script's name (`case_study.sps`, `<stdin>`, `<command line>`, `<prompt>`).
    public var scriptName: String
    /// The script's text.
    public var scriptText: String
    /// SHA-256 of the script's text.
    public var scriptHash: String
    /// What makes two studies the same study (script without `resume=`, seeds, grid, settings): `resume` looks it up.
    public var fingerprint: String
    /// The sps version that ran it.
    public var spsVersion: String
    /// The command line of the sps process.
    public var commandLine: String
    /// The machine and the process that ran it last (to tell a dead process's study from a running one).
    public var host: String
    public var pid: Int64
    public var processStart: Int64
    /// Start and end, in seconds since 1970.
    public var started: Double
    public var ended: Double?
    public var status: RunStatus
    public var message: String?
    /// The number of runs the study has (seeds × grid).
    public var runCount: Int
    /// The table `repeat` returned (a partial one when interrupted).
    public var resultTable: StoredTable?

    public init(id: Int64? = nil, command: String, grid: [GridAxis], params: [NamedCell], seeds: [Int],
                scriptName: String, scriptText: String, scriptHash: String, fingerprint: String, spsVersion: String,
                commandLine: String, host: String, pid: Int64, processStart: Int64, started: Double,
                ended: Double? = nil, status: RunStatus = .running, message: String? = nil, runCount: Int,
                resultTable: StoredTable? = nil) {
        self.id = id
        self.command = command
        self.grid = grid
        self.params = params
        self.seeds = seeds
        self.scriptName = scriptName
        self.scriptText = scriptText
        self.scriptHash = scriptHash
        self.fingerprint = fingerprint
        self.spsVersion = spsVersion
        self.commandLine = commandLine
        self.host = host
        self.pid = pid
        self.processStart = processStart
        self.started = started
        self.ended = ended
        self.status = status
        self.message = message
        self.runCount = runCount
        self.resultTable = resultTable
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A run: one seed and grid setting of a study (the `run` table). Its grid values and what it recorded are
/// `ValueRecord`s.
public struct RunRecord: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    public var id: Int64?
    public var studyID: Int64
    /// The run's place in the study (seed-major within each grid setting, as `repeat` orders its table).
    public var job: Int
    public var seed: Int
    public var status: RunStatus
    /// Why it failed.
    public var message: String?
    public var started: Double
    public var ended: Double?
    /// The per-epoch history of the last training loop the run ran, if any.
    public var history: StoredTable?

    public init(id: Int64? = nil, studyID: Int64, job: Int, seed: Int, status: RunStatus, message: String? = nil,
                started: Double, ended: Double? = nil, history: StoredTable? = nil) {
        self.id = id
        self.studyID = studyID
        self.job = job
        self.seed = seed
        self.status = status
        self.message = message
        self.started = started
        self.ended = ended
        self.history = history
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One named value of a run: a grid value, or what it recorded (the `value` table, indexed by name and value so
/// a filter over 100,000 runs stays fast).
public struct ValueRecord: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "value"

    /// Which kind of value.
    public enum Kind: String, Sendable, Codable, DatabaseValueConvertible {
        case grid, recorded
    }

    public var runID: Int64
    public var kind: Kind
    /// Its place among the run's values of its kind.
    public var position: Int
    public var name: String
    /// The number (nil for a text; SQLite keeps NaN as NULL, so nil for both is NaN).
    public var number: Double?
    public var text: String?

    public init(runID: Int64, kind: Kind, position: Int, name: String, value: StoredCell) {
        self.runID = runID
        self.kind = kind
        self.position = position
        self.name = name
        switch value {
        case .number(let x): (number, text) = (x.isNaN ? nil : x, nil)
        case .text(let s): (number, text) = (nil, s)
        }
    }

    /// The value as a cell.
    public var cell: StoredCell {
        if let text { return .text(text) }
        return .number(number ?? .nan)
    }
}

/// A run with its values, as queries return it.
public struct RunEntry: Sendable, Equatable {
    public var run: RunRecord
    /// The grid values, in the grid's order.
    public var grid: [NamedCell]
    /// What the run recorded, in the order it recorded it.
    public var recorded: [NamedCell]

    public init(run: RunRecord, grid: [NamedCell], recorded: [NamedCell]) {
        self.run = run
        self.grid = grid
        self.recorded = recorded
    }
}

// MARK: - JSON columns

/// JSON for the structured columns (grid, params, tables): NaN and infinities as strings, which JSON has no
/// numbers for (a table pads a missing number with NaN).
enum RunLogJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}

extension StudyRecord {
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { RunLogJSON.encoder() }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { RunLogJSON.decoder() }
}

extension RunRecord {
    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { RunLogJSON.encoder() }
    public static func databaseJSONDecoder(for column: String) -> JSONDecoder { RunLogJSON.decoder() }
}

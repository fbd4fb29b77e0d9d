import Foundation
import SPSLanguage
import SPSNumeric
import SPSTraining

/// What a Slurm study's folder holds, as JSON: the study (`job.json`, written by the submitting session) and
/// each task's results (`results/task-N.json`, written by the task's worker). Numbers are written as the bits of
/// their `Double` (16 hex digits), so a value read back is the value written, bit for bit.
public enum SlurmFiles {
    /// The version of both formats.
    public static let version = 1

    /// A number, string or boolean as a run recorded it (or a grid value), written losslessly.
    public enum Cell: Codable, Sendable, Equatable {
        case number(Double)
        case string(String)
        case bool(Bool)

        enum CodingKeys: String, CodingKey { case n, s, b }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let bits = try container.decodeIfPresent(String.self, forKey: .n) {
                guard let pattern = UInt64(bits, radix: 16) else {
                    throw DecodingError.dataCorruptedError(forKey: .n, in: container, debugDescription: "not 16 hex digits: \(bits)")
                }
                self = .number(Double(bitPattern: pattern))
            } else if let text = try container.decodeIfPresent(String.self, forKey: .s) {
                self = .string(text)
            } else {
                self = .bool(try container.decode(Bool.self, forKey: .b))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .number(let x): try container.encode(Self.hex(x), forKey: .n)
            case .string(let s): try container.encode(s, forKey: .s)
            case .bool(let b): try container.encode(b, forKey: .b)
            }
        }

        /// The 16 hex digits of `x`'s bits.
        static func hex(_ x: Double) -> String {
            let digits = String(x.bitPattern, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }

        /// A recorded value as a cell: numbers, booleans and strings as they are, a one-element tensor as the
        /// number a table makes of it; nil for anything else (`record` accepts nothing else).
        public init?(_ value: Value) {
            switch value {
            case .number(let x): self = .number(x)
            case .bool(let b): self = .bool(b)
            case .string(let s): self = .string(s)
            case .tensor(let t) where t.count == 1: self = .number(Double.shortest(t.storage[0]))
            default: return nil
            }
        }

        /// The value a run recorded.
        public var value: Value {
            switch self {
            case .number(let x): .number(x)
            case .string(let s): .string(s)
            case .bool(let b): .bool(b)
            }
        }
    }

    /// One named cell.
    public struct Named: Codable, Sendable, Equatable {
        public var name: String
        public var cell: Cell
        public init(_ name: String, _ cell: Cell) {
            self.name = name
            self.cell = cell
        }
    }

    /// A table column (a run's training history), written losslessly.
    public struct Column: Codable, Sendable, Equatable {
        public var name: String
        public var numbers: [Cell]?
        public var strings: [String]?
    }

    /// One entry of the session the worker replays: what was run, under the name its errors give.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// `job.json`: everything a worker needs to rebuild the session and find its study, and everything `collect`
    /// needs to make the table without the script.
    public struct Study: Codable, Sendable, Equatable {
        public var version = SlurmFiles.version
        /// Identifies the study (script, statement, seeds, grid, settings, runs per task): a task's results are
        /// used only for the study they were made for.
        public var key: String
        /// The statement that ran `repeat`, for messages.
        public var statement: String
        /// The script's (or session's) name.
        public var script: String
        /// The session to replay, entry by entry.
        public var entries: [Entry]
        /// Which top-level `repeat` of the replay is this study (1 for the first).
        public var ordinal: Int
        /// The folder the session ran in: the worker runs there.
        public var workingDirectory: String
        /// Each run's seed, in the study's order.
        public var seeds: [Int]
        /// The grid's keywords, and each run's grid values (in the same order).
        public var gridNames: [String]
        public var grid: [[Cell]]
        /// Runs per task.
        public var perTask: Int
        /// The threads a task's runs use.
        public var cpus: Int
        /// At most this many tasks at once (`%P`), when set.
        public var atOnce: Int?
        /// True when the submitting session kept a run log (workers send each run's training history in any case:
        /// the study may be resumed by a session that logs it).
        public var wantHistory: Bool

        /// The tasks' job ranges.
        public var tasks: [Range<Int>] { SlurmPlan.tasks(runs: seeds.count, perTask: perTask) }
    }

    /// One run's outcome, as a worker writes it.
    public struct Run: Codable, Sendable, Equatable {
        /// The run's place in the study.
        public var job: Int
        public var seed: Int
        /// nil when the run finished; why it failed otherwise.
        public var failure: String?
        public var record: [Named]
        /// What the run printed.
        public var output: String
        /// The history of its last training loop (only when the session keeps a run log).
        public var history: [Column]?
        /// When it started and ended (seconds since 1970).
        public var started: Double
        public var ended: Double
    }

    /// `results/task-N.json`: a task's runs, or why the task could not run them.
    public struct TaskResult: Codable, Sendable, Equatable {
        public var version = SlurmFiles.version
        public var key: String
        public var task: Int
        public var runs: [Run]
        /// Set when the task failed as a whole (the session could not be rebuilt): the runs are then empty.
        public var error: String?
        /// The host it ran on.
        public var host: String
    }

    /// `submitted.json`: the array jobs submitted for this folder, newest last.
    public struct Submission: Codable, Sendable, Equatable {
        public var job: Int
        public var tasks: [Int]
        public var time: Double
    }

    // MARK: - Reading and writing

    /// `value` as JSON text (keys sorted: the same value gives the same text).
    static func json<T: Encodable>(_ value: T) throws(RuntimeError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw RuntimeError("cannot write a Slurm study's file: \(error)")
        }
    }

    /// Writes `value` as JSON to `path` atomically.
    static func write<T: Encodable>(_ value: T, to path: String) throws(RuntimeError) {
        let text = try json(value)
        do throws(FileWriteError) {
            try AtomicFile.write(text, to: path)
        } catch {
            throw RuntimeError(error.message)
        }
    }

    /// Reads `path` as a `T`, or nil when there is no such file; a file that is not a `T` is an error.
    static func read<T: Decodable>(_ type: T.Type, from path: String) throws(RuntimeError) -> T? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw RuntimeError("'\(path)' is not a file sps wrote for a Slurm study (\(error))")
        }
    }

    /// A training history as columns.
    static func columns(_ table: Table) -> [Column] {
        table.columns.map { column in
            switch column.values {
            case .numbers(let v): Column(name: column.name, numbers: v.map { Cell.number($0) }, strings: nil)
            case .strings(let v): Column(name: column.name, numbers: nil, strings: v)
            }
        }
    }

    /// Columns as a table.
    static func table(_ columns: [Column]) -> Table {
        Table(columns.map { column in
            if let strings = column.strings { return Table.Column(column.name, strings: strings) }
            return Table.Column(column.name, numbers: (column.numbers ?? []).map { if case .number(let x) = $0 { x } else { .nan } })
        })
    }
}

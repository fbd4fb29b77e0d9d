import Foundation

/// A JSON value of an export line: a typed enum, so the exporter never builds an untyped dictionary.
public enum ExportValue: Sendable, Equatable, Encodable {
    case number(Double)
    case text(String)
    case null
    case list([ExportValue])
    case object([String: ExportValue])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let x) where x.isFinite:
            if x == x.rounded(), abs(x) < 1e15 { try container.encode(Int64(x)) } else { try container.encode(x) }
        case .number: try container.encodeNil()  // NaN and infinities: JSON has no numbers for them
        case .text(let s): try container.encode(s)
        case .null: try container.encodeNil()
        case .list(let xs): try container.encode(xs)
        case .object(let fields): try container.encode(fields)
        }
    }

    init(_ cell: StoredCell) {
        switch cell {
        case .number(let x): self = .number(x)
        case .text(let s): self = .text(s)
        }
    }

    static func object(_ cells: [NamedCell]) -> ExportValue {
        var fields: [String: ExportValue] = [:]
        for cell in cells { fields[cell.name] = ExportValue(cell.value) }
        return .object(fields)
    }

    static func table(_ table: StoredTable) -> ExportValue {
        var fields: [String: ExportValue] = [:]
        for column in table.columns {
            fields[column.name] = .list(column.numbers.map { $0.map(ExportValue.number) } ?? (column.texts ?? []).map(ExportValue.text))
        }
        return .object(fields)
    }
}

/// Runs as JSON lines: one object per run with its study's provenance, grid, params, recorded values and history.
public enum RunExport {
    /// One line per run (keys sorted), each ending in a newline.
    public static func jsonLines(_ entries: [RunEntry], studies: [Int64: StudyRecord]) throws(RunLogError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for entry in entries {
            let study = studies[entry.run.studyID]
            var fields: [String: ExportValue] = [
                "run": .number(Double(entry.run.id ?? 0)), "study": .number(Double(entry.run.studyID)),
                "job": .number(Double(entry.run.job)), "seed": .number(Double(entry.run.seed)),
                "status": .text(entry.run.status.rawValue), "message": entry.run.message.map(ExportValue.text) ?? .null,
                "started": .number(entry.run.started), "ended": entry.run.ended.map(ExportValue.number) ?? .null,
                "grid": .object(entry.grid), "recorded": .object(entry.recorded),
                "history": entry.run.history.map(ExportValue.table) ?? .null,
            ]
            if let study {
                fields["params"] = .object(study.params)
                fields["command"] = .text(study.command)
                fields["script"] = .text(study.scriptName)
                fields["script_hash"] = .text(study.scriptHash)
                fields["sps_version"] = .text(study.spsVersion)
                fields["command_line"] = .text(study.commandLine)
            }
            do {
                text += String(decoding: try encoder.encode(ExportValue.object(fields)), as: UTF8.self) + "\n"
            } catch {
                throw RunLogError("runs export: cannot encode run \(entry.run.id ?? 0): \(error)")
            }
        }
        return text
    }
}

import Foundation
import SPSLanguage
import SPSRunLog
import SPSTraining

extension RunsCommands {
    /// `runs diff a b` (two runs) or `runs diff study=[a, b]` (two studies): a table of field, a, b holding only
    /// the fields whose values differ.
    static func diff(_ args: Arguments, store: RunStore) throws(RuntimeError) -> Table {
        if let studies = args["study"] {
            guard let pair = studies.elements, pair.count == 2, let a = pair[0].integer, let b = pair[1].integer else {
                throw RuntimeError("runs diff study= takes two studies: runs diff study=[3, 4]")
            }
            let fields = try [a, b].map { (id: Int) throws(RuntimeError) -> [(String, String)] in
                guard let study = try logged({ () throws(RunLogError) in try store.study(Int64(id)) }) else {
                    throw RuntimeError("runs diff: the run log has no study \(id)")
                }
                let entries = try logged { () throws(RunLogError) in try store.runs(RunQuery(study: Int64(id))) }
                return studyFields(study, entries)
            }
            return changes(fields[0], fields[1], names: ("study \(a)", "study \(b)"))
        }
        guard let a = args["a"]?.integer, let b = args["b"]?.integer else {
            throw RuntimeError("runs diff takes two runs (runs diff 12 15) or two studies (runs diff study=[3, 4])")
        }
        let fields = try [a, b].map { (id: Int) throws(RuntimeError) -> [(String, String)] in
            guard let entry = try logged({ () throws(RunLogError) in try store.run(Int64(id)) }) else {
                throw RuntimeError("runs diff: the run log has no run \(id)")
            }
            let study = try logged { () throws(RunLogError) in try store.study(entry.run.studyID) }
            return runFields(entry, study)
        }
        return changes(fields[0], fields[1], names: ("run \(a)", "run \(b)"))
    }

    static func shown(_ cell: StoredCell) -> String {
        switch cell {
        case .number(let x): Value.number(x).repr
        case .text(let s): s
        }
    }

    /// What a run is: its study's provenance, seed, grid, settings, status and recorded values.
    static func runFields(_ entry: RunEntry, _ study: StudyRecord?) -> [(String, String)] {
        var fields: [(String, String)] = [("study", String(entry.run.studyID)), ("status", entry.run.status.rawValue),
                                          ("message", entry.run.message ?? ""), ("seed", String(entry.run.seed))]
        if let study {
            fields += [("script", study.scriptName), ("script hash", study.scriptHash), ("sps version", study.spsVersion),
                       ("command", study.command)]
            fields += study.params.map { ("param \($0.name)", shown($0.value)) }
        }
        fields += entry.grid.map { ("grid \($0.name)", shown($0.value)) }
        fields += entry.recorded.map { ("recorded \($0.name)", shown($0.value)) }
        if let history = entry.run.history { fields.append(("epochs", String(history.rowCount))) }
        return fields
    }

    /// What a study is: provenance, seeds, grid, settings, status, and the mean of each recorded number.
    static func studyFields(_ study: StudyRecord, _ entries: [RunEntry]) -> [(String, String)] {
        var fields: [(String, String)] = [("status", study.status.rawValue), ("script", study.scriptName),
                                          ("script hash", study.scriptHash), ("sps version", study.spsVersion),
                                          ("command", study.command), ("command line", study.commandLine),
                                          ("runs", String(study.runCount)),
                                          ("seeds", study.seeds.count > 8 ? "\(study.seeds.count) seeds from \(study.seeds[0])" : study.seeds.map(String.init).joined(separator: ", "))]
        fields += study.params.map { ("param \($0.name)", shown($0.value)) }
        fields += study.grid.map { ("grid \($0.name)", $0.values.joined(separator: ", ")) }
        let finished = entries.filter { $0.run.status == .finished }
        fields.append(("finished", String(finished.count)))
        var names: [String] = []
        for entry in finished { for cell in entry.recorded where !names.contains(cell.name) { names.append(cell.name) } }
        for name in names {
            let values = finished.compactMap { $0.recorded.first { $0.name == name }?.value.number }
            guard !values.isEmpty else { continue }
            fields.append(("mean \(name)", Value.number(values.reduce(0, +) / Double(values.count)).repr))
        }
        return fields
    }

    /// The fields whose values differ (a field one side lacks shows as empty there), in order of appearance.
    static func changes(_ a: [(String, String)], _ b: [(String, String)], names: (String, String)) -> Table {
        var order: [String] = []
        for (name, _) in a + b where !order.contains(name) { order.append(name) }
        var field: [String] = [], left: [String] = [], right: [String] = []
        for name in order {
            let x = a.first { $0.0 == name }?.1 ?? "", y = b.first { $0.0 == name }?.1 ?? ""
            guard x != y else { continue }
            field.append(name)
            left.append(x)
            right.append(y)
        }
        return Table([Table.Column("field", strings: field), Table.Column(names.0, strings: left), Table.Column(names.1, strings: right)])
    }

    /// A table as CSV: a header of column names, then one line per row; numbers as sps prints them (NaN empty),
    /// fields with commas, quotes or line breaks quoted.
    static func csv(_ table: Table) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var text = table.columnNames.map(field).joined(separator: ",") + "\n"
        for row in 0..<table.rowCount {
            text += table.columns.indices.map { column in
                switch table.cell(row: row, column: column) {
                case .number(let x): x.isNaN ? "" : Value.number(x).repr
                case .string(let s): field(s)
                }
            }.joined(separator: ",") + "\n"
        }
        return text
    }
}

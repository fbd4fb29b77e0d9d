import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands for studies over seeds and settings: `repeat`, `record`, `summary`.
enum StudyCommands {
    static func all() -> [Command] { [summary] }

    static let summary = Command(
        "summary", topic: "studies", summary: "mean, std, min, median and max of every numeric column of a table",
        example: "summary study",
        parameters: [.positional("table", .object("Table"), "a table, e.g. from repeat")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let table = (try args.value("table").object as? TableObject)?.table else { throw RuntimeError("summary needs a table") }
        var names: [String] = [], stats: [[Double]] = Array(repeating: [], count: 5)
        for column in table.columns {
            guard case .numbers(let values) = column.values, column.name != "seed" else { continue }
            let s = Summary(values)
            names.append(column.name)
            for (i, v) in [s.mean, s.std, s.min, s.median, s.max].enumerated() { stats[i].append(v) }
        }
        return .table(Table([Table.Column("column", strings: names)] + zip(["mean", "std", "min", "median", "max"], stats).map { Table.Column($0, numbers: $1) }))
    }
}

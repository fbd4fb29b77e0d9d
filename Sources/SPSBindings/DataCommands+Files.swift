import SPSLanguage
import SPSNumeric
import SPSTraining

/// Reading data from files: `csv`. (Writing is `save d "file.csv"`.)
extension DataCommands {
    static let files: [Command] = [csv]

    /// `csv "file" target=y [env=col]`: a dataset from a CSV file.
    static let csv = Command(
        "csv", topic: "files", summary: "read a CSV file (header row, numbers) into a dataset",
        help: """
        The first row names the columns; every other field must be a number (`nan` and `inf` are accepted). Quoted
        fields and blank lines are fine. `target=` names the target column (default: the last one); every other column
        is a feature, except the `env=` column, whose values tag rows with their environment (as `concat` does).
        A row with the wrong number of fields or a non-number is an error naming the file and line.
        `save d "file.csv"` writes a dataset that reads back the same way.
        """,
        example: "d = csv \"data.csv\" target=y\nd = csv \"both.csv\" target=y env=env",
        parameters: [.positional("path", .string, "the file to read"),
                     .keyword("target", .columnName, optional: true, "the target column (default: the last column)"),
                     .keyword("env", .columnName, optional: true, "a column of environment tags (integers), not a feature")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let path = try args.string("path")
        var target: String?
        if let value = args["target"], !value.isNil { target = try args.string("target") }
        var environment: String?
        if let value = args["env"], !value.isNil { environment = try args.string("env") }
        // Read with the last column as the target first, so that a misspelled target or env column gets a
        // "did you mean" against the real header.
        // Ctrl-C stops the reading between pieces of the file, and ends the command as interrupted.
        let interrupt = args.interpreter.interrupt
        let whole: Dataset
        do throws(RuntimeError) {
            whole = try converting { try CSVFile.read(path: path, target: nil, environmentColumn: environment,
                                                      shouldStop: { interrupt.isRequested }) }
        } catch {
            throw interrupt.isRequested ? .interrupted(at: nil) : error
        }
        let header = whole.columnNames
        if let environment {
            guard whole.environment != nil else {
                throw RuntimeError("csv: '\(path)' has no column named '\(environment)' for env=; the columns are \(header.joined(separator: ", "))\(Suggestions.hint(for: environment, in: header))")
            }
            if environment == whole.targetName && target == nil {
                throw RuntimeError("csv: the env column '\(environment)' is the last column, which is the default target; name the target with target=")
            }
        }
        let envIsTarget = environment != nil && environment == whole.targetName
        guard let target, target != whole.targetName else { return .dataset(whole) }
        let candidates = header.filter { $0 != environment }
        guard candidates.contains(target) else {
            throw RuntimeError("csv: '\(path)' has no column named '\(target)' for the target; the columns are \(header.joined(separator: ", "))\(Suggestions.hint(for: target, in: candidates))")
        }
        return .dataset(try retarget(whole, to: target, dropping: envIsTarget ? whole.targetName : nil))
    }

    /// The same data with another column as the target; the old target becomes the last feature (unless dropped).
    static func retarget(_ data: Dataset, to target: String, dropping dropped: String? = nil) throws(RuntimeError) -> Dataset {
        let newTarget = try converting { try data.column(named: target) }
        let names = data.columnNames.filter { $0 != target && $0 != dropped }
        // Each new feature's place among the old features (nil: the old target), found through one index so that
        // a file of 200,000 columns is not searched once per column.
        var place: [String: Int] = [:]
        for (j, name) in data.featureNames.enumerated() where place[name] == nil { place[name] = j }
        let sources = names.map { $0 == data.targetName ? nil : place[$0] }
        let width = names.count, rows = data.count, oldWidth = data.width
        let old = data.features.storage, oldTarget = data.target.storage
        var storage = [Float](repeating: 0, count: rows * width)
        for i in 0..<rows {
            for (j, source) in sources.enumerated() {
                storage[i * width + j] = source.map { old[i * oldWidth + $0] } ?? oldTarget[i]
            }
        }
        return try converting {
            try Dataset(features: Tensor(shape: [rows, width], storage: storage), target: newTarget,
                        featureNames: names, targetName: target, environment: data.environment)
        }
    }
}

import SPSLanguage
import SPSNumeric
import SPSTraining

/// Making datasets from tensors and changing their columns: `dataset`, `assign`, `drop`, `rename`, and `d.name = …`.
/// Every one makes a new dataset (datasets never change once made) and keeps the environment tags.
extension DataCommands {
    static let columns: [Command] = [dataset, assign, drop, rename]

    /// `dataset X y names=[…] target=y env=…`: a dataset from tensors.
    static let dataset = Command(
        "dataset", topic: "data", summary: "a dataset from a feature matrix X and a target vector y, with column names",
        help: """
        X is n×d (a vector is one column), y has n values. names= names the d features (x1, x2, … by default) and
        target= the target (y by default); env= tags each row with an environment (whole numbers, as `concat` makes).
        `d.X` and `d.Y` give the two back as tensors.
        """,
        example: "d = dataset (randn 100 2) (randn 100) names=[a, b]\nd2 = dataset d.X d.Y env=d.env",
        parameters: [.positional("X", .any, "the features: an n×d matrix (or an n-vector)"),
                     .positional("y", .any, "the target: n values"),
                     .keyword("names", .columnNames, optional: true, "the feature names (x1, x2, … by default)"),
                     .keyword("target", .columnName, default: .string("y"), "the target's name"),
                     .keyword("env", .any, optional: true, "an environment tag per row (whole numbers)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        var x = try args.tensor("X")
        if x.rank == 1 { x = try converting { try x.reshaped([x.count, 1]) } }
        guard x.rank == 2 else {
            throw RuntimeError("X must be an n×d matrix (or a vector), got shape \(Tensor.format(shape: x.shape))", at: args.location(of: "X"))
        }
        let y = try args.tensor("y")
        guard y.count == x.shape[0], y.rank <= 1 || y.shape.filter({ $0 != 1 }).count <= 1 else {
            throw RuntimeError("y must have one value per row of X: X is \(Tensor.format(shape: x.shape)), y is \(Tensor.format(shape: y.shape))", at: args.location(of: "y"))
        }
        let given = args["names"].map { !$0.isNil } ?? false
        let names = given ? try args.names("names") : (0..<x.shape[1]).map { "x\($0 + 1)" }
        guard names.count == x.shape[1] else {
            throw RuntimeError("names= gives \(names.count) names for the \(x.shape[1]) columns of X (shape \(Tensor.format(shape: x.shape)))", at: args.location(of: "names"))
        }
        let targetName = try args.string("target")
        let all = names + [targetName]
        for (k, name) in all.enumerated() {
            do throws(DataError) { try Dataset.checkName(name) } catch { throw RuntimeError(error, at: args.location(of: k < names.count ? "names" : "target")) }
            if all[..<k].contains(name) {
                throw RuntimeError("the column name '\(name)' is given twice", at: args.location(of: k < names.count ? "names" : "target"))
            }
        }
        var environment: [Int]?
        if let env = args["env"], !env.isNil {
            environment = try environmentTags(env, rows: x.shape[0], at: args.location(of: "env"))
        }
        return .dataset(try converting {
            try Dataset(features: x, target: Tensor(y.storage), featureNames: names, targetName: targetName, environment: environment)
        })
    }

    /// `assign d name=values …`: columns added or replaced.
    static let assign = Command(
        "assign", topic: "data", summary: "a dataset with columns added or replaced: assign d ratio=(d.x1 / d.x2)",
        help: """
        Each name=value sets a column: a new name is added as the last feature, an existing feature or the target is
        replaced. A value is a tensor or list with one number per row, or one number for every row. The values are
        computed before any is set, so they all see the original d (as pandas' `assign`). `d.ratio = …` does the
        same for one column and rebinds d.
        """,
        example: "d2 = assign d ratio=(d.x1 / d.x2) noise=(randn d.n)",
        parameters: [.positional("data", .object("Dataset"), "the dataset")],
        acceptsExtraKeywords: true
    ) { (args: inout Arguments) throws(RuntimeError) in
        var data = try args.dataset("data")
        guard !args.extraKeywords.isEmpty else {
            throw RuntimeError("assign needs at least one name=value, e.g. assign d ratio=(d.x1 / d.x2)", at: args.location)
        }
        for (name, value) in args.extraKeywords {
            data = try data.setting(name, to: value)
        }
        return .dataset(data)
    }

    /// `drop d [x3]`: feature columns removed.
    static let drop = Command(
        "drop", topic: "data", summary: "a dataset without the named feature columns (the target stays)",
        help: "The target and the environment tags are kept; `select` picks the features to keep instead.",
        example: "d2 = drop d [x3]",
        parameters: [.positional("data", .object("Dataset"), "the dataset"),
                     .positional("columns", .columnNames, "the feature columns to remove")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let data = try args.dataset("data")
        let names = try args.names("columns")
        do throws(DataError) { return .dataset(try data.dropping(names)) } catch {
            throw RuntimeError("drop: \(error.message)", at: args.location(of: "columns"))
        }
    }

    /// `rename d {x3: z}`: columns renamed.
    static let rename = Command(
        "rename", topic: "data", summary: "a dataset with columns renamed: rename d {x3: \"z\", y: \"target\"}",
        help: "A record maps each old name to its new name, a string; the target may be renamed too. Values and environment tags are unchanged.",
        example: "d2 = rename d {x3: \"spurious\"}",
        parameters: [.positional("data", .object("Dataset"), "the dataset"),
                     .positional("names", .record, "old name: new name, for each column to rename")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let data = try args.dataset("data")
        guard case .record(let mapping) = try args.value("names") else { return .nil }
        var pairs: [(old: String, new: String)] = []
        for (old, value) in zip(mapping.keys, mapping.values) {
            guard let new = value.string else {
                throw RuntimeError("rename: the new name for '\(old)' must be a string, got \(value.described); write {\(old): \"name\"}", at: args.location(of: "names"))
            }
            pairs.append((old, new))
        }
        do throws(DataError) { return .dataset(try data.renaming(pairs)) } catch {
            throw RuntimeError("rename: \(error.message)", at: args.location(of: "names"))
        }
    }

    /// Environment tags from a tensor or list: whole numbers from 0 to `Dataset.maxEnvironmentTag`, one per row.
    static func environmentTags(_ value: Value, rows: Int, at location: SourceLocation?) throws(RuntimeError) -> [Int] {
        let t: Tensor
        do throws(RuntimeError) { t = try Interpreter.toTensor(value, what: "env=") } catch {
            var located = error
            if located.location == nil { located.location = location }
            throw located
        }
        guard t.count == rows else {
            throw RuntimeError("env= needs one tag per row (\(rows)), got \(t.count)", at: location)
        }
        var tags: [Int] = []
        tags.reserveCapacity(rows)
        for x in t.storage {
            guard x.isFinite, x == x.rounded(), x >= 0, Double(x) <= Double(Dataset.maxEnvironmentTag) else {
                throw RuntimeError("environment tags are whole numbers from 0 to \(Dataset.maxEnvironmentTag), got \(Value.format(Double(x)))", at: location)
            }
            tags.append(Int(x))
        }
        return tags
    }
}

extension Dataset {
    /// The dataset with a column set from a language value: a tensor or list with one number per row, or a number
    /// for every row; `env` sets the environment tags (nil removes them).
    func setting(_ name: String, to value: Value) throws(RuntimeError) -> Dataset {
        if name == "env" {
            var copy = self
            copy.environment = value.isNil ? nil : try DataCommands.environmentTags(value, rows: count, at: nil)
            return copy
        }
        let column: Tensor
        if let n = value.number {
            column = Tensor(Array(repeating: Float(n), count: count))
        } else {
            column = try Interpreter.toTensor(value, what: "column '\(name)'")
        }
        do throws(DataError) { return try settingColumn(name, to: column) } catch { throw RuntimeError(error) }
    }
}

extension DatasetObject: MemberReplacing {
    /// `d.name = values` makes a new dataset with that column set (added, or replaced) and rebinds `d` to it;
    /// `d.env = tags` sets the environments.
    package func replacingMember(_ name: String, with value: Value, in interpreter: Interpreter) throws(RuntimeError) -> (any NativeObject)? {
        if ["n", "features", "target", "columns", "X", "Y"].contains(name) { return nil }
        return DatasetObject(try data.setting(name, to: value))
    }
}

import SPSLanguage
import SPSNumeric
import SPSTraining

/// Looking at and reshaping datasets: `head`, `select`, `concat`, `split`, `shuffle`, `standardize`, `describe`, `corr`.
extension DataCommands {
    static let tables: [Command] = [head, select, concat, split, shuffle, standardize, describe, corr, longer]

    /// `head d [n]`: the first rows.
    static let head = Command(
        "head", topic: "data", summary: "the first n rows of a dataset (or table), 5 by default",
        help: "Returns a dataset with the first n rows (all of them when there are fewer), so it prints as a table and can be used like any dataset. `d[0..<n]` is the same.",
        example: "head train\nhead train 10",
        parameters: [.positional("data", .oneOf([.object("Dataset"), .object("Table")]), "a dataset or a table"),
                     .positional("n", .integer, default: .number(5), unit: "rows", "how many rows")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let n = try args.integer("n")
        guard n >= 0 else { throw RuntimeError("head: n must be >= 0, got \(n)") }
        if let table = (args["data"]?.object as? TableObject)?.table {
            return .table(table.rows(0..<min(n, table.rowCount)))
        }
        return .dataset(try args.dataset("data").head(n))
    }

    /// `longer t [stubs] name=…`: a table from wide to long form.
    static let longer = Command(
        "longer", topic: "studies", summary: "a table from wide to long form: columns val_100, val_200 become rows with step 100 and 200 and a column val",
        help: """
        pandas' wide_to_long: for each row of the table, a row per suffix of the stub columns (named stub, sep, then
        the suffix), with the suffix in a new column (name=, default step) and each stub's value in a column named for
        the stub; the other columns are repeated. By default only suffixes that are numbers count (so val_env is not
        a checkpoint of val), and the new column holds numbers; suffix="any" takes any text. A stub without a column
        for some suffix gives NaN there. A study whose runs record their checkpoints as columns (`record
        val_100=… test_100=…`) becomes a row per checkpoint this way, for `selection … checkpoint=step`.
        """,
        example: "long = longer study [val, test] name=step\nselection long by=[seed] checkpoint=step",
        parameters: [.positional("table", .object("Table"), "the table (e.g. a study's)"),
                     .positional("stubs", .columnNames, "the stubs: val for the columns val_100, val_200, …"),
                     .keyword("name", .columnName, default: .string("step"), "the new column of suffixes"),
                     .keyword("sep", .string, default: .string("_"), "what separates a stub from its suffix"),
                     .keyword("suffix", .columnName, default: .string("number"), "number: only numeric suffixes; any: any text").choices(["number", "any"])]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let table = (try args.value("table").object as? TableObject)?.table else { throw RuntimeError("longer needs a table") }
        let stubs = try args.names("stubs")
        guard !stubs.isEmpty else { throw RuntimeError("longer needs at least one stub: longer t [val, test]", at: args.location(of: "stubs")) }
        let separator = try args.string("sep")
        let numeric: Bool
        switch try args.string("suffix") {
        case "number": numeric = true
        case "any": numeric = false
        case let other: throw RuntimeError("suffix is number or any, got '\(other)'\(Suggestions.hint(for: other, in: ["number", "any"]))", at: args.location(of: "suffix"))
        }
        return .table(try converting { try table.longer(stubs: stubs, separator: separator, name: try args.string("name"), numericSuffixes: numeric) })
    }

    /// `select d [cols]`: some feature columns, in order.
    static let select = Command(
        "select", topic: "data", summary: "a dataset with only the named feature columns, in that order (the target stays)",
        help: "Picks and orders features, e.g. to train without the spurious x3. The target and environment tags are kept.",
        example: "causal = select train [x1, x2]",
        parameters: [.positional("data", .object("Dataset"), "the dataset"),
                     .positional("columns", .columnNames, "the feature columns to keep, in order")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let data = try args.dataset("data")
        let names = try args.names("columns")
        guard !names.isEmpty else { throw RuntimeError("select needs at least one feature column; the features are \(data.featureNames.joined(separator: ", "))") }
        for (i, name) in names.enumerated() {
            if name == data.targetName {
                throw RuntimeError("select: '\(name)' is the target, which is always kept; select picks features (\(data.featureNames.joined(separator: ", ")))")
            }
            try checkFeature(name, in: data, command: "select")
            if names[..<i].contains(name) { throw RuntimeError("select: the column '\(name)' is listed twice") }
        }
        return .dataset(try converting { try data.select(names) })
    }

    /// `concat a b …`: rows of several datasets, tagged by environment; or tensors joined along an axis.
    static let concat = Command(
        "concat", topic: "data", summary: "datasets one after another (each tagged as its own environment), or tensors joined along an axis",
        help: """
        Datasets: they must have the same columns. Rows are tagged with an environment: 0 for the first set, 1 for the
        second, … (sets that are already tagged keep their environments, offset so they stay distinct). `d.env`
        gives the tags; `plot scatter d x=x3 y=y by=env` colours them. A single list of datasets works too.
        Tensors: joined end to end along axis= (0 by default; numpy's concatenate): `concat a b axis=1` puts two
        matrices side by side. All other sizes must agree. `hstack` also takes vectors as columns.
        """,
        example: "both = concat train ood\nboth.env\nconcat (tensor [1, 2]) (tensor [3])",
        parameters: [.variadic("sets", .any, "the datasets or tensors (or one list of them)"),
                     .keyword("axis", .integer, optional: true, "tensors: the axis to join along (0 by default; negative from the end)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        var values = args.rest("sets")
        if values.count == 1, case .list(let inner) = values[0], inner.contains(where: { $0.dataset != nil || $0.tensor != nil }) { values = inner.values }
        guard !values.isEmpty else { throw RuntimeError("concat needs at least one dataset or tensor: concat a b …") }
        if values[0].dataset == nil { return try concatTensors(args, values) }
        if args["axis"].map({ !$0.isNil }) ?? false {
            throw RuntimeError("axis= joins tensors; datasets are always joined by rows", at: args.location(of: "axis"))
        }
        var sets: [Dataset] = []
        for (i, value) in values.enumerated() {
            guard let data = value.dataset else {
                throw RuntimeError("concat: argument \(i + 1) is a \(value.typeName), not a dataset like argument 1", at: args.location(ofVariadic: i))
            }
            sets.append(data)
        }
        let rows = sets.reduce(0) { $0.addingReportingOverflow($1.count).overflow ? Int.max : $0 + $1.count }
        try Limits.checkDataset(rows: rows, width: sets.map(\.width).max() ?? 0, "concat of \(sets.count) datasets")
        return .dataset(try converting { try Dataset.concat(sets) })
    }

    /// `concat a b axis=k` for tensors (and lists of numbers).
    static func concatTensors(_ args: Arguments, _ values: [Value]) throws(RuntimeError) -> Value {
        var parts: [Tensor] = []
        for (i, value) in values.enumerated() {
            guard value.tensor != nil || value.elements != nil || value.number != nil else {
                throw RuntimeError("concat: argument \(i + 1) is a \(value.typeName), not a tensor like argument 1", at: args.location(ofVariadic: i))
            }
            do throws(RuntimeError) { parts.append(try Interpreter.toTensor(value, what: "concat: argument \(i + 1)")) } catch {
                var located = error
                if located.location == nil { located.location = args.location(ofVariadic: i) }
                throw located
            }
        }
        let axis = try args.optionalInteger("axis") ?? 0
        _ = try Limits.checkTensor([parts.reduce(0) { $0 &+ $1.count }], "concat of \(parts.count) tensors")
        do throws(TensorError) { return .tensor(try Tensor.concatenate(parts, axis: axis)) } catch {
            // Point at the first tensor that does not fit with the first one (or at axis= when none does).
            let culprit = (1..<parts.count).first { (try? Tensor.concatenate([parts[0], parts[$0]], axis: axis)) == nil }
            throw RuntimeError("concat: \(error.message)", at: culprit.flatMap { args.location(ofVariadic: $0) } ?? args.location(of: "axis") ?? args.location)
        }
    }

    /// `split d 0.8`: a random split into two parts.
    static let split = Command(
        "split", topic: "data", summary: "a random split of a dataset into [first, rest] with the given fraction of rows first",
        help: """
        Returns a list of two datasets: `fraction` of the rows (rounded) in random order, then the others. The order is
        drawn from the session's split stream, so `seed` reproduces it. Both parts must be non-empty.
        """,
        example: "parts = split data 0.8\ntrain = parts[0]\ntest = parts[1]",
        parameters: [.positional("data", .object("Dataset"), "the dataset"),
                     .positional("fraction", .number, "the share of rows in the first part, strictly between 0 and 1")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let data = try args.dataset("data")
        let fraction = try args.number("fraction")
        guard fraction > 0 && fraction < 1 else {
            throw RuntimeError("split: the fraction must be strictly between 0 and 1 (e.g. 0.8), got \(formatNumber(fraction))")
        }
        let cut = Int((Double(data.count) * fraction).rounded())
        guard cut > 0 && cut < data.count else {
            throw RuntimeError("split: \(formatNumber(fraction)) of \(data.count) rows leaves \(cut == 0 ? "the first" : "the second") part empty")
        }
        var rng = args.interpreter.nextStream(.split)
        let (first, rest) = try converting { try data.split(fraction: fraction, rng: &rng) }
        return .list([.dataset(first), .dataset(rest)])
    }

    /// `shuffle d [cols=[…]]`: the rows in a random order, or some columns jointly.
    static let shuffle = Command(
        "shuffle", topic: "data", summary: "the rows of a dataset in a random order, or chosen columns shuffled jointly",
        help: """
        Draws the order from the session's split stream (not the one training loops use for batches), so `seed` reproduces
        it and shuffling does not change later training. With cols=[x1, x2] only those columns are reordered, all by one
        permutation: their joint distribution is kept while their link to the other columns (and the target) is
        broken. The environment tags stay with their rows.
        """,
        example: "mixed = shuffle (concat train ood)\nbroken = shuffle d cols=[x1, x2]",
        parameters: [.positional("data", .object("Dataset"), "the dataset"),
                     .keyword("cols", .columnNames, optional: true, "shuffle only these columns, jointly (one permutation)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let data = try args.dataset("data")
        var rng = args.interpreter.nextStream(.split)
        guard let cols = args["cols"], !cols.isNil else { return .dataset(data.shuffled(rng: &rng)) }
        let names = try args.names("cols")
        do throws(DataError) { return .dataset(try data.shufflingColumns(names, rng: &rng)) } catch {
            throw RuntimeError("shuffle: \(error.message)\(Suggestions.hint(for: names.first { !data.columnNames.contains($0) } ?? "", in: data.columnNames))", at: args.location(of: "cols"))
        }
    }

    /// `standardize d [others…] [using=ref]`: features shifted to mean 0 and scaled to std 1.
    static let standardize = Command(
        "standardize", topic: "data", summary: "features scaled to mean 0 and std 1, with statistics measured on one set and applied to others",
        help: """
        `standardize d` uses d's own feature means and standard deviations. `standardize ood using=train` applies
        train's statistics to ood — what a model trained on standardized train data needs. `standardize train iid ood`
        returns a list of all three, each standardized with the first set's statistics. The target is never changed;
        a constant feature is only shifted.
        """,
        example: "t = standardize train\no = standardize ood using=train\nboth = standardize train ood",
        parameters: [.positional("data", .object("Dataset"), "the dataset to standardize (and, without using=, to measure)"),
                     .variadic("others", .any, "more datasets standardized with the same statistics (the result is then a list)"),
                     .keyword("using", .object("Dataset"), optional: true, "measure the statistics on this dataset instead")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let data = try args.dataset("data")
        var others: [Dataset] = []
        for (i, value) in args.rest("others").enumerated() {
            guard let other = value.dataset else { throw RuntimeError("standardize: argument \(i + 2) is a \(value.typeName), not a dataset") }
            others.append(other)
        }
        var reference = data
        if let value = args["using"], !value.isNil { reference = try args.dataset("using") }
        let statistics = Standardization(measuring: reference)
        let results = try converting { try ([data] + others).map { try statistics.apply(to: $0) } }
        return others.isEmpty ? .dataset(results[0]) : .list(results.map { .dataset($0) })
    }

    /// `describe d`: per-column statistics.
    static let describe = Command(
        "describe", topic: "data", summary: "count, mean, std, min, quartiles, max and correlation with the target, per column",
        help: "A table with one row per column (features, then the target). std is the sample standard deviation; quartiles interpolate linearly as numpy does; NaN values are skipped.",
        example: "describe train",
        parameters: [.positional("data", .object("Dataset"), "the dataset")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        .table(try args.dataset("data").describe().atFloat32Precision)
    }

    /// `corr d`: the correlation matrix.
    static let corr = Command(
        "corr", topic: "data", summary: "the Pearson correlation matrix of every column (features and target)",
        help: "A table with a `column` label column and one column per dataset column; `(corr d).y` is every column's correlation with y. A constant column has NaN correlations.",
        example: "corr train\n(corr train).y",
        parameters: [.positional("data", .object("Dataset"), "the dataset")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        .table(try args.dataset("data").correlations().atFloat32Precision)
    }

    // MARK: - Helpers

    /// Checks that `name` is a feature of `data`, with a "did you mean" when it is not.
    static func checkFeature(_ name: String, in data: Dataset, command: String) throws(RuntimeError) {
        guard !data.featureNames.contains(name) else { return }
        throw RuntimeError("\(command): no feature named '\(name)'; the features are \(data.featureNames.joined(separator: ", "))\(Suggestions.hint(for: name, in: data.columnNames))")
    }
}

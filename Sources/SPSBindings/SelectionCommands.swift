import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands for hyperparameter search and model selection over studies (`report`, which can draw, is the shell's).
enum SelectionCommands {
    static func all() -> [Command] { [draws, selection] }

    // MARK: - Random search

    /// One declared hyperparameter: how its random draws are made.
    enum Declared {
        case constant(Value)
        case distribution(Distribution)
        case choice([Value])

        /// Draw `index` (from 1) of the hyperparameter `name`: a stream of its own per name and draw, so a draw does
        /// not depend on the other names, their order, or how many draws are made.
        func draw(_ name: String, index: Int, seed: Int) -> Value {
            var rng = RandomStream(seed: UInt64(bitPattern: Int64(seed)), key: "draws." + name, index: UInt64(index))
            switch self {
            case .constant(let value): return value
            case .distribution(let d): return .number(d.sample(&rng))
            case .choice(let values): return values[rng.nextInt(below: values.count)]
            }
        }
    }

    static let draws = Command(
        "draws", topic: "studies", summary: "a seeded random hyperparameter search: the default setting, then n random draws (a list of records)",
        help: """
        The record declares each hyperparameter: a distribution (`loguniform 1e-4 1e-2`, `uniform 0 1`, `choice [0.1,
        0.5]`, `normal 0 1`) or a list (one of its values, each as likely, strings too) is drawn; a number or a string is
        the same in every draw. The result is a list of n + 1 records: item 0 is the default setting (from default=,
        which gives every drawn hyperparameter its value), items 1…n the random draws, as DomainBed's
        hparams_registry (hparams_seed 0 is the default). Each hyperparameter's draw k comes from a stream of its own
        made from seed, its name and k, so the same call gives the same list, a draw does not change when n grows or
        another hyperparameter is added, and every run of a study that calls it sees the same settings. Index it with
        a grid of draw numbers: `repeat seeds=0..4 draw=0..20 { h = hps[draw] … }`, so the study's table has a column
        draw for `selection`.
        """,
        example: "hps = draws {lr: loguniform 1e-4 1e-2, anneal: [0, 100, 500]} default={lr: 1e-3, anneal: 100} n=20\nhps[0].lr",
        parameters: [.positional("declared", .record, "each hyperparameter's distribution, list of choices, or fixed value"),
                     .keyword("default", .record, optional: true, "the default setting (draw 0); needed for every drawn hyperparameter"),
                     .keyword("n", .integer, default: .number(20), "the number of random draws"),
                     .keyword("seed", .integer, default: .number(0), "the seed of the draws")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard case .record(let spec) = try args.value("declared") else { throw RuntimeError("draws needs a record of hyperparameters") }
        let n = try args.integer("n"), seed = try args.integer("seed")
        guard n >= 0, n <= 100_000 else { throw RuntimeError("n must be between 0 and 100000, got \(n)", at: args.location(of: "n")) }
        var declared: [(String, Declared)] = []
        for (name, value) in spec.fields {
            switch value {
            case .number, .string, .bool: declared.append((name, .constant(value)))
            case .list(let options):
                guard !options.isEmpty else { throw RuntimeError("draws: \(name) has no values to choose from", at: args.location(of: "declared")) }
                declared.append((name, .choice(options.values)))
            case .native(let object as DistributionObject):
                if case .constant(let x) = object.distribution { declared.append((name, .constant(.number(x)))) } else { declared.append((name, .distribution(object.distribution))) }
            default:
                throw RuntimeError("draws: \(name) must be a distribution (loguniform 1e-4 1e-2), a list of choices, a number or a string, got \(value.typeName)", at: args.location(of: "declared"))
            }
        }
        var defaults = Record()
        if case .record(let given)? = args["default"] { defaults = given }
        for name in defaults.keys where spec[name] == nil {
            throw RuntimeError("draws: default= gives \(name), which is not among the hyperparameters (\(spec.keys.joined(separator: ", ")))\(Suggestions.hint(for: name, in: spec.keys))", at: args.location(of: "default"))
        }
        var first: [(String, Value)] = []
        for (name, d) in declared {
            if let value = defaults[name] {
                first.append((name, value))
            } else if case .constant(let value) = d {
                first.append((name, value))
            } else {
                throw RuntimeError("draws: \(name) is drawn at random but has no default; give default={\(name): …} (draw 0 is the default setting)", at: args.location(of: args["default"] == nil ? "declared" : "default"))
            }
        }
        var result: [Value] = [.record(Record(first))]
        if n > 0 {
            for k in 1...n {
                result.append(.record(Record(declared.map { ($0.0, $0.1.draw($0.0, index: k, seed: seed)) })))
            }
        }
        return .list(result)
    }

    // MARK: - Model selection

    static let selection = Command(
        "selection", topic: "studies", summary: "model selection over a study: per trial, the hyperparameter setting each method picks, and its test metric",
        help: """
        DomainBed's three methods, applied to a study's table (a row per run; `draws` and a grid of draw numbers make
        one). Runs are grouped by the columns in by= (a trial: the data seed, and e.g. algorithm, dataset and test
        environment); in each group every method picks one setting (the column hparams=, default draw) and reports
        its test metric. training (training-domain validation) picks the best `val`, the metric on data held out
        from the training environments. oracle (test-domain validation) picks the best `oracle`, the metric on
        held-out data of the test environment. loo (leave-one-environment-out) uses runs whose `val_env` is an
        environment tag: they were trained without it too, and record as `val` their metric on it; a setting's score
        is the mean over the environments left out, and its test metric comes from its run with val_env = -1. Runs
        leaving out the test environment (`val_env` equal to `test_env`) are ignored; a setting missing an
        environment is not a candidate.

        best="min" picks the smallest value (errors), best="max" the largest (accuracy). Ties go to the setting that
        comes first; NaN never wins. By default the methods are those whose columns the table has. The result has a
        row per method and group: method, the by= columns, the setting, val (its selection score) and test — what
        `report` summarizes. Only runs without a left-out environment count for training and oracle; two such runs of
        one setting in a group are an error (a grid column is missing from by=), unless pool=true: then a setting's
        score is the mean over its runs in the group (InvarianceUnitTests picks a setting by its validation error
        averaged over data seeds), and the result lists every run of the chosen setting, with its seed and test.

        checkpoint="step": a run records a row per checkpoint (`record` once per evaluation, with its step), and each
        method also picks a checkpoint per run, as DomainBed's run_acc: training the checkpoint with the best val,
        oracle the last checkpoint (no early stopping), loo the step whose mean over the left-out environments is
        best. The result gains the column step: the checkpoint chosen. With pool=true, a setting's runs are told
        apart by their seed.
        """,
        example: "sel = selection study by=[algorithm, seed] best=\"min\"\nreport sel rows=algorithm",
        parameters: [.positional("table", .object("Table"), "a study's table: a row per run"),
                     .keyword("by", .columnNames, optional: true, "the columns of a trial (default: seed)"),
                     .keyword("method", .columnNames, optional: true, "training, loo, oracle, or a list (default: those the columns allow)").choices(SelectionMethod.allCases.map(\.rawValue)),
                     .keyword("best", .columnName, default: .string("min"), "min (errors) or max (accuracy)").choices(["min", "max"]),
                     .keyword("pool", .bool, default: .bool(false), "average a setting's runs in a group (over data seeds)"),
                     .keyword("hparams", .columnName, default: .string("draw"), "the column of the hyperparameter setting"),
                     .keyword("checkpoint", .columnName, optional: true, "the column numbering a run's checkpoints (e.g. step), when a run records a row per checkpoint"),
                     .keyword("val", .columnName, default: .string("val"), "the validation metric column"),
                     .keyword("test", .columnName, default: .string("test"), "the test metric column"),
                     .keyword("oracle", .columnName, default: .string("oracle"), "the test-domain validation metric column"),
                     .keyword("val_env", .columnName, default: .string("val_env"), "the column of the environment a run left out (leave-one-out)"),
                     .keyword("test_env", .columnName, default: .string("test_env"), "the column of the test environment (leave-one-out)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let table = (try args.value("table").object as? TableObject)?.table else { throw RuntimeError("selection needs a table") }
        let by = args["by"] == nil ? (table.column("seed") == nil ? [] : ["seed"]) : try args.names("by")
        var selection = ModelSelection(groupBy: by)
        selection.hyperparameters = try args.string("hparams")
        selection.validation = try args.string("val")
        selection.test = try args.string("test")
        selection.oracle = try args.string("oracle")
        selection.validationEnvironment = try args.string("val_env")
        selection.testEnvironment = try args.string("test_env")
        selection.pool = try args.bool("pool")
        if let given = args["checkpoint"], !given.isNil { selection.checkpoint = try args.string("checkpoint") }
        switch try args.string("best") {
        case "min": selection.higherIsBetter = false
        case "max": selection.higherIsBetter = true
        case let other: throw RuntimeError("best is min (errors) or max (accuracy), got '\(other)'", at: args.location(of: "best"))
        }
        var methods: [SelectionMethod] = []
        if args["method"] != nil {
            for name in try args.names("method") {
                guard let method = SelectionMethod(rawValue: name) else {
                    throw RuntimeError("unknown selection method '\(name)' (use training, loo or oracle)\(Suggestions.hint(for: name, in: SelectionMethod.allCases.map(\.rawValue)))", at: args.location(of: "method"))
                }
                methods.append(method)
            }
        } else {
            methods = [.training]
            if table.column(selection.validationEnvironment) != nil { methods.append(.loo) }
            if table.column(selection.oracle) != nil { methods.append(.oracle) }
        }
        return .table(try converting { try selection.select(table, methods: methods) })
    }
}

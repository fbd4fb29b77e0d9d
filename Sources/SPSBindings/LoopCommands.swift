import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands that build and advance training loops: `loop`, `step`, `run`, `fit`. (`epoch` and `until`, which are
/// written with `run`, are in the prelude, `stdlib/prelude.sps`.)
enum LoopCommands {
    static func all() -> [Command] { [loop, step, run, fit] }

    /// The keywords `loop` and `fit` share.
    static let loopParameters: [SPSLanguage.Parameter] = [
        .positional("model", .object("Model"), "the model to train"),
        .positional("data", .object("Dataset"), "the training data"),
        .keyword("loss", .columnName, default: .string("mse"), "mse, l1 (mae) or huber").choices(["mse", "l1", "mae", "huber"]),
        .keyword("batch", .integer, default: .number(32), unit: "rows", "mini-batch size (the last batch of an epoch may be smaller)"),
        .keyword("optim", .object("Optimizer"), optional: true, "the optimizer (default adam lr=1e-3)"),
        .keyword("sched", .object("Schedule"), optional: true, "a learning-rate schedule, stepped every epoch"),
        .keyword("aug", .object("Augmentation"), optional: true, "an augmentation applied to every training batch"),
        .keyword("eval", .oneOf([.list, .object("Dataset")]), optional: true, "datasets evaluated after every epoch into the history"),
        .keyword("metric", .columnNames, default: .string("rmse"), "metrics for the eval sets").choices(Metric.allCases.map(\.rawValue)),
        .keyword("shuffle", .bool, default: .bool(true), "visit rows in a fresh random order each epoch"),
        .keyword("seed", .integer, optional: true, "seed for batch order and augmentation (default: from the session seed)"),
    ]

    /// Builds a loop object from `loop`/`fit` arguments.
    static func makeLoop(_ args: Arguments) throws(RuntimeError) -> LoopObject {
        let model = try ModelCommands.model(args)
        let data = try args.dataset("data")
        let lossName = try args.string("loss")
        guard let loss = Loss(name: lossName) else {
            throw RuntimeError("unknown loss '\(lossName)' (use mse, l1 or huber)\(Suggestions.hint(for: lossName, in: ["mse", "l1", "mae", "huber"]))")
        }
        let batch = try args.integer("batch")
        guard batch >= 1 else { throw RuntimeError("batch must be an integer >= 1, got \(batch)") }
        let spec = (args["optim"]?.object as? OptimizerObject) ?? OptimizerObject(kind: .adam, learningRate: 1e-3)
        let optimizer = try spec.make(model.layer.parameters)
        let schedule = (args["sched"]?.object as? ScheduleObject)?.schedule
        let augmentation = (args["aug"]?.object as? AugmentationObject)?.augmentation
        var sets: [(String, Dataset)] = []
        if let value = args["eval"], !value.isNil {
            for (index, item) in (value.elements ?? [value]).enumerated() {
                guard let object = item.object as? DatasetObject else { throw RuntimeError("eval: item \(index + 1) is a \(item.typeName), not a dataset") }
                guard object.data.featureNames == data.featureNames else {
                    throw RuntimeError("eval set \(index + 1) has columns \(object.data.featureNames.joined(separator: ", ")) but the training data has \(data.featureNames.joined(separator: ", "))")
                }
                sets.append((args.interpreter.variableName(of: object) ?? "set\(index + 1)", object.data))
            }
        }
        let metrics = try args.metrics("metric")
        if let first = model.linears.first, first.inputSize != data.width {
            throw RuntimeError("the model takes \(first.inputSize) inputs but the data has \(data.width) features (\(data.featureNames.joined(separator: ", ")))")
        }
        let seed: UInt64
        if let value = args["seed"], let n = value.integer { seed = UInt64(bitPattern: Int64(n)) } else { seed = args.interpreter.nextSeed(.shuffle) }
        let loop = try converting {
            try TrainingLoop(model: model.layer, data: data, loss: loss, optimizer: optimizer, schedule: schedule, batchSize: batch,
                             augmentation: augmentation, shuffle: try args.bool("shuffle"), seed: seed)
        }
        return args.interpreter.context.remember(LoopObject(loop: loop, model: model, evaluationSets: sets, metrics: metrics))
    }

    static let loop = Command(
        "loop", topic: "training", summary: "a training loop to advance step by step (step, epoch, run, until)",
        help: """
        Creates a mini-batch training loop without running it. Advance it with `step l`, `epoch l`, `run l epochs=…`
        or `until l { condition }`; inspect `l.epoch`, `l.step`, `l.lr` (settable), `l.loss` and `l.history` between
        commands. Ctrl-C stops at the next batch with the state intact; running again resumes.
        """,
        example: "l = loop m train loss=mse batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) eval=[iid, ood]\nstep l\nrun l epochs=29\nl.history",
        parameters: loopParameters
    ) { (args: inout Arguments) throws(RuntimeError) in
        .native(try makeLoop(args))
    }

    static func loopArgument(_ args: Arguments) throws(RuntimeError) -> LoopObject {
        let value = try args.value("loop")
        guard let loop = value.object as? LoopObject else { throw RuntimeError("argument 'loop' of \(args.command.name) must be a loop (make one with `loop m data …`), got \(value.typeName)") }
        return loop
    }

    static let step = Command(
        "step", topic: "training", summary: "take n optimizer steps (batches) of a loop; returns the last batch loss",
        example: "step l\nstep l 10",
        parameters: [.positional("loop", .object("Loop"), "the loop"), .positional("n", .integer, default: .number(1), unit: "steps", "how many batches")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let l = try loopArgument(args)
        let n = try args.integer("n")
        guard n >= 0 else { throw RuntimeError("n must be >= 0, got \(n)") }
        try l.advance(args.interpreter, steps: n) { (stop: () -> Bool) throws(TrainingError) in
            for _ in 0..<n where !stop() { try l.loop.takeStep() }
        }
        return l.loop.lastLoss.map { .number(Double.shortest($0)) } ?? .nil
    }

    static let run = Command(
        "run", topic: "training", summary: "run a loop for more epochs",
        example: "run l epochs=29",
        parameters: [.positional("loop", .object("Loop"), "the loop"), .keyword("epochs", .integer, default: .number(1), unit: "epochs", "how many more epochs")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let l = try loopArgument(args)
        let n = try args.integer("epochs")
        guard n >= 0 else { throw RuntimeError("epochs must be >= 0, got \(n)") }
        try l.advance(args.interpreter, steps: l.loop.stepsRemaining(epochs: n)) { (stop: () -> Bool) throws(TrainingError) in try l.loop.run(epochs: n, shouldStop: stop) }
        return .nil
    }

    static let fit = Command(
        "fit", topic: "training", summary: "train a model: make a loop and run it for some epochs",
        help: "`fit` is `loop` followed by `run`; it returns the loop, so `h = (fit m train epochs=30).history` works.",
        example: "fit m train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5)",
        parameters: loopParameters + [.keyword("epochs", .integer, default: .number(1), unit: "epochs", "how many epochs")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let l = try makeLoop(args)
        let n = try args.integer("epochs")
        guard n >= 0 else { throw RuntimeError("epochs must be >= 0, got \(n)") }
        do throws(RuntimeError) {
            try l.advance(args.interpreter, steps: l.loop.stepsRemaining(epochs: n)) { (stop: () -> Bool) throws(TrainingError) in try l.loop.run(epochs: n, shouldStop: stop) }
        } catch {
            guard error.isInterrupt else { throw error }
            // Keep the loop: `l = fit …` still binds it, and `run l epochs=…` resumes where Ctrl-C stopped it.
            // The interrupt stays requested, so a script still stops before its next statement.
            args.interpreter.output.write("fit: \(error.message) with `run`\n")
        }
        return .native(l)
    }
}

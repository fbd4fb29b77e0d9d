import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands that build and advance training loops: `loop`, `step`, `run`, `fit`. (`epoch` and `until`, which are
/// written with `run`, are in the prelude, `stdlib/prelude.sps`.)
enum LoopCommands {
    static func all() -> [Command] { [loop, step, run, fit, resetOptimizer] }

    /// The keywords `loop` and `fit` share.
    static let loopParameters: [SPSLanguage.Parameter] = [
        .positional("model", .object("Model"), "the model to train"),
        .positional("data", .object("Dataset"), "the training data"),
        .keyword("loss", .oneOf([.columnName, .callable]), default: .string("mse"), "mse, l1 (mae), huber, or an objective { m b -> … } (a loss)").choices(["mse", "l1", "mae", "huber"]),
        .keyword("per_env", .bool, default: .bool(false), "one batch per environment each step (the objective gets a list)"),
        .keyword("algo", .oneOf([.record, .callable]), optional: true, "an algorithm, e.g. (irm lambda=100), instead of loss= and per_env="),
        .keyword("batch", .integer, default: .number(32), unit: "rows", "mini-batch size (the last batch of an epoch may be smaller)"),
        .keyword("optim", .object("Optimizer"), optional: true, "the optimizer (default adam lr=1e-3)"),
        .keyword("sched", .object("Schedule"), optional: true, "a learning-rate schedule, stepped every epoch"),
        .keyword("aug", .object("Augmentation"), optional: true, "an augmentation applied to every training batch"),
        .keyword("eval", .oneOf([.list, .object("Dataset")]), optional: true, "datasets evaluated after every epoch into the history"),
        .keyword("metric", .columnNames, default: .string("rmse"), "metrics for the eval sets").choices(Metric.allCases.map(\.rawValue)),
        .keyword("shuffle", .bool, default: .bool(true), "visit rows in a fresh random order each epoch"),
        .keyword("seed", .integer, optional: true, "seed for batch order and augmentation (default: the session's)"),
    ]

    /// Builds a loop object from `loop`/`fit` arguments.
    static func makeLoop(_ args: Arguments) throws(RuntimeError) -> LoopObject {
        let model = try ModelCommands.model(args)
        let data = try args.dataset("data")
        let algorithm = try algorithmArgument(args)
        let objective: LoopObjective, perEnvironment: Bool
        if let algorithm {
            objective = algorithm.objective
            perEnvironment = algorithm.perEnvironment
        } else {
            objective = try objectiveArgument(args)
            perEnvironment = try args.bool("per_env")
        }
        if perEnvironment, case .builtin = objective {
            throw RuntimeError("per_env=true gives the objective a batch from every environment, so it needs an objective written in sps: a def of the model and the list of batches (loss=obj)", at: args.location(of: "per_env"))
        }
        var loss = Loss.mse
        if case .builtin(let kind) = objective { loss = kind }
        let batch = try args.integer("batch")
        guard batch >= 1 else { throw RuntimeError("batch must be an integer >= 1, got \(batch)") }
        let spec = (args["optim"]?.object as? OptimizerObject) ?? OptimizerObject(kind: .adam, learningRate: 1e-3)
        let optimizer = try spec.make(model.parameterVariables)
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
        if let first = model.firstLinear, first.inputSize != data.width {
            throw RuntimeError("the model takes \(first.inputSize) inputs but the data has \(data.width) features (\(data.featureNames.joined(separator: ", ")))")
        }
        let seed: UInt64
        if let value = args["seed"], let n = value.integer { seed = UInt64(bitPattern: Int64(n)) } else { seed = args.interpreter.nextSeed(.shuffle) }
        let loop = try converting {
            try TrainingLoop(model: model.layer, data: data, loss: loss, optimizer: optimizer, schedule: schedule, batchSize: batch,
                             augmentation: augmentation, shuffle: try args.bool("shuffle"), seed: seed)
        }
        if perEnvironment {
            do throws(TrainingError) { try loop.drawPerEnvironment() } catch {
                throw RuntimeError(error.message, at: args.location(of: "per_env"))
            }
        }
        model.bind(args.interpreter)
        return args.interpreter.context.remember(LoopObject(loop: loop, model: model, evaluationSets: sets, metrics: metrics, objective: objective,
                                                            perEnvironment: perEnvironment, algorithm: algorithm?.record,
                                                            objectiveLocation: args.location(of: algorithm == nil ? "loss" : "algo"),
                                                            interpreter: args.interpreter))
    }

    /// The `loss=` argument: a built-in loss by name, or an objective (a block, a def, or the name of a def).
    static func objectiveArgument(_ args: Arguments) throws(RuntimeError) -> LoopObjective {
        var function = try args.value("loss")
        if let name = function.string {
            if let loss = Loss(name: name) { return .builtin(loss) }
            guard let global = args.interpreter.global(name), global.isCallableObjective else {
                throw RuntimeError("unknown loss '\(name)' (use mse, l1 or huber)\(Suggestions.hint(for: name, in: ["mse", "l1", "mae", "huber"])) (or an objective written in sps: def obj m b { … }, then loss=obj)", at: args.location(of: "loss"))
            }
            function = global
        }
        return try custom(function, label: CustomModelCommands.label(function), at: args.location(of: "loss"))
    }

    /// An objective written in sps, checked: it takes the model and the batch, and optionally the loop.
    static func custom(_ function: Value, label: String, at location: SourceLocation?) throws(RuntimeError) -> LoopObjective {
        var takesLoop = false
        if case .closure(let closure) = function {
            let count = closure.proto.parameterNames.count
            guard count == 2 || count == 3 else {
                throw RuntimeError("the objective takes \(count) arguments; it must take the model and the batch, and may take the loop (def obj m b { mse (m b.x) b.y }, or { m b l -> … })", at: location)
            }
            takesLoop = count == 3
        }
        return .custom(function, label: label, takesLoop: takesLoop)
    }

    /// What `algo=` gives: the record, its objective and whether it wants a batch from every environment.
    struct Algorithm {
        let record: Record
        let objective: LoopObjective
        let perEnvironment: Bool
    }

    /// The `algo=` argument: a record `{name, loss, per_env, hparams}` such as `irm lambda=100` returns (see
    /// stdlib/algorithms.sps); nil when not given. It excludes `loss=` and `per_env=`.
    static func algorithmArgument(_ args: Arguments) throws(RuntimeError) -> Algorithm? {
        guard var value = args["algo"], !value.isNil else { return nil }
        let at = args.location(of: "algo")
        // `algo=erm` names the algorithm without settings: call it for its record.
        if case .record = value {} else { value = try args.interpreter.call(value, [], at: at) }
        guard case .record(let record) = value else { throw RuntimeError("algo= must be an algorithm record such as (irm lambda=100), got \(value.typeName)", at: at) }
        for other in ["loss", "per_env"] where args.location(of: other) != nil {
            throw RuntimeError("algo= already sets the objective and per_env; leave out \(other)=", at: args.location(of: other))
        }
        guard let loss = record["loss"], case .closure = loss else {
            throw RuntimeError("algo= needs a record with a loss field holding the objective { m b -> … } (fields: name, loss, per_env, hparams)", at: at)
        }
        var perEnvironment = false
        if let flag = record["per_env"], !flag.isNil {
            guard case .bool(let b) = flag else { throw RuntimeError("the algorithm's per_env must be true or false, got \(flag.typeName)", at: at) }
            perEnvironment = b
        }
        let label = record["name"]?.string ?? CustomModelCommands.label(loss)
        return Algorithm(record: record, objective: try custom(loss, label: label, at: at), perEnvironment: perEnvironment)
    }

    static let loop = Command(
        "loop", topic: "training", summary: "a training loop to advance step by step (step, epoch, run, until)",
        help: """
        Creates a mini-batch training loop without running it. Advance it with `step l`, `epoch l`, `run l epochs=…`
        or `until l { condition }`; inspect `l.epoch`, `l.step`, `l.lr` (settable), `l.loss` and `l.history` between
        commands. Ctrl-C stops at the next batch with the state intact; running again resumes.
        loss= is a built-in loss or an objective written in sps: a def that gets the model and the batch
        (b.x, b.y, b.n, and b.env when the data has environment tags) and returns the loss, a number computed from
        the model's params (`def obj m b { mse (m b.x) b.y }`, then `loss=obj`). The loop zeroes the gradients, calls it, adds its
        gradients into the params and steps the optimizer, exactly as for a built-in loss. With per_env=true each
        step draws a batch from every environment (an epoch visits the largest once; smaller ones start over when
        they run out) and the objective gets the list of them. An objective may take a third parameter, the loop
        itself ({ m b l -> … }: l.step, l.epoch), and `reset_optim l` inside it starts the optimizer afresh.
        algo= takes an algorithm from the invariance library (`algo=(irm lambda=100)`, `algo=(vrex lambda=10)`):
        a record {name, loss, per_env, hparams} that sets the objective and per_env at once; l.algo gives it back.
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

    static let resetOptimizer = Command(
        "reset_optim", topic: "training", summary: "start a loop's optimizer afresh (forget its moments and step count)",
        help: """
        Forgets what the loop's optimizer has accumulated — Adam's moments and its step count, SGD's momentum — as a
        new optimizer with the same settings would start; the learning rate, the params and the loop's position stay.
        IRM's reference implementations do this when the penalty weight jumps at the end of annealing; call it from
        an objective that takes the loop ({ m bs l -> if l.step == 100 { reset_optim l } … }): the step being taken
        then uses the fresh state.
        """,
        example: "reset_optim l",
        parameters: [.positional("loop", .object("Loop"), "the loop")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        try loopArgument(args).loop.optimizer.resetState()
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

extension Value {
    /// True for what `loss=` can name as an objective: a def (or a block held in a variable).
    fileprivate var isCallableObjective: Bool {
        switch self {
        case .closure: true
        default: false
        }
    }
}

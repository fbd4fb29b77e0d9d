import SPSAutodiff
import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands that make models, optimizers and schedules, and evaluate models.
enum ModelCommands {
    static func all() -> [Command] {
        [linear, mlp] + CustomModelCommands.all() + [copy, save, loadModel] + optimizers + schedules + metrics + [evaluateCommand, ols, compare, sensitivity]
    }

    // MARK: - Models

    static let linear = Command(
        "linear", topic: "models", summary: "a linear model (perceptron) with PyTorch's default initialisation",
        help: "Weight and bias are drawn uniform in ±1/sqrt(inputs) from the session's initialization stream.",
        example: "m = linear 3 1\nm.weight",
        parameters: [.positional("inputs", .integer, "number of input features"),
                     .positional("outputs", .integer, default: .number(1), "number of outputs")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let inputs = try size(args, "inputs"), outputs = try size(args, "outputs")
        var rng = args.interpreter.nextStream(.initialization)
        return .native(ModelObject(Linear(inputs, outputs, rng: &rng)))
    }

    static let mlp = Command(
        "mlp", topic: "models", summary: "a multilayer perceptron: Linear layers with an activation between them",
        help: "`mlp 3 [64, 64] 1 act=relu` is Linear(3 => 64), ReLU, Linear(64 => 64), ReLU, Linear(64 => 1). Activations: relu, tanh, sigmoid, leaky_relu.",
        example: "m2 = mlp 3 [64, 64] 1 act=relu",
        parameters: [.positional("inputs", .integer, "number of input features"),
                     .positional("hidden", .list, "hidden layer sizes, e.g. [64, 64]"),
                     .positional("outputs", .integer, default: .number(1), "number of outputs"),
                     .keyword("act", .columnName, default: .string("relu"), "activation: relu, tanh, sigmoid, leaky_relu").choices(ActivationKind.allCases.map(\.rawValue))]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let inputs = try size(args, "inputs"), outputs = try size(args, "outputs")
        let hiddenValues = try args.value("hidden").elements ?? []
        var hidden: [Int] = []
        for value in hiddenValues {
            guard let n = value.integer, n >= 1, n <= 65_536 else { throw RuntimeError("hidden sizes must be integers between 1 and 65536, got \(value.quotedInMessage)") }
            hidden.append(n)
        }
        let name = try args.string("act")
        guard let activation = ActivationKind(name: name) else {
            throw RuntimeError("unknown activation '\(name)' (use relu, tanh, sigmoid or leaky_relu)\(Suggestions.hint(for: name, in: ActivationKind.allCases.map(\.rawValue)))")
        }
        var rng = args.interpreter.nextStream(.initialization)
        return .native(ModelObject(Sequential.mlp(sizes: [inputs] + hidden + [outputs], activation: activation, rng: &rng)))
    }

    static func size(_ args: Arguments, _ name: String) throws(RuntimeError) -> Int {
        let n = try args.integer(name)
        guard n >= 1 && n <= 65_536 else { throw RuntimeError("\(name) must be between 1 and 65536, got \(n)") }
        return n
    }

    static let copy = Command(
        "copy", topic: "models", summary: "an independent copy of a model (weights copied)",
        example: "before = copy m",
        parameters: [.positional("model", .object("Model"), "the model to copy")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let model = try args.value("model").object as? ModelObject else { throw RuntimeError("copy needs a model") }
        if let script = ModelObject.scriptLayers(in: model.layer).first(where: { !$0.takesParams && !$0.params.isEmpty }) {
            throw RuntimeError("the layer \(script.label) uses its params by name, so a copy would still compute with the original's; write it as a def of the input and then each param (def lin x W b { … }) to copy it", at: args.location(of: "model"))
        }
        return .native(ModelObject(model.layer.copy()))
    }

    static let save = Command(
        "save", topic: "files", summary: "write a dataset or table (CSV), a model (JSON) or a causal graph (DOT) to a file, atomically",
        help: "Writes to a temporary file beside the target and renames it into place, so an existing file is never left half-written.",
        example: "save train \"train.csv\"\nsave m \"m.json\"",
        parameters: [.positional("value", .any, "a dataset, table, model or causal graph"), .positional("path", .string, "the file to write")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let path = try args.string("path")
        let value = try args.value("value")
        if let graph = value.object as? CausalGraphObject { try graph.save(to: path); return .nil }  // DOT text
        try converting { () throws in
            switch value.object {
            case let data as DatasetObject: try CSVFile.write(data.data, path: path)
            case let model as ModelObject: try ModelFile.save(model.layer, path: path)
            case let table as TableObject: try CSVFile.write(table.table, path: path)
            default: throw RuntimeError("save writes a dataset, a table or a model, got \(value.typeName)")
            }
        }
        return .nil
    }

    static let loadModel = Command(
        "load_model", topic: "files", summary: "read a model written by `save m \"file.json\"`, or load its weights into a model",
        help: """
        A file of linear layers and activations comes back as that model. A model written in sps saves its params
        only (its code is not data): make the model again with the same code and load the params into it with
        into=m, which works for any model of the same parameter shapes and returns it.
        """,
        example: "m = load_model \"m.json\"\nload_model \"custom.json\" into=m2",
        parameters: [.positional("path", .string, "the JSON file"),
                     .keyword("into", .object("Model"), optional: true, "a model whose params (in order) take the file's values")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let path = try args.string("path")
        guard let target = args["into"]?.object as? ModelObject else {
            return .native(ModelObject(try converting { try ModelFile.load(path: path) }))
        }
        let values = try converting { try ModelFile.loadParameters(path: path) }
        let params = target.parameterVariables
        guard values.count == params.count else {
            throw RuntimeError("\(path) holds \(values.count) params but the model has \(params.count)", at: args.location(of: "into"))
        }
        for (index, (p, v)) in zip(params, values).enumerated() where p.value.shape != v.shape {
            throw RuntimeError("param \(index + 1) of the model has shape \(Tensor.format(shape: p.value.shape)) but \(path) holds \(Tensor.format(shape: v.shape))", at: args.location(of: "into"))
        }
        for (p, v) in zip(params, values) {
            p.value = v
            p.markChanged()
        }
        return .native(target)
    }

    // MARK: - Optimizers and schedules

    static let optimizers: [Command] = [
        Command("sgd", topic: "optimizers", summary: "stochastic gradient descent (momentum, Nesterov, weight decay), as torch.optim.SGD",
                example: "optim=(sgd lr=0.01 momentum=0.9 nesterov=true)",
                parameters: [.keyword("lr", .number, default: .number(0.01), "learning rate"),
                             .keyword("momentum", .number, default: .number(0), "momentum factor"),
                             .keyword("dampening", .number, default: .number(0), "dampening of momentum"),
                             .keyword("weight_decay", .number, default: .number(0), "L2 penalty"),
                             .keyword("nesterov", .bool, default: .bool(false), "Nesterov momentum")]) { (args: inout Arguments) throws(RuntimeError) in
            let spec = OptimizerObject(kind: .sgd, learningRate: try args.number("lr"), momentum: try args.number("momentum"),
                                       dampening: try args.number("dampening"), weightDecay: try args.number("weight_decay"), nesterov: try args.bool("nesterov"))
            _ = try spec.make([])  // validate now, with a message that says what is allowed
            return .native(spec)
        },
        adamCommand("adam", kind: .adam, summary: "Adam, as torch.optim.Adam (weight decay is an L2 term in the gradient)", decay: 0),
        adamCommand("adamw", kind: .adamw, summary: "AdamW, as torch.optim.AdamW (decoupled weight decay)", decay: 0.01),
    ]

    static func adamCommand(_ name: String, kind: OptimizerObject.Kind, summary: String, decay: Double) -> Command {
        Command(name, topic: "optimizers", summary: summary,
                example: "optim=(\(name) lr=1e-3)",
                parameters: [.keyword("lr", .number, default: .number(1e-3), "learning rate"),
                             .keyword("beta1", .number, default: .number(0.9), "decay of the first moment"),
                             .keyword("beta2", .number, default: .number(0.999), "decay of the second moment"),
                             .keyword("eps", .number, default: .number(1e-8), "added to the denominator"),
                             .keyword("weight_decay", .number, default: .number(decay), "weight decay")]) { (args: inout Arguments) throws(RuntimeError) in
            let spec = OptimizerObject(kind: kind, learningRate: try args.number("lr"), weightDecay: try args.number("weight_decay"),
                                       beta1: try args.number("beta1"), beta2: try args.number("beta2"), epsilon: try args.number("eps"))
            _ = try spec.make([])
            return .native(spec)
        }
    }

    static func schedule(_ kind: Schedule.Kind) throws(RuntimeError) -> Value {
        do { return .native(ScheduleObject(try Schedule(kind))) } catch { throw RuntimeError(error) }
    }

    static let schedules: [Command] = [
        Command("steplr", topic: "optimizers", summary: "multiply the learning rate by gamma every `every` epochs (StepLR)",
                example: "sched=(steplr every=10 gamma=0.5)",
                parameters: [.keyword("every", .integer, default: .number(10), unit: "epochs", "epochs between steps"),
                             .keyword("gamma", .number, default: .number(0.1), "factor")]) { (args: inout Arguments) throws(RuntimeError) in
            try schedule(.step(stepSize: try args.integer("every"), gamma: try args.number("gamma")))
        },
        Command("multisteplr", topic: "optimizers", summary: "multiply the learning rate by gamma at each milestone epoch (MultiStepLR)",
                example: "sched=(multisteplr [10, 20] gamma=0.1)",
                parameters: [.positional("milestones", .list, "epochs at which to decay"),
                             .keyword("gamma", .number, default: .number(0.1), "factor")]) { (args: inout Arguments) throws(RuntimeError) in
            let values = try args.value("milestones").elements ?? []
            let milestones = values.compactMap(\.integer)
            guard milestones.count == values.count else { throw RuntimeError("multisteplr milestones must be integers (epochs)") }
            return try schedule(.multiStep(milestones: milestones, gamma: try args.number("gamma")))
        },
        Command("explr", topic: "optimizers", summary: "multiply the learning rate by gamma every epoch (ExponentialLR)",
                example: "sched=(explr gamma=0.95)",
                parameters: [.keyword("gamma", .number, default: .number(0.95), "factor")]) { (args: inout Arguments) throws(RuntimeError) in
            try schedule(.exponential(gamma: try args.number("gamma")))
        },
        Command("cosine", topic: "optimizers", summary: "cosine annealing to `min` over `period` epochs (CosineAnnealingLR)",
                example: "sched=(cosine period=30)",
                parameters: [.keyword("period", .integer, default: .number(30), unit: "epochs", "half-period T_max"),
                             .keyword("min", .number, default: .number(0), "lowest learning rate")]) { (args: inout Arguments) throws(RuntimeError) in
            try schedule(.cosine(period: try args.integer("period"), minimum: try args.number("min")))
        },
    ]

    // MARK: - Evaluation

    /// A model argument.
    static func model(_ args: Arguments, _ name: String = "model") throws(RuntimeError) -> ModelObject {
        let value = try args.value(name)
        guard let model = value.object as? ModelObject else { throw RuntimeError("argument '\(name)' of \(args.command.name) must be a model, got \(value.typeName)") }
        return model
    }

    static func metricValue(_ metric: Metric, _ model: ModelObject, _ data: Dataset, _ interpreter: Interpreter) throws(RuntimeError) -> Value {
        .number(Double.atFloat32Precision(try model.evaluate(on: data, metric: metric, interpreter)))
    }

    /// The metrics that also compare a prediction tensor with a target tensor (differentiably when the prediction
    /// carries gradients).
    static let tensorMetrics: Set<Metric> = [.mse, .mae, .rmse]

    static let metrics: [Command] = Metric.allCases.filter { !$0.isClassification }.map { metric in
        let summaries: [Metric: String] = [.rmse: "root mean squared error", .mae: "mean absolute error", .mse: "mean squared error", .r2: "coefficient of determination R²"]
        let summary = summaries[metric] ?? metric.rawValue
        guard tensorMetrics.contains(metric) else {
            return Command(metric.rawValue, topic: "evaluation", summary: "\(summary) of a model's predictions on a dataset",
                           example: "\(metric.rawValue) m ood",
                           parameters: [.positional("model", .object("Model"), "the model"), .positional("data", .object("Dataset"), "the dataset")]) { (args: inout Arguments) throws(RuntimeError) in
                try metricValue(metric, try model(args), try args.dataset("data"), args.interpreter)
            }
        }
        return Command(metric.rawValue, topic: "evaluation", summary: "\(summary) of a model on a dataset, or of predictions against targets",
                       help: """
                       `\(metric.rawValue) m data` evaluates a model; `\(metric.rawValue) p y` compares two tensors of the same number of elements
                       (a vector and a column of one length compare element by element). When p carries gradients (`\(metric.rawValue) (m b.x) b.y`
                       in an objective) the result is a number that carries them too, so it can be trained on.
                       """,
                       example: "\(metric.rawValue) m ood\n\(metric.rawValue) (m iid.x) iid.y",
                       parameters: [.positional("model", .oneOf([.object("Model"), .numeric]), "a model, or predictions (a tensor)"),
                                    .positional("data", .oneOf([.object("Dataset"), .numeric]), "a dataset, or the targets (a tensor)")]) { (args: inout Arguments) throws(RuntimeError) in
            let first = try args.value("model")
            if first.object is ModelObject {
                return try metricValue(metric, try model(args), try args.dataset("data"), args.interpreter)
            }
            guard args["data"]?.dataset == nil else {
                throw RuntimeError("\(metric.rawValue) of a tensor compares it with a tensor of targets; for a dataset give a model: \(metric.rawValue) m data", at: args.location(of: "data"))
            }
            if args.anyTracked {
                let p = try args.variable("model"), y = try args.variable("data")
                do throws(TensorError) {
                    switch metric {
                    case .mae: return Value(try Variable.l1Loss(p, y))
                    case .rmse: return Value(try Variable.mseLoss(p, y).sqrt())
                    default: return Value(try Variable.mseLoss(p, y))
                    }
                } catch {
                    throw RuntimeError(error, at: args.location(of: "data"))
                }
            }
            let p = try args.tensor("model"), y = try args.tensor("data")
            do throws(TensorError) {
                return .number(Double.atFloat32Precision(try metric.value(p, y)))
            } catch {
                throw RuntimeError(error, at: args.location(of: "data"))
            }
        }
    }

    static let evaluateCommand = Command(
        "eval", topic: "evaluation", summary: "a table of metrics of a model on several datasets, a row per set",
        example: "eval m [iid, ood] metric=rmse\neval m [iid, ood] metric=[rmse, r2]",
        parameters: [.positional("model", .object("Model"), "the model"),
                     .positional("sets", .oneOf([.list, .object("Dataset")]), "a dataset or a list of datasets"),
                     .keyword("metric", .columnNames, default: .string("rmse"), "rmse, mae, mse, r2, accuracy, error_rate, or a list of them").choices(Metric.allCases.map(\.rawValue))]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let m = try model(args)
        let sets = try args.value("sets")
        let setValues = sets.elements ?? [sets]
        let metricList = try args.metrics("metric")
        var labels: [String] = [], columns: [[Double]] = Array(repeating: [], count: metricList.count)
        for (index, value) in setValues.enumerated() {
            guard let object = value.object as? DatasetObject else { throw RuntimeError("eval: set \(index + 1) is a \(value.typeName), not a dataset") }
            labels.append(args.interpreter.variableName(of: object) ?? "set\(index + 1)")
            for (k, metric) in metricList.enumerated() {
                columns[k].append(Double.atFloat32Precision(try m.evaluate(on: object.data, metric: metric, args.interpreter)))
            }
        }
        return .table(Table([Table.Column("set", strings: labels)] + zip(metricList, columns).map { Table.Column($0.rawValue, numbers: $1) }))
    }

    static let ols = Command(
        "ols", topic: "evaluation", summary: "closed-form least squares (optionally ridge, or without intercept): the best linear fit, as a linear model",
        help: """
        Fits y ≈ X w + b in double precision by a QR decomposition of the data (LAPACK). The result is a linear
        model, so `rmse (ols train) ood` works. intercept=false fixes b at 0. l2=α > 0 is ridge regression as
        scikit-learn's Ridge(alpha=α): it minimizes |y − X w − b|² + α |w|² (a sum over rows, not a mean), and never
        penalizes the intercept. Without ridge, a constant or collinear feature is an error that names it.
        """,
        example: "best = ols train\nbest.weight\nols train intercept=false\nols train l2=10",
        parameters: [.positional("data", .object("Dataset"), "the training data"),
                     .keyword("intercept", .bool, default: .bool(true), "fit an intercept (false: the fit goes through 0)"),
                     .keyword("l2", .number, default: .number(0), "ridge penalty α on the sum of squared weights (0: ordinary least squares)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let data = try args.dataset("data")
        let intercept = try args.bool("intercept"), l2 = try args.number("l2")
        guard l2 >= 0, l2.isFinite else {
            throw RuntimeError("l2 must be a finite number at least 0, got \(Value.number(l2).repr)", at: args.location(of: "l2"))
        }
        return try converting { () throws -> Value in
            let fit = try LeastSquaresFit(data, intercept: intercept, l2: l2)
            let weight = try Tensor(shape: [1, fit.weights.count], storage: fit.weights.map(Float.init))
            return .native(ModelObject(try Linear(weight: weight, bias: Tensor([Float(fit.intercept)]))))
        }
    }

    static let sensitivity = Command(
        "sensitivity", topic: "evaluation", summary: "how much a model's prediction moves per unit increase of one column (its reliance on it)",
        help: """
        The mean over the rows of (prediction with the column increased by `by`) minus (prediction), divided by `by`.
        For a linear model this is exactly the column's weight; for an MLP it is the average slope, so it measures
        how much any model leans on a feature — the spurious x3 in the case study.
        """,
        example: "sensitivity m iid x3",
        parameters: [.positional("model", .object("Model"), "the model"), .positional("data", .object("Dataset"), "rows to average over"),
                     .positional("column", .columnName, "the feature to nudge"), .keyword("by", .number, default: .number(1), "the size of the nudge")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let m = try model(args), data = try args.dataset("data"), name = try args.string("column"), step = try args.number("by")
        guard let j = data.featureNames.firstIndex(of: name) else {
            throw RuntimeError("no feature named '\(name)'; the features are \(data.featureNames.joined(separator: ", "))\(Suggestions.hint(for: name, in: data.featureNames))")
        }
        guard step != 0, step.isFinite else { throw RuntimeError("by must be a non-zero number") }
        var nudged = data.features
        let width = data.width
        nudged.withUnsafeMutableBufferPointer { p in
            for i in 0..<data.count { p[i * width + j] += Float(step) }
        }
        let before = try m.predictions(data.features, args.interpreter), after = try m.predictions(nudged, args.interpreter)
        guard before.count == data.count, data.count > 0 else { throw RuntimeError("sensitivity needs a one-output model and at least one row") }
        var total = 0.0
        for i in 0..<data.count { total += Double(after.storage[i]) - Double(before.storage[i]) }
        return .number(Double.atFloat32Precision(total / Double(data.count) / step))
    }

    static let compare = Command(
        "compare", topic: "evaluation", summary: "learned vs true weights of a linear model, side by side",
        example: "compare m truth=[1, 2, 0] bias=3",
        parameters: [.positional("model", .object("Model"), "a linear model"),
                     .keyword("truth", .list, "the true weight of each feature"),
                     .keyword("bias", .number, optional: true, "the true intercept"),
                     .keyword("names", .columnNames, optional: true, "feature names (default x1, x2, …)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let m = try model(args)
        guard let linear = m.layer as? Linear, linear.outputSize == 1 else { throw RuntimeError("compare needs a linear model with one output") }
        let truth = (try args.value("truth").elements ?? []).compactMap(\.number)
        guard truth.count == linear.inputSize else { throw RuntimeError("truth has \(truth.count) weights but the model has \(linear.inputSize) inputs") }
        var names = args["names"].map { _ in (try? args.names("names")) ?? [] } ?? (1...linear.inputSize).map { "x\($0)" }
        guard names.count == linear.inputSize else { throw RuntimeError("names has \(names.count) entries for \(linear.inputSize) inputs") }
        var trueValues = truth, learned = linear.weight.value.storage.map(Double.shortest)
        if let bias = try args.optionalNumber("bias") {
            names.append("bias")
            trueValues.append(bias)
            learned.append(Double.shortest(linear.bias.value.storage[0]))
        }
        return .table(Table([Table.Column("param", strings: names), Table.Column("truth", numbers: trueValues),
                             Table.Column("learned", numbers: learned),
                             Table.Column("difference", numbers: zip(learned, trueValues).map { $0 - $1 })]))
    }
}

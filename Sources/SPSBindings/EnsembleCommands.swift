import SPSLanguage
import SPSNumeric
import SPSTraining

/// `fit_linear`: many linear models trained together, natively, by full-batch steps (LinearEnsemble).
enum EnsembleCommands {
    static func all() -> [Command] { [fitLinear] }

    static let fitLinear = Command(
        "fit_linear", topic: "invariance", summary: "train many linear models at once, full batch, natively: ERM, IRMv1, IGA, ANDMask",
        help: """
        Trains each model (a linear model with one output, or a list of them) in place by `steps=` full-batch steps
        on `d`. Each model can have its own algorithm and optimizer: `algo=` and `optim=` take one value for all of
        them or a list with one per model. It gives the same models as
        `fit m d algo=a optim=o batch=(rows per environment) shuffle=false epochs=steps`, up to the order in which
        sums round. It is much faster:
        - All the models read the rows together, 8 to a vector register.
        - The gradients are written out by hand.
        - For mean squared error, a step needs only each environment's moments: O(d²) per model, whatever the
          number of rows.
        InvarianceUnitTests' sweep runs on it (stdlib/benchmarks/iut-lib.sps).

        Algorithms: the records of `erm`, `irm … variant="iut"`, `iga` and `andmask` (variant "iut"), with loss
        "mse" or "bce_logits". Optimizers: `adam` and `sgd` (without momentum), with weight_decay.
        The environments are the dataset's (one, if it has none). A model whose weights become NaN stays NaN; the
        others train on. Ctrl-C stops every model after the same step and keeps them. Returns the list of models.
        """,
        example: "ms = map (range 4) { k -> linear 10 1 }\nfit_linear ms train algo=(irm lambda=0.9 variant=\"iut\" loss=\"bce_logits\") optim=(adam lr=1e-3) steps=1000",
        parameters: [
            .positional("models", .oneOf([.object("Model"), .list]), "a linear model with one output, or a list of them"),
            .positional("data", .object("Dataset"), "the training data (its environments, if it has them)"),
            .keyword("algo", .oneOf([.record, .list]), optional: true, "an algorithm record (erm, irm variant=\"iut\", iga, andmask), or one per model (default: erm)"),
            .keyword("optim", .oneOf([.object("Optimizer"), .list]), optional: true, "adam or sgd, or one per model (default: adam lr=1e-3)"),
            .keyword("loss", .string, default: .string("mse"), "the base loss when algo= is not given: \"mse\" or \"bce_logits\"").choices(["mse", "bce_logits"]),
            .keyword("steps", .integer, default: .number(1000), unit: "steps", "full-batch steps"),
        ]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let modelsValue = try args.value("models")
        let modelValues = modelsValue.elements ?? [modelsValue]
        var linears: [Linear] = []
        for (k, value) in modelValues.enumerated() {
            guard let model = value.object as? ModelObject, let linear = model.layer as? Linear, linear.outputSize == 1 else {
                throw RuntimeError("fit_linear trains linear models with one output (linear d 1); model \(k) is \((value.object as? ModelObject).map { $0.summary.components(separatedBy: "  #")[0] } ?? "a " + value.typeName)", at: args.location(of: "models"))
            }
            linears.append(linear)
        }
        guard let data = (try args.value("data")).object.flatMap({ $0 as? DatasetObject })?.data else {
            throw RuntimeError("fit_linear needs a dataset", at: args.location(of: "data"))
        }
        let count = linears.count
        let algorithms = try perModel(args["algo"], count: count, name: "algo", args: args)
        let optimizers = try perModel(args["optim"], count: count, name: "optim", args: args)
        var loss: LinearEnsemble.Loss? = algorithms == nil ? try baseLoss(try args.string("loss"), args: args, name: "loss") : nil
        var members: [LinearEnsemble.Member] = []
        for k in 0..<count {
            var algorithm = LinearEnsemble.Algorithm.erm
            if let record = algorithms?[k] {
                let (parsed, itsLoss) = try EnsembleCommands.algorithm(record, args: args)
                if let loss, loss != itsLoss {
                    throw RuntimeError("fit_linear: every algorithm needs the same base loss; model \(k)'s is \(itsLoss == .mse ? "mse" : "bce_logits")", at: args.location(of: "algo"))
                }
                loss = itsLoss
                algorithm = parsed
            }
            members.append(LinearEnsemble.Member(algorithm: algorithm, update: try update(optimizers?[k], args: args)))
        }
        let steps = try args.integer("steps")
        guard steps >= 0 else { throw RuntimeError("steps must be >= 0, got \(steps)", at: args.location(of: "steps")) }
        guard let first = linears.first else { return .list([]) }
        guard linears.allSatisfy({ $0.inputSize == data.width }) else {
            throw RuntimeError("fit_linear: the data has \(data.width) features, but a model takes \(linears.first { $0.inputSize != data.width }?.inputSize ?? first.inputSize)", at: args.location(of: "models"))
        }
        let split = try environments(data)
        var ensemble = try converting {
            try LinearEnsemble(loss: loss ?? .mse, environments: split, members: members,
                               weights: linears.map { $0.weight.value.storage }, biases: linears.map { $0.bias.value.storage[0] })
        }
        let interrupt = args.interpreter.interrupt
        let taken = ensemble.train(steps: steps) { interrupt.isRequested }
        for (k, linear) in linears.enumerated() {
            let (weights, bias) = ensemble.parameters(of: k)
            linear.weight.value = try converting { try Tensor(shape: [1, weights.count], storage: weights) }
            linear.bias.value = Tensor([bias])
            linear.weight.markChanged()
            linear.bias.markChanged()
        }
        if taken < steps {
            var error = RuntimeError("fit_linear: interrupted after step \(taken) of \(steps); the models keep what they learned")
            error.isInterrupt = true
            throw error
        }
        return .list(modelValues)
    }

    /// One value for every model, or a list with one per model; nil when not given.
    static func perModel(_ value: Value?, count: Int, name: String, args: Arguments) throws(RuntimeError) -> [Value]? {
        guard let value else { return nil }
        guard case .list(let values) = value else { return Array(repeating: value, count: count) }
        guard values.count == count else {
            throw RuntimeError("\(name)= lists \(values.count) values for \(count) models; give one, or one per model", at: args.location(of: name))
        }
        return values.values
    }

    static func baseLoss(_ name: String, args: Arguments, name keyword: String) throws(RuntimeError) -> LinearEnsemble.Loss {
        switch name {
        case "mse": return .mse
        case "bce_logits": return .bceLogits
        default: throw RuntimeError("fit_linear's base loss is \"mse\" or \"bce_logits\", got \"\(name)\"", at: args.location(of: keyword))
        }
    }

    /// An algorithm record of the stdlib (erm, irm, iga, andmask) as the engine's algorithm and base loss.
    static func algorithm(_ value: Value, args: Arguments) throws(RuntimeError) -> (LinearEnsemble.Algorithm, LinearEnsemble.Loss) {
        guard case .record(let record) = value, let name = record["name"]?.string, case .record(let hparams)? = record["hparams"] else {
            throw RuntimeError("algo= takes an algorithm record such as (irm lambda=0.9 variant=\"iut\"), got \(value.typeName)", at: args.location(of: "algo"))
        }
        let loss = try baseLoss(hparams["loss"]?.string ?? "mse", args: args, name: "algo")
        func number(_ key: String) throws(RuntimeError) -> Double {
            guard let x = hparams[key]?.number else { throw RuntimeError("the \(name) record has no number \(key)", at: args.location(of: "algo")) }
            return x
        }
        switch name {
        case "erm": return (.erm, loss)
        case "irm":
            guard hparams["variant"]?.string == "iut" else {
                throw RuntimeError("fit_linear runs IRMv1 as InvarianceUnitTests does: irm … variant=\"iut\" (DomainBed's variant anneals and resets Adam: use fit … algo=)", at: args.location(of: "algo"))
            }
            return (.irm(lambda: try number("lambda")), loss)
        case "iga": return (.iga(lambda: try number("lambda")), loss)
        case "andmask":
            guard hparams["variant"]?.string == "iut" else {
                throw RuntimeError("fit_linear runs ANDMask as InvarianceUnitTests does: andmask … variant=\"iut\" (for DomainBed's variant use fit … algo=)", at: args.location(of: "algo"))
            }
            return (.andmask(tau: try number("tau")), loss)
        default:
            throw RuntimeError("fit_linear runs erm, irm, iga and andmask; for \(name) use fit … algo=\(name)", at: args.location(of: "algo"))
        }
    }

    /// An optimizer (adam or plain sgd) as the engine's update; adam lr=1e-3 when not given.
    static func update(_ value: Value?, args: Arguments) throws(RuntimeError) -> LinearEnsemble.Update {
        guard let value else { return .adam(learningRate: 1e-3, weightDecay: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-8) }
        guard let optimizer = value.object as? OptimizerObject else {
            throw RuntimeError("optim= takes an optimizer such as (adam lr=1e-3), got \(value.typeName)", at: args.location(of: "optim"))
        }
        switch optimizer.kind {
        case .adam:
            return .adam(learningRate: optimizer.learningRate, weightDecay: optimizer.weightDecay,
                         beta1: optimizer.beta1, beta2: optimizer.beta2, epsilon: optimizer.epsilon)
        case .sgd where optimizer.momentum == 0:
            return .sgd(learningRate: optimizer.learningRate, weightDecay: optimizer.weightDecay)
        case .sgd, .adamw:
            throw RuntimeError("fit_linear takes adam or sgd without momentum, got \(optimizer.description)", at: args.location(of: "optim"))
        }
    }

    /// The dataset's rows split by environment (ascending tags), or all of them as one environment.
    static func environments(_ data: Dataset) throws(RuntimeError) -> [LinearEnsemble.Environment] {
        guard let tags = data.environment else { return [LinearEnsemble.Environment(features: data.features, target: data.target)] }
        var rowsByTag: [Int: [Int]] = [:]
        for (row, tag) in tags.enumerated() { rowsByTag[tag, default: []].append(row) }
        return try converting { () throws -> [LinearEnsemble.Environment] in
            var environments: [LinearEnsemble.Environment] = []
            for tag in rowsByTag.keys.sorted() {
                let rows = rowsByTag[tag] ?? []
                environments.append(LinearEnsemble.Environment(features: try data.features.gatherRows(rows),
                                                               target: try data.target.gatherRows(rows)))
            }
            return environments
        }
    }
}

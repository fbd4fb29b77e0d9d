import SPSAutodiff
import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands for classification metrics, predicted probabilities, per-environment evaluation and weight errors.
enum MetricCommands {
    static func all() -> [Command] {
        classification + [probabilities, envMetrics, envRisks, gap, weightError]
    }

    // MARK: - Classification

    static let classification: [Command] = [Metric.accuracy, .error_rate].map { metric in
        let what = metric == .accuracy ? "the share of rows whose predicted class is the label" : "the share of rows whose predicted class is not the label (1 − accuracy)"
        return Command(metric.rawValue, topic: "evaluation", summary: "\(what), of a model on a dataset or of scores against labels",
                       help: """
                       A model with one output gives a logit per row: a positive score predicts class 1, and a label above 0.5
                       is class 1 (0/1 and −1/+1 labels both work). A model with k outputs predicts the class of its largest
                       score (the first on ties), and the labels are class numbers 0…k−1. `\(metric.rawValue) z y` compares
                       scores with labels the same way (a tensor of logits, or rows of class scores). Usable wherever rmse is:
                       eval=… metric=\(metric.rawValue) in loops, `eval m [iid, ood] metric=\(metric.rawValue)`, `env_metrics`.
                       """,
                       example: "\(metric.rawValue) m test\n\(metric.rawValue) (tensor [2, -1, 0.5]) (tensor [1, 0, 0])",
                       parameters: [.positional("model", .oneOf([.object("Model"), .numeric]), "a model, or scores (a tensor)"),
                                    .positional("data", .oneOf([.object("Dataset"), .numeric]), "a dataset, or the labels (a tensor)")]) { (args: inout Arguments) throws(RuntimeError) in
            if try args.value("model").object is ModelObject {
                return try ModelCommands.metricValue(metric, try ModelCommands.model(args), try args.dataset("data"), args.interpreter)
            }
            guard args["data"]?.dataset == nil else {
                throw RuntimeError("\(metric.rawValue) of a tensor compares scores with a tensor of labels; for a dataset give a model: \(metric.rawValue) m data", at: args.location(of: "data"))
            }
            // Not differentiable: a tensor that carries gradients (`accuracy (m b.x) b.y` in an objective) counts by its value.
            func plain(_ name: String) throws(RuntimeError) -> Tensor {
                if let v = args[name]?.object as? Variable { return v.value }
                return try args.tensor(name)
            }
            let p = try plain("model"), y = try plain("data")
            do throws(TensorError) {
                return .number(Double.atFloat32Precision(try metric.value(p, y)))
            } catch {
                throw RuntimeError(error, at: args.location(of: "data"))
            }
        }
    }

    static let probabilities = Command(
        "predict_proba", topic: "evaluation", summary: "a classifier's predicted class probabilities: the sigmoid or softmax of its outputs",
        help: """
        For a model with one output, the sigmoid of its logit: the probability of class 1, a vector [rows] (as `m x`). For a
        model with k outputs, the softmax of each row: [rows, k], each row summing to 1. The rows are a dataset's
        features or a tensor of them (scikit-learn's predict_proba).
        """,
        example: "predict_proba m test\npredict_proba m (tensor [[0.5, 1, -2]])",
        parameters: [.positional("model", .object("Model"), "a classifier (its outputs are logits)"),
                     .positional("data", .oneOf([.object("Dataset"), .numeric]), "a dataset, or rows of features (a tensor)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let m = try ModelCommands.model(args)
        var x: Tensor
        if let data = args["data"]?.dataset { x = data.features } else { x = try args.tensor("data") }
        if x.rank == 1 {
            do throws(TensorError) { x = try x.reshaped([1, x.count]) } catch { throw RuntimeError(error, at: args.location(of: "data")) }
        }
        let scores = try m.predictions(x, args.interpreter)
        let rows = x.shape.first ?? 0
        guard rows > 0, scores.count % rows == 0 else { throw RuntimeError("predict_proba needs at least one row") }
        let classes = scores.count / rows
        var p = scores.storage
        if classes == 1 {
            for i in p.indices { p[i] = Float(1 / (1 + exp(-Double(p[i])))) }
        } else {
            for r in 0..<rows {
                let lane = r * classes..<(r + 1) * classes
                let top = p[lane].max() ?? 0
                var total = 0.0
                for i in lane { total += exp(Double(p[i] - top)) }
                for i in lane { p[i] = Float(exp(Double(p[i] - top)) / total) }
            }
        }
        do throws(TensorError) {
            return .tensor(try Tensor(shape: classes == 1 ? [rows] : [rows, classes], storage: p))
        } catch {
            throw RuntimeError(error)
        }
    }

    // MARK: - Per environment

    /// The environments of a dataset, in order of their tags, each with its rows.
    static func environments(_ data: Dataset, _ args: Arguments, _ name: String = "data") throws(RuntimeError) -> [(tag: Int, rows: Dataset)] {
        guard let tags = data.environment else {
            throw RuntimeError("\(args.command.name): the dataset has no environments; tag its rows with concat [e0, e1, …], envs= of a generator, or env= of csv", at: args.location(of: name))
        }
        var rows: [Int: [Int]] = [:]
        for (i, tag) in tags.enumerated() { rows[tag, default: []].append(i) }
        var result: [(tag: Int, rows: Dataset)] = []
        for tag in rows.keys.sorted() {
            let subset = try converting { try data.rows(at: rows[tag] ?? []) }
            result.append((tag, subset))
        }
        return result
    }

    static let envMetrics = Command(
        "env_metrics", topic: "evaluation", summary: "a model's metrics in each environment of a dataset: a row per environment",
        help: """
        Splits the rows by their environment tag (from concat, envs=, or a CSV's env column) and evaluates the model
        on each: columns env, rows, and one per metric. `env_risks` summarizes the same numbers.
        """,
        example: "env_metrics m train metric=[mse, r2]",
        parameters: [.positional("model", .object("Model"), "the model"),
                     .positional("data", .object("Dataset"), "a dataset whose rows carry environment tags"),
                     .keyword("metric", .columnNames, default: .string("rmse"), "a metric or a list of them").choices(Metric.allCases.map(\.rawValue))]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let m = try ModelCommands.model(args), metrics = try args.metrics("metric")
        let envs = try environments(try args.dataset("data"), args)
        var columns: [[Double]] = Array(repeating: [], count: metrics.count)
        for env in envs {
            for (k, metric) in metrics.enumerated() {
                columns[k].append(Double.atFloat32Precision(try m.evaluate(on: env.rows, metric: metric, args.interpreter)))
            }
        }
        return .table(Table([Table.Column("env", numbers: envs.map { Double($0.tag) }), Table.Column("rows", numbers: envs.map { Double($0.rows.count) })]
                            + zip(metrics, columns).map { Table.Column($0.rawValue, numbers: $1) }))
    }

    /// Summaries of per-environment values of one metric: the mean over environments, the worst, and an
    /// α-quantile, each taken in the direction where the metric is worse (larger errors; smaller accuracy or R²).
    struct RiskSummary: Equatable {
        var mean: Double
        var worst: Double
        var worstEnvironment: Int
        var best: Double
        var quantile: Double

        /// `values[i]` is the metric in environment `tags[i]`; `alpha` in [0, 1]. The quantile interpolates linearly
        /// between order statistics (numpy's default): α = 1 is the worst environment, α = 0.5 the median.
        init(values: [Double], tags: [Int], alpha: Double, higherIsBetter: Bool) {
            // Risks: larger is worse.
            let risks = values.map { higherIsBetter ? -$0 : $0 }
            mean = values.reduce(0, +) / Double(max(values.count, 1))
            var worstIndex = 0, bestIndex = 0
            for i in risks.indices {
                if risks[i] > risks[worstIndex] || risks[worstIndex].isNaN { worstIndex = i }
                if risks[i] < risks[bestIndex] { bestIndex = i }
            }
            worst = values.isEmpty ? .nan : values[worstIndex]
            best = values.isEmpty ? .nan : values[bestIndex]
            worstEnvironment = tags.isEmpty ? -1 : tags[worstIndex]
            let q = RiskSummary.quantile(risks, alpha)
            quantile = higherIsBetter ? -q : q
        }

        /// The α-quantile of `values` by linear interpolation between order statistics (numpy's `linear` method).
        static func quantile(_ values: [Double], _ alpha: Double) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return .nan }
            let position = alpha * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
            let fraction = position - Double(lower)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
        }
    }

    static let envRisks = Command(
        "env_risks", topic: "evaluation", summary: "a model's metric summarized over environments: mean, worst, an α-quantile",
        help: """
        A record of the metric over the dataset's environments (as env_metrics measures it): `mean` (each
        environment counts once, whatever its rows), `worst` and `worst_env` (its tag), `best`, and `quantile`, the
        α-quantile of the environment risks (linear interpolation; alpha=1 is the worst, 0.5 the median, as EQRM's
        quantile risk), with `envs`, the number of environments. Worse means larger for errors (rmse, mse, mae,
        error_rate) and smaller for accuracy and r2, so for those `quantile` is the (1 − α)-quantile of the values.
        """,
        example: "r = env_risks m train metric=mse alpha=0.9\nr.worst",
        parameters: [.positional("model", .object("Model"), "the model"),
                     .positional("data", .object("Dataset"), "a dataset whose rows carry environment tags"),
                     .keyword("metric", .columnName, default: .string("mse"), "the metric").choices(Metric.allCases.map(\.rawValue)),
                     .keyword("alpha", .number, default: .number(0.9), "the quantile, between 0 and 1")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let m = try ModelCommands.model(args)
        guard let metric = try args.metrics("metric").first else { throw RuntimeError("env_risks needs a metric") }
        let alpha = try args.number("alpha")
        guard alpha >= 0, alpha <= 1 else {
            throw RuntimeError("alpha must be between 0 and 1, got \(Value.number(alpha).repr)", at: args.location(of: "alpha"))
        }
        let envs = try environments(try args.dataset("data"), args)
        var values: [Double] = []
        for env in envs { values.append(Double.atFloat32Precision(try m.evaluate(on: env.rows, metric: metric, args.interpreter))) }
        let s = RiskSummary(values: values, tags: envs.map(\.tag), alpha: alpha, higherIsBetter: metric.higherIsBetter)
        return .record(Record([("mean", .number(Double.atFloat32Precision(s.mean))), ("worst", .number(s.worst)), ("worst_env", .number(Double(s.worstEnvironment))),
                               ("best", .number(s.best)), ("quantile", .number(Double.atFloat32Precision(s.quantile))), ("alpha", .number(alpha)),
                               ("envs", .number(Double(envs.count)))]))
    }

    static let gap = Command(
        "gap", topic: "evaluation", summary: "the IID→OOD gap: how much worse a model does on test data than on its training distribution",
        help: """
        metric(test) − metric(train) for errors (rmse, mse, mae, error_rate); metric(train) − metric(test) for
        accuracy and r2. Positive means worse out of distribution.
        """,
        example: "gap m iid ood metric=rmse",
        parameters: [.positional("model", .object("Model"), "the model"),
                     .positional("train", .object("Dataset"), "data from the training distribution (held out)"),
                     .positional("test", .object("Dataset"), "data from the test distribution"),
                     .keyword("metric", .columnName, default: .string("rmse"), "the metric").choices(Metric.allCases.map(\.rawValue))]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let m = try ModelCommands.model(args)
        guard let metric = try args.metrics("metric").first else { throw RuntimeError("gap needs a metric") }
        let iid = try m.evaluate(on: try args.dataset("train"), metric: metric, args.interpreter)
        let ood = try m.evaluate(on: try args.dataset("test"), metric: metric, args.interpreter)
        return .number(Double.atFloat32Precision(metric.higherIsBetter ? iid - ood : ood - iid))
    }

    // MARK: - Weights against a known truth

    /// The mean squared errors of the causal and the non-causal weights (0 when there are none), as the IRM
    /// paper's synthetic experiments measure them (`errors(w, w_hat)` in its code).
    static func weightErrors(learned: [Double], truth: [Double], causal: Set<Int>) -> (causal: Double, noncausal: Double) {
        var sums = (0.0, 0.0), counts = (0, 0)
        for i in truth.indices {
            let d = learned[i] - truth[i]
            if causal.contains(i) { sums.0 += d * d; counts.0 += 1 } else { sums.1 += d * d; counts.1 += 1 }
        }
        return (counts.0 == 0 ? 0 : sums.0 / Double(counts.0), counts.1 == 0 ? 0 : sums.1 / Double(counts.1))
    }

    static let weightError = Command(
        "weight_error", topic: "evaluation", summary: "mean squared error of a linear model's causal and non-causal weights against the true ones",
        help: """
        A record {causal, noncausal}: the mean over the causal features of (learned − true weight)², and the same
        over the others (0 when a group is empty), as the IRM paper's chain-SEM table reports them. The causal
        features are the ones `causal=` lists (0-based positions), by default those whose true weight is not 0. The
        model is a linear model with one output, or its weights as a tensor or list.
        """,
        example: "weight_error m truth=[1, 1, 0, 0]\nweight_error (tensor [0.9, 1.2, 0.1]) truth=[1, 1, 0] causal=[0, 1]",
        parameters: [.positional("model", .oneOf([.object("Model"), .numeric, .list]), "a linear model, or learned weights"),
                     .keyword("truth", .oneOf([.list, .numeric]), "the true weight of each feature"),
                     .keyword("causal", .list, optional: true, "positions (from 0) of the causal features (default: truth ≠ 0)")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        var learned: [Double]
        if let model = try args.value("model").object as? ModelObject {
            guard let linear = model.layer as? Linear, linear.outputSize == 1 else {
                throw RuntimeError("weight_error needs a linear model with one output (or its weights as a tensor)", at: args.location(of: "model"))
            }
            learned = linear.weight.value.storage.map(Double.shortest)
        } else {
            learned = try args.tensor("model").storage.map(Double.shortest)
        }
        let truth = try args.tensor("truth").storage.map(Double.shortest)
        guard truth.count == learned.count else {
            throw RuntimeError("truth has \(truth.count) weights but the model has \(learned.count)", at: args.location(of: "truth"))
        }
        var causal = Set(truth.indices.filter { truth[$0] != 0 })
        if let given = args["causal"]?.elements {
            causal = []
            for value in given {
                guard let i = value.integer, i >= 0, i < truth.count else {
                    throw RuntimeError("causal lists feature positions from 0 to \(truth.count - 1), got \(value.quotedInMessage)", at: args.location(of: "causal"))
                }
                causal.insert(i)
            }
        }
        let e = weightErrors(learned: learned, truth: truth, causal: causal)
        return .record(Record([("causal", .number(Double.atFloat32Precision(e.causal))), ("noncausal", .number(Double.atFloat32Precision(e.noncausal)))]))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

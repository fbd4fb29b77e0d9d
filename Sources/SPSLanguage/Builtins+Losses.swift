import SPSAutodiff
import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Activations and losses for objectives written in sps (softmax, log_softmax, logsumexp, leaky_relu, softplus,
// huber, bce, bce_logits, cross_entropy). Each works on plain tensors and on tensors that carry gradients (then
// the result carries them too); the math is SPSAutodiff's, so plain and differentiable results agree.

extension Builtins {
    /// A result of a differentiable operation as the language shows it: a tensor that carries gradients when it
    /// does; otherwise a plain tensor, or a number for a single-number result (as `sum` gives).
    static func differentiableResult(_ v: Variable) -> Value {
        if !v.requiresGrad, v.rank == 0, let s = v.value.scalarValue { return number(s) }
        return Value(v)
    }

    /// Runs a differentiable operation; a tensor error becomes an error at argument `at` (the command's location
    /// when nil).
    static func differentiable(_ args: Arguments, at name: String? = nil,
                               _ body: () throws(TensorError) -> Variable) throws(RuntimeError) -> Value {
        do throws(TensorError) { return differentiableResult(try body()) } catch {
            let command = args.command.name
            let message = error.message.hasPrefix("\(command):") ? error.message : "\(command): \(error.message)"
            throw RuntimeError(message, at: name.flatMap { args.location(of: $0) } ?? args.location)
        }
    }

    /// An optional `axis=` checked against a variable's rank (negative from the end).
    static func variableAxis(_ args: Arguments, _ x: Variable) throws(RuntimeError) -> Int? {
        try args.axis(for: x.value)
    }

    static let lossHelp = "Mean over all elements, as PyTorch's loss with reduction='mean'. The prediction and the target have the same shape or the same number of elements (a vector and a column of one length are compared element by element); a single number is compared with every element. With tensors that carry gradients the result carries them too, so it can be an objective."

    static let lossCommands: [Command] = [
        Command("softmax", topic: "math", summary: "e^x / sum(e^x) along an axis (the last by default), computed stably",
                help: "Each lane along the axis becomes positive numbers that sum to 1 (PyTorch's softmax(x, dim)). Subtracting the lane's largest value first keeps large scores from overflowing. Differentiable.",
                example: "softmax (tensor [1, 2, 3])\nsoftmax scores axis=1",
                parameters: [.positional("x", .numeric, "a tensor"),
                             .keyword("axis", .integer, default: .number(-1), "the axis whose lanes sum to 1 (negative from the end)")]) { args throws(RuntimeError) in
            let x = try args.variable("x")
            let axis = try variableAxis(args, x) ?? -1
            return try differentiable(args, at: "x") { () throws(TensorError) in try x.softmax(axis: axis) }
        },
        Command("log_softmax", topic: "math", summary: "x - logsumexp(x) along an axis (the last by default): the log of softmax, computed stably",
                help: "PyTorch's log_softmax(x, dim); more accurate than log (softmax x) for very negative scores. Differentiable.",
                example: "log_softmax (tensor [1, 2, 3])",
                parameters: [.positional("x", .numeric, "a tensor"),
                             .keyword("axis", .integer, default: .number(-1), "the axis to normalize along (negative from the end)")]) { args throws(RuntimeError) in
            let x = try args.variable("x")
            let axis = try variableAxis(args, x) ?? -1
            return try differentiable(args, at: "x") { () throws(TensorError) in try x.logSoftmax(axis: axis) }
        },
        Command("logsumexp", topic: "math", summary: "log(sum(e^x)) of all elements, or along an axis with axis=k, computed stably",
                help: "The largest element is subtracted before exponentiating, so large values do not overflow (scipy's and PyTorch's logsumexp). Without axis= the result is a number. Differentiable: its gradient is the softmax.",
                example: "logsumexp (tensor [1000, 1000])\nlogsumexp scores axis=1",
                parameters: [.positional("values", .numeric, "a tensor"), axisParameter]) { args throws(RuntimeError) in
            let x = try args.variable("values")
            let axis = try variableAxis(args, x)
            return try differentiable(args, at: "values") { () throws(TensorError) in try x.logsumexp(axis: axis) }
        },
        Command("leaky_relu", topic: "math", summary: "x where x > 0, slope * x elsewhere (PyTorch's leaky_relu)",
                example: "leaky_relu (tensor [-2, 3])\nleaky_relu x slope=0.2",
                parameters: [.positional("x", .numeric, "a number or tensor"),
                             .keyword("slope", .number, default: .number(0.01), "the slope for negative x")]) { args throws(RuntimeError) in
            let slope = try args.number("slope")
            if let n = try args.value("x").number { return .number(n > 0 ? n : n * slope) }
            return Value(try args.variable("x").leakyRelu(slope: Float(slope)))
        },
        Command("softplus", topic: "math", summary: "log(1 + e^x), a smooth relu (PyTorch's softplus: x itself above 20)",
                example: "softplus (tensor [-1, 0, 1])",
                parameters: [.positional("x", .numeric, "a number or tensor")]) { args throws(RuntimeError) in
            if let n = try args.value("x").number { return .number(n > 20 ? n : log1p(exp(n))) }
            return Value(try args.variable("x").softplus())
        },
        Command("huber", topic: "gradients", summary: "the Huber loss of a prediction against a target: quadratic within delta, linear beyond",
                help: "For d = prediction - target: 0.5 d² where |d| < delta, delta (|d| - 0.5 delta) elsewhere — PyTorch's HuberLoss(delta), the same as the training loops' loss=huber. \(lossHelp)",
                example: "huber (tensor [0, 3]) (tensor [0.5, 0])\nhuber (m b.x) b.y delta=0.5",
                parameters: [.positional("prediction", .numeric, "a tensor"), .positional("target", .numeric, "a tensor of the same size, or a number"),
                             .keyword("delta", .number, default: .number(1), "where the loss turns from quadratic to linear")]) { args throws(RuntimeError) in
            let delta = try args.number("delta")
            guard delta > 0 && delta.isFinite else {
                throw RuntimeError("huber: delta must be a positive number, got \(Value.number(delta).repr)", at: args.location(of: "delta"))
            }
            let p = try args.variable("prediction"), t = try args.variable("target")
            return try differentiable(args, at: "target") { () throws(TensorError) in try Variable.huberLoss(p, t, delta: Float(delta)) }
        },
        Command("bce", topic: "gradients", summary: "the binary cross-entropy of probabilities against 0/1 targets (PyTorch's BCELoss)",
                help: "-mean(t log p + (1 - t) log(1 - p)), each log clamped at -100 as PyTorch does. The probabilities must lie in [0, 1]; for scores (logits) use bce_logits, which is also more accurate. \(lossHelp)",
                example: "bce (tensor [0.9, 0.2]) (tensor [1, 0])",
                parameters: [.positional("probabilities", .numeric, "a tensor of values in [0, 1]"),
                             .positional("target", .numeric, "a tensor of 0/1 (or soft) targets of the same size")]) { args throws(RuntimeError) in
            let p = try args.variable("probabilities"), t = try args.variable("target")
            if let bad = p.value.storage.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                throw RuntimeError("bce: the probabilities must be between 0 and 1, but element \(bad) is \(Value.number(Double.shortest(p.value.storage[bad])).repr); for scores use bce_logits", at: args.location(of: "probabilities"))
            }
            return try differentiable(args, at: "target") { () throws(TensorError) in try Variable.bceLoss(p, t) }
        },
        Command("bce_logits", topic: "gradients", summary: "the binary cross-entropy of scores (logits) against 0/1 targets (PyTorch's BCEWithLogitsLoss)",
                help: "The same as bce (sigmoid z) t, computed stably for scores of any size: max(z, 0) - z t + log(1 + e^-|z|). \(lossHelp)",
                example: "bce_logits (tensor [2.2, -1.4]) (tensor [1, 0])",
                parameters: [.positional("logits", .numeric, "a tensor of scores"),
                             .positional("target", .numeric, "a tensor of 0/1 (or soft) targets of the same size")]) { args throws(RuntimeError) in
            let z = try args.variable("logits"), t = try args.variable("target")
            return try differentiable(args, at: "target") { () throws(TensorError) in try Variable.bceWithLogitsLoss(z, t) }
        },
        Command("cross_entropy", topic: "gradients", summary: "the cross-entropy of class scores (logits) against class labels (PyTorch's CrossEntropyLoss)",
                help: """
                logits is [rows, classes] (or [classes] for one row); labels holds one class number (0, 1, …) per row.
                The loss is the mean over rows of logsumexp(row) - row[label], computed stably. A target of the logits'
                shape is read as class probabilities instead (soft labels). Differentiable with respect to the logits.
                """,
                example: "cross_entropy (tensor [[2, 0, -1], [0, 1, 0]]) (tensor [0, 1])",
                parameters: [.positional("logits", .numeric, "a [rows, classes] tensor of scores"),
                             .positional("labels", .numeric, "class numbers, one per row (or probabilities of the logits' shape)")]) { args throws(RuntimeError) in
            let z = try args.variable("logits")
            guard z.rank == 1 || z.rank == 2 else {
                throw RuntimeError("cross_entropy: the logits must be [classes] or [rows, classes], got shape \(Tensor.format(shape: z.value.shape))", at: args.location(of: "logits"))
            }
            let rows = z.rank == 2 ? z.value.shape[0] : 1
            let labelsValue = try args.value("labels")
            let count = labelsValue.variable?.count ?? (try? Interpreter.toTensor(labelsValue, what: ""))?.count ?? -1
            if count == z.count && count != rows {
                let t = try args.variable("labels")
                return try differentiable(args, at: "labels") { () throws(TensorError) in try Variable.crossEntropyLoss(logits: z, probabilities: t) }
            }
            let labels = try args.tensorArgument("labels")
            return try differentiable(args, at: "labels") { () throws(TensorError) in try Variable.crossEntropyLoss(logits: z, labels: labels) }
        },
    ]
}

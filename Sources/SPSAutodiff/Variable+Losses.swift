import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Losses with mean reduction and PyTorch's semantics (MSELoss, L1Loss, HuberLoss, BCELoss, BCEWithLogitsLoss,
// CrossEntropyLoss). Each is one recorded operation with its value computed in one pass (the sum in Double), and a
// backward rule written with differentiable operations, so a penalty built from a loss's gradient can be
// differentiated again. Gradients flow to the prediction and, where PyTorch gives one, to the target.

extension Variable {
    /// The target as the loss compares it: of the prediction's shape, or of the same element count (a vector
    /// and a column of one length are compared element by element, as the built-in losses do), or one number
    /// (compared with every element). Anything else is an error naming both shapes.
    static func lossTarget(_ prediction: Variable, _ target: Variable, _ name: String) throws(TensorError) -> Variable {
        if target.shape == prediction.shape { return target }
        if target.count == prediction.count { return try target.reshaped(prediction.shape) }
        if target.count == 1 { return try target.expanded(to: prediction.shape) }
        throw TensorError("\(name): the prediction has shape \(Tensor.format(shape: prediction.shape)) and the target \(Tensor.format(shape: target.shape)); they need the same number of elements")
    }

    /// A loss whose value is the mean of `term(prediction_i, target_i)` (in Double) and whose gradients are
    /// `dPrediction(d, p, t) · g / n` and, for the target, `dTarget(…) · g / n`.
    private static func meanLoss(_ name: String, _ prediction: Variable, _ target: Variable,
                                 term: (Float, Float) -> Double,
                                 dPrediction: @escaping (_ p: Variable, _ t: Variable) throws(TensorError) -> Variable,
                                 dTarget: @escaping (_ p: Variable, _ t: Variable) throws(TensorError) -> Variable) throws(TensorError) -> Variable {
        let t = try lossTarget(prediction, target, name)
        let n = prediction.count
        var total = 0.0
        prediction.value.withUnsafeBufferPointer { p in
            t.value.withUnsafeBufferPointer { q in
                for i in 0..<n { total += term(p[i], q[i]) }
            }
        }
        let value = Tensor(scalar: n == 0 ? .nan : Float(total / Double(n)))
        let scale = 1 / Float(n)
        return record(name, value, [prediction, t]) { g, x, _, c throws(TensorError) in
            let gn = g * scale
            return [c.needed[0] ? try dPrediction(x[0], x[1]) * gn : nil,
                    c.needed[1] ? try dTarget(x[0], x[1]) * gn : nil]
        }
    }

    /// The mean squared error mean((p − t)²), PyTorch's `MSELoss` (computed as the built-in `mse` loss is).
    public static func mseLoss(_ prediction: Variable, _ target: Variable) throws(TensorError) -> Variable {
        try meanLoss("mse", prediction, target, term: { p, t in let d = p - t; return Double(d * d) },
                     dPrediction: { p, t throws(TensorError) in try (p - t) * 2 },
                     dTarget: { p, t throws(TensorError) in try (t - p) * 2 })
    }

    /// The mean absolute error mean |p − t|, PyTorch's `L1Loss` (the gradient sign(p − t), 0 where equal).
    public static func l1Loss(_ prediction: Variable, _ target: Variable) throws(TensorError) -> Variable {
        try meanLoss("l1", prediction, target, term: { p, t in Double(Swift.abs(p - t)) },
                     dPrediction: { p, t throws(TensorError) in try signOfDifference(p, t) },
                     dTarget: { p, t throws(TensorError) in try signOfDifference(t, p) })
    }

    /// sign(a − b) as a constant (0 where equal): the gradient of |a − b|.
    private static func signOfDifference(_ a: Variable, _ b: Variable) throws(TensorError) -> Variable {
        Variable.constant(try a.value.zipWith(b.value) { x, y in x > y ? 1 : (x < y ? -1 : 0) })
    }

    /// The Huber loss, PyTorch's `HuberLoss(delta)`: ½ d² where |d| < delta, delta (|d| − ½ delta) elsewhere, for
    /// d = p − t; the gradient is d clamped to [−delta, delta].
    public static func huberLoss(_ prediction: Variable, _ target: Variable, delta: Float = 1) throws(TensorError) -> Variable {
        guard delta > 0 else { throw TensorError("huber: delta must be positive, got \(delta)") }
        func clamped(_ d: Variable) throws(TensorError) -> Variable {
            let inside = d.value.map { Swift.abs($0) < delta ? 1 : 0 }
            let outside = d.value.map { $0 >= delta ? delta : ($0 <= -delta ? -delta : 0) }
            return try d * Variable.constant(inside) + Variable.constant(outside)
        }
        return try meanLoss("huber", prediction, target, term: { p, t in
            let d = p - t, a = Swift.abs(d)
            return Double(a < delta ? 0.5 * d * d : delta * (a - 0.5 * delta))
        }, dPrediction: { p, t throws(TensorError) in try clamped(p - t) },
           dTarget: { p, t throws(TensorError) in try clamped(t - p) })
    }

    /// The binary cross-entropy of probabilities, PyTorch's `BCELoss`: −mean(t log p + (1 − t) log(1 − p)), each
    /// log clamped at −100; the gradient (p − t) / max(p (1 − p), 1e−12). Probabilities outside [0, 1] are an error.
    public static func bceLoss(_ probabilities: Variable, _ target: Variable) throws(TensorError) -> Variable {
        if let bad = probabilities.value.storage.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw TensorError("bce: the probabilities must be between 0 and 1, but element \(bad) is \(probabilities.value.storage[bad]); for scores use bce_logits")
        }
        let epsilon = Variable.constant(Tensor(scalar: 1e-12))
        return try meanLoss("bce", probabilities, target, term: { p, t in
            let lp = Swift.max(Glibc.log(Double(p)), -100), lq = Swift.max(Glibc.log(1 - Double(p)), -100)
            return -(Double(t) * lp + (1 - Double(t)) * lq)
        }, dPrediction: { p, t throws(TensorError) in
            try (p - t) / Variable.maximum(p * (-p).adding(1), epsilon)
        }, dTarget: { p, _ throws(TensorError) in
            let low = Variable.constant(Tensor(scalar: -100))
            return try Variable.maximum((-p).adding(1).log(), low) - Variable.maximum(p.log(), low)
        })
    }

    /// The binary cross-entropy of logits z (scores; probabilities σ(z)), PyTorch's `BCEWithLogitsLoss`, computed
    /// stably as max(z, 0) − z t + log(1 + e^−|z|); the gradient σ(z) − t.
    public static func bceWithLogitsLoss(_ logits: Variable, _ target: Variable) throws(TensorError) -> Variable {
        try meanLoss("bce_logits", logits, target, term: { z, t in
            let x = Double(z)
            return Swift.max(x, 0) - x * Double(t) + Glibc.log1p(Glibc.exp(-Swift.abs(x)))
        }, dPrediction: { z, t throws(TensorError) in try z.sigmoid() - t },
           dTarget: { z, _ throws(TensorError) in -z })
    }

    /// The cross-entropy of logits with integer class labels, PyTorch's `CrossEntropyLoss`: mean over rows of
    /// logsumexp(z_i) − z_i[label_i], computed stably. `logits` is [n, classes] (or [classes] for one row),
    /// `labels` holds n integers in 0..<classes. The gradient is softmax(z) − onehot(label).
    public static func crossEntropyLoss(logits: Variable, labels: Tensor) throws(TensorError) -> Variable {
        guard logits.rank == 1 || logits.rank == 2 else {
            throw TensorError("cross_entropy: the logits must be [classes] or [rows, classes], got shape \(Tensor.format(shape: logits.shape))")
        }
        let classes = logits.shape[logits.rank - 1], rows = logits.rank == 2 ? logits.shape[0] : 1
        guard labels.count == rows else {
            throw TensorError("cross_entropy: \(rows) rows of logits but \(labels.count) labels; give one class label per row")
        }
        var onehot = [Float](filling: 0, count: logits.count)
        for (i, label) in labels.storage.enumerated() {
            guard label == label.rounded(), label >= 0, Int(label) < classes else {
                throw TensorError("cross_entropy: label \(label == label.rounded() && Swift.abs(label) < 1e9 ? String(Int(label)) : "\(label)") at position \(i) is not a class number in 0..<\(classes)")
            }
            onehot[i * classes + Int(label)] = 1
        }
        // logsumexp(row) − row[label] in Double, each row shifted by its largest score.
        var total = 0.0
        let z = logits.value.storage
        for i in 0..<rows {
            let row = z[(i * classes)..<((i + 1) * classes)].map(Double.init)
            let m = row.max() ?? 0
            let shift = m.isFinite ? m : 0
            total += shift + Glibc.log(row.reduce(0) { $0 + Glibc.exp($1 - shift) }) - row[Int(labels.storage[i])]
        }
        let value = Tensor(scalar: rows == 0 ? .nan : Float(total / Double(rows)))
        let target = try Tensor(shape: logits.shape, storage: onehot)
        let scale = 1 / Float(rows)
        return record("cross_entropy", value, [logits]) { g, x, _, _ throws(TensorError) in
            [try (x[0].softmax(axis: -1) - Variable.constant(target)) * (g * scale)]
        }
    }

    /// The cross-entropy of logits with target probabilities of the same shape (soft labels, PyTorch's
    /// `CrossEntropyLoss` with a probability target): −mean over rows of Σ_c t_c log softmax(z)_c.
    public static func crossEntropyLoss(logits: Variable, probabilities: Variable) throws(TensorError) -> Variable {
        guard logits.rank == 1 || logits.rank == 2 else {
            throw TensorError("cross_entropy: the logits must be [classes] or [rows, classes], got shape \(Tensor.format(shape: logits.shape))")
        }
        guard probabilities.shape == logits.shape else {
            throw TensorError("cross_entropy: the target probabilities have shape \(Tensor.format(shape: probabilities.shape)), the logits \(Tensor.format(shape: logits.shape)); give class labels, or probabilities of the logits' shape")
        }
        let rows = logits.rank == 2 ? logits.shape[0] : 1
        return try -((probabilities * logits.logSoftmax(axis: -1)).sum() * (1 / Float(rows)))
    }
}

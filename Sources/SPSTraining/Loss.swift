import SPSNumeric

/// A regression loss with mean reduction, as PyTorch's `MSELoss`, `L1Loss` and `HuberLoss` compute it.
public enum Loss: Sendable, Equatable {
    /// Mean squared error.
    case mse
    /// Mean absolute error.
    case l1
    /// Huber loss with threshold `delta` (quadratic inside, linear outside).
    case huber(delta: Float)

    /// Parses `mse`, `l1`/`mae`, `huber` (delta 1).
    public init?(name: String) {
        switch name.lowercased() {
        case "mse", "l2": self = .mse
        case "l1", "mae": self = .l1
        case "huber": self = .huber(delta: 1)
        default: return nil
        }
    }

    /// The canonical name.
    public var name: String {
        switch self {
        case .mse: "mse"
        case .l1: "l1"
        case .huber: "huber"
        }
    }

    /// The mean loss over all elements, and its gradient with respect to `prediction` written into `gradient`.
    ///
    /// `prediction` and `target` hold `count` elements each.
    public func evaluate(
        prediction: UnsafePointer<Float>, target: UnsafePointer<Float>, count: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Float {
        guard count > 0 else { return .nan }
        let scale = 1 / Float(count)
        var total: Double = 0
        switch self {
        case .mse:
            for i in 0..<count {
                let d = prediction[i] - target[i]
                total += Double(d * d)
                gradient?[i] = 2 * d * scale
            }
        case .l1:
            for i in 0..<count {
                let d = prediction[i] - target[i]
                total += Double(abs(d))
                gradient?[i] = (d > 0 ? 1 : (d < 0 ? -1 : 0)) * scale
            }
        case .huber(let delta):
            for i in 0..<count {
                let d = prediction[i] - target[i]
                let a = abs(d)
                total += Double(a < delta ? 0.5 * d * d : delta * (a - 0.5 * delta))
                gradient?[i] = (d <= -delta ? -delta : (d >= delta ? delta : d)) * scale
            }
        }
        return Float(total / Double(count))
    }

    /// The mean loss of two tensors of the same element count.
    public func value(_ prediction: Tensor, _ target: Tensor) throws(TensorError) -> Float {
        try checkSizes(prediction, target)
        return prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in
                evaluate(prediction: p.baseAddress!, target: t.baseAddress!, count: p.count, gradient: nil)
            }
        }
    }

    /// The gradient of the mean loss with respect to `prediction`, shaped like `prediction`.
    public func gradient(_ prediction: Tensor, _ target: Tensor) throws(TensorError) -> Tensor {
        try checkSizes(prediction, target)
        var result = Tensor.zeros(prediction.shape)
        prediction.withUnsafeBufferPointer { p in
            target.withUnsafeBufferPointer { t in
                result.withUnsafeMutableBufferPointer { g in
                    _ = evaluate(prediction: p.baseAddress!, target: t.baseAddress!, count: p.count, gradient: g.baseAddress)
                }
            }
        }
        return result
    }

    private func checkSizes(_ prediction: Tensor, _ target: Tensor) throws(TensorError) {
        guard prediction.count == target.count, prediction.count > 0 else {
            throw TensorError("\(name) loss needs predictions and targets of the same size, got \(Tensor.format(shape: prediction.shape)) and \(Tensor.format(shape: target.shape))")
        }
    }
}

/// Regression and classification metrics over predictions and targets, accumulated in Double.
public enum Metric: String, Sendable, CaseIterable {
    case rmse, mae, mse, r2
    /// Classification (Metric+Classification.swift): the share of rows whose predicted class is the label, and 1 − that.
    case accuracy, error_rate

    /// The metric of `prediction` against `target` (same element count; R² needs a non-constant target).
    /// Classification metrics take one logit per row, or a row of class scores per label.
    public func value(_ prediction: Tensor, _ target: Tensor) throws(TensorError) -> Double {
        if isClassification { return try classificationValue(prediction, target) }
        guard prediction.count == target.count, prediction.count > 0 else {
            throw TensorError("\(rawValue) needs predictions and targets of the same non-zero size, got \(Tensor.format(shape: prediction.shape)) and \(Tensor.format(shape: target.shape))")
        }
        let p = prediction.storage, t = target.storage
        let n = Double(p.count)
        var squares = 0.0, absolute = 0.0
        for i in p.indices {
            let d = Double(p[i]) - Double(t[i])
            squares += d * d
            absolute += abs(d)
        }
        switch self {
        case .mse: return squares / n
        case .rmse: return (squares / n).squareRoot()
        case .mae: return absolute / n
        case .r2:
            let mean = t.reduce(0.0) { $0 + Double($1) } / n
            let total = t.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
            return total == 0 ? .nan : 1 - squares / total
        case .accuracy, .error_rate: return .nan  // handled above
        }
    }
}

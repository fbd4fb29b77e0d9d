import SPSNumeric

/// Named feature columns with a target column, optionally tagged with an environment per row.
public struct Dataset: Sendable {
    /// The features, n×d.
    public var features: Tensor
    /// The target, length n.
    public var target: Tensor
    /// The names of the feature columns, in order.
    public var featureNames: [String]
    /// The name of the target column.
    public var targetName: String
    /// The environment of each row, when the data was drawn per environment.
    public var environment: [Int]?

    /// Creates a dataset, checking that the pieces agree in size.
    public init(features: Tensor, target: Tensor, featureNames: [String], targetName: String, environment: [Int]? = nil) throws(TensorError) {
        guard features.rank == 2 else { throw TensorError("features must be a matrix, got \(Tensor.format(shape: features.shape))") }
        guard target.count == features.shape[0] else {
            throw TensorError("target has \(target.count) rows but features have \(features.shape[0])")
        }
        guard featureNames.count == features.shape[1] else {
            throw TensorError("\(featureNames.count) feature names for \(features.shape[1]) columns")
        }
        self.features = features
        self.target = (try? target.reshaped([target.count])) ?? target
        self.featureNames = featureNames
        self.targetName = targetName
        self.environment = environment
    }

    /// The number of rows.
    public var count: Int { features.shape[0] }
    /// The number of feature columns.
    public var width: Int { features.shape[1] }
}

/// A source of one number per row: a constant, or a distribution drawn afresh for every row.
public enum Distribution: Sendable, Equatable, CustomStringConvertible {
    case constant(Double)
    case normal(mean: Double, std: Double)
    case uniform(low: Double, high: Double)
    case logUniform(low: Double, high: Double)
    case choice([Double])
    /// One of the values, each with its probability: `cumulative` holds the running sums of the weights.
    case weightedChoice([Double], cumulative: [Double])

    /// One draw (a constant draws nothing from `rng`).
    public func sample(_ rng: inout RandomStream) -> Double {
        switch self {
        case .constant(let value): value
        case .normal(let mean, let std): mean + std * rng.nextNormal()
        case .uniform(let low, let high): low + (high - low) * rng.nextUniform()
        case .logUniform(let low, let high): exp(log(low) + (log(high) - log(low)) * rng.nextUniform())
        case .choice(let values): values.isEmpty ? .nan : values[rng.nextInt(below: values.count)]
        case .weightedChoice(let values, let cumulative): Distribution.pick(values, cumulative, rng.nextUniform())
        }
    }

    /// The value whose share of the cumulative weights holds `u` (uniform in [0, 1)); values of zero weight are
    /// never picked.
    static func pick(_ values: [Double], _ cumulative: [Double], _ u: Double) -> Double {
        guard let total = cumulative.last, total > 0 else { return .nan }
        let target = u * total
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return values[lo]
    }

    /// `choice` with weights: the values with probabilities proportional to `weights` (checked by the caller:
    /// as many, finite, non-negative, with a positive sum).
    public static func weighted(_ values: [Double], weights: [Double]) -> Distribution {
        var running = 0.0
        return .weightedChoice(values, cumulative: weights.map { running += $0; return running })
    }

    /// Whether every draw is the same number.
    public var isConstant: Bool { if case .constant = self { true } else { false } }

    public var description: String {
        switch self {
        case .constant(let v): "constant \(v)"
        case .normal(let m, let s): "normal \(m) \(s)"
        case .uniform(let a, let b): "uniform \(a) \(b)"
        case .logUniform(let a, let b): "loguniform \(a) \(b)"
        case .choice(let values): "choice \(values)"
        case .weightedChoice(let values, let cumulative):
            "choice \(values) p=\(cumulative.indices.map { (cumulative[$0] - ($0 > 0 ? cumulative[$0 - 1] : 0)) / (cumulative.last ?? 1) })"
        }
    }
}

/// The case study's generator: a target with two causal features and one spurious child of the target.
///
/// x1, x2 ~ N(0, 1); y = a·x1 + b·x2 + c + N(0, σy); x3 = y / f + N(0, σ3), with f = `factor` (a constant, or a
/// distribution drawn per row: domain randomization). Per row the draws are x1, x2, the y noise, f (if random),
/// then the x3 noise, all from one stream.
public struct SpuriousGenerator: Sendable {
    public var factor: Distribution = .constant(0.2)
    public var coefficient1 = 1.0, coefficient2 = 2.0, intercept = 3.0
    public var targetNoise = 1.0, spuriousNoise = 3.0

    public init(factor: Distribution = .constant(0.2)) { self.factor = factor }

    /// Draws `rows` rows with columns x1, x2, x3 and target y.
    public func generate(rows: Int, rng: inout RandomStream) -> Dataset {
        var features = [Float](repeating: 0, count: rows * 3)
        var target = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            let x1 = rng.nextNormal(), x2 = rng.nextNormal()
            let y = coefficient1 * x1 + coefficient2 * x2 + intercept + targetNoise * rng.nextNormal()
            let f = factor.sample(&rng)
            let x3 = y / f + spuriousNoise * rng.nextNormal()
            features[3 * r] = Float(x1)
            features[3 * r + 1] = Float(x2)
            features[3 * r + 2] = Float(x3)
            target[r] = Float(y)
        }
        // Sizes agree by construction.
        return (try? Dataset(features: Tensor(shape: [rows, 3], storage: features), target: Tensor(target),
                             featureNames: ["x1", "x2", "x3"], targetName: "y"))!
    }
}

#if canImport(Glibc)
import Glibc
#endif

import SPSNumeric

/// A change applied to each training batch (never to evaluation data), drawing from its own random stream.
///
/// Augmentations name columns; `resolve(features:)` checks the names against a dataset and returns the
/// runnable form. `probability` (`p=` at the prompt) applies the whole augmentation to a batch only with that
/// probability.
public indirect enum Augmentation: Sendable, Equatable, CustomStringConvertible {
    /// Adds N(0, std) noise to a column, per row (`std` may itself be drawn per row).
    case noise(column: String, std: Distribution, probability: Double)
    /// Multiplies a column by a factor, per row (a distribution draws a factor per row).
    case scale(column: String, by: Distribution, probability: Double)
    /// Shuffles a column within the batch, breaking its link with the target.
    case permute(column: String, probability: Double)
    /// Sets a column to zero in each row with probability `rate`.
    case dropout(column: String, rate: Double, probability: Double)
    /// Several augmentations in order.
    case compose([Augmentation], probability: Double)

    /// The column names this augmentation touches.
    public var columns: [String] {
        switch self {
        case .noise(let c, _, _), .scale(let c, _, _), .permute(let c, _), .dropout(let c, _, _): [c]
        case .compose(let parts, _): parts.flatMap(\.columns)
        }
    }

    /// The probability of applying to a given batch.
    public var probability: Double {
        switch self {
        case .noise(_, _, let p), .scale(_, _, let p), .permute(_, let p), .dropout(_, _, let p), .compose(_, let p): p
        }
    }

    /// Checks the column names and settings against a dataset's features.
    public func resolve(features: [String]) throws(DataError) -> ResolvedAugmentation {
        for column in columns where !features.contains(column) {
            throw DataError("augmentation '\(self)' names column '\(column)', but the features are \(features.joined(separator: ", "))")
        }
        guard (0...1).contains(probability) else { throw DataError("p must be between 0 and 1, got \(probability)") }
        if case .dropout(_, let rate, _) = self, !(0...1).contains(rate) {
            throw DataError("dropout rate must be between 0 and 1, got \(rate)")
        }
        return ResolvedAugmentation(augmentation: self, features: features)
    }

    /// Applies to a batch whose columns are `features`, in place.
    func apply(to batch: MatrixBuffer, features: [String], rng: inout RandomStream) {
        if probability < 1 && rng.nextUniform() >= probability { return }
        let stride = batch.columns, rows = batch.rows
        func index(_ name: String) -> Int { features.firstIndex(of: name) ?? 0 }
        switch self {
        case .noise(let column, let std, _):
            let j = index(column)
            for r in 0..<rows {
                let scale = std.sample(&rng)
                batch.pointer[r * stride + j] += Float(scale * rng.nextNormal())
            }
        case .scale(let column, let factor, _):
            let j = index(column)
            for r in 0..<rows { batch.pointer[r * stride + j] *= Float(factor.sample(&rng)) }
        case .permute(let column, _):
            let j = index(column)
            var i = rows - 1
            while i > 0 {
                let k = rng.nextInt(below: i + 1)
                let a = batch.pointer[i * stride + j]
                batch.pointer[i * stride + j] = batch.pointer[k * stride + j]
                batch.pointer[k * stride + j] = a
                i -= 1
            }
        case .dropout(let column, let rate, _):
            let j = index(column)
            for r in 0..<rows where rng.nextUniform() < rate { batch.pointer[r * stride + j] = 0 }
        case .compose(let parts, _):
            for part in parts { part.apply(to: batch, features: features, rng: &rng) }
        }
    }

    public var description: String {
        let p = probability < 1 ? " p=\(formatShort(probability))" : ""
        switch self {
        case .noise(let c, let std, _): return "noise \(c) std=\(std.shortDescription)\(p)"
        case .scale(let c, let by, _): return "scale \(c) by=\(by.shortDescription)\(p)"
        case .permute(let c, _): return "permute \(c)\(p)"
        case .dropout(let c, let rate, _): return "dropout \(c) rate=\(formatShort(rate))\(p)"
        case .compose(let parts, _): return "compose " + parts.map { "(\($0))" }.joined(separator: " ") + p
        }
    }
}

/// An augmentation checked against a dataset's feature names, ready to apply to batches.
public struct ResolvedAugmentation: Sendable {
    public let augmentation: Augmentation
    public let features: [String]

    /// Transforms the feature batch in place.
    public func apply(to batch: MatrixBuffer, rng: inout RandomStream) {
        augmentation.apply(to: batch, features: features, rng: &rng)
    }

    /// The augmentation applied to every row of `data` at once (what `apply a data` shows at the prompt).
    public func apply(to data: Dataset, rng: inout RandomStream) -> Dataset {
        let buffer = MatrixBuffer(data.features)
        apply(to: buffer, rng: &rng)
        var result = data
        result.features = buffer.tensor()
        return result
    }
}

extension Distribution {
    /// The value as an argument would be written: `30` or `(uniform 0.02 1)`.
    public var shortDescription: String {
        if case .constant(let v) = self { return formatShort(v) }
        return "(\(description))"
    }
}

import SPSNumeric

/// A change applied to each training batch (never to evaluation data), with its own random stream.
public protocol Augmentation: Sendable, CustomStringConvertible {
    /// Transforms the feature batch in place.
    func apply(to batch: MatrixBuffer, rng: inout RandomStream)
}

/// Adds N(0, std) noise to one column of every batch (with probability `probability` per batch).
public struct GaussianNoise: Augmentation {
    public let column: Int, columnName: String, std: Double, probability: Double

    public init(column: Int, columnName: String, std: Double, probability: Double = 1) {
        self.column = column
        self.columnName = columnName
        self.std = std
        self.probability = probability
    }

    public func apply(to batch: MatrixBuffer, rng: inout RandomStream) {
        if probability < 1 && rng.nextUniform() >= probability { return }
        let stride = batch.columns
        for r in 0..<batch.rows {
            batch.pointer[r * stride + column] += Float(std * rng.nextNormal())
        }
    }

    public var description: String { "noise \(columnName) std=\(Tensor.formatNumber(Float(std)))" }
}

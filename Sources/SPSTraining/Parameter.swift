import SPSNumeric

/// A trainable tensor with its accumulated gradient.
///
/// Layers own their parameters; optimizers update `value` in place from `gradient`.
public final class Parameter {
    /// A short name for printing (`weight`, `bias`).
    public let name: String
    /// The current value.
    public var value: Tensor
    /// The gradient accumulated by `backward` since the last `zeroGradient`.
    public var gradient: Tensor

    /// Creates a parameter with a zero gradient of the same shape.
    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor.zeros(value.shape)
    }

    /// The number of scalar values.
    public var count: Int { value.count }

    /// Sets the gradient to zero.
    public func zeroGradient() {
        gradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}

import SPSNumeric

/// A differentiable building block of a model, in the manner of Torch7's `nn.Module`.
///
/// `forward` caches what `backward` needs; `backward(gradOutput)` accumulates parameter gradients and returns
/// the gradient with respect to the input. Buffers returned by either are owned by the layer and reused by its
/// next call.
public protocol Layer: AnyObject, CustomStringConvertible {
    /// Computes the output for a batch (rows are examples) into the layer's own buffer.
    func forward(_ input: MatrixBuffer) throws(TensorError) -> MatrixBuffer
    /// Accumulates parameter gradients and returns the gradient with respect to the last input.
    ///
    /// With `inputGradient` false the caller will not read the result (the first layer during training), so a
    /// layer may skip computing it.
    func backward(_ gradOutput: MatrixBuffer, inputGradient: Bool) -> MatrixBuffer
    /// The trainable parameters, in a stable order.
    var parameters: [Parameter] { get }
    /// An independent deep copy (parameters copied, caches fresh).
    func copy() -> any Layer
    /// How many times `forward` has run on this layer or any layer inside it (wrapping on overflow).
    ///
    /// `forward` overwrites what `backward` reads, so code that holds on to one forward pass (a recorded
    /// operation of the autodiff graph) compares this count before calling `backward` and runs `forward` again on
    /// its own input when another forward happened in between. A layer that does not count returns 0 (the
    /// default), and such code must then always run `forward` again.
    var forwardCount: Int { get }
}

extension Layer {
    public var forwardCount: Int { 0 }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Sets every parameter gradient to zero.
    public func zeroGradients() { for parameter in parameters { parameter.zeroGradient() } }

    /// Accumulates parameter gradients and returns the gradient with respect to the last input.
    public func backward(_ gradOutput: MatrixBuffer) -> MatrixBuffer {
        backward(gradOutput, inputGradient: true)
    }

    /// Runs `forward` on a tensor (a matrix, or a vector taken as one column) and returns a copy of the output.
    public func forward(_ input: Tensor) throws(TensorError) -> Tensor {
        try forward(MatrixBuffer(input)).tensor()
    }

    /// Runs `backward` on a tensor gradient and returns a copy of the input gradient.
    public func backward(_ gradOutput: Tensor) -> Tensor {
        backward(MatrixBuffer(gradOutput)).tensor()
    }
}

/// Formats a parameter count the way model summaries show it: `4 parameters`, `4_481 parameters`.
public func parameterSummary(_ count: Int) -> String {
    var digits = String(count)
    var groups: [Substring] = []
    while digits.count > 3 {
        groups.insert(Substring(digits.suffix(3)), at: 0)
        digits.removeLast(3)
    }
    groups.insert(Substring(digits), at: 0)
    return groups.joined(separator: "_") + (count == 1 ? " parameter" : " parameters")
}

import SPSNumeric
#if canImport(Glibc)
import Glibc
#endif

/// The elementwise nonlinearities, with PyTorch's conventions at kinks (ReLU'(0) = 0).
public enum ActivationKind: String, Sendable, CaseIterable {
    case relu, tanh, sigmoid, leakyrelu = "leaky_relu"

    /// Accepts the canonical names and a few common spellings (`leakyrelu`, `leaky`).
    public init?(name: String) {
        switch name.lowercased() {
        case "relu": self = .relu
        case "tanh": self = .tanh
        case "sigmoid": self = .sigmoid
        case "leaky_relu", "leakyrelu", "leaky": self = .leakyrelu
        default: return nil
        }
    }
}

/// An elementwise activation layer (ReLU, Tanh, Sigmoid, LeakyReLU).
public final class Activation: Layer {
    /// Which function this layer applies.
    public let kind: ActivationKind
    /// The slope for negative inputs of LeakyReLU (PyTorch's default 0.01).
    public let negativeSlope: Float

    private let output = MatrixBuffer()
    private let inputGradient = MatrixBuffer()
    private var input: MatrixBuffer?
    public private(set) var forwardCount = 0

    /// Creates an activation layer.
    public init(_ kind: ActivationKind, negativeSlope: Float = 0.01) {
        self.kind = kind
        self.negativeSlope = negativeSlope
    }

    public var parameters: [Parameter] { [] }

    public func forward(_ input: MatrixBuffer) throws(TensorError) -> MatrixBuffer {
        self.input = input
        forwardCount &+= 1
        output.resize(rows: input.rows, columns: input.columns)
        let x = input.pointer, y = output.pointer, count = input.count
        switch kind {
        case .relu: for i in 0..<count { y[i] = x[i] > 0 ? x[i] : 0 }
        case .leakyrelu:
            let slope = negativeSlope
            for i in 0..<count { y[i] = x[i] > 0 ? x[i] : x[i] * slope }
        case .tanh: for i in 0..<count { y[i] = tanhf(x[i]) }
        case .sigmoid: for i in 0..<count { y[i] = 1 / (1 + expf(-x[i])) }
        }
        return output
    }

    public func backward(_ gradOutput: MatrixBuffer, inputGradient needed: Bool) -> MatrixBuffer {
        guard let input else { return inputGradient }
        inputGradient.resize(rows: gradOutput.rows, columns: gradOutput.columns)
        let x = input.pointer, y = output.pointer, g = gradOutput.pointer, dx = inputGradient.pointer
        let count = gradOutput.count
        switch kind {
        case .relu: for i in 0..<count { dx[i] = x[i] > 0 ? g[i] : 0 }
        case .leakyrelu:
            let slope = negativeSlope
            for i in 0..<count { dx[i] = x[i] > 0 ? g[i] : g[i] * slope }
        case .tanh: for i in 0..<count { dx[i] = g[i] * (1 - y[i] * y[i]) }
        case .sigmoid: for i in 0..<count { dx[i] = g[i] * y[i] * (1 - y[i]) }
        }
        return inputGradient
    }

    public func copy() -> any Layer { Activation(kind, negativeSlope: negativeSlope) }

    public var description: String {
        switch kind {
        case .relu: "ReLU()"
        case .tanh: "Tanh()"
        case .sigmoid: "Sigmoid()"
        case .leakyrelu: "LeakyReLU(\(Tensor.formatNumber(negativeSlope)))"
        }
    }
}

/// Layers applied one after another.
public final class Sequential: Layer {
    /// The layers in order.
    public let layers: [any Layer]
    private let cachedParameters: [Parameter]

    /// Creates a chain of layers.
    public init(_ layers: [any Layer]) {
        self.layers = layers
        cachedParameters = layers.flatMap(\.parameters)
    }

    /// A multilayer perceptron: Linear layers between consecutive `sizes`, `activation` after each but the last.
    ///
    /// `mlp(sizes: [3, 64, 64, 1], activation: .relu)` is Linear(3=>64), ReLU, Linear(64=>64), ReLU, Linear(64=>1).
    public static func mlp(sizes: [Int], activation: ActivationKind, rng: inout RandomStream) -> Sequential {
        var layers: [any Layer] = []
        for index in 0..<max(sizes.count - 1, 0) {
            layers.append(Linear(sizes[index], sizes[index + 1], rng: &rng))
            if index < sizes.count - 2 { layers.append(Activation(activation)) }
        }
        return Sequential(layers)
    }

    public var parameters: [Parameter] { cachedParameters }

    /// The sum of the inner layers' counts: a forward through the chain, or through any one of its layers alone
    /// (`m.layers[1] x`), changes it.
    public var forwardCount: Int { layers.reduce(0) { $0 &+ $1.forwardCount } }

    public func forward(_ input: MatrixBuffer) throws(TensorError) -> MatrixBuffer {
        var current = input
        for layer in layers { current = try layer.forward(current) }
        return current
    }

    public func backward(_ gradOutput: MatrixBuffer, inputGradient needed: Bool) -> MatrixBuffer {
        var current = gradOutput
        for (index, layer) in layers.enumerated().reversed() {
            current = layer.backward(current, inputGradient: index > 0 || needed)
        }
        return current
    }

    public func copy() -> any Layer { Sequential(layers.map { $0.copy() }) }

    public var description: String {
        let inner = layers.map { "  " + $0.description }
        return "Chain(\n" + inner.joined(separator: "\n") + "\n)  # \(parameterSummary(parameterCount)) total"
    }
}

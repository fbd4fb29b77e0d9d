import SPSNumeric

/// A fully connected layer `y = x Wᵀ + b` with PyTorch's weight layout (`W` is out×in).
public final class Linear: Layer {
    /// The input width.
    public let inputSize: Int
    /// The output width.
    public let outputSize: Int
    /// The weight matrix, out×in.
    public let weight: Parameter
    /// The bias vector, length out.
    public let bias: Parameter

    private let output = MatrixBuffer()
    private let inputGradient = MatrixBuffer()
    private let packedTranspose: UnsafeMutablePointer<Float>
    private var input: MatrixBuffer?
    public private(set) var forwardCount = 0

    /// Creates a layer with PyTorch's default initialisation: weight and bias uniform in ±1/sqrt(in).
    ///
    /// Draws the weight row by row, then the bias, from `rng` (the `initialization` stream).
    public init(_ inputSize: Int, _ outputSize: Int, rng: inout RandomStream) {
        self.inputSize = inputSize
        self.outputSize = outputSize
        let bound = Float(1 / Double(max(inputSize, 1)).squareRoot())
        weight = Parameter(name: "weight", value: Tensor.rand([outputSize, inputSize], low: -bound, high: bound, using: &rng))
        bias = Parameter(name: "bias", value: Tensor.rand([outputSize], low: -bound, high: bound, using: &rng))
        packedTranspose = .allocate(capacity: max(inputSize * outputSize, 1))
    }

    /// Creates a layer with given weight (out×in) and bias (out).
    public init(weight: Tensor, bias: Tensor) throws(TensorError) {
        guard weight.rank == 2, bias.rank == 1, bias.count == weight.shape[0] else {
            throw TensorError("Linear needs a weight [out, in] and a bias [out], got \(Tensor.format(shape: weight.shape)) and \(Tensor.format(shape: bias.shape))")
        }
        outputSize = weight.shape[0]
        inputSize = weight.shape[1]
        self.weight = Parameter(name: "weight", value: weight)
        self.bias = Parameter(name: "bias", value: bias)
        packedTranspose = .allocate(capacity: max(inputSize * outputSize, 1))
    }

    /// Creates a layer around existing parameters (shared, not copied): weight out×in, bias out.
    ///
    /// A copy of a model made for a parallel run uses the run's copies of the parameters, so that a name the run
    /// holds for one of them (`w = m.parameters[0]`) still names the model's weight.
    public init(weight: Parameter, bias: Parameter) throws(TensorError) {
        guard weight.value.rank == 2, bias.value.rank == 1, bias.count == weight.value.shape[0] else {
            throw TensorError("Linear needs a weight [out, in] and a bias [out], got \(Tensor.format(shape: weight.value.shape)) and \(Tensor.format(shape: bias.value.shape))")
        }
        outputSize = weight.value.shape[0]
        inputSize = weight.value.shape[1]
        self.weight = weight
        self.bias = bias
        packedTranspose = .allocate(capacity: max(inputSize * outputSize, 1))
    }

    deinit { packedTranspose.deallocate() }

    public var parameters: [Parameter] { [weight, bias] }

    public func forward(_ input: MatrixBuffer) throws(TensorError) -> MatrixBuffer {
        guard input.columns == inputSize else {
            throw TensorError("Linear(\(inputSize) => \(outputSize)) expects \(inputSize) input columns, got \(input.columns) (input shape [\(input.rows), \(input.columns)])")
        }
        self.input = input
        forwardCount &+= 1
        let rows = input.rows, n = outputSize, k = inputSize
        output.resize(rows: rows, columns: n)
        weight.value.withUnsafeBufferPointer { w in
            guard let w = w.baseAddress else { return }
            if Kernels.usesBLAS(m: rows, n: n, k: k) {
                Kernels.gemm(m: rows, n: n, k: k, a: input.pointer, lda: k, transposeA: false, b: w, ldb: k, transposeB: true, c: output.pointer, ldc: n, accumulate: false)
            } else {
                for o in 0..<n { for i in 0..<k { packedTranspose[i * n + o] = w[o * k + i] } }
                Kernels.smallGemm(m: rows, n: n, k: k, a: input.pointer, lda: k, transposeA: false, b: packedTranspose, ldb: n, c: output.pointer, ldc: n, accumulate: false)
            }
        }
        bias.value.withUnsafeBufferPointer { b in
            guard let b = b.baseAddress else { return }
            for r in 0..<rows {
                let row = output.pointer + r * n
                for o in 0..<n { row[o] += b[o] }
            }
        }
        return output
    }

    public func backward(_ gradOutput: MatrixBuffer, inputGradient needed: Bool) -> MatrixBuffer {
        guard let input else { return inputGradient }
        let rows = gradOutput.rows, n = outputSize, k = inputSize
        // dW += Gᵀ X  (out×in), db += column sums of G, dX = G W.
        weight.gradient.withUnsafeMutableBufferPointer { dw in
            guard let dw = dw.baseAddress else { return }
            Kernels.gemm(m: n, n: k, k: rows, a: gradOutput.pointer, lda: n, transposeA: true, b: input.pointer, ldb: k, transposeB: false, c: dw, ldc: k, accumulate: true)
        }
        bias.gradient.withUnsafeMutableBufferPointer { db in
            for r in 0..<rows {
                let row = gradOutput.pointer + r * n
                for o in 0..<n { db[o] += row[o] }
            }
        }
        inputGradient.resize(rows: rows, columns: k)
        guard needed else { return inputGradient }
        weight.value.withUnsafeBufferPointer { w in
            guard let w = w.baseAddress else { return }
            Kernels.gemm(m: rows, n: k, k: n, a: gradOutput.pointer, lda: n, transposeA: false, b: w, ldb: k, transposeB: false, c: inputGradient.pointer, ldc: k, accumulate: false)
        }
        return inputGradient
    }

    public func copy() -> any Layer {
        // Shapes were validated when this layer was made, so this cannot fail.
        let result = (try? Linear(weight: weight.value, bias: bias.value)) ?? self
        result.weight.gradient = weight.gradient
        result.bias.gradient = bias.gradient
        return result
    }

    public var description: String {
        "Linear(\(inputSize) => \(outputSize))  # \(parameterSummary(parameterCount))"
    }
}

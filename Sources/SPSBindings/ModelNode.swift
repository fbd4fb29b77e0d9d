import SPSAutodiff
import SPSLanguage
import SPSNumeric
import SPSTraining

/// A native model (Linear, activations and chains of them) applied to a tensor as one recorded operation of the
/// autodiff graph, whose backward pass is the layers' own `backward`.
///
/// The layers cache their input and reuse their output buffers, so the node keeps a copy of its input and of its
/// output, and runs `forward` again before `backward` when any forward happened on the layers since its own (a
/// second `m x2` before the first is differentiated, or `m.layers[1] …`). Parameter gradients go straight into the
/// parameters' `.grad` during `backward` (a training step); for gradients as values (`grad y m`) the parameters'
/// gradients are swapped out for zeros around the layers' backward, so `.grad` never changes. Gradients of
/// gradients (`create`) rebuild the model from differentiable operations on the node's inputs and differentiate
/// that, so they are right by construction.
final class NativeModelRunner {
    let layer: any Layer
    /// The parameters, in `layer.parameters` order (the node's inputs after the model's input).
    let parameters: [Variable]
    /// The input handed to `forward` (the first layer keeps a reference to it until the next forward).
    private let input = MatrixBuffer()
    /// The output gradient handed to `backward`.
    private let outputGradient = MatrixBuffer()

    init(_ layer: any Layer) {
        self.layer = layer
        parameters = layer.parameters
    }

    /// The model applied to `x` (rows × inputs): the predictions, a vector for one output or a matrix, recorded
    /// when `x` or a parameter carries gradients.
    ///
    /// Many rows are run in chunks (as `predict` does), so the layers' buffers stay small; the backward pass then
    /// runs each chunk forward again before its backward.
    func apply(_ x: Variable) throws(TensorError) -> Variable {
        let inputValue = x.value
        guard inputValue.rank == 2 else { throw TensorError("a model's input must be a matrix (rows × inputs), got shape \(Tensor.format(shape: inputValue.shape))") }
        let rows = inputValue.shape[0]
        var storage: [Float] = []
        var outputs = 1
        for range in NativeModelRunner.chunks(rows) {
            let prediction = try forward(inputValue, range)
            outputs = prediction.columns
            if storage.isEmpty { storage.reserveCapacity(rows * outputs) }
            storage.append(contentsOf: UnsafeBufferPointer(start: prediction.pointer, count: prediction.count))
        }
        let counted = layer.forwardCount
        let chunked = rows > NativeModelRunner.chunk
        let value = outputs == 1 ? Tensor(storage) : try Tensor(shape: [rows, outputs], storage: storage)
        return Variable.record("model", value, [x] + parameters) { [self] g, inputs, output, context throws(TensorError) in
            if context.create {
                return try rebuiltGradients(g, inputs, output, context)
            }
            return try nativeGradients(g, inputValue, outputs: outputs, rerun: chunked || layer.forwardCount != counted, context: context)
        }
    }

    /// Rows per forward pass: as `predict` runs them.
    static let chunk = 4096

    /// The row ranges of the chunks of `rows` rows (one empty range for no rows), without an array: a training
    /// step's batch is one chunk.
    static func chunks(_ rows: Int) -> Chunks { Chunks(rows: rows) }

    /// The row ranges of `chunks(_:)`, in order.
    struct Chunks: Sequence, IteratorProtocol {
        let rows: Int
        private var start = 0
        private var done = false

        init(rows: Int) { self.rows = rows }

        mutating func next() -> Range<Int>? {
            guard !done else { return nil }
            let end = Swift.min(start + NativeModelRunner.chunk, rows)
            defer {
                start = end
                done = start >= rows
            }
            return start..<end
        }
    }

    /// Runs the layers on a copy of rows `range` of `x` in the runner's own input buffer.
    private func forward(_ x: Tensor, _ range: Range<Int>) throws(TensorError) -> MatrixBuffer {
        let columns = x.shape[1]
        input.resize(rows: range.count, columns: columns)
        x.withUnsafeBufferPointer { p in
            if let base = p.baseAddress { input.pointer.update(from: base + range.lowerBound * columns, count: range.count * columns) }
        }
        return try layer.forward(input)
    }

    /// The layers' own backward pass: into the parameters' `.grad` during a training step, or as values with the
    /// parameters' `.grad` left as it was. `rerun` runs each chunk forward first (the layers' caches hold another
    /// pass).
    private func nativeGradients(_ g: Variable, _ x: Tensor, outputs: Int, rerun: Bool, context: BackwardContext) throws(TensorError) -> [Variable?] {
        let rows = x.shape[0], columns = x.shape[1]
        let wantsInput = context.needed.first ?? false
        for p in parameters { p.ensureGradient() }
        // Gradients as values: the layers add into `.grad`, so give them zeros to add into and put `.grad` back.
        let kept = context.accumulating ? [] : parameters.map(\.gradient)
        if !context.accumulating { for p in parameters { p.gradient = Tensor.zeros(p.value.shape) } }
        defer { for (p, gradient) in zip(parameters, kept) { p.gradient = gradient } }
        var dx = wantsInput ? [Float](repeating: 0, count: rows * columns) : []
        for range in NativeModelRunner.chunks(rows) {
            if rerun { _ = try forward(x, range) }
            outputGradient.resize(rows: range.count, columns: outputs)
            g.value.withUnsafeBufferPointer { p in
                if let base = p.baseAddress { outputGradient.pointer.update(from: base + range.lowerBound * outputs, count: range.count * outputs) }
            }
            let chunkGradient = layer.backward(outputGradient, inputGradient: wantsInput)
            if wantsInput {
                dx.withUnsafeMutableBufferPointer { d in
                    (d.baseAddress! + range.lowerBound * columns).update(from: chunkGradient.pointer, count: range.count * columns)
                }
            }
        }
        var result: [Variable?] = [wantsInput ? Variable(constant: try Tensor(shape: x.shape, storage: dx)) : nil]
        for (index, p) in parameters.enumerated() {
            let needed = !context.accumulating && index + 1 < context.needed.count && context.needed[index + 1]
            result.append(needed ? Variable(constant: p.gradient) : nil)
        }
        return result
    }

    /// Gradients that can be differentiated again: the model rebuilt from differentiable operations on the node's
    /// inputs (`x @ W.T + b`, the activations), differentiated with `create`.
    private func rebuiltGradients(_ g: Variable, _ inputs: [Variable], _ output: Variable, _ context: BackwardContext) throws(TensorError) -> [Variable?] {
        var remaining = inputs.dropFirst()
        let y = try ModelExpression.build(layer, inputs[0], parameters: &remaining).reshaped(output.shape)
        let wanted = inputs.indices.filter { context.needed[$0] }
        let grads: [Variable]
        do throws(AutodiffError) {
            grads = try Autodiff.gradients(of: y, wrt: wanted.map { inputs[$0] }, seed: g, create: true, allowUnused: true)
        } catch {
            throw TensorError(error.message)
        }
        var result = [Variable?](repeating: nil, count: inputs.count)
        for (k, index) in wanted.enumerated() { result[index] = grads[k] }
        return result
    }
}

/// A native model written out as differentiable operations (Linear: `x @ W.T + b`; the activations), on given
/// parameters: the reference the native node is tested against and what gradients of gradients use.
enum ModelExpression {
    /// The model's output for `x` (rows × inputs) as a matrix, taking the parameters from the front of `parameters`
    /// in `layer.parameters` order.
    static func build(_ layer: any Layer, _ x: Variable, parameters: inout ArraySlice<Variable>) throws(TensorError) -> Variable {
        switch layer {
        case let linear as Linear:
            guard let weight = parameters.popFirst(), let bias = parameters.popFirst() else {
                throw TensorError("internal error: \(linear.description) is missing its parameters")
            }
            let input = x.rank == 2 ? x : try x.reshaped([1, x.count])
            return try input.matmul(weight.transposed()) + bias
        case let activation as Activation:
            switch activation.kind {
            case .relu: return x.relu()
            case .tanh: return x.tanh()
            case .sigmoid: return x.sigmoid()
            case .leakyrelu: return x.leakyRelu(slope: activation.negativeSlope)
            }
        case let chain as Sequential:
            var current = x
            for inner in chain.layers { current = try build(inner, current, parameters: &parameters) }
            return current
        default:
            throw TensorError("\(layer.description) cannot be written as differentiable operations")
        }
    }
}

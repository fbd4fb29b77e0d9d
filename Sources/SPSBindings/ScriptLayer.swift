import SPSAutodiff
import SPSLanguage
import SPSNumeric
import SPSTraining

/// A layer written in sps: a def or block of the input (`model f params=[W, b]`, or a def inside `sequential`),
/// with the params it trains.
///
/// The code runs in the interpreter bound to the layer (the session that made it, or the `repeat` run that uses
/// its copy; bound again on every use from a command). Applied to a tensor that carries gradients it is simply the
/// def's own differentiable operations; as a `Layer` (predictions for `eval`, `mse m data`, the built-in losses in
/// loops) it records the def's graph on each forward and runs `Autodiff.backward` through it.
final class ScriptLayer: Layer {
    /// The def, block or command that computes the output.
    let function: Value
    /// The params, in order (`m.parameters`, what optimizers update, what `save` writes).
    let params: [Variable]
    /// True when the def takes the params after the input (`{ x W b -> … }`), so a copy of the model computes with
    /// the copy's params; false when it reads them by name.
    let takesParams: Bool
    /// A label for printing: the def's name, or `block`.
    let label: String
    /// The interpreter the code runs in; bound on use (nil once it is gone).
    var interpreter: Interpreter? {
        get { interpreterLink?.interpreter }
        set { interpreterLink = newValue?.link }
    }
    /// Where `interpreter` is found (not a weak reference, which would slow every use of the interpreter).
    private var interpreterLink: InterpreterLink?
    /// The error of the last forward that failed in the interpreter, with its location (a `Layer` can only report
    /// a message; commands rethrow this instead).
    var failure: RuntimeError?
    /// True once an application was checked to reach every param (the check walks the graph, so it runs once).
    private var checkedParams = false

    private let output = MatrixBuffer()
    private let inputGradient = MatrixBuffer()
    private var lastInput: Variable?
    private var lastOutput: Variable?
    private(set) var forwardCount = 0

    init(function: Value, params: [Variable], takesParams: Bool, label: String, interpreter: Interpreter?) {
        self.function = function
        self.params = params
        self.takesParams = takesParams
        self.label = label
        self.interpreter = interpreter
    }

    var parameters: [Variable] { params }

    /// The code applied to `x`, checked: it must return a tensor, and one that carries gradients to the params
    /// (and from the input, when the input carries them).
    func apply(_ x: Variable, in interpreter: Interpreter) throws(RuntimeError) -> Variable {
        self.interpreter = interpreter
        let arguments: [Value] = [Value(x)] + (takesParams ? params.map { .native($0) } : [])
        let result = try interpreter.call(function, arguments)
        let y: Variable
        if let v = result.variable {
            y = v
        } else if let t = result.tensor {
            y = Variable(constant: t)
        } else if let n = result.number {
            y = Variable(constant: Tensor(scalar: Float(n)))
        } else {
            throw RuntimeError("the layer \(label) returned \(result.typeName); a layer returns a tensor computed from its input")
        }
        if !y.requiresGrad && (x.requiresGrad || !params.isEmpty) {
            let from = params.isEmpty ? "its input" : "its params (\(params.count))"
            throw RuntimeError("the layer \(label) returned a tensor that does not carry gradients from \(from); compute it from them with differentiable operations (no detach)")
        }
        if !checkedParams && !params.isEmpty {
            if let missing = ScriptLayer.unreached(params, from: y) {
                throw RuntimeError("the layer \(label) does not use param \(missing + 1) of \(params.count)\(params[missing].name.isEmpty ? "" : " (\(params[missing].name))"): its output does not depend on it\(takesParams ? "" : "; if the def reads params by name, list them in params= in the order it uses them")")
            }
            checkedParams = true
        }
        return y
    }

    /// The position of the first param `y`'s graph does not reach, if any.
    static func unreached(_ params: [Variable], from y: Variable) -> Int? {
        var wanted = Set(params.map(ObjectIdentifier.init))
        var visited = Set<ObjectIdentifier>()
        var stack = [y]
        while let v = stack.popLast(), !wanted.isEmpty {
            let id = ObjectIdentifier(v)
            guard visited.insert(id).inserted else { continue }
            wanted.remove(id)
            for input in v.node?.inputs ?? [] where input.requiresGrad { stack.append(input) }
        }
        return params.firstIndex { wanted.contains(ObjectIdentifier($0)) }
    }

    // MARK: - Layer

    func forward(_ input: MatrixBuffer) throws(TensorError) -> MatrixBuffer {
        forwardCount &+= 1
        guard let interpreter else {
            throw TensorError("the layer \(label) is written in sps and has no session to run in here")
        }
        // A leaf, so that backward leaves the input gradient in its `.gradient`.
        let x = Variable(name: "input", value: input.tensor())
        let y: Variable
        do throws(RuntimeError) {
            y = try apply(x, in: interpreter)
            failure = nil
        } catch {
            failure = error
            throw TensorError(error.message)
        }
        let rows = input.rows
        guard rows > 0, y.count % rows == 0, y.rank >= 1, y.value.shape[0] == rows || (y.rank == 1 && y.count == rows) else {
            throw TensorError("the layer \(label) returned shape \(Tensor.format(shape: y.shape)) for \(rows) input rows; it must give one row (or one number) per input row")
        }
        output.resize(rows: rows, columns: y.count / rows)
        y.value.withUnsafeBufferPointer { p in
            if let base = p.baseAddress { output.pointer.update(from: base, count: y.count) }
        }
        lastInput = x
        lastOutput = y
        return output
    }

    func backward(_ gradOutput: MatrixBuffer, inputGradient needed: Bool) -> MatrixBuffer {
        guard let x = lastInput, let y = lastOutput, y.requiresGrad,
              let seed = try? gradOutput.tensor().reshaped(y.shape) else { return inputGradient }
        x.zeroGradient()
        // A failure here (a param changed since forward) leaves the gradients as they were; the loops check
        // versions before they get here.
        _ = try? Autodiff.backward(y, seed: Variable(constant: seed))
        inputGradient.resize(rows: x.value.shape[0], columns: x.value.shape[1])
        x.gradient.withUnsafeBufferPointer { p in
            if let base = p.baseAddress { inputGradient.pointer.update(from: base, count: x.count) }
        }
        return inputGradient
    }

    /// A copy with its own params (copies of the values); the code is shared.
    func copy() -> any Layer {
        let copies = params.map { p in
            let c = Variable(name: p.name, value: p.value)
            c.gradient = p.gradient
            return c
        }
        return ScriptLayer(function: function, params: copies, takesParams: takesParams, label: label, interpreter: interpreter)
    }

    /// The copy a `repeat` run uses: the code with its own captured cells, and the run's copies of the params (so a
    /// param the run reaches by name is the model's param).
    func isolatedCopy(_ isolation: Isolation) -> ScriptLayer {
        let copies = params.map { p in (isolation.copy(p) as? Variable) ?? p }
        return ScriptLayer(function: isolation.copy(function), params: copies, takesParams: takesParams, label: label, interpreter: nil)
    }

    var description: String {
        let count = params.reduce(0) { $0 + $1.count }
        return "Def(\(label))" + (params.isEmpty ? "" : "  # \(parameterSummary(count))")
    }
}

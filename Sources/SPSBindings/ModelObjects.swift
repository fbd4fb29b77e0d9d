import SPSAutodiff
import SPSLanguage
import SPSNumeric
import SPSTraining

/// A model at the prompt: a Linear layer, a chain of layers, or a model written in sps, inspectable between
/// commands and applicable as a differentiable function (`m x`).
final class ModelObject: NativeObject, ParameterOwner {
    let layer: any Layer
    /// True when some layer is written in sps (its code runs in the interpreter).
    let isScripted: Bool
    /// The recorded operations of native layers (a chain's native parts when it also holds sps layers), by layer.
    private var runners: [ObjectIdentifier: NativeModelRunner] = [:]
    /// The runner of the whole model, when it is native.
    private var topRunner: NativeModelRunner?

    init(_ layer: any Layer) {
        self.layer = layer
        isScripted = ModelObject.scriptLayers(in: layer).count > 0
    }

    var typeName: String { "Model" }
    /// Training changes the weights: each run trains its own copy, made of the run's copies of the params (so a
    /// param the run holds by name is still the model's) and, for layers written in sps, of their code.
    var isolation: IsolationPolicy { .copied { isolation in ModelObject(ModelObject.isolatedLayer(self.layer, isolation)) } }
    var shape: String { parameterSummary(layer.parameterCount) }
    var byteSize: Int? { layer.parameterCount * 8 }
    var description: String { layer.description }

    /// The params, each once, in order (`m.parameters`, `grad y m`, what optimizers update).
    var parameterVariables: [Variable] {
        var seen = Set<ObjectIdentifier>()
        return layer.parameters.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// One line: `Linear(3 => 1)` or `Chain(3 => 64 => 64 => 1, relu)`, with the parameter count.
    var summary: String {
        guard let chain = layer as? Sequential else { return layer.description }
        if isScripted || chain.layers.contains(where: { !($0 is Linear || $0 is Activation) }) {
            let parts = chain.layers.map { ($0 as? ScriptLayer).map { "Def(\($0.label))" } ?? ($0.description.components(separatedBy: "  #").first ?? "") }
            return "Chain(\(parts.joined(separator: ", ")))  # \(parameterSummary(layer.parameterCount))"
        }
        let sizes = linears.map(\.inputSize) + [linears.last?.outputSize ?? 0]
        let activations = Set(chain.layers.compactMap { ($0 as? Activation)?.description })
        return "Chain(\(sizes.map(String.init).joined(separator: " => "))\(activations.isEmpty ? "" : ", " + activations.sorted().joined(separator: ", ")))  # \(parameterSummary(layer.parameterCount))"
    }

    var linears: [Linear] {
        if let linear = layer as? Linear { return [linear] }
        return (layer as? Sequential)?.layers.compactMap { $0 as? Linear } ?? []
    }

    /// The first layer that computes something (skipping into chains), when it is a Linear: the model's input width.
    var firstLinear: Linear? { ModelObject.edgeLinear(layer, first: true) }
    /// The last layer that computes something, when it is a Linear: the model's output width.
    var lastLinear: Linear? { ModelObject.edgeLinear(layer, first: false) }

    static func edgeLinear(_ layer: any Layer, first: Bool) -> Linear? {
        switch layer {
        case let linear as Linear: return linear
        case let chain as Sequential:
            for inner in (first ? chain.layers : chain.layers.reversed()) {
                if inner is Activation { continue }
                return edgeLinear(inner, first: first)
            }
            return nil
        default: return nil
        }
    }

    /// The layers written in sps inside `layer`.
    static func scriptLayers(in layer: any Layer) -> [ScriptLayer] {
        switch layer {
        case let script as ScriptLayer: return [script]
        case let chain as Sequential: return chain.layers.flatMap(scriptLayers)
        default: return []
        }
    }

    /// Binds the layers written in sps to the interpreter of the command using the model.
    func bind(_ interpreter: Interpreter) {
        guard isScripted else { return }
        for script in ModelObject.scriptLayers(in: layer) { script.interpreter = interpreter }
    }

    /// A deep copy for a `repeat` run: parameters through the isolation (one copy per param, however reached).
    static func isolatedLayer(_ layer: any Layer, _ isolation: Isolation) -> any Layer {
        switch layer {
        case let linear as Linear:
            guard let w = isolation.copy(linear.weight) as? Variable, let b = isolation.copy(linear.bias) as? Variable,
                  let copy = try? Linear(weight: w, bias: b) else { return linear.copy() }
            return copy
        case let chain as Sequential: return Sequential(chain.layers.map { isolatedLayer($0, isolation) })
        case let script as ScriptLayer: return script.isolatedCopy(isolation)
        default: return layer.copy()
        }
    }

    // MARK: - Applying the model

    /// `m x` as a differentiable function: the predictions carry gradients to the params (and to `x` when it
    /// carries them). Native layers are one recorded operation each (a whole native model is one); layers written
    /// in sps run their own operations.
    func apply(_ x: Variable, in interpreter: Interpreter) throws(RuntimeError) -> Variable {
        bind(interpreter)
        var input = x
        if x.rank == 1 {
            do throws(TensorError) { input = try x.reshaped([1, x.count]) } catch { throw RuntimeError(error) }
        }
        guard input.rank == 2 else {
            throw RuntimeError("a model is applied to rows of features (a matrix, or one row as a vector), got shape \(Tensor.format(shape: x.shape))")
        }
        // A native model (the common case) is one recorded operation, without walking its layers.
        let result = isScripted ? try apply(layer, input, interpreter) : try runner(for: layer, input)
        // One output per row comes back as a vector, as predictions always have.
        if result.rank == 2 && result.shape[1] == 1 {
            do throws(TensorError) { return try result.reshaped([result.shape[0]]) } catch { throw RuntimeError(error) }
        }
        return result
    }

    private func apply(_ layer: any Layer, _ x: Variable, _ interpreter: Interpreter) throws(RuntimeError) -> Variable {
        switch layer {
        case let script as ScriptLayer:
            return try script.apply(x, in: interpreter)
        case let chain as Sequential where ModelObject.scriptLayers(in: chain).count > 0:
            var current = x
            for inner in chain.layers {
                if current.rank == 1 {
                    do throws(TensorError) { current = try current.reshaped([current.count, 1]) } catch { throw RuntimeError(error) }
                }
                current = try apply(inner, current, interpreter)
            }
            return current
        default:
            return try runner(for: layer, x)
        }
    }

    /// A native layer applied as one recorded operation (its runner keeps the buffers from call to call).
    private func runner(for layer: any Layer, _ x: Variable) throws(RuntimeError) -> Variable {
        let runner: NativeModelRunner
        if layer === self.layer, let top = topRunner {
            runner = top
        } else {
            let id = ObjectIdentifier(layer)
            runner = runners[id] ?? NativeModelRunner(layer)
            runners[id] = runner
            if layer === self.layer { topRunner = runner }
        }
        do throws(TensorError) { return try runner.apply(x) } catch { throw RuntimeError(error) }
    }

    /// Predictions for rows of features as plain values (evaluation): the layers' forward pass in chunks.
    func predictions(_ features: Tensor, _ interpreter: Interpreter) throws(RuntimeError) -> Tensor {
        bind(interpreter)
        do throws(TensorError) {
            return try predict(layer, features)
        } catch {
            throw scriptFailure() ?? RuntimeError(error)
        }
    }

    /// A metric of the model on a dataset.
    func evaluate(on data: Dataset, metric: Metric, _ interpreter: Interpreter) throws(RuntimeError) -> Double {
        let p = try predictions(data.features, interpreter)
        do throws(TensorError) { return try metric.value(p, data.target) } catch { throw RuntimeError(error) }
    }

    /// The error (with its location) of an sps layer whose forward pass just failed.
    func scriptFailure() -> RuntimeError? {
        for script in ModelObject.scriptLayers(in: layer) {
            if let failure = script.failure {
                script.failure = nil
                return failure
            }
        }
        return nil
    }

    var memberNames: [String] { ["weight", "bias", "grad", "layers", "params", "parameters", "inputs", "outputs"] }

    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "weight": return .tensor(try single("weight").weight.value)
        case "bias": return .tensor(try single("bias").bias.value)
        case "params": return .number(Double(layer.parameterCount))
        case "parameters": return .list(parameterVariables.map { .native($0) })
        case "inputs": return firstLinear.map { .number(Double($0.inputSize)) } ?? .nil
        case "outputs": return lastLinear.map { .number(Double($0.outputSize)) } ?? .nil
        case "layers":
            if let chain = layer as? Sequential { return .list(chain.layers.map { .native(ModelObject($0)) }) }
            return .list([.native(self)])
        case "grad":
            if linears.isEmpty && !parameterVariables.isEmpty {
                return .list(parameterVariables.map { .tensor($0.gradient.shape == $0.value.shape ? $0.gradient : Tensor.zeros($0.value.shape)) })
            }
            let records = linears.map { Value.record(Record([("weight", .tensor($0.weight.gradient)), ("bias", .tensor($0.bias.gradient))])) }
            return layer is Linear ? records.first ?? .nil : .list(records)
        default: return nil
        }
    }

    /// The one Linear layer, or an error pointing at `layers` for deeper models.
    func single(_ member: String) throws(RuntimeError) -> Linear {
        if let linear = layer as? Linear { return linear }
        if linears.isEmpty { throw RuntimeError("a \(layer.description) layer has no \(member)") }
        throw RuntimeError("this model has \(linears.count) linear layers; use m.layers[i].\(member) (layers: \((layer as? Sequential)?.layers.count ?? 0))")
    }

    func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws(RuntimeError) -> Bool {
        guard name == "weight" || name == "bias" else { return false }
        let linear = try single(name)
        let parameter = name == "weight" ? linear.weight : linear.bias
        let tensor = try Interpreter.toTensor(value, what: "m.\(name)")
        guard tensor.count == parameter.count else {
            throw RuntimeError("m.\(name) has shape \(Tensor.format(shape: parameter.value.shape)); cannot set it to a tensor of shape \(Tensor.format(shape: tensor.shape))")
        }
        parameter.value = (try? tensor.reshaped(parameter.value.shape)) ?? parameter.value
        parameter.markChanged()
        return true
    }

    func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value {
        guard indices.count == 1, let i = indices[0].integer else { throw RuntimeError("a Model is indexed by a layer number: m[0]") }
        let layers = (layer as? Sequential)?.layers ?? [layer]
        let k = i < 0 ? i + layers.count : i
        guard k >= 0 && k < layers.count else { throw RuntimeError("layer \(i) is out of range; this model has \(layers.count) layers") }
        return .native(ModelObject(layers[k]))
    }

    /// `m x`: predictions for a tensor of rows, a dataset's features or a batch's, carrying gradients to the params.
    func call(_ arguments: [Value], keywords: [(String, Value)], in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        guard arguments.count == 1, keywords.isEmpty else { throw RuntimeError("a model is applied to one tensor, dataset or batch: m x") }
        let x: Variable
        switch arguments[0] {
        case .native(let batch as BatchObject): x = Variable(constant: batch.batch.features)
        case .native(let v as Variable): x = v
        case let value:
            if let data = value.dataset { x = Variable(constant: data.features) } else {
                x = Variable(constant: try Interpreter.toTensor(value, what: "the model's input"))
            }
        }
        return Value(try apply(x, in: interpreter))
    }
}

/// An optimizer's kind and settings; a loop makes the optimizer itself over its model's parameters.
final class OptimizerObject: NativeObject {
    enum Kind: Sendable { case sgd, adam, adamw }
    let kind: Kind
    let learningRate: Double, momentum: Double, dampening: Double, weightDecay: Double, nesterov: Bool
    let beta1: Double, beta2: Double, epsilon: Double

    init(kind: Kind, learningRate: Double, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
         nesterov: Bool = false, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.kind = kind
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Makes the optimizer over `parameters`, validating every setting.
    func make(_ parameters: [SPSTraining.Parameter]) throws(RuntimeError) -> Optimizer {
        do {
            switch kind {
            case .sgd: return try SGD(parameters: parameters, learningRate: learningRate, momentum: momentum, dampening: dampening, weightDecay: weightDecay, nesterov: nesterov)
            case .adam, .adamw: return try Adam(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay, decoupled: kind == .adamw)
            }
        } catch {
            throw RuntimeError(error)
        }
    }

    var typeName: String { "Optimizer" }
    /// Settings only (a loop makes its own optimizer state from them): runs share it.
    var isolation: IsolationPolicy { .immutable }
    var description: String {
        let decay = weightDecay != 0 ? " weight_decay=\(formatNumber(weightDecay))" : ""
        switch kind {
        case .sgd: return "sgd lr=\(formatNumber(learningRate))" + (momentum != 0 ? " momentum=\(formatNumber(momentum))" : "") + (nesterov ? " nesterov=true" : "") + decay
        case .adam: return "adam lr=\(formatNumber(learningRate))" + decay
        case .adamw: return "adamw lr=\(formatNumber(learningRate))" + decay
        }
    }
    var memberNames: [String] { ["lr"] }
    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        name == "lr" ? .number(learningRate) : nil
    }
}

/// A learning-rate schedule's kind and settings, copied into each loop that uses it.
final class ScheduleObject: NativeObject {
    let schedule: Schedule
    init(_ schedule: Schedule) { self.schedule = schedule }
    var typeName: String { "Schedule" }
    /// Settings only (each loop keeps its own copy): runs share it.
    var isolation: IsolationPolicy { .immutable }
    var description: String { schedule.description }
}

/// Formats a number the way the language prints it.
package func formatNumber(_ x: Double) -> String { Value.number(x).description }

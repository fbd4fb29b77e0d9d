import SPSLanguage
import SPSNumeric
import SPSTraining

/// A model at the prompt: a Linear layer or a chain of layers, inspectable between commands.
final class ModelObject: NativeObject {
    let layer: any Layer
    init(_ layer: any Layer) { self.layer = layer }

    var typeName: String { "Model" }
    /// Training changes the weights: each run trains its own copy.
    var isolation: IsolationPolicy { .copied { _ in ModelObject(self.layer.copy()) } }
    var shape: String { parameterSummary(layer.parameterCount) }
    var byteSize: Int? { layer.parameterCount * 8 }
    var description: String { layer.description }

    /// One line: `Linear(3 => 1)` or `Chain(3 => 64 => 64 => 1, relu)`, with the parameter count.
    var summary: String {
        guard let chain = layer as? Sequential else { return layer.description }
        let sizes = linears.map(\.inputSize) + [linears.last?.outputSize ?? 0]
        let activations = Set(chain.layers.compactMap { ($0 as? Activation)?.description })
        return "Chain(\(sizes.map(String.init).joined(separator: " => "))\(activations.isEmpty ? "" : ", " + activations.sorted().joined(separator: ", ")))  # \(parameterSummary(layer.parameterCount))"
    }

    var linears: [Linear] {
        if let linear = layer as? Linear { return [linear] }
        return (layer as? Sequential)?.layers.compactMap { $0 as? Linear } ?? []
    }

    var memberNames: [String] { ["weight", "bias", "grad", "layers", "params", "inputs", "outputs"] }

    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "weight": return .tensor(try single("weight").weight.value)
        case "bias": return .tensor(try single("bias").bias.value)
        case "params": return .number(Double(layer.parameterCount))
        case "inputs": return linears.first.map { .number(Double($0.inputSize)) } ?? .nil
        case "outputs": return linears.last.map { .number(Double($0.outputSize)) } ?? .nil
        case "layers":
            if let chain = layer as? Sequential { return .list(chain.layers.map { .native(ModelObject($0)) }) }
            return .list([.native(self)])
        case "grad":
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
        return true
    }

    func index(_ indices: [Value], in interpreter: Interpreter) throws(RuntimeError) -> Value {
        guard indices.count == 1, let i = indices[0].integer else { throw RuntimeError("a Model is indexed by a layer number: m[0]") }
        let layers = (layer as? Sequential)?.layers ?? [layer]
        let k = i < 0 ? i + layers.count : i
        guard k >= 0 && k < layers.count else { throw RuntimeError("layer \(i) is out of range; this model has \(layers.count) layers") }
        return .native(ModelObject(layers[k]))
    }

    /// `m x`: predictions for a tensor of rows or a dataset's features.
    func call(_ arguments: [Value], keywords: [(String, Value)], in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        guard arguments.count == 1, keywords.isEmpty else { throw RuntimeError("a model is applied to one tensor or dataset: m x") }
        let input: Tensor
        if let data = arguments[0].dataset { input = data.features } else {
            var t = try Interpreter.toTensor(arguments[0], what: "the model's input")
            if t.rank == 1 { t = (try? t.reshaped([1, t.count])) ?? t }
            input = t
        }
        do { return .tensor(try predict(layer, input)) } catch { throw RuntimeError(error) }
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

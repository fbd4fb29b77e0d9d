import SPSAutodiff
import SPSLanguage
import SPSNumeric
import SPSTraining

/// Commands that make params and models written in sps: `param` (with PyTorch's initializations), `act`,
/// `sequential` and `model`.
enum CustomModelCommands {
    static func all() -> [Command] { [param, act, sequential, model] }

    // MARK: - param

    /// The initializations `param` knows, by name.
    static let initializations = ["zeros", "ones", "normal", "uniform", "linear", "kaiming_uniform", "kaiming_normal", "xavier_uniform", "xavier_normal"]

    static let param = Command(
        "param", topic: "gradients", summary: "a trainable tensor (a param): of a shape with an initialization, or from a value",
        help: """
        `param [64, 3]` makes a 64×3 param initialized as PyTorch's nn.Linear initializes its weight (init=linear:
        uniform in ±1/sqrt(fan_in), which is kaiming_uniform with a=√5); `param (tensor …)` and `param 1.0` start from
        a value. init= chooses PyTorch's initializations: zeros, ones, normal (mean=, std=), uniform (low=, high=),
        linear, kaiming_uniform and kaiming_normal (nonlinearity=, a=, mode=fan_in or fan_out), xavier_uniform and
        xavier_normal (gain=). fan_in and fan_out are PyTorch's: for a weight [out, in, …] they are in and out times
        the product of the other sizes; a vector has none, so a bias needs fan_in= (`param [64] fan_in=3` is
        nn.Linear's bias, and init=linear is the default when fan_in= is given; zeros otherwise). Random draws
        come from the session's initialization stream, so `seed n` replays them.
        """,
        example: "w = param [64, 3]\nb = param [64] fan_in=3\nscale = param 1.0 name=\"scale\"\nv = param [10] init=normal std=0.01",
        parameters: [.positional("value", .any, "a shape (a list of sizes), a tensor or a number"),
                     .keyword("init", .columnName, optional: true, "zeros, ones, normal, uniform, linear, kaiming_uniform, kaiming_normal, xavier_uniform, xavier_normal").choices(initializations),
                     .keyword("name", .string, optional: true, "a name for printing and errors"),
                     .keyword("mean", .number, default: .number(0), "normal: the mean"),
                     .keyword("std", .number, default: .number(1), "normal: the standard deviation"),
                     .keyword("low", .number, default: .number(0), "uniform: the lower end"),
                     .keyword("high", .number, default: .number(1), "uniform: the upper end"),
                     .keyword("fan_in", .integer, optional: true, "the fan-in (needed for a vector: a bias)"),
                     .keyword("fan_out", .integer, optional: true, "the fan-out (xavier and mode=fan_out, for a vector)"),
                     .keyword("mode", .columnName, default: .string("fan_in"), "kaiming: fan_in or fan_out").choices(["fan_in", "fan_out"]),
                     .keyword("nonlinearity", .columnName, default: .string("leaky_relu"), "kaiming: the activation that follows (its gain)").choices(["linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]),
                     .keyword("a", .number, default: .number(0), "kaiming with leaky_relu: the negative slope"),
                     .keyword("gain", .number, default: .number(1), "xavier: the scale")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let value = try args.value("value")
        let name = try args["name"].map { _ throws(RuntimeError) in try args.string("name") } ?? ""
        let initName = try args["init"].flatMap { $0.isNil ? nil : $0 }.map { _ throws(RuntimeError) in try args.string("init") }
        // A value: the param starts from it.
        if value.elements == nil || value.tensor != nil {
            if initName != nil {
                throw RuntimeError("init= needs a shape (a list of sizes such as [64, 3]); this param starts from the value given", at: args.location(of: "init"))
            }
            let start: Tensor
            if let v = value.variable { start = v.value } else { start = try args.tensor("value") }
            return .native(Variable(name: name, value: start))
        }
        let shape = try shapeArgument(value, args)
        let count = try Limits.checkTensor(shape, "the param")
        try Limits.checkMemory(count &* 8, "the param")
        let fanIn = try args["fan_in"].flatMap { $0.isNil ? nil : $0 }.map { _ throws(RuntimeError) in try positive(args, "fan_in") }
        let fanOut = try args["fan_out"].flatMap { $0.isNil ? nil : $0 }.map { _ throws(RuntimeError) in try positive(args, "fan_out") }
        let kind = initName ?? (shape.count >= 2 || fanIn != nil ? "linear" : "zeros")
        guard initializations.contains(kind) else {
            throw RuntimeError("unknown initialization '\(kind)' (use \(initializations.joined(separator: ", ")))\(Suggestions.hint(for: kind, in: initializations))", at: args.location(of: "init"))
        }
        // PyTorch's fans: [out, in, k…] gives in·k… and out·k…; a vector or number has none unless given.
        let receptive = shape.count > 2 ? shape[2...].reduce(1, *) : 1
        func fans() throws(RuntimeError) -> (Int, Int) {
            let fin = fanIn ?? (shape.count >= 2 ? shape[1] * receptive : nil)
            let fout = fanOut ?? (shape.count >= 2 ? shape[0] * receptive : nil)
            let what = shape.count == 1 ? "a vector" : "a number"
            guard let fin else {
                throw RuntimeError("init=\(kind) needs the fan-in, and \(what) has none: give fan_in= (a bias: the layer's number of inputs)", at: args.location(of: "value"))
            }
            let needsOut = kind.hasPrefix("xavier") || (kind.hasPrefix("kaiming") && (try? args.string("mode")) == "fan_out")
            if needsOut && fout == nil {
                throw RuntimeError("init=\(kind) needs the fan-out, and \(what) has none: give fan_out=", at: args.location(of: "value"))
            }
            return (fin, fout ?? 0)
        }
        let start: Tensor
        switch kind {
        case "zeros": start = Tensor.zeros(shape)
        case "ones": start = Tensor.ones(shape)
        case "normal":
            let mean = try args.number("mean"), std = try args.number("std")
            guard mean.isFinite, std.isFinite, std >= 0 else { throw RuntimeError("normal needs a finite mean and std >= 0", at: args.location(of: "std")) }
            start = normal(shape, mean: mean, std: std, args)
        case "uniform":
            let low = try args.number("low"), high = try args.number("high")
            guard low.isFinite, high.isFinite, low <= high else {
                throw RuntimeError("uniform needs finite low <= high, got low=\(formatNumber(low)) high=\(formatNumber(high))", at: args.location(of: "high"))
            }
            var rng = args.interpreter.nextStream(.initialization)
            start = Tensor.rand(shape, low: Float(low), high: Float(high), using: &rng)
        case "linear":
            let (fin, _) = try fans()
            // nn.Linear: kaiming_uniform with a = √5, which is uniform in ±1/sqrt(fan_in) (Linear's own draws).
            let bound = Float(1 / Double(max(fin, 1)).squareRoot())
            var rng = args.interpreter.nextStream(.initialization)
            start = Tensor.rand(shape, low: -bound, high: bound, using: &rng)
        case "kaiming_uniform", "kaiming_normal":
            let (fin, fout) = try fans()
            let mode = try args.string("mode")
            guard mode == "fan_in" || mode == "fan_out" else {
                throw RuntimeError("mode must be fan_in or fan_out, got '\(mode)'", at: args.location(of: "mode"))
            }
            let fan = Double(mode == "fan_in" ? fin : fout)
            guard fan > 0 else { throw RuntimeError("init=\(kind) with mode=\(mode) needs a positive \(mode)=", at: args.location(of: "value")) }
            let gain = try CustomModelCommands.gain(args)
            start = scaled(shape, std: gain / fan.squareRoot(), normal: kind == "kaiming_normal", args)
        default:  // xavier_uniform, xavier_normal
            let (fin, fout) = try fans()
            let gain = try args.number("gain")
            guard gain.isFinite, gain > 0 else { throw RuntimeError("gain must be a positive number", at: args.location(of: "gain")) }
            start = scaled(shape, std: gain * (2 / Double(max(fin + fout, 1))).squareRoot(), normal: kind == "xavier_normal", args)
        }
        return .native(Variable(name: name, value: start))
    }

    /// A list of sizes as a shape, checked.
    static func shapeArgument(_ value: Value, _ args: Arguments) throws(RuntimeError) -> [Int] {
        var shape: [Int] = []
        for item in value.elements ?? [] {
            guard let n = item.integer, n >= 0 else {
                throw RuntimeError("a param's shape is a list of sizes (whole numbers >= 0), got \(item.quotedInMessage); for a param from values write param (tensor [...])", at: args.location(of: "value"))
            }
            shape.append(n)
        }
        return shape
    }

    static func positive(_ args: Arguments, _ name: String) throws(RuntimeError) -> Int {
        let n = try args.integer(name)
        guard n >= 1 else { throw RuntimeError("\(name) must be a positive integer, got \(n)", at: args.location(of: name)) }
        return n
    }

    /// Normal draws `mean + std · N(0, 1)`, element by element from the next initialization stream.
    /// Kaiming's and Xavier's draws: N(0, std²), or the uniform distribution with that standard deviation
    /// (±√3·std).
    static func scaled(_ shape: [Int], std: Double, normal isNormal: Bool, _ args: Arguments) -> Tensor {
        if isNormal { return normal(shape, mean: 0, std: std, args) }
        let bound = Float(3.0.squareRoot() * std)
        var rng = args.interpreter.nextStream(.initialization)
        return Tensor.rand(shape, low: -bound, high: bound, using: &rng)
    }

    static func normal(_ shape: [Int], mean: Double, std: Double, _ args: Arguments) -> Tensor {
        var rng = args.interpreter.nextStream(.initialization)
        var values = [Float](repeating: 0, count: shape.reduce(1, *))
        for i in values.indices { values[i] = Float(mean + std * rng.nextNormal()) }
        return (try? Tensor(shape: shape, storage: values)) ?? Tensor.zeros(shape)
    }

    /// PyTorch's `calculate_gain` for kaiming's nonlinearity= (and a= for leaky_relu).
    static func gain(_ args: Arguments) throws(RuntimeError) -> Double {
        let name = try args.string("nonlinearity")
        switch name {
        case "linear", "sigmoid": return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let a = try args.number("a")
            guard a.isFinite else { throw RuntimeError("a must be a finite number", at: args.location(of: "a")) }
            return (2 / (1 + a * a)).squareRoot()
        case "selu": return 0.75
        default:
            let known = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]
            throw RuntimeError("unknown nonlinearity '\(name)' (use \(known.joined(separator: ", ")))\(Suggestions.hint(for: name, in: known))", at: args.location(of: "nonlinearity"))
        }
    }

    // MARK: - Layers and models

    static let act = Command(
        "act", topic: "models", summary: "an activation layer (relu, tanh, sigmoid, leaky_relu), to compose with sequential",
        example: "sequential [linear 3 64, act relu, linear 64 1]\nact leaky_relu slope=0.1",
        parameters: [.positional("kind", .columnName, "relu, tanh, sigmoid or leaky_relu").choices(ActivationKind.allCases.map(\.rawValue)),
                     .keyword("slope", .number, default: .number(0.01), "leaky_relu: the slope for negative inputs")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let name = try args.string("kind")
        guard let kind = ActivationKind(name: name) else {
            throw RuntimeError("unknown activation '\(name)' (use relu, tanh, sigmoid or leaky_relu)\(Suggestions.hint(for: name, in: ActivationKind.allCases.map(\.rawValue)))", at: args.location(of: "kind"))
        }
        let slope = try args.number("slope")
        guard slope.isFinite else { throw RuntimeError("slope must be a finite number", at: args.location(of: "slope")) }
        return .native(ModelObject(Activation(kind, negativeSlope: Float(slope))))
    }

    static let sequential = Command(
        "sequential", topic: "models", summary: "a model made of layers applied in order: models, activations, and defs",
        help: """
        Each item is a model (`linear 3 64`, an `mlp`, a `model` written in sps), an activation (`act relu`, or the
        command relu, tanh, sigmoid), or a def of one tensor (a layer without params, such as `double` after
        `def double x { x * 2 }`). The layers are shared, not copied: training the chain trains a model listed in it (use
        `copy m` for one with its own weights). Trained by loop and fit, evaluated and saved like any model.
        """,
        example: "m = sequential [linear 3 64, act relu, linear 64 64, act tanh, linear 64 1]",
        parameters: [.positional("layers", .list, "the layers, in order")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let items = try args.value("layers").elements ?? []
        let at = args.location(of: "layers")
        guard !items.isEmpty else { throw RuntimeError("sequential needs at least one layer", at: at) }
        var layers: [any Layer] = []
        for (index, item) in items.enumerated() {
            layers.append(try layer(item, position: index + 1, args.interpreter, at: at))
        }
        layers = try distinct(layers, at: at)
        // Widths that can be known (Linear layers) must fit from one layer to the next.
        var width: (Int, Int)?  // (width, the layer that gives it)
        for (index, layer) in layers.enumerated() {
            if layer is Activation { continue }
            let inner = ModelObject(layer)
            if let first = inner.firstLinear, let (given, from) = width, first.inputSize != given {
                throw RuntimeError("layer \(index + 1) (\(first.description.components(separatedBy: "  #")[0])) takes \(first.inputSize) inputs but layer \(from) gives \(given)", at: at)
            }
            width = inner.lastLinear.map { ($0.outputSize, index + 1) }
        }
        return .native(ModelObject(Sequential(layers)))
    }

    /// One item of `sequential` as a layer.
    static func layer(_ item: Value, position: Int, _ interpreter: Interpreter, at location: SourceLocation?) throws(RuntimeError) -> any Layer {
        switch item {
        case .native(let model as ModelObject):
            return model.layer
        case .closure(let closure):
            guard closure.proto.parameterNames.count >= 1 else {
                throw RuntimeError("layer \(position) of sequential is a \(item.typeName) without parameters; a layer is a def of its input (def layer x { … })", at: location)
            }
            return ScriptLayer(function: item, params: [], takesParams: false, label: label(item), interpreter: interpreter)
        case .command(let command):
            if let kind = ActivationKind(name: command.name) { return Activation(kind) }
            return ScriptLayer(function: item, params: [], takesParams: false, label: command.name, interpreter: interpreter)
        default:
            throw RuntimeError("layer \(position) of sequential is a \(item.typeName); layers are models (linear 3 64, act relu) and defs", at: location)
        }
    }

    /// The layers with every repeated one made distinct: a layer without params is copied (its caches are its
    /// own); a layer with params cannot appear twice (its backward pass would mix the two uses).
    static func distinct(_ layers: [any Layer], at location: SourceLocation?) throws(RuntimeError) -> [any Layer] {
        var seen = Set<ObjectIdentifier>()
        func walk(_ layer: any Layer, _ position: Int) throws(RuntimeError) -> any Layer {
            if let chain = layer as? Sequential, seen.insert(ObjectIdentifier(chain)).inserted {
                var inner: [any Layer] = []
                for l in chain.layers { inner.append(try walk(l, position)) }
                return zip(inner, chain.layers).allSatisfy { $0 === $1 } ? chain : Sequential(inner)
            }
            if seen.insert(ObjectIdentifier(layer)).inserted { return layer }
            if layer.parameters.isEmpty { return layer.copy() }
            throw RuntimeError("layer \(position) (\(layer.description.components(separatedBy: "  #")[0])) appears twice in this sequential; give the second use its own weights with copy m, or apply it twice in a model written as a def", at: location)
        }
        var result: [any Layer] = []
        for (index, layer) in layers.enumerated() { result.append(try walk(layer, index + 1)) }
        return result
    }

    /// How a def or command prints as a layer.
    static func label(_ function: Value) -> String {
        switch function {
        case .closure(let c): return c.proto.kind == .def ? c.proto.name : "block"
        case .command(let c): return c.name
        default: return function.typeName
        }
    }

    static let model = Command(
        "model", topic: "models", summary: "a model written in sps: a def of the input, with the params it trains",
        help: """
        `model f params=[W1, b1, W2, b2]` applies f to the input rows and trains the params listed (in that order:
        m.parameters, what optimizers update and what save writes). f takes the input alone and uses the params by
        name, or takes the input and then each param (`def lin x W b { x @ W.T + b }`), which lets `copy m` make a model
        with its own params. It must return one row of predictions per input row computed from the params with
        differentiable operations. Trained by loop and fit, evaluated by eval, mse and plots, copied for each repeat
        run, saved (the params) and loaded into a model made by the same code (load_model … into=m).
        """,
        example: "W = param [1, 3]\nb = param [1] fan_in=3\ndef lin x { x @ W.T + b }\nm = model lin params=[W, b]",
        parameters: [.positional("f", .callable, "a def of the input rows (and, optionally, of each param)"),
                     .keyword("params", .list, default: .list([]), "the params it trains, in order")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let f = try args.value("f")
        let items = try args.value("params").elements ?? []
        var params: [Variable] = []
        var seen = Set<ObjectIdentifier>()
        for (index, item) in items.enumerated() {
            guard let p = item.variable, p.isLeaf, p.requiresGrad else {
                let what = item.variable != nil ? "a tensor computed from params" : "a \(item.typeName) that is not a param"
                throw RuntimeError("item \(index + 1) of params is \(what); list the params the model trains (make them with param)", at: args.location(of: "params"))
            }
            guard seen.insert(ObjectIdentifier(p)).inserted else {
                throw RuntimeError("item \(index + 1) of params is listed twice", at: args.location(of: "params"))
            }
            params.append(p)
        }
        var takesParams = false
        if case .closure(let closure) = f {
            let arity = closure.proto.parameterNames.count
            if arity == 1 + params.count && !params.isEmpty {
                takesParams = true
            } else if arity != 1 {
                throw RuntimeError("f takes \(arity) arguments; it must take the input alone (and use its params by name), or the input and then each of the \(params.count) params", at: args.location(of: "f"))
            }
        }
        return .native(ModelObject(ScriptLayer(function: f, params: params, takesParams: takesParams, label: label(f), interpreter: args.interpreter)))
    }
}

import SPSAutodiff
import SPSNumeric

// Building and joining tensors (arange, linspace, diag, outer, stack, hstack, vstack) and choosing elementwise
// (where, clip, minimum, maximum, pow, logical_and …). Names and semantics follow numpy unless sps already had
// its own; where they differ, the help says so.

extension Arguments {
    /// Where the `k`-th value given to the variadic parameter is written, or nil.
    public func location(ofVariadic k: Int) -> SourceLocation? {
        k < variadicLocations.count ? variadicLocations[k] : nil
    }

    /// Argument `name` as a tensor (numbers and lists of numbers are converted); a wrong type is an error at the
    /// argument naming its type.
    func tensorArgument(_ name: String) throws(RuntimeError) -> Tensor {
        do throws(RuntimeError) { return try tensor(name) } catch { throw located(error, name) }
    }

    /// The error with the location of argument `name` (when it has none yet).
    func located(_ error: RuntimeError, _ name: String) -> RuntimeError {
        location(of: name).map { error.located($0) } ?? error
    }

    /// An optional `axis=` keyword, checked against a tensor's rank (negative axes count from the end).
    func axis(for t: Tensor, _ name: String = "axis") throws(RuntimeError) -> Int? {
        guard let value = self[name], !value.isNil else { return nil }
        guard let axis = value.integer else {
            throw RuntimeError("\(name)= must be an integer, got \(value.typeName) \(Interpreter.short(value))", at: location(of: name))
        }
        guard axis >= -t.rank && axis < t.rank else {
            throw RuntimeError("axis \(axis) is out of range for a tensor of shape \(Tensor.format(shape: t.shape)) (rank \(t.rank))", at: location(of: name))
        }
        return axis < 0 ? axis + t.rank : axis
    }

    /// The tensors given to a variadic parameter, one by one or as one list of tensors; an argument that is not a
    /// tensor is an error at that argument.
    func tensors(_ name: String) throws(RuntimeError) -> [Tensor] {
        var values = rest(name)
        var inOneList = false
        if values.count == 1, case .list(let inner) = values[0], inner.contains(where: { $0.tensor != nil || $0.elements != nil }) {
            values = inner.values
            inOneList = true
        }
        guard !values.isEmpty else {
            throw RuntimeError("\(command.name) needs at least one tensor, e.g. \(command.example)", at: location)
        }
        var out: [Tensor] = []
        for (k, v) in values.enumerated() {
            do throws(RuntimeError) {
                out.append(try Interpreter.toTensor(v, what: "\(command.name): tensor \(k + 1)"))
            } catch {
                throw inOneList ? error : (location(ofVariadic: k).map { error.located($0) } ?? error)
            }
        }
        return out
    }

    /// The values given to a variadic parameter (one by one or as one list) as variables, when any of them
    /// carries gradients; nil when none does (the plain-tensor path then applies).
    func variables(_ name: String) throws(RuntimeError) -> [Variable]? {
        var values = rest(name)
        var inOneList = false
        if values.count == 1, case .list(let inner) = values[0] {
            values = inner.values
            inOneList = true
        }
        guard values.contains(where: { $0.variable?.requiresGrad ?? false }) else { return nil }
        var out: [Variable] = []
        for (k, v) in values.enumerated() {
            do throws(RuntimeError) {
                out.append(try Interpreter.toVariable(v, what: "\(command.name): tensor \(k + 1)"))
            } catch {
                throw inOneList ? error : (location(ofVariadic: k).map { error.located($0) } ?? error)
            }
        }
        return out
    }
}

extension Builtins {
    /// A number result from a tensor computation: shown at Float32 precision.
    static func number(_ x: Float) -> Value { .number(Double.shortest(x)) }

    /// A command that joins tensors given one by one or as a list.
    static func joining(_ name: String, summary: String, help: String, example: String, axis: Bool,
                        _ join: @escaping ([Tensor], Int) throws(TensorError) -> Tensor,
                        tracked: @escaping ([Variable], Int) throws(TensorError) -> Variable) -> Command {
        var parameters: [Parameter] = [.variadic("tensors", .any, "the tensors, one by one or as one list")]
        if axis { parameters.append(.keyword("axis", .integer, default: .number(0), "the axis to join along (negative from the end)")) }
        return Command(name, topic: "tensors", summary: summary, help: help, example: example,
                       parameters: parameters) { args throws(RuntimeError) in
            if let parts = try args.variables("tensors") {
                _ = try Limits.checkTensor([parts.reduce(0) { $0 &+ $1.count }], "the joined tensor")
                let k = axis ? try args.integer("axis") : 0
                do throws(TensorError) { return Value(try tracked(parts, k)) } catch {
                    let culprit = (1..<max(parts.count, 1)).first { (try? join([parts[0].value, parts[$0].value], k)) == nil }
                    throw RuntimeError("\(name): \(error.message)", at: culprit.flatMap { args.location(ofVariadic: $0) } ?? args.location)
                }
            }
            let parts = try args.tensors("tensors")
            _ = try Limits.checkTensor([parts.reduce(0) { $0 &+ $1.count }], "the joined tensor")
            let k = axis ? try args.integer("axis") : 0
            do throws(TensorError) { return .tensor(try join(parts, k)) } catch {
                // Point at the first tensor that does not fit with the first one.
                let culprit = (1..<max(parts.count, 1)).first { (try? join([parts[0], parts[$0]], k)) == nil }
                throw RuntimeError("\(name): \(error.message)", at: culprit.flatMap { args.location(ofVariadic: $0) } ?? args.location)
            }
        }
    }

    /// A two-operand elementwise command: numbers give a number, anything else broadcasts as tensors.
    static func binaryElementwise(_ name: String, summary: String, example: String,
                                  number: @escaping (Double, Double) -> Double,
                                  tensor: @escaping (Tensor, Tensor) throws(TensorError) -> Tensor,
                                  tracked: ((Variable, Variable) throws(TensorError) -> Variable)? = nil) -> Command {
        Command(name, topic: "math", summary: summary,
                help: "Numbers give a number; tensors (and lists of numbers) broadcast against each other as numpy does.",
                example: example,
                parameters: [.positional("a", .any, "a number, tensor or list of numbers"),
                             .positional("b", .any, "a number, tensor or list of numbers")]) { args throws(RuntimeError) in
            let a = try args.value("a"), b = try args.value("b")
            if let x = a.number, let y = b.number { return .number(number(x, y)) }
            if let tracked, args.anyTracked {
                let va = try args.variable("a"), vb = try args.variable("b")
                do throws(TensorError) { return Value(try tracked(va, vb)) } catch {
                    throw RuntimeError("\(name): \(error.message)", at: args.location(of: "b"))
                }
            }
            let ta = try args.tensorArgument("a"), tb = try args.tensorArgument("b")
            do throws(TensorError) { return .tensor(try tensor(ta, tb)) } catch {
                throw RuntimeError("\(name): \(error.message)", at: args.location(of: "b"))
            }
        }
    }

    static let arrayCommands: [Command] = [
        Command("arange", topic: "tensors", summary: "evenly spaced numbers up to (not including) stop, as numpy's arange",
                help: "`arange 5` is 0 1 2 3 4; `arange 2 5` is 2 3 4; `arange 0 1 0.25` is 0 0.25 0.5 0.75. Bounds and step may be fractions; the result is a tensor (`range` gives integers for loops).",
                example: "arange 0 1 0.25",
                parameters: [.positional("start", .number, "the first number (or, alone, the stop)"),
                             .positional("stop", .number, optional: true, "where to stop (not included)"),
                             .positional("step", .number, default: .number(1), "the difference between neighbours")]) { args throws(RuntimeError) in
            var start = 0.0, stop = try args.number("start")
            if args["stop"] != nil, !(args["stop"]?.isNil ?? true) { start = stop; stop = try args.number("stop") }
            let step = try args.number("step")
            guard step != 0, step.isFinite else {
                throw RuntimeError("arange needs a nonzero finite step, got \(Value.format(step))", at: args.location(of: "step"))
            }
            let steps = ((stop - start) / step).rounded(.up)
            if steps > Double(Limits.maxTensorElements) {
                throw RuntimeError("arange would make \(Value.format(steps)) numbers; tensors hold at most \(Limits.maxTensorElements)", at: args.location)
            }
            if steps.isFinite && steps > 0 { try Limits.checkMemory(Int(steps) &* 4, "arange") }
            do throws(TensorError) {
                return .tensor(try Tensor.arange(start, stop, step: step))
            } catch { throw RuntimeError(error, at: args.location(of: "step") ?? args.location) }
        },
        Command("linspace", topic: "tensors", summary: "n evenly spaced numbers from start to stop, both included, as numpy's linspace",
                example: "linspace 0 1 5",
                parameters: [.positional("start", .number, "the first number"), .positional("stop", .number, "the last number"),
                             .positional("n", .integer, default: .number(50), "how many numbers")]) { args throws(RuntimeError) in
            let n = try args.integer("n")
            guard n >= 0 && n <= Limits.maxTensorElements else {
                throw RuntimeError("linspace needs n between 0 and \(Limits.maxTensorElements), got \(n)", at: args.location(of: "n"))
            }
            try Limits.checkMemory(n &* 4, "linspace")
            let start = try args.number("start"), stop = try args.number("stop")
            return .tensor(try tensorOp { () throws(TensorError) in try Tensor.linspace(start, stop, count: n) })
        },
        Command("diag", topic: "tensors", summary: "a diagonal matrix from a vector, or the diagonal of a matrix (numpy's diag)",
                help: "`diag v` puts v on the diagonal of a square matrix; `diag m` gives m's diagonal as a vector. `k=1` is the diagonal above the main one, `k=-1` the one below.",
                example: "diag (tensor [1, 2, 3])\ndiag (eye 3) k=1",
                parameters: [.positional("x", .any, "a vector or a matrix"),
                             .keyword("k", .integer, default: .number(0), "which diagonal: 0 the main one, positive above, negative below")]) { args throws(RuntimeError) in
            let k = try args.integer("k")
            guard abs(k) <= 100_000 else { throw RuntimeError("diag: k=\(k) is too far from the main diagonal", at: args.location(of: "k")) }
            if args.isTracked("x") {
                let x = try args.variable("x")
                if x.rank == 1 { _ = try Limits.checkTensor([x.count + abs(k), x.count + abs(k)], "diag of \(x.count) values") }
                do throws(TensorError) { return Value(try x.diag(k: k)) } catch { throw RuntimeError(error, at: args.location(of: "x")) }
            }
            let t = try args.tensorArgument("x")
            if t.rank == 1 { _ = try Limits.checkTensor([t.count + abs(k), t.count + abs(k)], "diag of \(t.count) values") }
            do throws(TensorError) { return .tensor(try Tensor.diag(t, k: k)) } catch { throw RuntimeError(error, at: args.location(of: "x")) }
        },
        Command("outer", topic: "tensors", summary: "the outer product a[i] * b[j] of two vectors (numpy's outer)",
                example: "outer (tensor [1, 2]) (tensor [1, 10, 100])",
                parameters: [.positional("a", .any, "a vector (other shapes are flattened)"),
                             .positional("b", .any, "a vector (other shapes are flattened)")]) { args throws(RuntimeError) in
            if args.anyTracked {
                let a = try args.variable("a"), b = try args.variable("b")
                _ = try Limits.checkTensor([a.count, b.count], "the outer product")
                return Value(try tensorOp { () throws(TensorError) in try Variable.outer(a, b) })
            }
            let a = try args.tensorArgument("a"), b = try args.tensorArgument("b")
            _ = try Limits.checkTensor([a.count, b.count], "the outer product")
            return .tensor(try tensorOp { () throws(TensorError) in try Tensor.outer(a, b) })
        },
        joining("stack", summary: "tensors of one shape stacked along a new axis (numpy's stack)",
                help: "`stack a b` of two vectors of length n is a 2×n matrix; `stack a b axis=1` is n×2. All must have the same shape.",
                example: "stack (tensor [1, 2]) (tensor [3, 4]) axis=1", axis: true) { parts, axis throws(TensorError) in
            try Tensor.stack(parts, axis: axis)
        } tracked: { parts, axis throws(TensorError) in try Variable.stack(parts, axis: axis) },
        joining("hstack", summary: "vectors and matrices side by side as columns (numpy's column_stack)",
                help: """
                `hstack x z` of an n-vector and an n×k matrix is n×(k+1): vectors become columns, matrices keep their
                columns, all need the same number of rows — how `[x, z] @ S` is written: `(hstack x z) @ S`. Unlike numpy's
                `hstack`, two vectors give a matrix of two columns; to join vectors end to end use `concat`.
                """,
                example: "hstack (tensor [1, 2]) (tensor [[3, 4], [5, 6]])", axis: false) { parts, _ throws(TensorError) in
            try Tensor.columnStack(parts)
        } tracked: { parts, _ throws(TensorError) in try Variable.columnStack(parts) },
        joining("vstack", summary: "vectors and matrices stacked as rows (numpy's vstack)",
                help: "Vectors become rows; matrices are joined below each other. All must have the same number of columns.",
                example: "vstack (tensor [1, 2]) (tensor [[3, 4], [5, 6]])", axis: false) { parts, _ throws(TensorError) in
            try Tensor.vstack(parts)
        } tracked: { parts, _ throws(TensorError) in try Variable.vstack(parts) },
        Command("where", topic: "tensors", summary: "elementwise choice: a where the condition holds, b elsewhere; alone, the positions where it holds",
                help: """
                `where (x > 0) x 0` is numpy's `where`: the three broadcast together, the condition true where nonzero.
                `where mask` with a vector gives the positions where it is nonzero (numpy's `flatnonzero`), an index
                tensor: `xs[where (xs > 0)]` is the same as `xs[xs > 0]`.
                """,
                example: "where (x > 0) x 0\nwhere (tensor [0, 3, 0, 5])",
                parameters: [.positional("condition", .any, "a mask or any tensor (nonzero is true)"),
                             .positional("a", .any, optional: true, "the values where the condition holds"),
                             .positional("b", .any, optional: true, "the values elsewhere")]) { args throws(RuntimeError) in
            let c = try args.tensorArgument("condition")
            let hasA = !(args["a"]?.isNil ?? true), hasB = !(args["b"]?.isNil ?? true)
            guard hasA || hasB else {
                guard c.rank <= 1 else {
                    throw RuntimeError("where with one argument needs a vector, got shape \(Tensor.format(shape: c.shape)); for a tensor, where (reshape c [c.count]) gives flat positions", at: args.location(of: "condition"))
                }
                return .tensor(Tensor(c.nonzeroPositions().map(Float.init)))
            }
            guard hasA && hasB else { throw RuntimeError("where needs both a and b (or the condition alone)", at: args.location) }
            if args.isTracked("a") || args.isTracked("b") {
                let a = try args.variable("a"), b = try args.variable("b")
                do throws(TensorError) { return Value(try Variable.where_(c, a, b)) } catch {
                    let culprit = (try? Tensor.broadcastShape(c.shape, a.value.shape)) == nil ? "a" : "b"
                    throw RuntimeError("where: the condition \(Tensor.format(shape: c.shape)), a \(Tensor.format(shape: a.value.shape)) and b \(Tensor.format(shape: b.value.shape)) cannot be broadcast together", at: args.location(of: culprit))
                }
            }
            let a = try args.tensorArgument("a"), b = try args.tensorArgument("b")
            do throws(TensorError) { return .tensor(try Tensor.where_(c, a, b)) } catch {
                // The caret goes under the first argument that does not fit the ones before it.
                let culprit = (try? Tensor.broadcastShape(c.shape, a.shape)) == nil ? "a" : "b"
                throw RuntimeError("where: the condition \(Tensor.format(shape: c.shape)), a \(Tensor.format(shape: a.shape)) and b \(Tensor.format(shape: b.shape)) cannot be broadcast together", at: args.location(of: culprit))
            }
        },
        Command("clip", topic: "math", summary: "each element limited to [low, high] (numpy's clip); nil leaves a side open",
                example: "clip (tensor [-2, 0.5, 3]) 0 1",
                parameters: [.positional("x", .numeric, "a number or tensor"),
                             .positional("low", .optional(.number), "the smallest value allowed (nil: none)"),
                             .positional("high", .optional(.number), "the largest value allowed (nil: none)")]) { args throws(RuntimeError) in
            let low = args["low"]?.number ?? -.infinity, high = args["high"]?.number ?? .infinity
            guard low <= high else {
                throw RuntimeError("clip: low (\(Value.format(low))) must not exceed high (\(Value.format(high)))", at: args.location(of: "high"))
            }
            switch try args.value("x") {
            case .number(let n): return .number(n.isNaN ? n : Swift.min(Swift.max(n, low), high))
            case .native(let x as Variable): return Value(x.clipped(low: Float(low), high: Float(high)))
            default: return .tensor(try args.tensorArgument("x").clipped(low: Float(low), high: Float(high)))
            }
        },
        binaryElementwise("minimum", summary: "the elementwise smaller of two tensors or numbers (NaN wins, as numpy's minimum)",
                          example: "minimum (tensor [1, 5]) 3",
                          number: { a, b in a.isNaN || b.isNaN ? .nan : Swift.min(a, b) },
                          tensor: { a, b throws(TensorError) in try a.minimum(b) },
                          tracked: { a, b throws(TensorError) in try Variable.minimum(a, b) }),
        binaryElementwise("maximum", summary: "the elementwise larger of two tensors or numbers (NaN wins, as numpy's maximum)",
                          example: "maximum (tensor [1, 5]) 3",
                          number: { a, b in a.isNaN || b.isNaN ? .nan : Swift.max(a, b) },
                          tensor: { a, b throws(TensorError) in try a.maximum(b) },
                          tracked: { a, b throws(TensorError) in try Variable.maximum(a, b) }),
        binaryElementwise("pow", summary: "a to the power b, elementwise (the same as a ** b)",
                          example: "pow (tensor [1, 2, 3]) 2",
                          number: { a, b in Operators.power(a, b) },
                          tensor: { a, b throws(TensorError) in try a.raised(to: b) },
                          tracked: { a, b throws(TensorError) in try Variable.power(a, b) }),
        binaryElementwise("logical_and", summary: "a mask: 1 where both are nonzero (numpy's logical_and)",
                          example: "xs[logical_and (xs > 0) (xs < 5)]",
                          number: { a, b in a != 0 && b != 0 ? 1 : 0 },
                          tensor: { a, b throws(TensorError) in try a.logicalAnd(b) }),
        binaryElementwise("logical_or", summary: "a mask: 1 where either is nonzero (numpy's logical_or)",
                          example: "xs[logical_or (xs < 0) (xs > 5)]",
                          number: { a, b in a != 0 || b != 0 ? 1 : 0 },
                          tensor: { a, b throws(TensorError) in try a.logicalOr(b) }),
        Command("logical_not", topic: "math", summary: "a mask: 1 where the element is zero (numpy's logical_not)",
                example: "xs[logical_not (xs > 0)]", parameters: [.positional("x", .numeric, "a number, mask or tensor")]) { args throws(RuntimeError) in
            if let n = try args.value("x").number { return .number(n == 0 ? 1 : 0) }
            return .tensor(try args.tensorArgument("x").logicalNot())
        },
    ]
}

import SPSAutodiff
import SPSNumeric

// Reductions and scans with `axis=` (std, var, prod, argmin, argmax, any, all, cumsum, cumprod) and sorting
// (sort, argsort, unique). On a tensor, `axis=k` works along that axis (negative from the end) and gives a
// tensor; without it the whole tensor is reduced to a number. Lists and ranges of numbers act as vectors.

extension Builtins {
    static let axisParameter = Parameter.keyword("axis", .integer, optional: true, "the tensor axis to work along (negative from the end)")

    /// The numbers of a list or range argument, or nil for a tensor; `axis=` with a list is an error.
    static func listNumbers(_ args: Arguments, _ name: String = "values") throws(RuntimeError) -> [Double]? {
        let v = try args.value(name)
        if case .tensor = v { return nil }
        if args.command.parameters.contains(where: { $0.name == "axis" }), let axis = args["axis"], !axis.isNil {
            throw RuntimeError("axis= only applies to tensors; got \(v.typeName)", at: args.location(of: "axis"))
        }
        do throws(RuntimeError) { return try numbers(v, args.command.name) } catch {
            var located = error
            if located.location == nil { located.location = args.location(of: name) }
            throw located
        }
    }

    /// A number for a whole-tensor reduction, a tensor along an axis.
    static func reduced(_ r: Tensor, axis: Int?) -> Value {
        if axis == nil, let s = r.scalarValue { return number(s) }
        return .tensor(r)
    }

    /// A reduction command over a tensor (with `axis=`) or a list or range of numbers (computed in Double, as the
    /// numbers are).
    ///
    /// On a tensor that carries gradients, `tracked` is the differentiable form; without one, a reduction whose
    /// result carries no gradient by nature (positions, masks: `usesValue`) reads the value, and any other refuses
    /// it (naming `detach`).
    static func axisReduction(_ name: String, _ summary: String, help: String = "", example: String,
                              extra: [Parameter] = [], emptyIsError: Bool = false, usesValue: Bool = false,
                              list: @escaping ([Double], Arguments) throws(RuntimeError) -> Double,
                              tensor: @escaping (Tensor, Int?, Arguments) throws(TensorError) -> Tensor,
                              tracked: ((Variable, Int?, Arguments) throws(TensorError) -> Variable)? = nil) -> Command {
        Command(name, topic: "math", summary: summary,
                help: help.isEmpty ? "On a tensor, axis=k reduces along that axis and gives a tensor; without it the result is a number." : help,
                example: example,
                parameters: [.positional("values", .sequence, "a tensor, or a list or range of numbers"), axisParameter] + extra) { args throws(RuntimeError) in
            if let x = try args.value("values").variable {
                if let tracked {
                    let axis = try args.axis(for: x.value)
                    do throws(TensorError) { return Value(try tracked(x, axis, args)) } catch {
                        throw RuntimeError(error, at: args.location(of: "values"))
                    }
                }
                if usesValue {
                    let axis = try args.axis(for: x.value)
                    do throws(TensorError) { return reduced(try tensor(x.value, axis, args), axis: axis) } catch {
                        throw RuntimeError(error, at: args.location(of: "values"))
                    }
                }
                _ = try args.tensorArgument("values")  // refuses it, at the argument
            }
            if let xs = try listNumbers(args) {
                if emptyIsError && xs.isEmpty { throw RuntimeError("\(name) of an empty list", at: args.location(of: "values")) }
                do throws(RuntimeError) { return .number(try list(xs, args)) } catch {
                    var located = error
                    if located.location == nil { located.location = args.location(of: "values") }
                    throw located
                }
            }
            let t = try args.tensorArgument("values")
            let axis = try args.axis(for: t)
            if emptyIsError && (t.count == 0 || t.shape.contains(0)) {
                throw RuntimeError("\(name) of an empty tensor \(Tensor.format(shape: t.shape))", at: args.location(of: "values"))
            }
            do throws(TensorError) { return reduced(try tensor(t, axis, args), axis: axis) } catch {
                throw RuntimeError(error, at: args.location(of: "values"))
            }
        }
    }

    /// `ddof=` for std and var, checked.
    static func degrees(_ args: Arguments) throws(RuntimeError) -> Int {
        let d = try args.integer("ddof")
        guard d >= 0 else { throw RuntimeError("ddof must be 0 or more, got \(d)", at: args.location(of: "ddof")) }
        return d
    }

    /// The variance of numbers in Double; a list with too few values for `ddof` is an error.
    static func listVariance(_ xs: [Double], _ args: Arguments) throws(RuntimeError) -> Double {
        let d = try degrees(args)
        guard xs.count > d else {
            throw RuntimeError("\(args.command.name) needs at least \(d == 1 ? "two" : "\(d + 1)") values")
        }
        let m = xs.reduce(0, +) / Double(xs.count)
        return xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - d)
    }

    static let ddofParameter = Parameter.keyword("ddof", .integer, default: .number(1), "subtract this from the count: 1 the sample (n − 1), 0 the population (numpy's default)")

    /// The stable ascending order of numbers, NaN last (as `Tensor.sortingOrder`, in Double).
    static func sortingOrder(_ xs: [Double]) -> [Int] {
        xs.indices.sorted { i, j in
            let a = xs[i], b = xs[j]
            if a.isNaN || b.isNaN { return a.isNaN == b.isNaN ? i < j : b.isNaN }
            return a < b || (a == b && i < j)
        }
    }

    /// The position of the first extreme of numbers (`better(a, b)`: a beats b).
    static func extremePosition(_ xs: [Double], _ better: (Double, Double) -> Bool) -> Double {
        var best = 0
        for i in xs.indices.dropFirst() where better(xs[i], xs[best]) { best = i }
        return Double(best)
    }

    static let reductionCommands: [Command] = [
        axisReduction("std", "the standard deviation; the sample one (n − 1) unless ddof=0",
                      help: "ddof=1 (the default, as PyTorch and pandas) divides by n − 1; ddof=0 by n, numpy's default. On a tensor, axis=k works along that axis (one value with ddof=1 gives nan).",
                      example: "std [1, 2, 3, 4]\nstd x axis=0 ddof=0", extra: [ddofParameter],
                      list: { xs, args throws(RuntimeError) in try listVariance(xs, args).squareRoot() },
                      tensor: { t, axis, args throws(TensorError) in try t.std(axis: axis, correction: max(args["ddof"]?.integer ?? 1, 0)) },
                      tracked: { x, axis, args throws(TensorError) in try x.std(axis: axis, correction: max(args["ddof"]?.integer ?? 1, 0)) }),
        axisReduction("var", "the variance; the sample one (n − 1) unless ddof=0",
                      help: "ddof=1 (the default, as PyTorch and pandas) divides by n − 1; ddof=0 by n, numpy's default. On a tensor, axis=k works along that axis (one value with ddof=1 gives nan).",
                      example: "var [1, 2, 3, 4]\nvar x axis=0 ddof=0", extra: [ddofParameter],
                      list: { xs, args throws(RuntimeError) in try listVariance(xs, args) },
                      tensor: { t, axis, args throws(TensorError) in try t.variance(axis: axis, correction: max(args["ddof"]?.integer ?? 1, 0)) },
                      tracked: { x, axis, args throws(TensorError) in try x.variance(axis: axis, correction: max(args["ddof"]?.integer ?? 1, 0)) }),
        axisReduction("prod", "the product of the elements (along an axis with axis=k)", example: "prod [1, 2, 3, 4]",
                      list: { xs, _ throws(RuntimeError) in xs.reduce(1, *) },
                      tensor: { t, axis, _ throws(TensorError) in try t.prod(axis: axis) },
                      tracked: { x, axis, _ throws(TensorError) in try x.prod(axis: axis) }),
        axisReduction("argmax", "the position of the largest element (first on ties; along an axis with axis=k)",
                      example: "argmax (tensor [3, 9, 2])", emptyIsError: true, usesValue: true,
                      list: { xs, _ throws(RuntimeError) in extremePosition(xs, >) },
                      tensor: { t, axis, _ throws(TensorError) in try t.argmax(axis: axis) }),
        axisReduction("argmin", "the position of the smallest element (first on ties; along an axis with axis=k)",
                      example: "argmin (tensor [3, 9, 2])", emptyIsError: true, usesValue: true,
                      list: { xs, _ throws(RuntimeError) in extremePosition(xs, <) },
                      tensor: { t, axis, _ throws(TensorError) in try t.argmin(axis: axis) }),
        axisReduction("any", "1 when any element is nonzero (along an axis with axis=k: a mask)", example: "any (x > 3)", usesValue: true,
                      list: { xs, _ throws(RuntimeError) in xs.contains { $0 != 0 } ? 1 : 0 },
                      tensor: { t, axis, _ throws(TensorError) in try t.any(axis: axis) }),
        axisReduction("all", "1 when every element is nonzero (along an axis with axis=k: a mask)", example: "all (x > 0)", usesValue: true,
                      list: { xs, _ throws(RuntimeError) in xs.allSatisfy { $0 != 0 } ? 1 : 0 },
                      tensor: { t, axis, _ throws(TensorError) in try t.all(axis: axis) }),
        scan("cumsum", "running sums (numpy's cumsum): over all elements in order, or along an axis with axis=k",
             example: "cumsum [1, 2, 3]", start: 0, +, { t, axis throws(TensorError) in try t.cumsum(axis: axis) },
             tracked: { x, axis throws(TensorError) in try x.cumsum(axis: axis) }),
        scan("cumprod", "running products (numpy's cumprod): over all elements in order, or along an axis with axis=k",
             example: "cumprod [1, 2, 3]", start: 1, *, { t, axis throws(TensorError) in try t.cumprod(axis: axis) },
             tracked: { x, axis throws(TensorError) in try x.cumprod(axis: axis) }),
        Command("sort", topic: "values", summary: "numbers or strings in increasing order: a list gives a list, a tensor a tensor",
                help: "A tensor is sorted along its last axis (axis=k for another), as numpy's sort; NaN sorts last. A list of strings sorts alphabetically.",
                example: "sort [3, 1, 2]\nsort (tensor [[3, 1], [2, 5]]) axis=0",
                parameters: [.positional("values", .sequence, "a list, range or tensor"), axisParameter]) { args throws(RuntimeError) in
            let v = try args.value("values")
            if let x = v.variable {
                let axis = try args.axis(for: x.value) ?? -1
                return Value(try tensorOp { () throws(TensorError) in try x.sorted(axis: axis) })
            }
            if case .tensor(let t) = v {
                let axis = try args.axis(for: t) ?? -1
                return .tensor(try tensorOp { () throws(TensorError) in try t.sorted(axis: axis) })
            }
            if args["axis"] != nil { throw RuntimeError("axis= only applies to tensors", at: args.location(of: "axis")) }
            let xs = try elements(v, "sort")
            if xs.allSatisfy({ $0.number != nil }) {
                // Stable, NaN last, compared as the Doubles they are.
                return .list(xs.indices.sorted { a, b in
                    let x = xs[a].number ?? 0, y = xs[b].number ?? 0
                    if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? a < b : y.isNaN }
                    return x < y || (x == y && a < b)
                }.map { xs[$0] })
            }
            if xs.allSatisfy({ $0.string != nil }) { return .list(xs.sorted { ($0.string ?? "") < ($1.string ?? "") }) }
            throw RuntimeError("sort needs a list of numbers or a list of strings", at: args.location(of: "values"))
        },
        Command("argsort", topic: "values", summary: "the positions that sort the values (a stable sort; numpy's argsort with kind='stable')",
                help: "`xs[argsort xs]` is `sort xs`. A tensor is sorted along its last axis (axis=k for another); a list gives a list of positions.",
                example: "argsort [30, 10, 20]",
                parameters: [.positional("values", .sequence, "a list, range or tensor of numbers"), axisParameter]) { args throws(RuntimeError) in
            // Positions carry no gradient: a tensor that carries gradients is sorted by its value.
            if let x = try args.value("values").variable {
                let axis = try args.axis(for: x.value) ?? -1
                return .tensor(try tensorOp { () throws(TensorError) in try x.value.argsort(axis: axis) })
            }
            if let xs = try listNumbers(args) { return .list(sortingOrder(xs).map { .number(Double($0)) }) }
            let t = try args.tensorArgument("values")
            let axis = try args.axis(for: t) ?? -1
            return .tensor(try tensorOp { () throws(TensorError) in try t.argsort(axis: axis) })
        },
        Command("unique", topic: "values", summary: "the distinct values in increasing order (numpy's unique); counts=true also counts them",
                help: "A tensor gives a vector (of all its elements' distinct values), a list of numbers or of strings a list. With counts=true the result is a record {values, counts}.",
                example: "unique [3, 1, 3, 2]\nunique [3, 1, 3] counts=true",
                parameters: [.positional("values", .sequence, "a list, range or tensor"),
                             .keyword("counts", .bool, default: .bool(false), "also give how often each value occurs")]) { args throws(RuntimeError) in
            let v = try args.value("values"), withCounts = try args.bool("counts")
            if v.variable != nil { _ = try args.tensorArgument("values") }  // refuses it, at the argument
            var values: Value, counts: [Int]
            if case .list(let xs) = v, !xs.isEmpty, xs.allSatisfy({ $0.string != nil }) {
                let strings = xs.compactMap(\.string).sorted()
                var distinct: [String] = []
                counts = []
                for s in strings {
                    if distinct.last == s { counts[counts.count - 1] += 1 } else { distinct.append(s); counts.append(1) }
                }
                values = .list(distinct.map { .string($0) })
            } else if let xs = try listNumbers(args) {
                var distinct: [Double] = []
                counts = []
                for i in sortingOrder(xs) {
                    if let last = distinct.last, last == xs[i] || (last.isNaN && xs[i].isNaN) { counts[counts.count - 1] += 1 } else {
                        distinct.append(xs[i])
                        counts.append(1)
                    }
                }
                values = .list(distinct.map { .number($0) })
            } else {
                let u = try args.tensorArgument("values").unique()
                values = .tensor(u.values)
                counts = u.counts
            }
            guard withCounts else { return values }
            let countValues: Value = values.tensor != nil ? .tensor(Tensor(counts.map(Float.init))) : .list(counts.map { .number(Double($0)) })
            return .record(Record([("values", values), ("counts", countValues)]))
        },
    ]

    /// A running computation: along an axis of a tensor, or over all its elements in order (a vector of them);
    /// over a list of numbers in Double (a list).
    static func scan(_ name: String, _ summary: String, example: String, start: Double,
                     _ op: @escaping (Double, Double) -> Double,
                     _ body: @escaping (Tensor, Int?) throws(TensorError) -> Tensor,
                     tracked: @escaping (Variable, Int?) throws(TensorError) -> Variable) -> Command {
        Command(name, topic: "math", summary: summary, example: example,
                parameters: [.positional("values", .sequence, "a tensor, or a list or range of numbers"), axisParameter]) { args throws(RuntimeError) in
            if let x = try args.value("values").variable {
                let axis = try args.axis(for: x.value)
                return Value(try tensorOp { () throws(TensorError) in try tracked(x, axis) })
            }
            if let xs = try listNumbers(args) {
                var total = start
                return .list(xs.map { total = op(total, $0); return .number(total) })
            }
            let t = try args.tensorArgument("values")
            let axis = try args.axis(for: t)
            return .tensor(try tensorOp { () throws(TensorError) in try body(t, axis) })
        }
    }
}

import SPSAutodiff
import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Builtins {
    /// An elementwise math function: numbers give numbers, tensors give tensors; on a tensor that carries
    /// gradients, `tracked` is its differentiable form (piecewise-constant functions have zero gradient).
    static func elementwise(_ name: String, _ summary: String, example: String,
                            _ f: @escaping @Sendable (Double) -> Double,
                            tracked: @escaping (Variable) -> Variable) -> Command {
        Command(name, topic: "math", summary: summary, example: example,
                parameters: [.positional("x", .numeric)], numberFunction: f) { args throws(RuntimeError) in
            switch try args.value("x") {
            case .number(let n): return .number(f(n))
            case .tensor(let t): return .tensor(t.map { Float(f(Double($0))) })
            case .native(let x as Variable): return Value(tracked(x))
            case let v: throw RuntimeError("\(name) needs a number or tensor, got \(v.typeName)")
            }
        }
    }

    /// A reduction over a list, range or tensor (optionally along an axis of a tensor).
    static func reduction(_ name: String, _ summary: String, example: String,
                          list: @escaping ([Double]) throws(RuntimeError) -> Double,
                          tensor: @escaping (Tensor, Int?) throws(TensorError) -> Tensor,
                          tracked: @escaping (Variable, Int?) throws(TensorError) -> Variable) -> Command {
        Command(name, topic: "math", summary: summary,
                help: "On a tensor, axis=k reduces along that axis and gives a tensor; without it the result is a number.",
                example: example,
                parameters: [.positional("values", .sequence), .keyword("axis", .integer, optional: true, "tensor axis to reduce")]) { args throws(RuntimeError) in
            let v = try args.value("values")
            if let x = v.variable {
                let axis = try args.axis(for: x.value)
                return Value(try tensorOp { () throws(TensorError) in try tracked(x, axis) })
            }
            if case .tensor(let t) = v {
                let axis = try args.axis(for: t)
                let r = try tensorOp { () throws(TensorError) in try tensor(t, axis) }
                if axis == nil, let s = r.scalarValue { return .number(Double.shortest(s)) }
                return .tensor(r)
            }
            if args["axis"] != nil { throw RuntimeError("axis= only applies to tensors", at: args.location(of: "axis")) }
            return .number(try list(try numbers(v, name)))
        }
    }

    /// `min`/`max`: of several numbers, or of one list, range or tensor.
    static func extremum(_ name: String, _ pick: @escaping (Double, Double) -> Double,
                         _ tensorReduce: @escaping (Tensor, Int?) throws(TensorError) -> Tensor,
                         tracked: @escaping (Variable, Int?) throws(TensorError) -> Variable) -> Command {
        Command(name, topic: "math", summary: "the \(name == "min" ? "smallest" : "largest") of several numbers, or of a list, range or tensor",
                help: "On a tensor, axis=k reduces along that axis.", example: "\(name) 3 1 2",
                parameters: [.variadic("values", .any), .keyword("axis", .integer, optional: true, "tensor axis")]) { args throws(RuntimeError) in
            let values = args.rest("values")
            if values.count == 1, let x = values[0].variable {
                let axis = try args.axis(for: x.value)
                guard x.count > 0 else { throw RuntimeError("\(name) of an empty tensor") }
                return Value(try tensorOp { () throws(TensorError) in try tracked(x, axis) })
            }
            if values.count > 1, let k = values.firstIndex(where: { $0.variable != nil }) {
                throw RuntimeError("\(name) of several values cannot be differentiated; for the elementwise \(name == "min" ? "smaller" : "larger") of two tensors use \(name == "min" ? "minimum" : "maximum")", at: args.location(ofVariadic: k))
            }
            if values.count == 1, case .tensor(let t) = values[0] {
                let axis = try args.axis(for: t)
                guard t.count > 0 else { throw RuntimeError("\(name) of an empty tensor") }
                let r = try tensorOp { () throws(TensorError) in try tensorReduce(t, axis) }
                if axis == nil, let s = r.scalarValue { return .number(Double.shortest(s)) }
                return .tensor(r)
            }
            let xs = values.count == 1 ? try numbers(values[0], name) : try numbers(.list(values), name)
            guard var best = xs.first else { throw RuntimeError("\(name) needs at least one value") }
            for x in xs.dropFirst() { best = pick(best, x) }
            return .number(best)
        }
    }

    static let mathCommands: [Command] = [
        elementwise("abs", "absolute value", example: "abs -3", { Swift.abs($0) }, tracked: { $0.abs() }),
        elementwise("sqrt", "square root", example: "sqrt 2", { $0.squareRoot() }, tracked: { $0.sqrt() }),
        elementwise("exp", "e to the power x", example: "exp 1", { Glibc.exp($0) }, tracked: { $0.exp() }),
        elementwise("log", "natural logarithm", example: "log 10", { Glibc.log($0) }, tracked: { $0.log() }),
        elementwise("floor", "largest integer not above x", example: "floor 2.7", { $0.rounded(.down) },
                    tracked: { $0.piecewiseConstant("floor") { $0.rounded(.down) } }),
        elementwise("ceil", "smallest integer not below x", example: "ceil 2.1", { $0.rounded(.up) },
                    tracked: { $0.piecewiseConstant("ceil") { $0.rounded(.up) } }),
        elementwise("sin", "sine (radians)", example: "sin 0", { Glibc.sin($0) }, tracked: { $0.sin() }),
        elementwise("cos", "cosine (radians)", example: "cos 0", { Glibc.cos($0) }, tracked: { $0.cos() }),
        elementwise("tanh", "hyperbolic tangent", example: "tanh 1", { Glibc.tanh($0) }, tracked: { $0.tanh() }),
        elementwise("sigmoid", "the logistic function 1 / (1 + e^-x)", example: "sigmoid 0", { x in
            x >= 0 ? 1 / (1 + Glibc.exp(-x)) : Glibc.exp(x) / (1 + Glibc.exp(x))
        }, tracked: { $0.sigmoid() }),
        elementwise("relu", "max(x, 0)", example: "relu (tensor [-1, 2])", { $0.isNaN ? $0 : Swift.max($0, 0) }, tracked: { $0.relu() }),
        elementwise("sign", "-1, 0 or 1 by the sign of x (numpy's sign)", example: "sign -3", signOf, tracked: { $0.piecewiseConstant("sign", signOf) }),
        Command("round", topic: "math", summary: "round to a number of decimal digits (halves away from zero)",
                example: "round 3.14159 digits=2",
                parameters: [.positional("x", .numeric), .keyword("digits", .integer, default: .number(0), "decimal digits")]) { args throws(RuntimeError) in
            let d = try args.integer("digits")
            guard (0...15).contains(d) else { throw RuntimeError("digits must be between 0 and 15, got \(d)") }
            let scale = cPow(10, Double(d))
            let f = { (x: Double) -> Double in (x * scale).rounded(.toNearestOrAwayFromZero) / scale }
            switch try args.value("x") {
            case .tensor(let t): return .tensor(t.map { Float(f(Double($0))) })
            case .native(let x as Variable): return Value(x.piecewiseConstant("round", f))
            case let v: return .number(f(v.number ?? 0))
            }
        },
        reduction("sum", "the sum of a list, range or tensor", example: "sum [1, 2, 3]",
                  list: { xs throws(RuntimeError) in xs.reduce(0, +) }, tensor: { t, a throws(TensorError) in try t.sum(axis: a) },
                  tracked: { x, a throws(TensorError) in try x.sum(axis: a) }),
        reduction("mean", "the mean of a list, range or tensor", example: "mean [1, 2, 3]",
                  list: { xs throws(RuntimeError) in
                      guard !xs.isEmpty else { throw RuntimeError("mean of an empty list") }
                      return xs.reduce(0, +) / Double(xs.count)
                  }, tensor: { t, a throws(TensorError) in try t.mean(axis: a) },
                  tracked: { x, a throws(TensorError) in try x.mean(axis: a) }),
        extremum("min", Swift.min, { t, a throws(TensorError) in try t.min(axis: a) }, tracked: { x, a throws(TensorError) in try x.min(axis: a) }),
        extremum("max", Swift.max, { t, a throws(TensorError) in try t.max(axis: a) }, tracked: { x, a throws(TensorError) in try x.max(axis: a) }),
    ] + lossCommands

    /// numpy's sign: −1, 0 or 1 (NaN stays NaN).
    static let signOf: @Sendable (Double) -> Double = { x in x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0)) }
}

/// printf-style formatting for the `format` command.
enum Formatter {
    static func format(_ spec: String, _ values: [Value]) throws(RuntimeError) -> String {
        var out = ""
        var chars = Array(spec)
        chars.append("\0")
        var i = 0, next = 0
        while i < chars.count - 1 {
            let c = chars[i]
            if c != "%" {
                out.append(c)
                i += 1
                continue
            }
            var j = i + 1
            if chars[j] == "%" {
                out += "%"
                i = j + 1
                continue
            }
            var directive = "%"
            while "-+ 0#".contains(chars[j]) { directive.append(chars[j]); j += 1 }
            while chars[j].isASCII && chars[j].isNumber { directive.append(chars[j]); j += 1 }
            if chars[j] == "." {
                directive.append(".")
                j += 1
                while chars[j].isASCII && chars[j].isNumber { directive.append(chars[j]); j += 1 }
            }
            let conversion = chars[j]
            // Widths and precisions are bounded: `%999999999d` would otherwise ask for a gigabyte of spaces.
            for part in directive.dropFirst().split(separator: ".") {
                let digits = part.filter { $0.isASCII && $0.isNumber }
                if digits.count > 5 || (Int(digits) ?? 0) > Limits.maxFormatWidth {
                    throw RuntimeError("format width or precision in '\(directive)\(conversion == "\0" ? "" : String(conversion))' is too large (at most \(Limits.maxFormatWidth))")
                }
            }
            guard "dioxXfFeEgGs".contains(conversion), conversion != "\0" else {
                throw RuntimeError("unknown format directive '\(directive)\(conversion == "\0" ? "" : String(conversion))'; use %d %f %e %g %s or %%")
            }
            guard next < values.count else {
                throw RuntimeError("format string has more directives than values (\(values.count))")
            }
            let v = values[next]
            next += 1
            switch conversion {
            case "s":
                out += cFormat(directive + "s", v.description)
            case "d", "i", "o", "x", "X":
                guard let n = v.number else { throw RuntimeError("%\(conversion) needs a number, got \(v.typeName) \(Interpreter.short(v))") }
                guard n.isFinite else { throw RuntimeError("%\(conversion) needs a finite number, got \(v.repr); use %g or %f to show nan and inf") }
                guard abs(n) < 9.2e18 else { throw RuntimeError("%\(conversion) needs an integer below 9.2e18 in size, got \(v.repr); use %g") }
                out += cFormat(directive + "ll" + String(conversion), Int64(n.rounded(.towardZero)))
            default:
                guard let n = v.number else { throw RuntimeError("%\(conversion) needs a number, got \(v.typeName) \(Interpreter.short(v))") }
                out += cFormat(directive + String(conversion), n)
            }
            i = j + 1
        }
        if next < values.count {
            throw RuntimeError("format got \(values.count) values but the format string uses \(next)")
        }
        return out
    }

    static func cFormat(_ directive: String, _ arg: any CVarArg) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let n = withVaList([arg]) { vsnprintf(&buffer, buffer.count, directive, $0) }
        if n >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            _ = withVaList([arg]) { vsnprintf(&buffer, buffer.count, directive, $0) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func cFormat(_ directive: String, _ s: String) -> String {
        s.withCString { cFormat(directive, $0) }
    }
}

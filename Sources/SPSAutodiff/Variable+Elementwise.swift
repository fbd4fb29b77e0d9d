import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Differentiable elementwise functions, with PyTorch's gradient conventions where the function has a kink:
// relu'(0) = 0, abs'(0) = 0, sign/floor/ceil/round have zero gradient, clip passes the gradient where
// low ≤ x ≤ high (both ends included), minimum/maximum split it evenly between equal operands. Values are computed
// as the language computes them for plain tensors (in Double, rounded once), so `detach` of a result equals the
// plain result. Backward rules are written with differentiable operations on `inputs`/`output`, so every rule can
// be differentiated again.

// MARK: - Small helpers

extension Variable {
    /// A constant (no gradient) holding `t`.
    static func constant(_ t: Tensor) -> Variable { Variable(constant: t) }

    /// `a + s` for a number `s` (the constant is not recorded as an input).
    public func adding(_ s: Float) -> Variable {
        Variable.record("+", value.map { $0 + s }, [self]) { g, _, _, _ in [g] }
    }

    /// A constant of this shape with every element 0 (the gradient of a piecewise-constant function).
    func zerosLike() -> Variable { Variable(constant: Tensor.zeros(shape)) }

    /// `f` applied to every element, computed in Double and rounded once (as the language's math commands do).
    static func mapped(_ t: Tensor, _ f: (Double) -> Double) -> Tensor {
        t.map { Float(f(Double($0))) }
    }

    /// A recorded elementwise function of one input; `derivative` gives the input's gradient from the output's
    /// gradient, the input and the output (all recorded when gradients of gradients are wanted).
    func unary(_ name: String, _ value: Tensor,
               _ derivative: @escaping (_ g: Variable, _ x: Variable, _ y: Variable) throws(TensorError) -> Variable) -> Variable {
        Variable.record(name, value, [self]) { g, x, y, _ throws(TensorError) in [try derivative(g, x[0], y)] }
    }
}

// MARK: - Smooth functions

extension Variable {
    /// The absolute value; its gradient is sign(x), 0 at 0 (PyTorch's convention).
    public func abs() -> Variable {
        let sign = value.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
        return unary("abs", value.map { Swift.abs($0) }) { g, _, _ throws(TensorError) in try g * Variable.constant(sign) }
    }

    /// The square root; the gradient 1 / (2 √x) is infinite at 0, as in PyTorch.
    public func sqrt() -> Variable {
        unary("sqrt", Variable.mapped(value) { $0.squareRoot() }) { g, _, y throws(TensorError) in try g / (y * 2) }
    }

    /// e to the power x.
    public func exp() -> Variable {
        unary("exp", Variable.mapped(value) { Glibc.exp($0) }) { g, _, y throws(TensorError) in try g * y }
    }

    /// The natural logarithm.
    public func log() -> Variable {
        unary("log", Variable.mapped(value) { Glibc.log($0) }) { g, x, _ throws(TensorError) in try g / x }
    }

    /// The sine (radians).
    public func sin() -> Variable {
        unary("sin", Variable.mapped(value) { Glibc.sin($0) }) { g, x, _ throws(TensorError) in try g * x.cos() }
    }

    /// The cosine (radians).
    public func cos() -> Variable {
        unary("cos", Variable.mapped(value) { Glibc.cos($0) }) { g, x, _ throws(TensorError) in try -(g * x.sin()) }
    }

    /// The hyperbolic tangent; its gradient 1 − tanh² is taken from the output.
    public func tanh() -> Variable {
        unary("tanh", Variable.mapped(value) { Glibc.tanh($0) }) { g, _, y throws(TensorError) in
            try g * (-(y * y)).adding(1)
        }
    }

    /// The logistic function 1 / (1 + e^−x), computed without overflow; its gradient σ (1 − σ) is taken from
    /// the output.
    public func sigmoid() -> Variable {
        unary("sigmoid", Variable.mapped(value, Variable.logistic)) { g, _, y throws(TensorError) in
            try g * y * (-y).adding(1)
        }
    }

    /// The logistic function of a Double, stable for large |x|.
    static func logistic(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + Glibc.exp(-x)) : Glibc.exp(x) / (1 + Glibc.exp(x))
    }

    /// log(1 + e^x), PyTorch's `softplus` with beta 1 and threshold 20: x itself above 20. Its gradient is σ(x)
    /// (1 above the threshold).
    public func softplus() -> Variable {
        let above = value.map { $0 > 20 ? 1 : 0 }
        let below = value.map { $0 > 20 ? 0 : 1 }
        let result = Variable.mapped(value) { x in x > 20 ? x : Glibc.log1p(Glibc.exp(x)) }
        return unary("softplus", result) { g, x, _ throws(TensorError) in
            try g * (x.sigmoid() * Variable.constant(below) + Variable.constant(above))
        }
    }
}

// MARK: - Piecewise functions

extension Variable {
    /// max(x, 0); the gradient is 1 where x > 0 and 0 elsewhere (0 at 0, as PyTorch). NaN stays NaN.
    public func relu() -> Variable {
        let mask = value.map { $0 > 0 ? 1 : 0 }
        return unary("relu", value.map { $0.isNaN ? $0 : Swift.max($0, 0) }) { g, _, _ throws(TensorError) in try g * Variable.constant(mask) }
    }

    /// x where x > 0, `slope` · x elsewhere (PyTorch's `leaky_relu`, gradient `slope` at 0).
    public func leakyRelu(slope: Float) -> Variable {
        let factor = value.map { $0 > 0 ? 1 : slope }
        return unary("leaky_relu", value.map { $0 > 0 ? $0 : $0 * slope }) { g, _, _ throws(TensorError) in try g * Variable.constant(factor) }
    }

    /// A piecewise-constant function of each element (sign, floor, ceil, round): its gradient is 0 everywhere.
    public func piecewiseConstant(_ name: String, _ f: @escaping (Double) -> Double) -> Variable {
        unary(name, Variable.mapped(value, f)) { _, x, _ in x.zerosLike() }
    }

    /// Each element limited to [low, high] (NaN stays NaN); the gradient passes where low ≤ x ≤ high, as PyTorch's
    /// `clamp`.
    public func clipped(low: Float, high: Float) -> Variable {
        let inside = value.map { $0 >= low && $0 <= high ? 1 : 0 }
        return unary("clip", value.clipped(low: low, high: high)) { g, _, _ throws(TensorError) in try g * Variable.constant(inside) }
    }
}

// MARK: - Choosing between two tensors

extension Variable {
    /// `a` where `condition` is nonzero and `b` elsewhere, the three broadcast together (numpy's `where`); the
    /// condition is a plain tensor (a mask), and each branch gets the gradient where it was chosen.
    public static func where_(_ condition: Tensor, _ a: Variable, _ b: Variable) throws(TensorError) -> Variable {
        let value = try Tensor.where_(condition, a.value, b.value)
        let chosen = try Tensor.zeros(value.shape).zipWith(condition) { _, c in c != 0 ? 1 : 0 }
        let other = chosen.map { 1 - $0 }
        let (sa, sb) = (a.shape, b.shape)
        return record("where", value, [a, b]) { g, _, _, c throws(TensorError) in
            [c.needed[0] ? try (g * Variable.constant(chosen)).summed(to: sa) : nil,
             c.needed[1] ? try (g * Variable.constant(other)).summed(to: sb) : nil]
        }
    }

    /// The elementwise larger of two tensors (broadcasting; NaN wins). As PyTorch, equal elements share the
    /// gradient evenly.
    public static func maximum(_ a: Variable, _ b: Variable) throws(TensorError) -> Variable {
        try extreme("maximum", a, b, a.value.maximum(b.value)) { x, y in x > y ? 1 : (x == y ? 0.5 : 0) }
    }

    /// The elementwise smaller of two tensors (broadcasting; NaN wins). As PyTorch, equal elements share the
    /// gradient evenly.
    public static func minimum(_ a: Variable, _ b: Variable) throws(TensorError) -> Variable {
        try extreme("minimum", a, b, a.value.minimum(b.value)) { x, y in x < y ? 1 : (x == y ? 0.5 : 0) }
    }

    /// `maximum`/`minimum`: `share(x, y)` is the part of the gradient that goes to `a` (the rest goes to `b`).
    private static func extreme(_ name: String, _ a: Variable, _ b: Variable, _ value: Tensor,
                                _ share: @escaping (Float, Float) -> Float) throws(TensorError) -> Variable {
        var toA = try a.value.zipWith(b.value, share)
        // A NaN operand takes the whole gradient (the result is that NaN).
        toA = try toA.zipWith(try a.value.zipWith(b.value) { x, y in x.isNaN ? 1 : (y.isNaN ? 0 : -1) }) { s, n in n >= 0 ? n : s }
        let toB = toA.map { 1 - $0 }
        let (sa, sb) = (a.shape, b.shape)
        return record(name, value, [a, b]) { g, _, _, c throws(TensorError) in
            [c.needed[0] ? try (g * Variable.constant(toA)).summed(to: sa) : nil,
             c.needed[1] ? try (g * Variable.constant(toB)).summed(to: sb) : nil]
        }
    }
}

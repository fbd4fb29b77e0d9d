import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Softmax, log-softmax and log-sum-exp (numerically stable)

extension Tensor {
    /// log Σ e^x over all elements or along one axis, shifted by the largest element so nothing overflows;
    /// accumulated in Double. A lane whose largest element is ±inf gives that infinity.
    public func logSumExp(axis: Int?) throws(TensorError) -> Tensor {
        let lanes = try Lanes(shape, axis: axis)
        var out = [Float](filling: 0, count: lanes.outer * lanes.inner)
        storage.withUnsafeBufferPointer { p in
            for (n, base) in lanes.bases.enumerated() {
                var m = -Double.infinity
                var sawNaN = false
                for j in 0..<lanes.length {
                    let x = Double(p[base + j * lanes.inner])
                    if x.isNaN { sawNaN = true }
                    m = Swift.max(m, x)
                }
                if sawNaN { out[n] = .nan; continue }
                if m.isInfinite || lanes.length == 0 { out[n] = Float(lanes.length == 0 ? -.infinity : m); continue }
                var s = 0.0
                for j in 0..<lanes.length { s += Glibc.exp(Double(p[base + j * lanes.inner]) - m) }
                out[n] = Float(m + Glibc.log(s))
            }
        }
        var kept = shape
        if let k = lanes.axis { kept.remove(at: k) } else { kept = [] }
        return (try? Tensor(shape: kept, storage: out)) ?? Tensor(out)
    }

    /// softmax (or log-softmax with `log`) along one axis, each lane shifted by its largest element and computed
    /// in Double: e^(x − m) / Σ e^(x − m), or (x − m) − log Σ e^(x − m).
    public func softmax(axis: Int, log: Bool = false) throws(TensorError) -> Tensor {
        let lanes = try Lanes(shape, axis: axis)
        var out = storage
        var shifted = [Double](filling: 0, count: lanes.length)
        for base in lanes.bases {
            var m = -Double.infinity
            for j in 0..<lanes.length { m = Swift.max(m, Double(storage[base + j * lanes.inner])) }
            if !m.isFinite { m = 0 }  // all −inf (or an inf): let the arithmetic give nan or 0 as IEEE does
            var s = 0.0
            for j in 0..<lanes.length {
                shifted[j] = Double(storage[base + j * lanes.inner]) - m
                s += Glibc.exp(shifted[j])
            }
            let logS = Glibc.log(s)
            for j in 0..<lanes.length {
                out[base + j * lanes.inner] = Float(log ? shifted[j] - logS : Glibc.exp(shifted[j] - logS))
            }
        }
        return try Tensor(shape: shape, storage: out)
    }
}

extension Variable {
    /// log Σ e^x over all elements (a scalar) or along one axis, computed stably. Its gradient is the softmax.
    public func logsumexp(axis: Int? = nil) throws(TensorError) -> Variable {
        let result = try value.logSumExp(axis: axis)
        let kept = Variable.keptShape(shape, axis: axis)
        let from = shape
        return Variable.record("logsumexp", result, [self]) { g, x, _, _ throws(TensorError) in
            // The softmax, recomputed from x in Double (e^(x − y) with y rounded to Float32 would lose digits
            // for large x); it is itself differentiable.
            let p = axis == nil ? try x[0].reshaped([x[0].count]).softmax(axis: 0).reshaped(from) : try x[0].softmax(axis: axis ?? -1)
            return [try p * g.reshaped(kept)]
        }
    }

    /// e^x / Σ e^x along `axis` (each lane sums to 1), computed stably. The gradient y (g − Σ g y) uses the output.
    public func softmax(axis: Int = -1) throws(TensorError) -> Variable {
        let result = try value.softmax(axis: axis)
        let kept = Variable.keptShape(shape, axis: axis)
        return Variable.record("softmax", result, [self]) { g, _, y, _ throws(TensorError) in
            [try y * (g - (g * y).sum(axis: axis).reshaped(kept))]
        }
    }

    /// x − logsumexp(x) along `axis`, computed stably. The gradient g − e^y Σ g uses the output.
    public func logSoftmax(axis: Int = -1) throws(TensorError) -> Variable {
        let result = try value.softmax(axis: axis, log: true)
        let kept = Variable.keptShape(shape, axis: axis)
        return Variable.record("log_softmax", result, [self]) { g, _, y, _ throws(TensorError) in
            [try g - y.exp() * g.sum(axis: axis).reshaped(kept)]
        }
    }
}

import SPSNumeric

// MARK: - Vector norms

extension Variable {
    /// The vector p-norm (Σ |x|^p)^(1/p) of all elements (a scalar) or of each lane along `axis`: 2 by default,
    /// 1, any positive p, ∞ (the largest |x|), −∞ (the smallest) and 0 (the number of nonzero elements, with zero
    /// gradient). As PyTorch, the 2-norm's gradient x / ‖x‖ is 0 where the norm is 0, and ∞-norms share the
    /// gradient evenly between equal largest elements over all elements (along an axis, the first gets it).
    public func norm(order p: Double = 2, axis: Int? = nil) throws(TensorError) -> Variable {
        if p == 2 { return try euclideanNorm(axis: axis) }
        if p == 1 { return try abs().sum(axis: axis) }
        if p == .infinity { return try abs().max(axis: axis) }
        if p == -.infinity { return try abs().min(axis: axis) }
        if p == 0 {
            let nonzero = try value.map { $0 != 0 ? 1 : 0 }.sum(axis: axis)
            let from = shape
            return Variable.record("norm", nonzero, [self]) { _, _, _, _ in [Variable.constant(Tensor.zeros(from))] }
        }
        guard p.isFinite && p > 0 else { throw TensorError("norm order \(p) is not supported; use a positive number, inf or -inf") }
        let powered = try Variable.power(abs(), Variable.constant(Tensor(scalar: Float(p)))).sum(axis: axis)
        return try Variable.power(powered, Variable.constant(Tensor(scalar: Float(1 / p))))
    }

    /// √(Σ x²), accumulated in Double; the gradient x / ‖x‖ (0 where the norm is 0) uses the output.
    private func euclideanNorm(axis: Int?) throws(TensorError) -> Variable {
        let lanes = try Lanes(shape, axis: axis)
        var out = [Float](filling: 0, count: lanes.outer * lanes.inner)
        value.withUnsafeBufferPointer { v in
            for (n, base) in lanes.bases.enumerated() {
                var s = 0.0
                for j in 0..<lanes.length { let x = Double(v[base + j * lanes.inner]); s += x * x }
                out[n] = Float(s.squareRoot())
            }
        }
        var resultShape = shape
        if let k = lanes.axis { resultShape.remove(at: k) } else { resultShape = [] }
        let result = try Tensor(shape: resultShape, storage: out)
        let kept = Variable.keptShape(shape, axis: axis)
        return Variable.record("norm", result, [self]) { g, x, y, _ throws(TensorError) in
            let zero = y.value.map { $0 == 0 ? 1 : 0 }
            let nonzero = zero.map { 1 - $0 }
            let scale = try g * Variable.constant(nonzero) / (y + Variable.constant(zero))
            return [try x[0] * scale.reshaped(kept)]
        }
    }
}

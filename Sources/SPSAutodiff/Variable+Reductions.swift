import SPSNumeric

extension Variable {
    /// The sum over all elements (a scalar) or along one axis.
    public func sum(axis: Int? = nil) throws(TensorError) -> Variable {
        let from = shape
        let result = try value.sum(axis: axis)
        let kept = Variable.keptShape(from, axis: axis)
        return Variable.record("sum", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.spread(to: from, kept: kept)]
        }
    }

    /// The mean over all elements (a scalar) or along one axis.
    public func mean(axis: Int? = nil) throws(TensorError) -> Variable {
        let from = shape
        let result = try value.mean(axis: axis)
        let kept = Variable.keptShape(from, axis: axis)
        let n = Float(axis == nil ? count : count / Swift.max(result.count, 1))
        return Variable.record("mean", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.spread(to: from, kept: kept, scale: 1 / n)]
        }
    }

    /// A reduction's gradient spread back over the reduced axes: this value (of the reduction's shape) reshaped to
    /// `kept`, times `scale`, repeated to `shape` — one recorded operation (the backward step of sum and mean
    /// runs at every training step).
    func spread(to shape: [Int], kept: [Int], scale: Float = 1) throws(TensorError) -> Variable {
        let spread: Tensor
        if let v = value.scalarValue, value.count == 1 {
            // A full reduction's gradient (every training step): one number everywhere.
            spread = Tensor.full(shape, v * scale)
        } else {
            var t = try value.reshaped(kept)
            if scale != 1 { t = t.map { $0 * scale } }
            spread = try Variable.broadcast(t, to: shape)
        }
        if Recording.isOff { return Variable(constant: spread) }  // a training step's backward: nothing to record
        let from = self.shape
        return Variable.record("expand", spread, [self]) { g, _, _, _ throws(TensorError) in
            let s = try g.summed(to: kept).reshaped(from)
            return [scale == 1 ? s : s * scale]
        }
    }

    /// `shape` with the reduced axis kept as size 1 (all axes for a full reduction), for broadcasting a reduced
    /// gradient back.
    static func keptShape(_ shape: [Int], axis: Int?) -> [Int] {
        guard let axis else { return Array(filling: 1, count: shape.count) }
        var kept = shape
        let k = axis < 0 ? axis + shape.count : axis
        if k >= 0 && k < kept.count { kept[k] = 1 }
        return kept
    }
}

// MARK: - Lanes: the runs of elements along one axis

/// How a tensor of `shape` splits into lanes along one axis (or one lane of all elements): lane (o, i) holds the
/// elements at `o * length * inner + i + j * inner` for j in 0..<length.
struct Lanes {
    let outer: Int, length: Int, inner: Int
    /// The axis, non-negative; nil for one lane over all elements in order.
    let axis: Int?

    init(_ shape: [Int], axis: Int?) throws(TensorError) {
        guard let axis else {
            (outer, length, inner, self.axis) = (1, shape.reduce(1, *), 1, nil)
            return
        }
        let k = try Tensor.normalizedAxis(axis, rank: shape.count)
        (outer, length, inner, self.axis) = (shape[..<k].reduce(1, *), shape[k], shape[(k + 1)...].reduce(1, *), k)
    }

    /// The flat position of each lane's first element, lane by lane (in the order of a reduction's result).
    var bases: [Int] {
        var out: [Int] = []
        out.reserveCapacity(outer * inner)
        for o in 0..<outer { for i in 0..<inner { out.append(o * length * inner + i) } }
        return out
    }
}

// MARK: - Spread, products, extremes

extension Variable {
    /// The variance with `correction` subtracted from the count (1: the sample variance, PyTorch's default), over
    /// all elements or along one axis; nan when the count does not exceed the correction.
    public func variance(axis: Int? = nil, correction: Int = 1) throws(TensorError) -> Variable {
        let result = try value.variance(axis: axis, correction: correction)
        let lanes = try Lanes(shape, axis: axis)
        let kept = Variable.keptShape(shape, axis: axis)
        let scale = lanes.length > correction ? 2 / Float(lanes.length - correction) : Float.nan
        return Variable.record("var", result, [self]) { g, x, _, _ throws(TensorError) in
            // d var / dx = 2 (x − mean) / (n − correction); the mean's own gradient sums to zero.
            let centered = try x[0] - x[0].mean(axis: axis).reshaped(kept)
            return [try centered * (g * scale).reshaped(kept)]
        }
    }

    /// The standard deviation (the square root of `variance`).
    public func std(axis: Int? = nil, correction: Int = 1) throws(TensorError) -> Variable {
        try variance(axis: axis, correction: correction).sqrt()
    }

    /// The product of all elements or along one axis. The gradient of each element is the product of the others:
    /// y / x where no element is 0 (differentiable again); where one is, those products are computed directly
    /// (exact, but a constant for gradients of gradients).
    public func prod(axis: Int? = nil) throws(TensorError) -> Variable {
        let result = try value.prod(axis: axis)
        let kept = Variable.keptShape(shape, axis: axis)
        if !value.storage.contains(0) {
            return Variable.record("prod", result, [self]) { g, x, y, _ throws(TensorError) in
                [try g.reshaped(kept) * y.reshaped(kept) / x[0]]
            }
        }
        let lanes = try Lanes(shape, axis: axis)
        var others = [Float](filling: 0, count: count)
        let v = value.storage
        for base in lanes.bases {
            // Prefix and suffix products: others[j] = Π_{k<j} x_k · Π_{k>j} x_k.
            var prefix = 1.0
            for j in 0..<lanes.length { others[base + j * lanes.inner] = Float(prefix); prefix *= Double(v[base + j * lanes.inner]) }
            var suffix = 1.0
            for j in stride(from: lanes.length - 1, through: 0, by: -1) {
                let p = base + j * lanes.inner
                others[p] = Float(Double(others[p]) * suffix)
                suffix *= Double(v[p])
            }
        }
        let othersTensor = try Tensor(shape: shape, storage: others)
        return Variable.record("prod", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.reshaped(kept) * Variable.constant(othersTensor)]
        }
    }

    /// The largest element, over all elements or along one axis. Along an axis the gradient goes to the position
    /// `argmax` gives (the first of equal largest ones); over all elements it is shared evenly by the equal largest
    /// ones (PyTorch's conventions for `max(x, dim)` and `max(x)`).
    public func max(axis: Int? = nil) throws(TensorError) -> Variable {
        try extremum("max", axis, try value.max(axis: axis), try value.argmax(axis: axis))
    }

    /// The smallest element; the gradient as for `max`.
    public func min(axis: Int? = nil) throws(TensorError) -> Variable {
        try extremum("min", axis, try value.min(axis: axis), try value.argmin(axis: axis))
    }

    private func extremum(_ name: String, _ axis: Int?, _ result: Tensor, _ positions: Tensor) throws(TensorError) -> Variable {
        let lanes = try Lanes(shape, axis: axis)
        var weights = [Float](filling: 0, count: count)
        if axis == nil, let best = result.scalarValue {
            let ties = value.storage.indices.filter { value.storage[$0] == best || (best.isNaN && value.storage[$0].isNaN) }
            for p in ties { weights[p] = 1 / Float(ties.count) }
        } else {
            for (n, base) in lanes.bases.enumerated() { weights[base + Int(positions.storage[n]) * lanes.inner] = 1 }
        }
        let w = try Tensor(shape: shape, storage: weights)
        let kept = Variable.keptShape(shape, axis: axis)
        return Variable.record(name, result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.reshaped(kept) * Variable.constant(w)]
        }
    }
}

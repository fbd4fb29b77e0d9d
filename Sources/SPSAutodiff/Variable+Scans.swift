import SPSNumeric

// MARK: - Running sums and products, sorting

extension Tensor {
    /// Running sums along each lane, from the first element (`reversed` false) or from the last (true: element j
    /// is the sum of elements j…end), accumulated in Double. Without an axis, over all elements as one vector.
    func runningSums(axis: Int?, reversed: Bool) throws(TensorError) -> Tensor {
        let lanes = try Lanes(shape, axis: axis)
        var out = storage
        for base in lanes.bases {
            var total = 0.0
            for step in 0..<lanes.length {
                let p = base + (reversed ? lanes.length - 1 - step : step) * lanes.inner
                total += Double(storage[p])
                out[p] = Float(total)
            }
        }
        return try Tensor(shape: axis == nil ? [count] : shape, storage: out)
    }
}

extension Variable {
    /// Running sums (numpy's `cumsum`): along `axis`, or over all elements in order (a vector) without one. The
    /// gradient is the running sum of the gradient from the end.
    public func cumsum(axis: Int? = nil) throws(TensorError) -> Variable {
        let result = try value.runningSums(axis: axis, reversed: false)
        let from = shape
        return Variable.record("cumsum", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.reverseCumsum(axis: axis).reshaped(from)]
        }
    }

    /// Running sums from the end (element j is the sum of j…end along `axis`); the adjoint of `cumsum`.
    func reverseCumsum(axis: Int?) throws(TensorError) -> Variable {
        let result = try value.runningSums(axis: axis, reversed: true)
        let from = shape
        return Variable.record("cumsum", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.cumsum(axis: axis).reshaped(from)]
        }
    }

    /// Running products (numpy's `cumprod`), along `axis` or over all elements in order. Where no element is 0
    /// the gradient is (Σ_{j≥i} g_j y_j) / x_i, differentiable again; where one is, the products are computed
    /// directly (exact, but a constant for gradients of gradients).
    public func cumprod(axis: Int? = nil) throws(TensorError) -> Variable {
        let result = try value.cumprod(axis: axis)
        let from = shape
        if !value.storage.contains(0) {
            return Variable.record("cumprod", result, [self]) { g, x, y, _ throws(TensorError) in
                [try ((g * y).reverseCumsum(axis: axis).reshaped(from)) / x[0]]
            }
        }
        let lanes = try Lanes(shape, axis: axis)
        let v = value.storage.map(Double.init)
        let n = lanes.length, inner = lanes.inner
        let bases = lanes.bases
        return Variable.record("cumprod", result, [self]) { g, _, _, _ throws(TensorError) in
            // dx_i = Σ_{j≥i} g_j Π_{k≤j, k≠i} x_k, lane by lane (quadratic in the lane's length).
            let gs = g.value.storage
            var out = [Float](filling: 0, count: v.count)
            for base in bases {
                for i in 0..<n {
                    var total = 0.0, product = 1.0
                    for k in 0..<i { product *= v[base + k * inner] }
                    for j in i..<n {
                        if j > i { product *= v[base + j * inner] }
                        total += Double(gs[base + j * inner]) * product
                    }
                    out[base + i * inner] = Float(total)
                }
            }
            return [Variable.constant(try Tensor(shape: from, storage: out))]
        }
    }

    /// The elements sorted ascending along `axis` (the last by default; NaN last, stable), as numpy's `sort`. Each
    /// element's gradient is the gradient at the place it was sorted to.
    public func sorted(axis: Int = -1) throws(TensorError) -> Variable {
        let order = try value.argsort(axis: axis)
        let lanes = try Lanes(shape, axis: rank == 0 ? nil : axis)
        // positions[p]: where the element that lands at flat position p comes from.
        var positions = Array(0..<count)
        for base in lanes.bases {
            for j in 0..<lanes.length {
                let p = base + j * lanes.inner
                positions[p] = base + Int(order.storage[p]) * lanes.inner
            }
        }
        let result = try Tensor(shape: shape, storage: positions.map { value.storage[$0] })
        let from = shape
        return Variable.record("sort", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.reshaped([g.count]).scattered(positions, into: from)]
        }
    }
}

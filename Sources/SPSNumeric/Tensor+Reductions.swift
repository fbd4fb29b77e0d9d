// MARK: - Reductions over all elements or one axis

extension Tensor {
    /// Splits the shape around `axis` into (outer, length, inner) counts; nil axis means one run over all.
    func reductionLayout(_ axis: Int?) throws(TensorError) -> (outer: Int, length: Int, inner: Int, shape: [Int]) {
        guard let axis else { return (1, count, 1, []) }
        let k = axis < 0 ? axis + rank : axis
        guard k >= 0 && k < rank else {
            throw TensorError("axis \(axis) is out of range for a tensor of rank \(rank) \(Tensor.format(shape: shape))")
        }
        let outer = shape[..<k].reduce(1, *)
        let inner = shape[(k + 1)...].reduce(1, *)
        var kept = shape
        kept.remove(at: k)
        return (outer, shape[k], inner, kept)
    }

    /// Reduces each run along `axis` with `body`, which sees the run's values through a strided accessor.
    func reduce(axis: Int?, _ body: (_ length: Int, _ value: (Int) -> Float) -> Float) throws(TensorError) -> Tensor {
        let layout = try reductionLayout(axis)
        var out = [Float](filling: 0, count: layout.outer * layout.inner)
        storage.withUnsafeBufferPointer { p in
            for o in 0..<layout.outer {
                for i in 0..<layout.inner {
                    let base = o * layout.length * layout.inner + i
                    out[o * layout.inner + i] = body(layout.length) { p[base + $0 * layout.inner] }
                }
            }
        }
        return Tensor(uncheckedShape: layout.shape, storage: out)
    }

    /// The sum over all elements (`axis` nil) or along one axis, accumulated in Double.
    public func sum(axis: Int? = nil) throws(TensorError) -> Tensor {
        try reduce(axis: axis) { n, v in
            var s = 0.0
            for i in 0..<n { s += Double(v(i)) }
            return Float(s)
        }
    }

    /// The arithmetic mean; nan for an empty run.
    public func mean(axis: Int? = nil) throws(TensorError) -> Tensor {
        try reduce(axis: axis) { n, v in
            var s = 0.0
            for i in 0..<n { s += Double(v(i)) }
            return n == 0 ? .nan : Float(s / Double(n))
        }
    }

    /// The variance with `correction` subtracted from the count (1: unbiased, as PyTorch and pandas default).
    public func variance(axis: Int? = nil, correction: Int = 1) throws(TensorError) -> Tensor {
        try reduce(axis: axis) { n, v in
            guard n - correction > 0 else { return .nan }
            var mean = 0.0
            for i in 0..<n { mean += Double(v(i)) }
            mean /= Double(n)
            var squares = 0.0
            for i in 0..<n { let d = Double(v(i)) - mean; squares += d * d }
            return Float(squares / Double(n - correction))
        }
    }

    /// The standard deviation (square root of `variance`).
    public func std(axis: Int? = nil, correction: Int = 1) throws(TensorError) -> Tensor {
        try variance(axis: axis, correction: correction).map { $0.squareRoot() }
    }

    /// The smallest element; an error for an empty tensor.
    public func min(axis: Int? = nil) throws(TensorError) -> Tensor {
        try nonEmpty("min")
        return try reduce(axis: axis) { n, v in
            var best = v(0)
            for i in 1..<Swift.max(n, 1) where v(i) < best || v(i).isNaN { best = v(i); if best.isNaN { break } }
            return best
        }
    }

    /// The largest element; an error for an empty tensor.
    public func max(axis: Int? = nil) throws(TensorError) -> Tensor {
        try nonEmpty("max")
        return try reduce(axis: axis) { n, v in
            var best = v(0)
            for i in 1..<Swift.max(n, 1) where v(i) > best || v(i).isNaN { best = v(i); if best.isNaN { break } }
            return best
        }
    }

    /// The position of the largest element (first on ties), as a Float tensor of indices.
    public func argmax(axis: Int? = nil) throws(TensorError) -> Tensor {
        try nonEmpty("argmax")
        return try reduce(axis: axis) { n, v in
            var best = 0
            for i in 1..<Swift.max(n, 1) where v(i) > v(best) { best = i }
            return Float(best)
        }
    }

    /// The position of the smallest element (first on ties).
    public func argmin(axis: Int? = nil) throws(TensorError) -> Tensor {
        try nonEmpty("argmin")
        return try reduce(axis: axis) { n, v in
            var best = 0
            for i in 1..<Swift.max(n, 1) where v(i) < v(best) { best = i }
            return Float(best)
        }
    }

    /// The product of all elements or along one axis, accumulated in Double (1 for an empty run).
    public func prod(axis: Int? = nil) throws(TensorError) -> Tensor {
        try reduce(axis: axis) { n, v in
            var p = 1.0
            for i in 0..<n { p *= Double(v(i)) }
            return Float(p)
        }
    }

    /// A mask: 1 where any element of the run is nonzero (NaN counts as nonzero, as in numpy's `any`).
    public func any(axis: Int? = nil) throws(TensorError) -> Tensor {
        var r = try reduce(axis: axis) { n, v in (0..<n).contains { v($0) != 0 } ? 1 : 0 }
        r.isMask = true
        return r
    }

    /// A mask: 1 where every element of the run is nonzero (1 for an empty run, as in numpy's `all`).
    public func all(axis: Int? = nil) throws(TensorError) -> Tensor {
        var r = try reduce(axis: axis) { n, v in (0..<n).allSatisfy { v($0) != 0 } ? 1 : 0 }
        r.isMask = true
        return r
    }

    private func nonEmpty(_ name: String) throws(TensorError) {
        guard count > 0, !shape.contains(0) else {
            throw TensorError("\(name) of an empty tensor \(Tensor.format(shape: shape))")
        }
    }
}

// MARK: - Elementwise functions and choices: where, clip, minimum, maximum, logical operations

extension Tensor {
    /// `a` where `condition` is nonzero and `b` elsewhere, all three broadcast together (numpy's `where`).
    public static func where_(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let shape = try broadcastShape(try broadcastShape(condition.shape, a.shape), b.shape)
        let zero = zeros(shape)
        let c = try zero.zipWith(condition) { _, x in x }
        let x = try zero.zipWith(a) { _, v in v }
        let y = try zero.zipWith(b) { _, v in v }
        var out = y.storage
        for i in 0..<out.count where c.storage[i] != 0 { out[i] = x.storage[i] }
        var result = Tensor(uncheckedShape: shape, storage: out)
        result.isMask = a.isMask && b.isMask
        return result
    }

    /// Each element limited to `[low, high]` (numpy's `clip`); NaN stays NaN.
    public func clipped(low: Float, high: Float) -> Tensor {
        map { x in x.isNaN ? x : Swift.min(Swift.max(x, low), high) }
    }

    /// The elementwise smaller of two tensors, with broadcasting; NaN wins, as in numpy's `minimum`.
    public func minimum(_ other: Tensor) throws(TensorError) -> Tensor {
        try zipWith(other) { a, b in a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
    }

    /// The elementwise larger of two tensors, with broadcasting; NaN wins, as in numpy's `maximum`.
    public func maximum(_ other: Tensor) throws(TensorError) -> Tensor {
        try zipWith(other) { a, b in a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }
    }

    /// A mask: 1 where both are nonzero (numpy's `logical_and`), with broadcasting.
    public func logicalAnd(_ other: Tensor) throws(TensorError) -> Tensor {
        var r = try zipWith(other) { a, b in a != 0 && b != 0 ? 1 : 0 }
        r.isMask = true
        return r
    }

    /// A mask: 1 where either is nonzero (numpy's `logical_or`), with broadcasting.
    public func logicalOr(_ other: Tensor) throws(TensorError) -> Tensor {
        var r = try zipWith(other) { a, b in a != 0 || b != 0 ? 1 : 0 }
        r.isMask = true
        return r
    }

    /// A mask: 1 where the element is zero (numpy's `logical_not`).
    public func logicalNot() -> Tensor {
        var r = map { $0 == 0 ? 1 : 0 }
        r.isMask = true
        return r
    }
}

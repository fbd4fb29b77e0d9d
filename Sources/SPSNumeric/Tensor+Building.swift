// MARK: - Building tensors: arange, linspace, diag, outer

extension Tensor {
    /// The numbers `start, start + step, …` up to but not including `stop` (numpy's `arange`).
    ///
    /// The count is `ceil((stop − start) / step)`, computed in Double as numpy does; each element is
    /// `start + i·step` in Double, rounded once to Float32.
    public static func arange(_ start: Double, _ stop: Double, step: Double = 1) throws(TensorError) -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw TensorError("arange needs finite bounds and a nonzero finite step, got \(start), \(stop), step \(step)")
        }
        let steps = ((stop - start) / step).rounded(.up)
        guard steps <= Double(maximumCount) else {
            throw TensorError("arange \(start) \(stop) step \(step) would have \(steps) elements (at most \(maximumCount))")
        }
        let n = Swift.max(0, Int(steps))
        return Tensor((0..<n).map { Float(start + Double($0) * step) })
    }

    /// `count` evenly spaced numbers from `start` to `stop`, both included (numpy's `linspace`).
    public static func linspace(_ start: Double, _ stop: Double, count: Int) throws(TensorError) -> Tensor {
        guard count >= 0, count <= maximumCount else {
            throw TensorError("linspace needs a count between 0 and \(maximumCount), got \(count)")
        }
        guard count > 1 else { return Tensor(count == 1 ? [Float(start)] : []) }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Float(start + Double($0) * step) }
        values[count - 1] = Float(stop)
        return Tensor(values)
    }

    /// numpy's `diag`: a vector becomes a square matrix with it on diagonal `k` (0 the main one, positive
    /// above, negative below); a matrix gives its diagonal `k` as a vector.
    public static func diag(_ t: Tensor, k: Int = 0) throws(TensorError) -> Tensor {
        switch t.rank {
        case 1:
            let n = t.count + Swift.abs(k)
            _ = try checkedCount([n, n])
            var out = zeros([n, n])
            for i in 0..<t.count {
                let (r, c) = k >= 0 ? (i, i + k) : (i - k, i)
                out.storage[r * n + c] = t.storage[i]
            }
            return out
        case 2:
            let (m, n) = (t.shape[0], t.shape[1])
            var values: [Float] = []
            var (r, c) = k >= 0 ? (0, k) : (-k, 0)
            while r < m && c < n {
                values.append(t.storage[r * n + c])
                r += 1
                c += 1
            }
            return Tensor(values)
        default:
            throw TensorError("diag needs a vector or a matrix, got shape \(format(shape: t.shape))")
        }
    }

    /// The outer product of two tensors, flattened to vectors first (numpy's `outer`): `a[i] * b[j]`.
    public static func outer(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let shape = [a.count, b.count]
        let total = try checkedCount(shape)
        var out = [Float](filling: 0, count: total)
        for i in 0..<a.count {
            let x = a.storage[i]
            for j in 0..<b.count { out[i * b.count + j] = x * b.storage[j] }
        }
        return Tensor(uncheckedShape: shape, storage: out)
    }
}

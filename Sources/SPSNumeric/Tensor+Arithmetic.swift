// MARK: - Broadcasting

extension Tensor {
    /// The shape two tensors broadcast to under numpy's rules (align trailing axes; sizes equal or 1).
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        let rank = Swift.max(a.count, b.count)
        var result = Array(filling: 0, count: rank)
        for k in 0..<rank {
            let da = k < rank - a.count ? 1 : a[k - (rank - a.count)]
            let db = k < rank - b.count ? 1 : b[k - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else {
                throw TensorError("shapes \(format(shape: a)) and \(format(shape: b)) cannot be broadcast together")
            }
            result[k] = da == 1 ? db : da
        }
        return result
    }

    /// The most elements one tensor may hold (4 GiB of Float32): larger results are an error, not an allocation
    /// failure that would kill the process.
    public static let maximumCount = 1 << 30

    /// The element count of a shape, or an error naming it when it exceeds `maximumCount` (or overflows).
    public static func checkedCount(_ shape: [Int]) throws(TensorError) -> Int {
        var total = 1
        for size in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maximumCount else {
                throw TensorError("a tensor of shape \(format(shape: shape)) would be too large (at most \(maximumCount) elements)")
            }
            total = product
        }
        return total
    }

    /// Strides of `shape` seen inside `target`: 0 along broadcast (size-1 or missing) axes.
    static func broadcastStrides(_ shape: [Int], into target: [Int]) -> [Int] {
        let own = Tensor(uncheckedShape: shape, storage: []).strides
        let offset = target.count - shape.count
        return (0..<target.count).map { k in
            k < offset || shape[k - offset] == 1 ? 0 : own[k - offset]
        }
    }

    /// Combines two tensors elementwise with broadcasting.
    public func zipWith(_ other: Tensor, _ op: (Float, Float) -> Float) throws(TensorError) -> Tensor {
        if shape == other.shape {
            var out = storage
            other.storage.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<o.count { o[i] = op(o[i], b[i]) }
                }
            }
            return Tensor(uncheckedShape: shape, storage: out)
        }
        if other.storage.count == 1 && other.rank <= rank {
            let s = other.storage[0]
            return Tensor(uncheckedShape: shape, storage: storage.map { op($0, s) })
        }
        if storage.count == 1 && rank <= other.rank {
            let s = storage[0]
            return Tensor(uncheckedShape: other.shape, storage: other.storage.map { op(s, $0) })
        }
        let target = try Tensor.broadcastShape(shape, other.shape)
        let total = try Tensor.checkedCount(target)
        let sa = Tensor.broadcastStrides(shape, into: target)
        let sb = Tensor.broadcastStrides(other.shape, into: target)
        var out = [Float](filling: 0, count: total)
        var index = Array(filling: 0, count: target.count)
        var ia = 0, ib = 0
        for position in 0..<total {
            out[position] = op(storage[ia], other.storage[ib])
            // Advance the multi-index like an odometer, keeping both source offsets in step.
            var axis = target.count - 1
            while axis >= 0 {
                index[axis] += 1
                ia += sa[axis]
                ib += sb[axis]
                if index[axis] < target[axis] { break }
                ia -= sa[axis] * target[axis]
                ib -= sb[axis] * target[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return Tensor(uncheckedShape: target, storage: out)
    }

    /// Applies `transform` to every element.
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(uncheckedShape: shape, storage: storage.map(transform))
    }

    /// Elementwise sum with broadcasting.
    public func adding(_ other: Tensor) throws(TensorError) -> Tensor { try zipWith(other, +) }
    /// Elementwise difference with broadcasting.
    public func subtracting(_ other: Tensor) throws(TensorError) -> Tensor { try zipWith(other, -) }
    /// Elementwise product with broadcasting; the product of two masks is a mask (their logical and).
    public func multiplying(_ other: Tensor) throws(TensorError) -> Tensor {
        var result = try zipWith(other, *)
        result.isMask = isMask && other.isMask
        return result
    }
    /// Elementwise quotient with broadcasting (IEEE semantics: x/0 is ±inf or nan).
    public func dividing(_ other: Tensor) throws(TensorError) -> Tensor { try zipWith(other, /) }
    /// Elementwise power with broadcasting.
    public func raised(to other: Tensor) throws(TensorError) -> Tensor { try zipWith(other) { powf($0, $1) } }

    /// Elementwise negation.
    public static prefix func - (tensor: Tensor) -> Tensor { tensor.map { -$0 } }

    /// Elementwise comparison with broadcasting: a mask, 1 where it holds and 0 elsewhere.
    public func compare(_ other: Tensor, _ op: ComparisonOperator) throws(TensorError) -> Tensor {
        var result = try compareValues(other, op)
        result.isMask = true
        return result
    }

    private func compareValues(_ other: Tensor, _ op: ComparisonOperator) throws(TensorError) -> Tensor {
        switch op {
        case .equal: try zipWith(other) { $0 == $1 ? 1 : 0 }
        case .notEqual: try zipWith(other) { $0 != $1 ? 1 : 0 }
        case .less: try zipWith(other) { $0 < $1 ? 1 : 0 }
        case .lessEqual: try zipWith(other) { $0 <= $1 ? 1 : 0 }
        case .greater: try zipWith(other) { $0 > $1 ? 1 : 0 }
        case .greaterEqual: try zipWith(other) { $0 >= $1 ? 1 : 0 }
        }
    }
}

/// The comparisons `compare` supports.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Matrix product and transposition

extension Tensor {
    /// The matrix product, with numpy's rules for vectors: `[n] @ [n, m] -> [m]`, `[m, n] @ [n] -> [m]`,
    /// `[n] @ [n] -> []`.
    public func matmul(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank >= 1 && rank <= 2 && other.rank >= 1 && other.rank <= 2 else {
            throw TensorError("matrix product needs vectors or matrices, got \(Tensor.format(shape: shape)) @ \(Tensor.format(shape: other.shape))")
        }
        let (m, k) = rank == 2 ? (shape[0], shape[1]) : (1, shape[0])
        let (k2, n) = other.rank == 2 ? (other.shape[0], other.shape[1]) : (other.shape[0], 1)
        guard k == k2 else {
            throw TensorError("matrix product of \(Tensor.format(shape: shape)) and \(Tensor.format(shape: other.shape)): inner sizes \(k) and \(k2) differ")
        }
        var out = [Float](filling: 0, count: m * n)
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { c in
                    if let pa = a.baseAddress, let pb = b.baseAddress, let pc = c.baseAddress {
                        Kernels.gemm(m: m, n: n, k: k, a: pa, lda: k, transposeA: false, b: pb, ldb: n, transposeB: false, c: pc, ldc: n, accumulate: false)
                    }
                }
            }
        }
        var resultShape: [Int] = []
        if rank == 2 { resultShape.append(m) }
        if other.rank == 2 { resultShape.append(n) }
        return Tensor(uncheckedShape: resultShape, storage: out)
    }

    /// The transpose of a matrix (a copy); vectors and scalars are returned unchanged.
    public func transposed() -> Tensor {
        guard rank == 2 else { return self }
        let (m, n) = (shape[0], shape[1])
        var out = [Float](filling: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n { out[j * m + i] = storage[i * n + j] }
        }
        return Tensor(uncheckedShape: [n, m], storage: out)
    }
}

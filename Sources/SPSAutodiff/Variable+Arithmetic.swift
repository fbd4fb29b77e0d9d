import SPSNumeric

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Broadcasting

extension Variable {
    /// Sums a gradient down to `shape`, undoing numpy broadcasting (leading axes added, size-1 axes stretched).
    public func summed(to shape: [Int]) throws(TensorError) -> Variable {
        if self.shape == shape { return self }
        let value = try Variable.sumToShape(self.value, shape)
        let from = self.shape
        return Variable.record("sum to shape", value, [self]) { g, _, _, _ throws(TensorError) in
            [try g.expanded(to: from)]
        }
    }

    /// The value repeated along broadcast axes to `shape` (the adjoint of `summed(to:)`).
    public func expanded(to shape: [Int]) throws(TensorError) -> Variable {
        if self.shape == shape { return self }
        let value = try Variable.broadcast(self.value, to: shape)
        let from = self.shape
        return Variable.record("expand", value, [self]) { g, _, _, _ throws(TensorError) in
            [try g.summed(to: from)]
        }
    }

    /// `t` repeated along broadcast axes to `shape` (numpy's `broadcast_to`), with fast paths for a single element,
    /// a row repeated down a matrix and a column repeated across it.
    static func broadcast(_ t: Tensor, to shape: [Int]) throws(TensorError) -> Tensor {
        func failure() -> TensorError {
            TensorError("cannot expand shape \(Tensor.format(shape: t.shape)) to \(Tensor.format(shape: shape))")
        }
        guard t.rank <= shape.count else { throw failure() }
        if t.count == 1, let v = t.scalarValue { return Tensor.full(shape, v) }
        let padded = Array(filling: 1, count: shape.count - t.rank) + t.shape
        for k in 0..<shape.count where padded[k] != 1 && padded[k] != shape[k] { throw failure() }
        if shape.count == 2 {
            let (n, k) = (shape[0], shape[1])
            if padded == [1, k] {
                var out = [Float]()
                out.reserveCapacity(n * k)
                for _ in 0..<n { out.append(contentsOf: t.storage) }
                return try Tensor(shape: shape, storage: out)
            }
            if padded == [n, 1] {
                var out = [Float](filling: 0, count: n * k)
                t.withUnsafeBufferPointer { p in
                    for i in 0..<n { for j in 0..<k { out[i * k + j] = p[i] } }
                }
                return try Tensor(shape: shape, storage: out)
            }
        }
        return try Tensor.zeros(shape).adding(t)
    }

    /// Sums `t` over the axes that broadcasting to `t.shape` added or stretched, giving `shape`.
    static func sumToShape(_ t: Tensor, _ shape: [Int]) throws(TensorError) -> Tensor {
        let rank = t.rank
        guard shape.count <= rank else {
            throw TensorError("cannot sum shape \(Tensor.format(shape: t.shape)) down to \(Tensor.format(shape: shape))")
        }
        let padded = Array(filling: 1, count: rank - shape.count) + shape
        for k in 0..<rank where padded[k] != 1 && padded[k] != t.shape[k] {
            throw TensorError("cannot sum shape \(Tensor.format(shape: t.shape)) down to \(Tensor.format(shape: shape))")
        }
        let total = shape.reduce(1, *)
        if total == 1 { return try t.sum().reshaped(shape) }
        // The common cases of a batch: [n, k] summed over its rows to [k] (or [1, k]), or over its columns to [n, 1].
        if rank == 2 {
            let (n, k) = (t.shape[0], t.shape[1])
            if padded == [1, k] {
                var out = [Double](filling: 0, count: k)
                t.withUnsafeBufferPointer { p in
                    for i in 0..<n { for j in 0..<k { out[j] += Double(p[i * k + j]) } }
                }
                return try Tensor(shape: shape, storage: out.map { Float($0) })
            }
            if padded == [n, 1] {
                var out = [Float](filling: 0, count: n)
                t.withUnsafeBufferPointer { p in
                    for i in 0..<n {
                        var s = 0.0
                        for j in 0..<k { s += Double(p[i * k + j]) }
                        out[i] = Float(s)
                    }
                }
                return try Tensor(shape: shape, storage: out)
            }
        }
        // Strides of the result seen from each position of `t` (0 along summed axes).
        var strides = Array(filling: 0, count: rank)
        var step = 1
        for k in stride(from: rank - 1, through: 0, by: -1) {
            strides[k] = padded[k] == 1 ? 0 : step
            step *= padded[k]
        }
        var out = [Double](filling: 0, count: total)
        var index = Array(filling: 0, count: rank)
        var target = 0
        t.withUnsafeBufferPointer { source in
            for i in 0..<source.count {
                out[target] += Double(source[i])
                var k = rank - 1
                while k >= 0 {
                    index[k] += 1
                    target += strides[k]
                    if index[k] < t.shape[k] { break }
                    target -= strides[k] * index[k]
                    index[k] = 0
                    k -= 1
                }
            }
        }
        return try Tensor(shape: shape, storage: out.map { Float($0) })
    }
}

// MARK: - Elementwise arithmetic with broadcasting

extension Variable {
    /// `a + b`, broadcasting.
    public static func + (a: Variable, b: Variable) throws(TensorError) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return record("+", try a.value.adding(b.value), [a, b]) { g, _, _, c throws(TensorError) in
            [c.needed[0] ? try g.summed(to: sa) : nil, c.needed[1] ? try g.summed(to: sb) : nil]
        }
    }

    /// `a - b`, broadcasting.
    public static func - (a: Variable, b: Variable) throws(TensorError) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return record("-", try a.value.subtracting(b.value), [a, b]) { g, _, _, c throws(TensorError) in
            [c.needed[0] ? try g.summed(to: sa) : nil, c.needed[1] ? try (-g).summed(to: sb) : nil]
        }
    }

    /// `a * b` elementwise, broadcasting.
    public static func * (a: Variable, b: Variable) throws(TensorError) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return record("*", try a.value.multiplying(b.value), [a, b]) { g, x, _, c throws(TensorError) in
            [c.needed[0] ? try (g * x[1]).summed(to: sa) : nil, c.needed[1] ? try (g * x[0]).summed(to: sb) : nil]
        }
    }

    /// `a / b` elementwise, broadcasting.
    public static func / (a: Variable, b: Variable) throws(TensorError) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        return record("/", try a.value.dividing(b.value), [a, b]) { g, x, y, c throws(TensorError) in
            // d(a/b)/db = -a/b² = -(a/b)/b
            [c.needed[0] ? try (g / x[1]).summed(to: sa) : nil,
             c.needed[1] ? try (-(g * y) / x[1]).summed(to: sb) : nil]
        }
    }

    /// `-a`.
    public static prefix func - (a: Variable) -> Variable {
        record("negate", -a.value, [a]) { g, _, _, _ in [-g] }
    }

    /// `a ** b` elementwise, broadcasting (PyTorch's gradient conventions: the exponent's gradient is 0 where
    /// the base is 0 and the exponent positive).
    public static func power(_ a: Variable, _ b: Variable) throws(TensorError) -> Variable {
        let (sa, sb) = (a.shape, b.shape)
        if b.count == 1, !b.requiresGrad, let p = b.value.scalarValue {
            // A constant exponent: d(a^p)/da = p a^(p-1). Squares (the usual objective) skip powf: x·x is the
            // same correctly rounded number.
            let value = p == 2 && b.rank <= a.rank ? a.value.map { $0 * $0 } : try a.value.raised(to: b.value)
            return record("**", value, [a]) { g, x, _, c throws(TensorError) in
                if p == 2 {
                    // The usual objective's square: 2·x·g in one pass when the gradient is not recorded.
                    if !c.create, g.shape == x[0].shape {
                        var out = g.value
                        x[0].value.withUnsafeBufferPointer { xs in
                            out.withUnsafeMutableBufferPointer { o in
                                for i in 0..<o.count { o[i] = 2 * xs[i] * o[i] }
                            }
                        }
                        return [Variable(constant: out)]
                    }
                    return [try (g * x[0]) * 2]
                }
                if p == 1 { return [g] }
                if p == 0 { return [g * 0] }
                return [try ((g * Variable.power(x[0], Variable(constant: Tensor(scalar: p - 1)))) * p).summed(to: sa)]
            }
        }
        return record("**", try a.value.raised(to: b.value), [a, b]) { g, x, y, c throws(TensorError) in
            let da = c.needed[0]
                ? try (g * x[1] * Variable.power(x[0], x[1] - Variable(constant: Tensor(scalar: 1)))).summed(to: sa) : nil
            // d(a^b)/db = a^b log a, taken as 0 where a = 0 (PyTorch's convention).
            let db = c.needed[1] ? try (g * y * x[0].safeLog()).summed(to: sb) : nil
            return [da, db]
        }
    }

    /// `log a` where a > 0 and 0 elsewhere, for the exponent's gradient of `a ** b`.
    func safeLog() throws(TensorError) -> Variable {
        let mask = value.map { $0 > 0 ? 1 : 0 }
        let safe = value.map { $0 > 0 ? $0 : 1 }
        return try Variable.record("log", safe.map { logf($0) }.multiplying(mask), [self]) { g, x, _, _ throws(TensorError) in
            [try g * Variable(constant: mask) / (x[0] * Variable(constant: mask) + Variable(constant: mask.map { 1 - $0 }))]
        }
    }

    /// `a * s` for a number `s` (the constant is not recorded as an input).
    public static func * (a: Variable, s: Float) -> Variable {
        record("*", a.value.map { $0 * s }, [a]) { g, _, _, _ in [g * s] }
    }
}

// MARK: - Matrix product, transposition, reshaping

extension Variable {
    /// The matrix product with numpy's rules for vectors (`Tensor.matmul`).
    public func matmul(_ other: Variable) throws(TensorError) -> Variable {
        let value = try self.value.matmul(other.value)
        let (ra, rb) = (rank, other.rank)
        return Variable.record("@", value, [self, other]) { g, x, _, c throws(TensorError) in
            // Work with matrices: a vector on the left is a row, on the right a column.
            let a2 = ra == 1 ? try x[0].reshaped([1, x[0].count]) : x[0]
            let b2 = rb == 1 ? try x[1].reshaped([x[1].count, 1]) : x[1]
            let g2 = try g.reshaped([a2.shape[0], b2.shape[1]])
            let da = c.needed[0] ? try g2.matmul(b2.transposed()).reshaped(x[0].shape) : nil
            let db = c.needed[1] ? try a2.transposed().matmul(g2).reshaped(x[1].shape) : nil
            return [da, db]
        }
    }

    /// The transpose of a matrix; vectors and scalars unchanged.
    public func transposed() -> Variable {
        guard rank == 2 else { return self }
        return Variable.record("transpose", value.transposed(), [self]) { g, _, _, _ in [g.transposed()] }
    }

    /// The same elements with a new shape.
    public func reshaped(_ shape: [Int]) throws(TensorError) -> Variable {
        if shape == self.shape { return self }
        let from = self.shape
        return Variable.record("reshape", try value.reshaped(shape), [self]) { g, _, _, _ throws(TensorError) in
            [try g.reshaped(from)]
        }
    }

    /// The number of axes.
    public var rank: Int { value.rank }
}

// MARK: - Selecting along axes: single positions, spans, gathers

/// What one index selects along one axis of a tensor.
public enum AxisSelection: Sendable, Equatable {
    /// One position (negative counts from the end); the axis is dropped from the result.
    case single(Int)
    /// Consecutive positions, already within `0...size`; the axis is kept.
    case span(Range<Int>)
    /// Any positions, in order, repeats allowed (negative counts from the end); the axis is kept (a gather).
    case positions([Int])
}

extension Tensor {
    /// The positions a selection visits along an axis of `size`, checked, with negative positions wrapped.
    static func visited(_ selection: AxisSelection, axis: Int, size: Int) throws(TensorError) -> [Int] {
        func wrap(_ i: Int) throws(TensorError) -> Int {
            let p = i < 0 ? i + size : i
            guard p >= 0 && p < size else {
                throw TensorError("index \(i) is out of range for axis \(axis) of size \(size)")
            }
            return p
        }
        switch selection {
        case .single(let i): return [try wrap(i)]
        case .span(let r):
            guard r.lowerBound >= 0 && r.upperBound <= size else {
                throw TensorError("positions \(r.lowerBound)..<\(r.upperBound) are out of range for axis \(axis) of size \(size)")
            }
            return Array(r)
        case .positions(let ps):
            var out: [Int] = []
            out.reserveCapacity(ps.count)
            for i in ps { out.append(try wrap(i)) }
            return out
        }
    }

    /// The plan of a selection: the positions visited on each leading axis, the contiguous block of trailing
    /// axes taken whole, and the result's shape.
    struct SelectionPlan {
        var leading: [[Int]]
        var leadingStrides: [Int]
        var block: Int
        var shape: [Int]
        var count: Int { leading.reduce(1) { $0 * $1.count } * block }
    }

    func plan(_ selections: [AxisSelection]) throws(TensorError) -> SelectionPlan {
        guard selections.count <= rank else {
            throw TensorError("too many indices (\(selections.count)) for a tensor of shape \(Tensor.format(shape: shape))")
        }
        var all = selections
        for axis in selections.count..<rank { all.append(.span(0..<shape[axis])) }
        // Trailing axes selected whole form one contiguous block copied at once.
        var split = rank
        while split > 0, case .span(let r) = all[split - 1], r == 0..<shape[split - 1] { split -= 1 }
        var resultShape: [Int] = []
        var leading: [[Int]] = []
        for axis in 0..<rank {
            switch all[axis] {
            case .span(let r): resultShape.append(r.count)
            case .positions(let ps): resultShape.append(ps.count)
            case .single: break
            }
            if axis < split { leading.append(try Tensor.visited(all[axis], axis: axis, size: shape[axis])) }
        }
        let strides = self.strides
        let block = shape[split...].reduce(1, *)
        _ = try Tensor.checkedCount(resultShape)
        return SelectionPlan(leading: leading, leadingStrides: Array(strides[..<split]), block: block, shape: resultShape)
    }

    /// Calls `body(source offset, destination offset)` for every block of a plan, in row-major order.
    static func forEachBlock(_ plan: SelectionPlan, _ body: (Int, Int) -> Void) {
        let k = plan.leading.count
        if plan.leading.contains(where: \.isEmpty) { return }
        if k == 0 { body(0, 0); return }
        if k == 1 {
            let stride = plan.leadingStrides[0]
            for (n, p) in plan.leading[0].enumerated() { body(p * stride, n * plan.block) }
            return
        }
        var counters = [Int](filling: 0, count: k)
        var destination = 0
        while true {
            var source = 0
            for a in 0..<k { source += plan.leading[a][counters[a]] * plan.leadingStrides[a] }
            body(source, destination)
            destination += plan.block
            var a = k - 1
            while a >= 0 {
                counters[a] += 1
                if counters[a] < plan.leading[a].count { break }
                counters[a] = 0
                a -= 1
            }
            if a < 0 { return }
        }
    }

    /// The elements selected by one selection per leading axis (missing trailing axes are taken whole).
    ///
    /// Each selection acts on its own axis (outer indexing, as `np.ix_` does): `[.positions([0, 2]),
    /// .positions([1, 3])]` of a matrix is the 2×2 block of rows 0, 2 and columns 1, 3.
    public func selecting(_ selections: [AxisSelection]) throws(TensorError) -> Tensor {
        let plan = try plan(selections)
        let block = plan.block
        // An empty selection is an empty array literal: `Array(unsafeUninitializedCapacity: 0)` writes its count into
        // the runtime's shared empty-array storage, which ThreadSanitizer saw race with another thread reading it.
        let out = plan.count == 0 ? [] : storage.withUnsafeBufferPointer { src in
            [Float](unsafeUninitializedCapacity: plan.count) { dst, initialized in
                initialized = plan.count
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                adviseHugePages(UnsafeMutableRawPointer(d), bytes: plan.count * MemoryLayout<Float>.stride)
                if plan.leading.count == 1 {
                    // One gathered axis (rows by position, the common case): a plain loop, no closure per row.
                    let stride = plan.leadingStrides[0]
                    plan.leading[0].withUnsafeBufferPointer { positions in
                        if block == 1 {
                            for n in 0..<positions.count { d[n] = s[positions[n] * stride] }
                        } else {
                            for n in 0..<positions.count { (d + n * block).initialize(from: s + positions[n] * stride, count: block) }
                        }
                    }
                } else {
                    Tensor.forEachBlock(plan) { from, to in (d + to).initialize(from: s + from, count: block) }
                }
            }
        }
        var result = Tensor(uncheckedShape: plan.shape, storage: out)
        result.isMask = isMask
        return result
    }

    /// Sets the selected elements from `values`: one value for all, values of the selection's shape (or that
    /// broadcast to it), or as many values as are selected, in row-major order.
    public mutating func assign(_ selections: [AxisSelection], _ values: Tensor) throws(TensorError) {
        let plan = try plan(selections)
        let source = try values.filling(plan.shape, count: plan.count, what: "a selection")
        let block = plan.block
        storage.withUnsafeMutableBufferPointer { dst in
            source.withUnsafeBufferPointer { src in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                Tensor.forEachBlock(plan) { to, from in (d + to).update(from: s + from, count: block) }
            }
        }
        isMask = false
    }

    /// The elements to write into a place of `shape` holding `count` elements: this tensor's own elements when
    /// it has exactly that many, else this tensor broadcast to the shape; an error names both shapes.
    func filling(_ target: [Int], count: Int, what: String) throws(TensorError) -> [Float] {
        if self.count == count { return storage }
        if self.count == 1 { return [Float](filling: storage[0], count: count) }
        guard let shape = try? Tensor.broadcastShape(self.shape, target), shape == target else {
            throw TensorError("cannot assign \(Tensor.format(shape: self.shape)) values to \(what) of shape \(Tensor.format(shape: target))")
        }
        return try Tensor.zeros(target).zipWith(self) { _, b in b }.storage
    }

    // MARK: - Masks

    /// The positions where a vector is nonzero, in order (the selection a mask makes).
    public func nonzeroPositions() -> [Int] {
        var out: [Int] = []
        for (i, x) in storage.enumerated() where x != 0 { out.append(i) }
        return out
    }

    /// The elements where `mask` (of this tensor's shape) is nonzero, as a vector in row-major order.
    public func selecting(mask: Tensor) throws(TensorError) -> Tensor {
        guard mask.shape == shape else {
            throw TensorError("a mask of shape \(Tensor.format(shape: mask.shape)) cannot select from a tensor of shape \(Tensor.format(shape: shape)); the shapes must be equal")
        }
        var out: [Float] = []
        for i in 0..<count where mask.storage[i] != 0 { out.append(storage[i]) }
        var result = Tensor(out)
        result.isMask = isMask
        return result
    }

    /// Sets the elements where `mask` (of this tensor's shape) is nonzero: to one value, or to as many values as
    /// the mask selects, in row-major order.
    public mutating func assign(mask: Tensor, _ values: Tensor) throws(TensorError) {
        guard mask.shape == shape else {
            throw TensorError("a mask of shape \(Tensor.format(shape: mask.shape)) cannot select from a tensor of shape \(Tensor.format(shape: shape)); the shapes must be equal")
        }
        let positions = mask.nonzeroPositions()
        let source = try values.filling([positions.count], count: positions.count, what: "the \(positions.count) masked elements")
        for (k, p) in positions.enumerated() { storage[p] = source[k] }
        isMask = false
    }
}

// MARK: - Along one axis: sort, argsort, cumsum, cumprod; unique values

extension Tensor {
    /// Applies `body` to every lane along `axis` (the values with all other positions fixed), writing back what it
    /// returns (as many values as it was given).
    func mapLanes(axis: Int, _ body: ([Float]) -> [Float]) throws(TensorError) -> Tensor {
        guard rank > 0 else { return Tensor(uncheckedShape: shape, storage: body(storage)) }
        let k = try Tensor.normalizedAxis(axis, rank: rank)
        let outer = shape[..<k].reduce(1, *), length = shape[k], inner = shape[(k + 1)...].reduce(1, *)
        var out = storage
        var lane = [Float](filling: 0, count: length)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * length * inner + i
                for j in 0..<length { lane[j] = storage[base + j * inner] }
                let result = body(lane)
                for j in 0..<length { out[base + j * inner] = result[j] }
            }
        }
        return Tensor(uncheckedShape: shape, storage: out)
    }

    /// The order that sorts `values` ascending, stable (equal values keep their order), NaN last as in numpy.
    static func sortingOrder(_ values: [Float]) -> [Int] {
        values.indices.sorted { i, j in
            let a = values[i], b = values[j]
            if a.isNaN || b.isNaN { return a.isNaN == b.isNaN ? i < j : b.isNaN }
            return a < b || (a == b && i < j)
        }
    }

    /// The elements sorted ascending along `axis` (the last by default, as numpy's `sort`); NaN sorts last.
    public func sorted(axis: Int = -1) throws(TensorError) -> Tensor {
        try mapLanes(axis: axis) { lane in Tensor.sortingOrder(lane).map { lane[$0] } }
    }

    /// The positions that would sort each lane along `axis` (numpy's `argsort` with `kind="stable"`).
    public func argsort(axis: Int = -1) throws(TensorError) -> Tensor {
        try mapLanes(axis: axis) { lane in Tensor.sortingOrder(lane).map(Float.init) }
    }

    /// Running sums along `axis`, or over the flattened elements when `axis` is nil (numpy's `cumsum`), each
    /// accumulated in Double and rounded once.
    public func cumsum(axis: Int? = nil) throws(TensorError) -> Tensor {
        try accumulate(axis: axis, from: 0, +)
    }

    /// Running products along `axis`, or over the flattened elements (numpy's `cumprod`).
    public func cumprod(axis: Int? = nil) throws(TensorError) -> Tensor {
        try accumulate(axis: axis, from: 1, *)
    }

    private func accumulate(axis: Int?, from start: Double, _ op: (Double, Double) -> Double) throws(TensorError) -> Tensor {
        let source = axis == nil ? Tensor(uncheckedShape: [count], storage: storage) : self
        return try source.mapLanes(axis: axis ?? 0) { lane in
            var total = start
            return lane.map { x in
                total = op(total, Double(x))
                return Float(total)
            }
        }
    }

    /// The distinct elements in ascending order, with how often each occurs (numpy's `unique` with
    /// `return_counts`); NaNs count as one value, last.
    public func unique() -> (values: Tensor, counts: [Int]) {
        var values: [Float] = [], counts: [Int] = []
        for i in Tensor.sortingOrder(storage) {
            let x = storage[i]
            if let last = values.last, last == x || (last.isNaN && x.isNaN) {
                counts[counts.count - 1] += 1
            } else {
                values.append(x)
                counts.append(1)
            }
        }
        return (Tensor(values), counts)
    }
}

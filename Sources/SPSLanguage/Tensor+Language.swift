import SPSNumeric

/// Indexing and slicing tensors with integers and ranges: `t[i]`, `t[i, j]`, `t[0..<5, 2]`, `t[1..3, 0..<2]`.
///
/// Each index selects along one axis, from the first; an integer drops the axis, a range keeps it. Missing
/// trailing indices select everything. Negative integers count from the end. Selecting every axis with
/// integers gives a number.
enum TensorIndexing {
    enum Selection { case single(Int), span(Range<Int>) }

    static func selections(_ t: Tensor, _ idx: [Value], at loc: SourceLocation) throws(RuntimeError) -> [Selection] {
        guard idx.count <= max(t.rank, 1) else {
            throw RuntimeError("too many indices (\(idx.count)) for a tensor of shape \(Tensor.format(shape: t.shape))", at: loc)
        }
        guard t.rank > 0 else { throw RuntimeError("a scalar tensor cannot be indexed", at: loc) }
        var out: [Selection] = []
        for (axis, v) in idx.enumerated() {
            let size = t.shape[axis]
            switch v {
            case .range(let r):
                guard r.lower >= 0, r.end <= size, r.lower <= r.end else {
                    throw RuntimeError("range \(v.repr) is out of range for axis \(axis) of size \(size) (shape \(Tensor.format(shape: t.shape)))", at: loc)
                }
                out.append(.span(r.lower..<r.end))
            default:
                guard let n = v.integer else {
                    throw RuntimeError("tensor indices must be integers or ranges, got \(v.typeName) \(Interpreter.short(v))", at: loc)
                }
                let p = n < 0 ? n + size : n
                guard p >= 0 && p < size else {
                    throw RuntimeError("index \(n) is out of range for axis \(axis) of size \(size) (shape \(Tensor.format(shape: t.shape)))", at: loc)
                }
                out.append(.single(p))
            }
        }
        for axis in idx.count..<t.rank { out.append(.span(0..<t.shape[axis])) }
        return out
    }

    /// The flat positions selected, and the resulting shape.
    static func positions(_ t: Tensor, _ sel: [Selection]) -> ([Int], [Int]) {
        let strides = t.strides
        var shape: [Int] = []
        var flats = [0]
        for (axis, s) in sel.enumerated() {
            switch s {
            case .single(let i):
                flats = flats.map { $0 + i * strides[axis] }
            case .span(let r):
                shape.append(r.count)
                var next: [Int] = []
                next.reserveCapacity(flats.count * r.count)
                for f in flats { for i in r { next.append(f + i * strides[axis]) } }
                flats = next
            }
        }
        return (flats, shape)
    }

    static func get(_ t: Tensor, _ idx: [Value], at loc: SourceLocation) throws(RuntimeError) -> Value {
        let sel = try selections(t, idx, at: loc)
        let (flats, shape) = positions(t, sel)
        if shape.isEmpty { return .number(Double(t.storage[flats[0]])) }
        do throws(TensorError) {
            return .tensor(try Tensor(shape: shape, storage: flats.map { t.storage[$0] }))
        } catch {
            throw RuntimeError(error, at: loc)
        }
    }

    static func set(_ t: inout Tensor, _ idx: [Value], _ value: Value, at loc: SourceLocation) throws(RuntimeError) {
        let sel = try selections(t, idx, at: loc)
        let (flats, shape) = positions(t, sel)
        let source: [Float]
        switch value {
        case .number(let n):
            source = Array(repeating: Float(n), count: flats.count)
        default:
            let v: Tensor
            do throws(RuntimeError) { v = try Interpreter.toTensor(value, what: "the assigned value") } catch { throw error.located(loc) }
            guard v.count == flats.count else {
                throw RuntimeError("cannot assign \(Tensor.format(shape: v.shape)) values to a selection of shape \(Tensor.format(shape: shape))", at: loc)
            }
            source = v.storage
        }
        t.withUnsafeMutableBufferPointer { buffer in
            for (k, f) in flats.enumerated() { buffer[f] = source[k] }
        }
    }
}

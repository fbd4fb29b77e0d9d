import SPSNumeric

/// Indexing tensors: `t[i]`, `t[i, j]`, `t[0..<5, 2]`, `t[.., 1]`, `t[[2, 0]]`, `t[t > 0]`.
///
/// Each index selects along one axis, from the first, by the rule of `IndexRule`: an integer drops the axis; a
/// range, a list or tensor of positions, or a mask keeps it. Missing trailing indices select everything. Several
/// lists select a block, one list per axis (like numpy's `np.ix_`, not numpy's pairing of index arrays). A single
/// mask of the tensor's own shape (`m[m > 0]` for a matrix) selects elements, giving a vector. Selecting every
/// axis with integers gives a number.
enum TensorIndexing {
    /// What each index selects along its axis; an index that selects nothing valid is reported where it is written
    /// (`indexAt[axis]`, when given), other errors at `loc`.
    static func selections(_ t: Tensor, _ idx: [Value], at loc: SourceLocation,
                           indexAt: [SourceLocation] = []) throws(RuntimeError) -> [AxisSelection] {
        guard t.rank > 0 else { throw RuntimeError("a scalar tensor cannot be indexed", at: loc) }
        guard idx.count <= t.rank else {
            throw RuntimeError("too many indices (\(idx.count)) for a tensor of shape \(Tensor.format(shape: t.shape))", at: loc)
        }
        var out: [AxisSelection] = []
        for (axis, v) in idx.enumerated() {
            let what = "axis \(axis) of size \(t.shape[axis]) (shape \(Tensor.format(shape: t.shape)))"
            do throws(RuntimeError) {
                out.append(try IndexRule.selection(v, count: t.shape[axis], noun: "tensor", what: what))
            } catch {
                throw error.located(axis < indexAt.count ? indexAt[axis] : loc)
            }
        }
        return out
    }

    /// A mask of the tensor's own shape (rank 2 or more), used as the only index.
    static func elementMask(_ t: Tensor, _ idx: [Value]) -> Tensor? {
        guard idx.count == 1, case .tensor(let m) = idx[0], m.isMask, m.rank >= 2, m.shape == t.shape else { return nil }
        return m
    }

    static func get(_ t: Tensor, _ idx: [Value], at loc: SourceLocation,
                    indexAt: [SourceLocation] = []) throws(RuntimeError) -> Value {
        let mask = elementMask(t, idx)
        let sel = mask == nil ? try selections(t, idx, at: loc, indexAt: indexAt) : []
        if mask == nil { try checkSize(t, sel, at: loc) }
        do throws(TensorError) {
            if let mask { return .tensor(try t.selecting(mask: mask)) }
            if sel.count == t.rank, case .single(let position) = sel.last, sel.allSatisfy({ if case .single = $0 { true } else { false } }) {
                var flat = position, scale = t.shape[t.rank - 1]
                for axis in stride(from: t.rank - 2, through: 0, by: -1) {
                    if case .single(let i) = sel[axis] { flat += i * scale }
                    scale *= t.shape[axis]
                }
                return .number(Double.shortest(t.storage[flat]))
            }
            return .tensor(try t.selecting(sel))
        } catch {
            throw RuntimeError(error, at: loc)
        }
    }

    /// Throws unless the tensor a selection makes may be made (a gather can repeat rows: `x[[0, 0, …]]`).
    static func checkSize(_ t: Tensor, _ sel: [AxisSelection], at loc: SourceLocation) throws(RuntimeError) {
        var shape: [Int] = []
        for s in sel {
            switch s {
            case .single: break
            case .span(let r): shape.append(r.count)
            case .positions(let ps): shape.append(ps.count)
            }
        }
        shape += t.shape.dropFirst(sel.count)
        do throws(RuntimeError) { _ = try Limits.checkTensor(shape, "the selection") } catch { throw error.located(loc) }
    }

    static func set(_ t: inout Tensor, _ idx: [Value], _ value: Value, at loc: SourceLocation,
                    indexAt: [SourceLocation] = []) throws(RuntimeError) {
        let source: Tensor
        do throws(RuntimeError) {
            source = try Interpreter.toTensor(value, what: "the assigned value")
        } catch {
            throw error.located(loc)
        }
        let mask = elementMask(t, idx)
        let sel = mask == nil ? try selections(t, idx, at: loc, indexAt: indexAt) : []
        do throws(TensorError) {
            if let mask { try t.assign(mask: mask, source) } else { try t.assign(sel, source) }
        } catch {
            throw RuntimeError(error, at: loc)
        }
    }
}

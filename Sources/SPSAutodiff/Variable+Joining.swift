import SPSNumeric

// MARK: - Joining (concatenate, stack, vstack, column stack) and building (outer, diag)

extension Variable {
    /// The tensors joined end to end along an existing axis (numpy's `concatenate`); each gets back the slice of
    /// the gradient where it was placed.
    public static func concatenate(_ parts: [Variable], axis: Int = 0) throws(TensorError) -> Variable {
        let value = try Tensor.concatenate(parts.map(\.value), axis: axis)
        let k = try Tensor.normalizedAxis(axis, rank: value.rank)
        let outShape = value.shape
        var spans: [Range<Int>] = []
        var offset = 0
        for part in parts {
            spans.append(offset..<(offset + part.shape[k]))
            offset += part.shape[k]
        }
        return record("concatenate", value, parts) { g, _, _, c throws(TensorError) in
            var grads: [Variable?] = []
            for (n, span) in spans.enumerated() {
                guard c.needed[n] else { grads.append(nil); continue }
                let selection = (0..<k).map { AxisSelection.span(0..<outShape[$0]) } + [.span(span)]
                grads.append(try g.selecting(selection))
            }
            return grads
        }
    }

    /// The tensors, all of one shape, stacked along a new axis (numpy's `stack`).
    public static func stack(_ parts: [Variable], axis: Int = 0) throws(TensorError) -> Variable {
        guard let first = parts.first else { throw TensorError("stack needs at least one tensor") }
        let k = try Tensor.normalizedAxis(axis, rank: first.rank + 1)
        for (n, part) in parts.enumerated() where part.shape != first.shape {
            throw TensorError("cannot stack tensor \(n + 1) of shape \(Tensor.format(shape: part.shape)) with tensor 1 of shape \(Tensor.format(shape: first.shape)): shapes must be equal")
        }
        var expanded = first.shape
        expanded.insert(1, at: k)
        var reshaped: [Variable] = []
        for part in parts { reshaped.append(try part.reshaped(expanded)) }
        return try concatenate(reshaped, axis: k)
    }

    /// The tensors stacked as rows (numpy's `vstack`): vectors become rows, matrices are joined below each other.
    public static func vstack(_ parts: [Variable]) throws(TensorError) -> Variable {
        var rows: [Variable] = []
        for part in parts { rows.append(part.rank <= 1 ? try part.reshaped([1, part.count]) : part) }
        return try concatenate(rows, axis: 0)
    }

    /// The tensors side by side as columns (numpy's `column_stack`): vectors become columns, matrices keep theirs.
    public static func columnStack(_ parts: [Variable]) throws(TensorError) -> Variable {
        guard let first = parts.first else { throw TensorError("hstack needs at least one tensor") }
        let m = first.rank == 0 ? 1 : first.shape[0]
        var columns: [Variable] = []
        for (n, part) in parts.enumerated() {
            guard part.rank >= 1 && part.rank <= 2 else {
                throw TensorError("hstack places vectors and matrices side by side; tensor \(n + 1) has shape \(Tensor.format(shape: part.shape))")
            }
            guard part.shape[0] == m else {
                throw TensorError("cannot place tensor \(n + 1) of shape \(Tensor.format(shape: part.shape)) beside tensor 1 of shape \(Tensor.format(shape: first.shape)): \(part.shape[0]) rows, not \(m)")
            }
            columns.append(part.rank == 1 ? try part.reshaped([m, 1]) : part)
        }
        return try concatenate(columns, axis: 1)
    }

    /// The outer product a[i] · b[j] of two tensors flattened to vectors (numpy's `outer`).
    public static func outer(_ a: Variable, _ b: Variable) throws(TensorError) -> Variable {
        try a.reshaped([a.count, 1]) * b.reshaped([1, b.count])
    }

    /// numpy's `diag`: a vector placed on diagonal `k` of a square matrix (0 the main one, positive above,
    /// negative below), or diagonal `k` of a matrix as a vector.
    public func diag(k: Int = 0) throws(TensorError) -> Variable {
        switch rank {
        case 1:
            let n = count + Swift.abs(k)
            _ = try Tensor.checkedCount([n, n])
            let positions = (0..<count).map { i in k >= 0 ? i * n + i + k : (i - k) * n + i }
            return try scattered(positions, into: [n, n])
        case 2:
            let (m, n) = (shape[0], shape[1])
            var positions: [Int] = []
            var (r, c) = k >= 0 ? (0, k) : (-k, 0)
            while r < m && c < n {
                positions.append(r * n + c)
                r += 1
                c += 1
            }
            return try gathered(positions)
        default:
            throw TensorError("diag needs a vector or a matrix, got shape \(Tensor.format(shape: shape))")
        }
    }
}

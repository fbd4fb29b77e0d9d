// MARK: - Joining tensors: concatenate, stack, vstack

extension Tensor {
    /// An axis of a tensor of `rank`, with negative axes counted from the end, checked.
    public static func normalizedAxis(_ axis: Int, rank: Int) throws(TensorError) -> Int {
        let k = axis < 0 ? axis + rank : axis
        guard k >= 0 && k < rank else {
            throw TensorError("axis \(axis) is out of range for a tensor of rank \(rank)")
        }
        return k
    }

    /// The tensors joined end to end along an existing axis (numpy's `concatenate`); every other size must agree.
    public static func concatenate(_ parts: [Tensor], axis: Int = 0) throws(TensorError) -> Tensor {
        guard let first = parts.first else { throw TensorError("concatenate needs at least one tensor") }
        guard first.rank > 0 else { throw TensorError("cannot concatenate scalars; stack them instead") }
        let k = try normalizedAxis(axis, rank: first.rank)
        var total = 0
        for (n, part) in parts.enumerated() {
            guard part.rank == first.rank else {
                throw TensorError("cannot concatenate tensor \(n + 1) of shape \(format(shape: part.shape)) with tensor 1 of shape \(format(shape: first.shape)): ranks differ")
            }
            for a in 0..<first.rank where a != k && part.shape[a] != first.shape[a] {
                throw TensorError("cannot concatenate tensor \(n + 1) of shape \(format(shape: part.shape)) with tensor 1 of shape \(format(shape: first.shape)) along axis \(k): sizes differ on axis \(a)")
            }
            total += part.shape[k]
        }
        var shape = first.shape
        shape[k] = total
        let count = try checkedCount(shape)
        let outer = first.shape[..<k].reduce(1, *)
        let inner = first.shape[(k + 1)...].reduce(1, *)
        var out = [Float]()
        out.reserveCapacity(count)
        for o in 0..<outer {
            for part in parts {
                let run = part.shape[k] * inner
                out.append(contentsOf: part.storage[(o * run)..<((o + 1) * run)])
            }
        }
        var result = Tensor(uncheckedShape: shape, storage: out)
        result.isMask = parts.allSatisfy(\.isMask)
        return result
    }

    /// The tensors, all of one shape, stacked along a new axis (numpy's `stack`).
    public static func stack(_ parts: [Tensor], axis: Int = 0) throws(TensorError) -> Tensor {
        guard let first = parts.first else { throw TensorError("stack needs at least one tensor") }
        let k = try normalizedAxis(axis, rank: first.rank + 1)
        for (n, part) in parts.enumerated() where part.shape != first.shape {
            throw TensorError("cannot stack tensor \(n + 1) of shape \(format(shape: part.shape)) with tensor 1 of shape \(format(shape: first.shape)): shapes must be equal")
        }
        var expanded = first.shape
        expanded.insert(1, at: k)
        let reshaped = parts.map { Tensor(uncheckedShape: expanded, storage: $0.storage) }
        return try concatenate(reshaped, axis: k)
    }

    /// The tensors stacked as rows (numpy's `vstack`): vectors become rows of a matrix, matrices are joined along
    /// their first axis.
    public static func vstack(_ parts: [Tensor]) throws(TensorError) -> Tensor {
        let rows = parts.map { $0.rank <= 1 ? Tensor(uncheckedShape: [1, $0.count], storage: $0.storage) : $0 }
        return try concatenate(rows, axis: 0)
    }

    /// The tensors placed side by side as columns (numpy's `column_stack`): vectors become columns, matrices are
    /// joined along their second axis; all must have the same number of rows.
    public static func columnStack(_ parts: [Tensor]) throws(TensorError) -> Tensor {
        guard let first = parts.first else { throw TensorError("hstack needs at least one tensor") }
        let m = first.rank == 0 ? 1 : first.shape[0]
        var columns: [Tensor] = []
        for (n, part) in parts.enumerated() {
            guard part.rank >= 1 && part.rank <= 2 else {
                throw TensorError("hstack places vectors and matrices side by side; tensor \(n + 1) has shape \(format(shape: part.shape))")
            }
            guard part.shape[0] == m else {
                throw TensorError("cannot place tensor \(n + 1) of shape \(format(shape: part.shape)) beside tensor 1 of shape \(format(shape: first.shape)): \(part.shape[0]) rows, not \(m)")
            }
            columns.append(part.rank == 1 ? Tensor(uncheckedShape: [m, 1], storage: part.storage) : part)
        }
        return try concatenate(columns, axis: 1)
    }
}

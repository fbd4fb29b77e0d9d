// MARK: - Rows, columns and gathering

extension Tensor {
    /// The rows in `range` of a matrix (or the elements of a vector), as a new tensor.
    public func rows(_ range: Range<Int>) throws(TensorError) -> Tensor {
        guard rank >= 1 else { throw TensorError("cannot take rows of a scalar") }
        guard range.lowerBound >= 0 && range.upperBound <= shape[0] else {
            throw TensorError("rows \(range.lowerBound)..<\(range.upperBound) are out of range for \(shape[0]) rows")
        }
        let width = count / Swift.max(shape[0], 1)
        var newShape = shape
        newShape[0] = range.count
        return Tensor(uncheckedShape: newShape, storage: Array(storage[(range.lowerBound * width)..<(range.upperBound * width)]))
    }

    /// One row of a matrix as a vector (or one element of a vector as a scalar).
    public func row(_ index: Int) throws(TensorError) -> Tensor {
        let i = index < 0 ? index + rowCount : index
        let block = try rows(i..<(i + 1))
        return Tensor(uncheckedShape: Array(shape.dropFirst()), storage: block.storage)
    }

    /// The columns in `range` of a matrix.
    public func columns(_ range: Range<Int>) throws(TensorError) -> Tensor {
        guard rank == 2 else { throw TensorError("columns need a matrix, got shape \(Tensor.format(shape: shape))") }
        guard range.lowerBound >= 0 && range.upperBound <= shape[1] else {
            throw TensorError("columns \(range.lowerBound)..<\(range.upperBound) are out of range for \(shape[1]) columns")
        }
        let (m, n) = (shape[0], shape[1])
        var out = [Float]()
        out.reserveCapacity(m * range.count)
        for i in 0..<m { out.append(contentsOf: storage[(i * n + range.lowerBound)..<(i * n + range.upperBound)]) }
        return Tensor(uncheckedShape: [m, range.count], storage: out)
    }

    /// One column of a matrix as a vector.
    public func column(_ index: Int) throws(TensorError) -> Tensor {
        let j = index < 0 ? index + columnCount : index
        let block = try columns(j..<(j + 1))
        return Tensor(uncheckedShape: [block.shape[0]], storage: block.storage)
    }

    /// The rows at `indices`, in that order (how mini-batches are formed).
    public func gatherRows(_ indices: [Int]) throws(TensorError) -> Tensor {
        guard rank >= 1 else { throw TensorError("cannot gather rows of a scalar") }
        let width = count / Swift.max(shape[0], 1)
        var out = [Float]()
        out.reserveCapacity(indices.count * width)
        for index in indices {
            guard index >= 0 && index < shape[0] else {
                throw TensorError("row index \(index) is out of range for \(shape[0]) rows")
            }
            out.append(contentsOf: storage[(index * width)..<((index + 1) * width)])
        }
        var newShape = shape
        newShape[0] = indices.count
        return Tensor(uncheckedShape: newShape, storage: out)
    }

    /// Stacks matrices (or vectors, as columns) side by side; all must have the same number of rows (none: a 0×0
    /// matrix). The same as `columnStack`.
    public static func hstack(_ parts: [Tensor]) throws(TensorError) -> Tensor {
        guard !parts.isEmpty else { return Tensor(uncheckedShape: [0, 0], storage: []) }
        return try columnStack(parts)
    }
}

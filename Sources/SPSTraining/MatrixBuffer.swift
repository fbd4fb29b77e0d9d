import SPSNumeric

/// A growable row-major matrix owned by a layer or loop and reused from batch to batch.
///
/// The training hot path passes these between layers instead of `Tensor` values so that a step allocates
/// nothing once the buffers have grown to the batch size.
public final class MatrixBuffer {
    /// The first element; valid for `rows * columns` elements until the next `resize`.
    public private(set) var pointer: UnsafeMutablePointer<Float>
    /// How many elements fit without reallocating.
    public private(set) var capacity: Int
    /// The current number of rows (the batch size).
    public private(set) var rows: Int = 0
    /// The current number of columns (the feature width).
    public private(set) var columns: Int = 0

    /// Creates an empty buffer.
    public init(capacity: Int = 0) {
        self.capacity = max(capacity, 1)
        pointer = .allocate(capacity: self.capacity)
        pointer.initialize(repeating: 0, count: self.capacity)
    }

    /// Creates a buffer holding a copy of a matrix (a vector becomes one column).
    public convenience init(_ tensor: Tensor) {
        let rows = tensor.rowCount, columns = tensor.rank == 2 ? tensor.shape[1] : 1
        self.init(capacity: rows * columns)
        resize(rows: rows, columns: columns)
        tensor.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: rows * columns) }
        }
    }

    deinit { pointer.deallocate() }

    /// Sets the logical size, reallocating only when it grows past the capacity (contents are then undefined).
    public func resize(rows: Int, columns: Int) {
        let needed = rows * columns
        if needed > capacity {
            pointer.deallocate()
            capacity = needed
            pointer = .allocate(capacity: needed)
            pointer.initialize(repeating: 0, count: needed)
        }
        self.rows = rows
        self.columns = columns
    }

    /// The number of elements in use.
    public var count: Int { rows * columns }

    /// Sets every element in use to zero.
    public func zero() { pointer.update(repeating: 0, count: count) }

    /// A copy of the contents as a `rows`×`columns` tensor.
    public func tensor() -> Tensor {
        let values = Array(UnsafeBufferPointer(start: pointer, count: count))
        return (try? Tensor(shape: [rows, columns], storage: values)) ?? Tensor.zeros([rows, columns])
    }
}

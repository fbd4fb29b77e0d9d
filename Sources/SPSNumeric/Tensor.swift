/// A dense, row-major, contiguous array of `Float` values with a shape.
///
/// `Tensor` is a value type: copies share storage until one of them is mutated (copy-on-write through
/// `[Float]`). Rank 0 is a scalar, rank 1 a vector, rank 2 a matrix; operations that only make sense for
/// matrices say so in their errors.
public struct Tensor: Sendable, Equatable {
    /// The size along each axis; empty for a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `storage.count == shape.reduce(1, *)`.
    public internal(set) var storage: [Float] {
        get { elements }
        set { elements = newValue }
        _modify { yield &elements }
    }
    /// Where `storage` lives, visible to the inlinable pointer accessors.
    @usableFromInline var elements: [Float]
    /// True for a tensor of truth values (every element 0 or 1) made by a comparison or a logical operation: as an
    /// index it selects where it is 1 (a mask) instead of naming positions. Arithmetic gives ordinary numbers.
    public var isMask = false

    /// Two tensors are equal when their shapes and elements are (whether either is a mask does not matter).
    public static func == (a: Tensor, b: Tensor) -> Bool { a.shape == b.shape && a.storage == b.storage }

    /// Creates a tensor from a shape and its elements in row-major order.
    public init(shape: [Int], storage: [Float]) throws(TensorError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw TensorError("shape \(Tensor.format(shape: shape)) has a negative size")
        }
        let expected = shape.reduce(1, *)
        guard expected == storage.count else {
            throw TensorError("shape \(Tensor.format(shape: shape)) needs \(expected) elements, got \(storage.count)")
        }
        self.shape = shape
        self.elements = storage
    }

    /// Creates a tensor without checking; callers guarantee `storage.count == product(shape)`.
    @usableFromInline
    init(uncheckedShape shape: [Int], storage: [Float]) {
        self.shape = shape
        self.elements = storage
    }

    /// Creates a 1-D tensor (a vector) from values.
    public init(_ values: [Float]) {
        self.init(uncheckedShape: [values.count], storage: values)
    }

    /// Creates a scalar (rank-0) tensor.
    public init(scalar: Float) {
        self.init(uncheckedShape: [], storage: [scalar])
    }

    /// Creates a matrix from rows of equal length.
    public init(rows: [[Float]]) throws(TensorError) {
        let columnCount = rows.first?.count ?? 0
        var storage: [Float] = []
        storage.reserveCapacity(rows.count * columnCount)
        for (index, row) in rows.enumerated() {
            guard row.count == columnCount else {
                throw TensorError("row \(index) has \(row.count) elements but row 0 has \(columnCount)")
            }
            storage.append(contentsOf: row)
        }
        self.init(uncheckedShape: [rows.count, columnCount], storage: storage)
    }

    /// Creates a tensor of the given shape with every element equal to `value`.
    public static func full(_ shape: [Int], _ value: Float) -> Tensor {
        let count = shape.reduce(1) { $0 * Swift.max($1, 0) }
        return Tensor(uncheckedShape: shape.map { Swift.max($0, 0) }, storage: Array(filling: value, count: count))
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { full(shape, 0) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor { full(shape, 1) }

    /// The `n`×`n` identity matrix.
    public static func eye(_ n: Int) -> Tensor {
        var result = zeros([n, n])
        for i in 0..<Swift.max(n, 0) { result.storage[i * n + i] = 1 }
        return result
    }

    /// A tensor of independent standard normal draws from `rng`.
    public static func randn(_ shape: [Int], using rng: inout RandomStream) -> Tensor {
        var result = zeros(shape)
        for i in result.storage.indices { result.storage[i] = Float(rng.nextNormal()) }
        return result
    }

    /// A tensor of independent uniform draws in `[low, high)` from `rng`.
    public static func rand(_ shape: [Int], low: Float = 0, high: Float = 1, using rng: inout RandomStream) -> Tensor {
        var result = zeros(shape)
        let width = Double(high - low)
        for i in result.storage.indices { result.storage[i] = low + Float(rng.nextUniform() * width) }
        return result
    }

    // MARK: - Geometry

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { storage.count }

    /// The distance in elements between neighbours along each axis (row-major, contiguous).
    public var strides: [Int] {
        var result = Array(filling: 1, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() {
            result[axis] = step
            step *= shape[axis]
        }
        return result
    }

    /// The number of rows of a matrix (the first axis), 1 for a scalar.
    public var rowCount: Int { shape.first ?? 1 }

    /// The number of columns of a matrix (the last axis of a rank-2 tensor; 1 for a vector or scalar).
    public var columnCount: Int { shape.count == 2 ? shape[1] : 1 }

    /// The single value of a one-element tensor, or nil.
    public var scalarValue: Float? { storage.count == 1 ? storage[0] : nil }

    /// Returns the same elements with a new shape of the same element count.
    public func reshaped(_ newShape: [Int]) throws(TensorError) -> Tensor {
        try Tensor(shape: newShape, storage: storage)
    }

    // MARK: - Element access

    /// The element at row `i`, column `j` of a matrix (unchecked beyond Swift's array bounds check).
    public subscript(_ i: Int, _ j: Int) -> Float {
        get { storage[i * shape[1] + j] }
        set { storage[i * shape[1] + j] = newValue }
    }

    /// The element at a flat (row-major) position.
    public subscript(flat index: Int) -> Float {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// The element at a full index, with negative positions counted from the end; throws when out of range.
    public func element(at index: [Int]) throws(TensorError) -> Float {
        try storage[flatIndex(index)]
    }

    /// Sets the element at a full index; throws when out of range.
    public mutating func setElement(_ value: Float, at index: [Int]) throws(TensorError) {
        let position = try flatIndex(index)
        storage[position] = value
    }

    /// The row-major position of a full index, after bounds checks and negative-index wrapping.
    public func flatIndex(_ index: [Int]) throws(TensorError) -> Int {
        guard index.count == shape.count else {
            throw TensorError("index has \(index.count) position(s) but the tensor has rank \(shape.count) \(Tensor.format(shape: shape))")
        }
        var position = 0
        for axis in shape.indices {
            var i = index[axis]
            if i < 0 { i += shape[axis] }
            guard i >= 0 && i < shape[axis] else {
                throw TensorError("index \(index[axis]) is out of range for axis \(axis) of size \(shape[axis])")
            }
            position = position * shape[axis] + i
        }
        return position
    }

    /// Calls `body` with a mutable pointer to the elements (for kernels and the training core). Inlinable, so
    /// callers in other modules get a specialized copy: the generic one looks up `Array<Float>`'s metadata at
    /// run time on every call (thousands of instructions per training step of an objective written in sps).
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer(body)
    }

    /// Calls `body` with a read-only pointer to the elements.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Formats a shape the way errors and headers show it: `[3, 2]`.
    public static func format(shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }
}

/// An error from a tensor operation, with a message that names the shapes involved.
public struct TensorError: CoreError, Equatable, Sendable {
    /// What went wrong, in words a user can act on.
    public let message: String

    /// Creates an error with a message.
    public init(_ message: String) { self.message = message }
}

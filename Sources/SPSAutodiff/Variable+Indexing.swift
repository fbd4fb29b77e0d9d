import SPSNumeric

extension Variable {
    /// The elements that `selections` choose (`Tensor.selecting`); the gradient is added back at the chosen
    /// positions (twice where a gather repeats one).
    public func selecting(_ selections: [AxisSelection]) throws(TensorError) -> Variable {
        let result = try value.selecting(selections)
        let positions = try Variable.flatPositions(shape) { t throws(TensorError) in try t.selecting(selections) }
        let from = shape
        return Variable.record("index", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.scattered(positions, into: from)]
        }
    }

    /// The elements where a mask of the same shape is 1, as a vector.
    public func selecting(mask: Tensor) throws(TensorError) -> Variable {
        let result = try value.selecting(mask: mask)
        let positions = try Variable.flatPositions(shape) { t throws(TensorError) in try t.selecting(mask: mask) }
        let from = shape
        return Variable.record("index", result, [self]) { g, _, _, _ throws(TensorError) in
            [try g.scattered(positions, into: from)]
        }
    }

    /// A tensor of `shape` zeros with this variable's elements added at the flat `positions` (one per element);
    /// the adjoint of gathering at those positions.
    public func scattered(_ positions: [Int], into shape: [Int]) throws(TensorError) -> Variable {
        guard positions.count == count else {
            throw TensorError("scatter needs one position per element: \(positions.count) positions for \(count) elements")
        }
        var out = Tensor.zeros(shape)
        value.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                for (i, p) in positions.enumerated() { o[p] += v[i] }
            }
        }
        let from = self.shape
        return Variable.record("scatter", out, [self]) { g, _, _, _ throws(TensorError) in
            [try g.gathered(positions).reshaped(from)]
        }
    }

    /// The elements at flat `positions`, as a vector (the adjoint of `scattered`).
    public func gathered(_ positions: [Int]) throws(TensorError) -> Variable {
        let storage = value.withUnsafeBufferPointer { v in positions.map { v[$0] } }
        let from = shape
        return Variable.record("gather", Tensor(storage), [self]) { g, _, _, _ throws(TensorError) in
            [try g.scattered(positions, into: from)]
        }
    }

    /// The flat position of each element that `select` picks from a tensor of `shape`, found by selecting from
    /// tensors of positions (split in two halves, each exact in Float32).
    static func flatPositions(_ shape: [Int], _ select: (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> [Int] {
        let count = shape.reduce(1, *)
        let split = 1 << 12
        let low = try Tensor(shape: shape, storage: (0..<count).map { Float($0 % split) })
        let high = try Tensor(shape: shape, storage: (0..<count).map { Float($0 / split) })
        let l = try select(low).storage, h = try select(high).storage
        return zip(l, h).map { Int($1) * split + Int($0) }
    }
}

import Testing
import SPSNumeric

/// Selecting, assigning, joining, building, sorting and the array reductions of `Tensor`.
@Suite struct TensorArrayTests {
    let m = try! Tensor(rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])

    // MARK: - Selecting and assigning

    @Test func selectionsActPerAxisAndDropSingleAxes() throws {
        #expect(try m.selecting([.single(1)]).storage == [4, 5, 6])
        #expect(try m.selecting([.single(-1), .single(0)]).shape == [])
        #expect(try m.selecting([.positions([2, 0])]).storage == [7, 8, 9, 1, 2, 3])
        #expect(try m.selecting([.span(0..<3), .positions([2, 0])]).storage == [3, 1, 6, 4, 9, 7])
        let block = try m.selecting([.positions([0, 2]), .positions([0, 2])])
        #expect(block.shape == [2, 2] && block.storage == [1, 3, 7, 9])
        #expect(try m.selecting([.positions([])]).shape == [0, 3])
        #expect(try m.selecting([.positions([-1, -1])]).storage == [7, 8, 9, 7, 8, 9])
    }

    @Test func outOfRangeSelectionsNameTheAxisAndSize() {
        #expect(throws: TensorError("index 3 is out of range for axis 0 of size 3")) { try m.selecting([.positions([0, 3])]) }
        #expect(throws: TensorError("index -4 is out of range for axis 1 of size 3")) { try m.selecting([.span(0..<3), .single(-4)]) }
        #expect(throws: TensorError.self) { try m.selecting([.single(0), .single(0), .single(0)]) }
    }

    @Test func assignmentTakesOneValueMatchingValuesOrABroadcast() throws {
        var t = m
        try t.assign([.span(0..<3), .single(0)], Tensor([10, 40, 70]))
        #expect(t.storage == [10, 2, 3, 40, 5, 6, 70, 8, 9])
        try t.assign([.positions([2])], Tensor(scalar: 0))
        #expect(t.storage.suffix(3) == [0, 0, 0])
        try t.assign([.span(0..<2)], Tensor([1, 2, 3]))
        #expect(t.storage == [1, 2, 3, 1, 2, 3, 0, 0, 0])
        #expect(throws: TensorError("cannot assign [2] values to a selection of shape [2, 3]")) {
            try t.assign([.span(0..<2)], Tensor([1, 2]))
        }
    }

    @Test func masksSelectAndAssignElements() throws {
        let mask = try m.compare(Tensor(scalar: 5), .greater)
        #expect(mask.isMask)
        #expect(try m.selecting(mask: mask).storage == [6, 7, 8, 9])
        var t = m
        try t.assign(mask: mask, Tensor(scalar: -1))
        #expect(t.storage == [1, 2, 3, 4, 5, -1, -1, -1, -1])
        #expect(Tensor([0, 3, 0, 1]).nonzeroPositions() == [1, 3])
        #expect(throws: TensorError.self) { try m.selecting(mask: Tensor([1, 0])) }
    }

    @Test func masksStayMasksOnlyThroughLogic() throws {
        let a = try Tensor([1, 2, 3]).compare(Tensor(scalar: 1), .greater)
        let b = try Tensor([1, 2, 3]).compare(Tensor(scalar: 3), .less)
        #expect(try a.multiplying(b).isMask)
        #expect(try a.multiplying(b).storage == [0, 1, 0])
        #expect(try a.adding(b).isMask == false)
        #expect(try a.logicalOr(b).storage == [1, 1, 1])
        #expect(a.logicalNot().storage == [1, 0, 0])
        #expect(try m.any(axis: 1).isMask)
        #expect(a == Tensor([0, 1, 1]), "equality ignores whether a tensor is a mask")
    }

    // MARK: - Joining

    @Test func concatenateStackAndTheirShapes() throws {
        #expect(try Tensor.concatenate([m, m], axis: 1).shape == [3, 6])
        #expect(try Tensor.concatenate([m, m], axis: -1).storage.prefix(6) == [1, 2, 3, 1, 2, 3])
        #expect(try Tensor.concatenate([Tensor([1]), Tensor([2, 3])]).storage == [1, 2, 3])
        #expect(try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])], axis: 1).storage == [1, 3, 2, 4])
        #expect(try Tensor.vstack([Tensor([1, 2]), Tensor([3, 4])]).shape == [2, 2])
        let side = try Tensor.columnStack([Tensor([1, 2, 3]), m])
        #expect(side.shape == [3, 4] && side.storage.prefix(4) == [1, 1, 2, 3])
        #expect(throws: TensorError("cannot concatenate tensor 2 of shape [2] with tensor 1 of shape [3, 3]: ranks differ")) {
            try Tensor.concatenate([m, Tensor([1, 2])])
        }
        #expect(throws: TensorError.self) { try Tensor.columnStack([Tensor([1, 2]), m]) }
    }

    // MARK: - Building

    @Test func arangeLinspaceDiagOuterFollowNumpy() throws {
        #expect(try Tensor.arange(0, 1, step: 0.25).storage == [0, 0.25, 0.5, 0.75])
        #expect(try Tensor.arange(2, -1, step: -1).storage == [2, 1, 0])
        #expect(try Tensor.arange(3, 1).count == 0)
        #expect(throws: TensorError.self) { try Tensor.arange(0, 1, step: 0) }
        #expect(try Tensor.linspace(0, 1, count: 5).storage == [0, 0.25, 0.5, 0.75, 1])
        #expect(try Tensor.linspace(0, 0.3, count: 7).storage.last == Float(0.3))
        #expect(try Tensor.diag(Tensor([1, 2]), k: 1).storage == [0, 1, 0, 0, 0, 2, 0, 0, 0])
        #expect(try Tensor.diag(m, k: -1).storage == [4, 8])
        #expect(try Tensor.outer(Tensor([1, 2]), Tensor([3, 4, 5])).storage == [3, 4, 5, 6, 8, 10])
    }

    @Test func whereClipMinimumMaximum() throws {
        let c = try Tensor(shape: [2, 1], storage: [1, 0])
        let w = try Tensor.where_(c, Tensor([1, 2]), Tensor(scalar: -1))
        #expect(w.shape == [2, 2] && w.storage == [1, 2, -1, -1])
        #expect(Tensor([-2, 0.5, 3, .nan]).clipped(low: 0, high: 1).storage.prefix(3) == [0, 0.5, 1])
        #expect(try Tensor([1, .nan]).minimum(Tensor(scalar: 0)).storage[1].isNaN)
        #expect(try Tensor([1, 5]).maximum(Tensor(scalar: 3)).storage == [3, 5])
    }

    // MARK: - Sorting, scans and reductions

    @Test func sortAndArgsortAreStableWithNaNLast() throws {
        let t = Tensor([2, .nan, 1, 2, 0])
        #expect(try t.argsort().storage == [4, 2, 0, 3, 1])
        #expect(try t.sorted().storage.prefix(4) == [0, 1, 2, 2])
        #expect(try m.sorted(axis: 0) == m)
        #expect(try Tensor(shape: [2, 2], storage: [3, 1, 0, 5]).argsort(axis: 0).storage == [1, 0, 0, 1])
        let u = Tensor([3, 1, 3, .nan, .nan]).unique()
        #expect(u.values.storage.prefix(2) == [1, 3] && u.values.storage[2].isNaN && u.counts == [1, 2, 2])
    }

    @Test func scansAndReductionsAlongAxes() throws {
        #expect(try m.cumsum().storage.last == 45)
        #expect(try m.cumsum(axis: 0).storage.suffix(3) == [12, 15, 18])
        #expect(try m.cumprod(axis: 1).storage.prefix(3) == [1, 2, 6])
        #expect(try m.prod(axis: 0).storage == [28, 80, 162])
        #expect(try m.all(axis: 1).storage == [1, 1, 1])
        #expect(try m.compare(Tensor(scalar: 8), .greater).any(axis: 0).storage == [0, 0, 1])
        #expect(try Tensor([]).all().storage == [1])
    }

    // MARK: - Arrays of one value

    @Test func arraysFilledWithOneValueEqualRepeating() {
        #expect([Float](filling: 1.5, count: 4) == [Float](repeating: 1.5, count: 4))
        #expect([Int](filling: 7, count: 0).isEmpty)
        #expect([String?](filling: nil, count: 3) == [String?](repeating: nil, count: 3))
        var a = [Double](filling: 0, count: 2)
        a[1] = 3  // a fresh, unshared buffer
        #expect(a == [0, 3])
    }
}

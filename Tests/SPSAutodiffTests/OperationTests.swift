import Testing
import SPSNumeric
@testable import SPSAutodiff

/// The operations' conventions at kinks (PyTorch's), their numerical stability, their errors, and the broadcast
/// fast paths agreeing with the general ones.
@Suite struct OperationTests {
    func parameter(_ values: [Float], _ shape: [Int]? = nil) throws -> Variable {
        Variable(name: "x", value: try Tensor(shape: shape ?? [values.count], storage: values))
    }

    func gradient(_ x: Variable, _ f: (Variable) throws -> Variable) throws -> [Float] {
        try Autodiff.gradients(of: try f(x).sum(), wrt: [x])[0].value.storage
    }

    @Test func kinksFollowPyTorch() throws {
        let x = try parameter([-1, 0, 2])
        #expect(try gradient(x) { $0.relu() } == [0, 0, 1])
        #expect(try gradient(x) { $0.abs() } == [-1, 0, 1])
        #expect(try gradient(x) { $0.clipped(low: 0, high: 2) } == [0, 1, 1])  // both bounds included
        #expect(try gradient(x) { $0.leakyRelu(slope: 0.5) } == [0.5, 0.5, 1])
        #expect(try gradient(x) { $0.piecewiseConstant("floor") { $0.rounded(.down) } } == [0, 0, 0])
        let ties = try parameter([1, 3, 3, 2], [2, 2])
        #expect(try gradient(ties) { try $0.max() } == [0, 0.5, 0.5, 0])  // max(x): shared by ties
        #expect(try gradient(ties) { try $0.max(axis: 1) } == [0, 1, 1, 0])  // max(x, dim): to the first
        #expect(try gradient(ties) { try $0.min(axis: 0) } == [1, 0, 0, 1])
        let other = Variable(constant: Tensor.full([2, 2], 3))
        #expect(try gradient(ties) { try Variable.maximum($0, other) } == [0, 0.5, 0.5, 0])
        #expect(try gradient(try parameter([0, 0])) { try $0.norm() } == [0, 0])  // x / |x| taken as 0 at 0
    }

    @Test func stableForLargeValues() throws {
        let big = try parameter([1000, 1000])
        #expect(try big.logsumexp().value.storage[0] == Float(1000 + 0.6931471805599453))
        #expect(try big.softmax().value.storage == [0.5, 0.5])
        #expect(try gradient(big) { try $0.logsumexp() } == [0.5, 0.5])
        let z = try parameter([100, -100])
        let t = Variable(constant: Tensor([0, 1]))
        #expect(try Variable.bceWithLogitsLoss(z, t).value.storage[0] == 100)
        let logits = try parameter([500, 0, -500, 0], [2, 2])
        let ce = try Variable.crossEntropyLoss(logits: logits, labels: Tensor([1, 0]))
        #expect(ce.value.storage[0] == 500)
        #expect(try Autodiff.gradients(of: ce, wrt: [logits])[0].value.storage == [0.5, -0.5, -0.5, 0.5])
    }

    @Test func lossesMatchTheBuiltInOnes() throws {
        let p = try parameter([0.5, -1, 2, 4], [4, 1])
        let t = Variable(constant: Tensor([1, 1, 1, 1]))  // a vector against a column: element by element
        #expect(try Variable.mseLoss(p, t).value.storage[0] == (0.25 + 4 + 1 + 9) / 4)
        #expect(try Variable.l1Loss(p, t).value.storage[0] == (0.5 + 2 + 1 + 3) / 4)
        #expect(try Variable.huberLoss(p, t).value.storage[0] == (0.125 + 1.5 + 0.5 + 2.5) / 4)
        #expect(try Autodiff.gradients(of: try Variable.huberLoss(p, t), wrt: [p])[0].value.storage == [-0.125, -0.25, 0.25, 0.25])
    }

    @Test func lossErrorsSayWhatIsWrong() throws {
        let p = try parameter([0.5, 1.5])
        let t = Variable(constant: Tensor([0, 1]))
        #expect(throws: TensorError.self) { try Variable.bceLoss(p, t) }
        #expect(throws: TensorError.self) { try Variable.mseLoss(p, Variable(constant: Tensor([1, 2, 3]))) }
        let logits = try parameter([1, 2, 3, 4], [2, 2])
        #expect(throws: TensorError.self) { try Variable.crossEntropyLoss(logits: logits, labels: Tensor([0, 2])) }
        #expect(throws: TensorError.self) { try Variable.crossEntropyLoss(logits: logits, labels: Tensor([0.5, 1])) }
        #expect(throws: TensorError.self) { try Variable.crossEntropyLoss(logits: logits, labels: Tensor([0])) }
    }

    @Test func broadcastFastPathsAgreeWithTheGeneralOnes() throws {
        let m = try Tensor(shape: [3, 4], storage: (0..<12).map { Float($0) * 0.5 - 2 })
        for shape in [[4], [1, 4], [3, 1], [], [1, 1]] {
            let fast = try Variable.sumToShape(m, shape)
            // The general path: a rank-3 view of the same numbers goes through the odometer loop.
            let general = try Variable.sumToShape(try m.reshaped([1, 3, 4]), [1] + (shape.count == 2 ? shape : shape.count == 1 ? [1] + shape : [1, 1]))
            #expect(fast.storage == general.storage, "\(shape)")
            #expect(fast.shape == shape)
        }
        for (small, expected) in [([4], try Tensor.zeros([3, 4]).adding(Tensor([1, 2, 3, 4]))),
                                  ([3, 1], try Tensor.zeros([3, 4]).adding(try Tensor(shape: [3, 1], storage: [1, 2, 3])))] {
            let source = small == [4] ? Tensor([1, 2, 3, 4]) : try Tensor(shape: [3, 1], storage: [1, 2, 3])
            #expect(try Variable.broadcast(source, to: [3, 4]) == expected)
        }
        #expect(try Variable.broadcast(Tensor(scalar: 2), to: [2, 2]) == Tensor.full([2, 2], 2))
        #expect(throws: TensorError.self) { try Variable.broadcast(Tensor([1, 2, 3]), to: [3, 4]) }
    }

    @Test func deepChainsOfOperationsAreWalkedAndFreed() throws {
        let x = try parameter([0.5, -0.25])
        var y = x
        for _ in 0..<50_000 { y = try y.tanh().softmax().adding(0.1) }
        let g = try Autodiff.gradients(of: try y.sum(), wrt: [x])[0]
        #expect(g.value.storage.allSatisfy { $0.isFinite })
    }

    @Test func valuesEqualThePlainTensorOperations() throws {
        let t = try Tensor(shape: [2, 3], storage: [0.3, -0.7, 1.2, -0.4, 0.9, -1.5])
        let x = Variable(name: "x", value: t)
        #expect(try x.variance(axis: 0).value == t.variance(axis: 0))
        #expect(try x.std().value == t.std())
        #expect(try x.prod(axis: 1).value == t.prod(axis: 1))
        #expect(try x.cumsum(axis: 1).value == t.cumsum(axis: 1))
        #expect(try x.cumprod().value == t.cumprod())
        #expect(try x.sorted(axis: 0).value == t.sorted(axis: 0))
        #expect(try x.max(axis: 1).value == t.max(axis: 1))
        #expect(try Variable.stack([x, x], axis: 2).value == Tensor.stack([t, t], axis: 2))
        #expect(try x.diag().value == Tensor.diag(t))
        #expect(try Variable.outer(x, x).value == Tensor.outer(t, t))
    }
}

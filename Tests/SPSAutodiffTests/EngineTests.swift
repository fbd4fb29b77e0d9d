import Testing
import SPSNumeric
@testable import SPSAutodiff

/// The walk itself: accumulation, pruning, versions, deep graphs.
@Suite struct EngineTests {
    func parameter(_ values: [Float], _ name: String = "w") -> Variable { Variable(name: name, value: Tensor(values)) }

    @Test func productRuleAndAccumulation() throws {
        let w = parameter([1, 2, 3])
        let y = try (w * w).sum()  // sum w², gradient 2w
        let g = try Autodiff.gradients(of: y, wrt: [w])
        #expect(g[0].value.storage == [2, 4, 6])
        #expect(w.gradient.storage == [0, 0, 0])  // gradients() changes nothing
        try Autodiff.backward(y)
        try Autodiff.backward(y)
        #expect(w.gradient.storage == [4, 8, 12])  // backward() accumulates
    }

    @Test func gradientOfGradient() throws {
        let w = parameter([3])
        let y = try (w * w * w).sum()  // y = w³; dy/dw = 3w² = 27; d²y/dw² = 6w = 18
        let g = try Autodiff.gradients(of: y, wrt: [w], create: true)[0]
        #expect(g.value.storage == [27])
        #expect(g.requiresGrad)
        let h = try Autodiff.gradients(of: try g.sum(), wrt: [w])[0]
        #expect(h.value.storage == [18])
    }

    @Test func unusedTargetIsAnError() throws {
        let w = parameter([1]), v = parameter([2], "v")
        let y = try (w * w).sum()
        #expect(throws: AutodiffError.self) { try Autodiff.gradients(of: y, wrt: [w, v]) }
        let g = try Autodiff.gradients(of: y, wrt: [w, v], allowUnused: true)
        #expect(g[1].value.storage == [0])
    }

    @Test func changedInputIsRefused() throws {
        let w = parameter([1, 2])
        let y = try (w * w).sum()
        w.markChanged()
        #expect(throws: AutodiffError.self) { try Autodiff.gradients(of: y, wrt: [w]) }
    }

    @Test func deepGraphIsWalkedAndFreedWithoutRecursion() throws {
        let w = parameter([1])
        var s = w
        for _ in 0..<200_000 { s = try s + w }
        let g = try Autodiff.gradients(of: try s.sum(), wrt: [w])[0]
        #expect(g.value.storage == [200_001])
    }

    @Test func deepBranchingGraphIsFreedWithoutRecursionOrLeaks() throws {
        let w = parameter([1])
        weak var middle: Variable?
        do {
            // Every sum has two inputs with graphs of their own: the chain and a product.
            var s = w
            for i in 0..<200_000 {
                s = try s + (w * 2)
                if i == 1000 { middle = s }
            }
            let g = try Autodiff.gradients(of: try s.sum(), wrt: [w])[0]
            #expect(g.value.storage == [400_001])
            #expect(middle != nil)
        }
        #expect(middle == nil)
    }

    @Test func onlyLeavesKeepGradients() throws {
        let w = parameter([1, 2])
        let y = try (w * w).sum()
        try Autodiff.backward(y)
        #expect(w.gradient.storage == [2, 4])
        #expect(y.gradient.count == 0)
        w.zeroGradient()
        #expect(w.gradient.storage == [0, 0])
        // A leaf whose value changed shape starts a gradient of the new shape.
        w.value = Tensor([1, 2, 3])
        try Autodiff.backward(try (w * w).sum())
        #expect(w.gradient.storage == [2, 4, 6])
    }
}

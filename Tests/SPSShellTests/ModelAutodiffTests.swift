@testable import SPSBindings
import Foundation
import SPSAutodiff
import SPSLanguage
import SPSNumeric
@testable import SPSShell
import SPSTraining
import Testing

/// Models as differentiable functions (issue 18): the native node against the model written out as
/// differentiable operations and against finite differences, gradients of gradients through it, stale forward
/// passes, chunks, and custom objectives in loops (interrupts, divergence).
@Suite("Models as differentiable functions and custom objectives")
struct ModelAutodiffTests {
    /// A session whose interpreter runs the given script; fails the test with the error text otherwise.
    static func session(_ script: String) -> (Session, BufferSink) {
        let (s, out, err) = standardSession()
        s.register([Command("stop_here", summary: "request the interrupt, as Ctrl-C does") { (args: inout Arguments) throws(RuntimeError) in
            args.interpreter.interrupt.request()
            return .nil
        }])
        let outcome = s.run(script, name: "setup.sps")
        #expect(outcome == .success, "\(err.text)")
        return (s, out)
    }

    static func model(_ s: Session, _ name: String) -> ModelObject? {
        s.interpreter.global(name)?.object as? ModelObject
    }

    static func maxDifference(_ a: Tensor, _ b: Tensor) -> Float {
        zip(a.storage, b.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// A deterministic input matrix.
    static func input(rows: Int, columns: Int, seed: UInt64 = 1) -> Tensor {
        var rng = RandomStream(seed: seed, purpose: .user)
        return Tensor.randn([rows, columns], using: &rng)
    }

    @Test("the native node's gradients equal the model written as differentiable operations (params and input)")
    func nativeMatchesExpression() throws {
        let (s, _) = Self.session("seed 0\nm = mlp 3 [6, 5] 2 act=tanh")
        let m = try #require(Self.model(s, "m"))
        let x = Variable(name: "x", value: Self.input(rows: 7, columns: 3))
        let targets = [x] + m.parameterVariables
        let native = try m.apply(x, in: s.interpreter)
        let nativeLoss = try (native * native).sum()
        let g1 = try Autodiff.gradients(of: nativeLoss, wrt: targets)
        var params = ArraySlice(m.parameterVariables)
        let reference = try ModelExpression.build(m.layer, x, parameters: &params)
        let referenceLoss = try (reference * reference).sum()
        let g2 = try Autodiff.gradients(of: referenceLoss, wrt: targets)
        #expect(Self.maxDifference(native.value, reference.value) < 1e-5)
        for (a, b) in zip(g1, g2) { #expect(Self.maxDifference(a.value, b.value) < 1e-4, "\(a.value) vs \(b.value)") }
        // Functional gradients leave .grad as it was.
        #expect(m.parameterVariables.allSatisfy { $0.gradient.storage.allSatisfy { $0 == 0 } })
    }

    @Test("gradients through a model match central finite differences in Double")
    func finiteDifferences() throws {
        let (s, _) = Self.session("seed 2\nm = mlp 2 [4] 1 act=sigmoid")
        let m = try #require(Self.model(s, "m"))
        let x = Self.input(rows: 5, columns: 2, seed: 9)
        let weight = m.parameterVariables[0]
        let y = try m.apply(Variable(constant: x), in: s.interpreter).sum()
        let g = try Autodiff.gradients(of: y, wrt: [weight])[0]
        // The same model in Double, by hand: sigmoid(x W1ᵀ + b1) W2ᵀ + b2, summed.
        func f(_ w1: [Double]) -> Double {
            let p = m.parameterVariables.map { $0.value.storage.map(Double.init) }
            var total = 0.0
            for r in 0..<5 {
                for o in 0..<1 {
                    var out = p[3][o]
                    for h in 0..<4 {
                        var z = p[1][h]
                        for i in 0..<2 { z += Double(x.storage[r * 2 + i]) * w1[h * 2 + i] }
                        out += p[2][o * 4 + h] / (1 + Foundation.exp(-z))
                    }
                    total += out
                }
            }
            return total
        }
        let w = weight.value.storage.map(Double.init)
        for k in w.indices {
            var up = w, down = w
            up[k] += 1e-6
            down[k] -= 1e-6
            let numeric = (f(up) - f(down)) / 2e-6
            #expect(abs(numeric - Double(g.value.storage[k])) < 1e-4 * max(1, abs(numeric)), "weight \(k): \(numeric) vs \(g.value.storage[k])")
        }
    }

    @Test("gradients of gradients through a native model (create) equal those through the model written by hand")
    func secondOrder() throws {
        let (s, _) = Self.session("seed 4\nm = mlp 3 [5] 1 act=tanh")
        let m = try #require(Self.model(s, "m"))
        let x = Variable(name: "x", value: Self.input(rows: 4, columns: 3, seed: 3))
        // A penalty built from the input gradient (as gradient penalties are), differentiated to the params.
        func penalty(_ out: Variable) throws -> [Variable] {
            let gx = try Autodiff.gradients(of: out.sum(), wrt: [x], create: true)[0]
            // The input gradient does not depend on the last bias: zeros for it.
            return try Autodiff.gradients(of: (gx * gx).sum(), wrt: m.parameterVariables, allowUnused: true)
        }
        let native = try penalty(m.apply(x, in: s.interpreter))
        var params = ArraySlice(m.parameterVariables)
        let reference = try penalty(ModelExpression.build(m.layer, x, parameters: &params))
        for (a, b) in zip(native, reference) { #expect(Self.maxDifference(a.value, b.value) < 1e-4, "\(a.value) vs \(b.value)") }
        #expect(native.contains { $0.value.storage.contains { $0 != 0 } })
    }

    @Test("a forward pass between a prediction and its backward is undone first (m x1, m x2, then backward of the first)")
    func staleForward() throws {
        let (s, _) = Self.session("seed 5\nm = mlp 3 [4] 1 act=relu")
        let m = try #require(Self.model(s, "m"))
        let x1 = Self.input(rows: 3, columns: 3, seed: 1), x2 = Self.input(rows: 6, columns: 3, seed: 2)
        let alone = try Autodiff.gradients(of: m.apply(Variable(constant: x1), in: s.interpreter).sum(), wrt: m.parameterVariables)
        let first = try m.apply(Variable(constant: x1), in: s.interpreter).sum()
        _ = try m.apply(Variable(constant: x2), in: s.interpreter)
        // A sublayer alone also counts (m.layers[0] x).
        _ = try (m.layer as? Sequential)?.layers[0].forward(MatrixBuffer(x2))
        let late = try Autodiff.gradients(of: first, wrt: m.parameterVariables)
        for (a, b) in zip(alone, late) { #expect(a.value == b.value) }
        // backward into .grad gives the same.
        try Autodiff.backward(first)
        for (p, a) in zip(m.parameterVariables, alone) { #expect(p.gradient == a.value) }
    }

    @Test("many rows run in chunks: the gradient is the sum over the chunks")
    func chunks() throws {
        let (s, _) = Self.session("seed 6\nm = mlp 2 [3] 1 act=tanh")
        let m = try #require(Self.model(s, "m"))
        let rows = NativeModelRunner.chunk + 100
        let x = Self.input(rows: rows, columns: 2, seed: 4)
        let whole = try Autodiff.gradients(of: m.apply(Variable(constant: x), in: s.interpreter).sum(), wrt: m.parameterVariables)
        var params = ArraySlice(m.parameterVariables)
        let reference = try Autodiff.gradients(of: ModelExpression.build(m.layer, Variable(constant: x), parameters: &params).sum(), wrt: m.parameterVariables)
        for (a, b) in zip(whole, reference) {
            let scale = b.value.storage.map(abs).max() ?? 1
            #expect(Self.maxDifference(a.value, b.value) < 1e-3 * max(1, scale))
        }
    }

    @Test("Ctrl-C inside an objective keeps the loop: the cut-short step is taken again on resume, and it ends as if never stopped")
    func interruptInsideObjective() {
        let script = """
        seed 0
        train = spurious n=320 factor=0.2
        def my_mse m b { mse (m b.x) b.y }
        calls = 0
        def stops m b {
          calls = calls + 1
          if calls == 4 { stop_here }
          my_mse m b
        }
        a = linear 3 1
        c = copy a
        whole = loop a train loss=my_mse seed=1
        run whole epochs=1
        stopped = loop c train loss=stops seed=1
        """
        let (s, out) = Self.session(script)
        #expect(s.run("run stopped epochs=1", name: "stop.sps") == .runtimeError)
        #expect(s.lastError?.isInterrupt == true)
        #expect(s.lastError?.message.contains("the loop is intact") == true, "\(s.lastError?.message ?? "")")
        out.clear()
        #expect(s.run("print stopped.step\nrun stopped epochs=1\nprint stopped.step (max (abs (a.weight - c.weight)))", name: "resume.sps") == .success)
        #expect(out.text == "3\n10 0\n", "\(out.text)")
    }

    @Test("after a divergence the loop keeps its steps; an error inside the objective leaves it where it was")
    func divergenceKeepsLoop() {
        let (s, out) = Self.session("""
        seed 0
        train = spurious n=200 factor=0.2
        def my_mse m b { mse (m b.x) b.y }
        l = loop (linear 3 1) train loss=my_mse optim=(sgd lr=10)
        """)
        #expect(s.run("run l epochs=5", name: "nan.sps") == .runtimeError)
        out.clear()
        #expect(s.run("print l.step l.epoch", name: "look.sps") == .success)
        #expect(out.text == "5 0\n", "\(out.text)")
    }
}

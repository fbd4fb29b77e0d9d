import Testing
import SPSNumeric
import SPSTestSupport
@testable import SPSTraining
import Foundation

/// Central finite differences in Double against each layer's and loss's analytic gradients (Torch7 `Jacobian`).
///
/// Each check evaluates a Double-precision reference of the forward pass, perturbs one input or parameter at a
/// time by ±h, and compares (f(x+h) − f(x−h)) / 2h with what `backward` accumulated in Float.
@Suite struct GradientCheckTests {
    /// A Double reference of the layers, built from the Float layers' current parameters.
    enum Reference {
        case linear(weight: [Double], bias: [Double], inputs: Int, outputs: Int)
        case activation(ActivationKind, slope: Double)

        func forward(_ x: [Double], rows: Int) -> [Double] {
            switch self {
            case .linear(let w, let b, let inputs, let outputs):
                var y = [Double](repeating: 0, count: rows * outputs)
                for r in 0..<rows { for o in 0..<outputs {
                    var s = b[o]
                    for i in 0..<inputs { s += x[r * inputs + i] * w[o * inputs + i] }
                    y[r * outputs + o] = s
                } }
                return y
            case .activation(let kind, let slope):
                return x.map { v in
                    switch kind {
                    case .relu: max(v, 0)
                    case .leakyrelu: v > 0 ? v : slope * v
                    case .tanh: Foundation.tanh(v)
                    case .sigmoid: 1 / (1 + Foundation.exp(-v))
                    }
                }
            }
        }
    }

    static func references(_ layer: any Layer) -> [Reference] {
        switch layer {
        case let linear as Linear:
            [.linear(weight: linear.weight.value.storage.map(Double.init), bias: linear.bias.value.storage.map(Double.init),
                     inputs: linear.inputSize, outputs: linear.outputSize)]
        case let activation as Activation: [.activation(activation.kind, slope: Double(activation.negativeSlope))]
        case let sequential as Sequential: sequential.layers.flatMap(references)
        default: []
        }
    }

    /// Checks input and parameter gradients of `layer` on a random batch against finite differences.
    func check(_ layer: any Layer, rows: Int = 5, inputs: Int, seed: UInt64) throws {
        var rng = RandomStream(seed: seed, purpose: .user)
        let x = Tensor.randn([rows, inputs], using: &rng)
        let output = try layer.forward(x)
        let weights = Tensor.randn(output.shape, using: &rng)  // objective: sum(output ⊙ weights)
        layer.zeroGradients()
        let inputGradient = layer.backward(weights)

        let h = 1e-6
        let r = weights.storage.map(Double.init)
        func objective(_ refs: [Reference], _ input: [Double]) -> Double {
            let out = refs.reduce(input) { $1.forward($0, rows: rows) }
            return zip(out, r).reduce(0) { $0 + $1.0 * $1.1 }
        }
        func expectClose(_ analytic: Float, _ numeric: Double, _ what: String) {
            let error = abs(Double(analytic) - numeric)
            #expect(error <= 1e-4 + 1e-3 * abs(numeric), "\(what): analytic \(analytic), numeric \(numeric)")
        }

        // Input gradient.
        let refs = Self.references(layer)
        let base = x.storage.map(Double.init)
        for i in base.indices {
            var plus = base, minus = base
            plus[i] += h
            minus[i] -= h
            expectClose(inputGradient.storage[i], (objective(refs, plus) - objective(refs, minus)) / (2 * h), "d/dx[\(i)]")
        }
        // Parameter gradients: perturb each parameter through a fresh reference.
        for (p, parameter) in layer.parameters.enumerated() {
            for i in 0..<parameter.count {
                let original = parameter.value.storage[i]
                func shifted(_ delta: Double) -> Double {
                    var refsShifted = Self.references(layer)
                    // Rebuild the one perturbed parameter in Double.
                    var seen = 0
                    for (index, ref) in refsShifted.enumerated() {
                        guard case .linear(var w, var b, let inputs, let outputs) = ref else { continue }
                        if seen * 2 == p { w[i] = Double(original) + delta }
                        if seen * 2 + 1 == p { b[i] = Double(original) + delta }
                        refsShifted[index] = .linear(weight: w, bias: b, inputs: inputs, outputs: outputs)
                        seen += 1
                    }
                    return objective(refsShifted, base)
                }
                expectClose(parameter.gradient.storage[i], (shifted(h) - shifted(-h)) / (2 * h), "d/d\(parameter.name)\(p)[\(i)]")
            }
        }
    }

    @Test func linear() throws {
        var rng = RandomStream(seed: 1, purpose: .initialization)
        try check(Linear(4, 3, rng: &rng), inputs: 4, seed: 1)
    }

    @Test(arguments: ActivationKind.allCases)
    func activation(kind: ActivationKind) throws {
        try check(Activation(kind), inputs: 6, seed: 2)
    }

    @Test(arguments: ActivationKind.allCases)
    func multilayerPerceptron(kind: ActivationKind) throws {
        var rng = RandomStream(seed: 3, purpose: .initialization)
        try check(Sequential.mlp(sizes: [3, 8, 5, 2], activation: kind, rng: &rng), inputs: 3, seed: 3)
    }

    @Test func gradientsAccumulateUntilZeroed() throws {
        var rng = RandomStream(seed: 4, purpose: .initialization)
        let layer = Linear(2, 1, rng: &rng)
        let x = try Tensor(rows: [[1, 2], [3, 4]])
        _ = try layer.forward(x)
        _ = layer.backward(Tensor.ones([2, 1]))
        let once = layer.weight.gradient
        _ = layer.backward(Tensor.ones([2, 1]))
        #expect(layer.weight.gradient.storage == once.storage.map { $0 * 2 })
        layer.zeroGradients()
        #expect(layer.weight.gradient.storage == [0, 0])
    }

    @Test(arguments: [Loss.mse, .l1, .huber(delta: 1)])
    func loss(_ loss: Loss) throws {
        var rng = RandomStream(seed: 5, purpose: .user)
        // Spread predictions so Huber sees both its quadratic and linear parts.
        let prediction = Tensor.randn([12], using: &rng).map { $0 * 2 }
        let target = Tensor.randn([12], using: &rng)
        let gradient = try loss.gradient(prediction, target)
        let p = prediction.storage.map(Double.init), t = target.storage.map(Double.init)
        func value(_ p: [Double]) -> Double {
            zip(p, t).map { d0 in
                let d = d0.0 - d0.1
                switch loss {
                case .mse: return d * d
                case .l1: return abs(d)
                case .huber(let delta): let dl = Double(delta); return abs(d) < dl ? 0.5 * d * d : dl * (abs(d) - 0.5 * dl)
                }
            }.reduce(0, +) / Double(p.count)
        }
        #expect(isClose(Double(try loss.value(prediction, target)), value(p), relative: 1e-6))
        let h = 1e-6
        for i in p.indices {
            var plus = p, minus = p
            plus[i] += h
            minus[i] -= h
            let numeric = (value(plus) - value(minus)) / (2 * h)
            #expect(abs(Double(gradient.storage[i]) - numeric) < 1e-5, "\(loss) d/dp[\(i)]")
        }
    }
}

import Foundation
import Testing
import SPSNumeric
@testable import SPSTraining

/// LinearEnsemble's hand-written gradients against central finite differences of each algorithm's objective,
/// computed here in Double from the rows. Each test reads the gradient back from one SGD step with learning rate 1:
/// θ₁ = θ₀ − g.
@Suite struct LinearEnsembleTests {
    static let width = 3

    /// Two environments of rows with a 0/1 label (for the logistic loss) or a real target (for squared error).
    static func environments(classification: Bool) -> [LinearEnsemble.Environment] {
        var rng = RandomStream(seed: 11, purpose: .data)
        return (0..<2).map { e in
            let n = 40 + 9 * e
            var x: [Float] = [], y: [Float] = []
            for _ in 0..<n {
                let row = (0..<width).map { _ in Float(rng.nextNormal()) * (1 + Float(e)) }
                x += row
                let signal = Double(row[0]) - 0.5 * Double(row[1]) + 0.3 * rng.nextNormal()
                y.append(classification ? (signal > 0 ? 1 : 0) : Float(signal))
            }
            return LinearEnsemble.Environment(features: try! Tensor(shape: [n, width], storage: x), target: Tensor(y))
        }
    }

    /// The loss ℓ(z, y) and its first two derivatives in z.
    static func loss(_ z: Double, _ y: Double, classification: Bool) -> (Double, Double, Double) {
        guard classification else { return ((z - y) * (z - y), 2 * (z - y), 2) }
        let s = 1 / (1 + exp(-z))
        return (max(z, 0) + log1p(exp(-abs(z))) - y * z, s - y, s * (1 - s))
    }

    /// Per environment: the risk, ∂R/∂s, ∂R/∂c at s = 1, c = 0, and ∇_θ R (θ = weights then bias).
    static func risks(_ theta: [Double], _ envs: [LinearEnsemble.Environment], classification: Bool) -> [(r: Double, gs: Double, gb: Double, g: [Double])] {
        envs.map { env in
            let n = env.target.count
            var r = 0.0, gs = 0.0, gb = 0.0, g = [Double](repeating: 0, count: width + 1)
            for i in 0..<n {
                let x = (0..<width).map { Double(env.features.storage[i * width + $0]) } + [1]
                let z = zip(x, theta).map(*).reduce(0, +)
                let (l, l1, _) = loss(z, Double(env.target.storage[i]), classification: classification)
                r += l
                gs += l1 * z
                gb += l1
                for j in 0...width { g[j] += l1 * x[j] }
            }
            return (r / Double(n), gs / Double(n), gb / Double(n), g.map { $0 / Double(n) })
        }
    }

    static func objective(_ algorithm: LinearEnsemble.Algorithm, _ theta: [Double], _ envs: [LinearEnsemble.Environment], classification: Bool) -> Double {
        let per = risks(theta, envs, classification: classification)
        let meanRisk = per.map(\.r).reduce(0, +) / Double(per.count)
        switch algorithm {
        case .erm:
            let counts = envs.map { Double($0.target.count) }
            return zip(per, counts).map { $0.r * $1 }.reduce(0, +) / counts.reduce(0, +)
        case .irm(let lambda):
            return (1 - lambda) * meanRisk + lambda * per.map { $0.gs * $0.gs + $0.gb * $0.gb }.reduce(0, +)
        case .iga(let lambda):
            var penalty = 0.0
            for j in 0...width {
                let mean = per.map { $0.g[j] }.reduce(0, +) / Double(per.count)
                for p in per { penalty += (p.g[j] - mean) * (p.g[j] - mean) }
            }
            return meanRisk + lambda * penalty
        case .andmask: return .nan
        }
    }

    static let start: [Float] = [0.3, -0.2, 0.1, 0.05]

    /// The gradient the engine steps along at `start`.
    static func engineGradient(_ algorithm: LinearEnsemble.Algorithm, classification: Bool, lanes: Int? = nil) throws -> [Double] {
        var ensemble = try LinearEnsemble(loss: classification ? .bceLogits : .mse, environments: environments(classification: classification),
                                          members: [LinearEnsemble.Member(algorithm: algorithm, update: .sgd(learningRate: 1, weightDecay: 0))],
                                          weights: [Array(start[0..<width])], biases: [start[width]], lanes: lanes)
        _ = ensemble.train(steps: 1)
        let (w, b) = ensemble.parameters(of: 0)
        return zip(start, w + [b]).map { Double($0) - Double($1) }
    }

    @Test("IRMv1's and IGA's penalty gradients, and ERM's, match finite differences",
          arguments: [(LinearEnsemble.Algorithm.erm, false), (.erm, true), (.irm(lambda: 0.7), false), (.irm(lambda: 0.7), true),
                      (.iga(lambda: 5), false), (.iga(lambda: 5), true)])
    func gradientMatchesFiniteDifferences(_ algorithm: LinearEnsemble.Algorithm, _ classification: Bool) throws {
        let envs = Self.environments(classification: classification)
        let engine = try Self.engineGradient(algorithm, classification: classification)
        let theta = Self.start.map(Double.init), h = 1e-5
        for j in 0...Self.width {
            var up = theta, down = theta
            up[j] += h
            down[j] -= h
            let numeric = (Self.objective(algorithm, up, envs, classification: classification)
                           - Self.objective(algorithm, down, envs, classification: classification)) / (2 * h)
            #expect(abs(engine[j] - numeric) <= 2e-4 * max(1, abs(numeric)), "θ\(j): engine \(engine[j]), finite differences \(numeric)")
        }
    }

    @Test("ANDMask steps only where every environment's gradient sign agrees, along the mean of the normalized gradients")
    func andMaskDirection() throws {
        let envs = Self.environments(classification: true)
        let engine = try Self.engineGradient(.andmask(tau: 0.9), classification: true)
        let per = Self.risks(Self.start.map(Double.init), envs, classification: true)
        let normed = per.map { p -> [Double] in
            let norm = (0..<Self.width).map { p.g[$0] * p.g[$0] }.reduce(0, +).squareRoot()
            return (0..<Self.width).map { p.g[$0] / norm } + [p.g[Self.width]]
        }
        for j in 0...Self.width {
            let agree = normed.allSatisfy { $0[j] > 0 } || normed.allSatisfy { $0[j] < 0 }
            let expected = agree ? normed.map { $0[j] }.reduce(0, +) / 2 : 0
            #expect(abs(engine[j] - expected) <= 1e-5, "θ\(j): engine \(engine[j]), expected \(expected)")
        }
    }

    @Test("8 and 16 models a chunk train the same models, bit for bit", .enabled(if: LinearEnsemble.widestLanes == 16, "needs AVX-512"))
    func chunkWidthsAgree() throws {
        let envs = Self.environments(classification: true)
        let algorithms: [LinearEnsemble.Algorithm] = [.erm, .andmask(tau: 0.9), .irm(lambda: 0.5), .iga(lambda: 10)]
        let members = (0..<21).map { k in
            LinearEnsemble.Member(algorithm: algorithms[k % 4], update: k % 4 == 1 ? .sgd(learningRate: 0.05, weightDecay: 1e-3)
                                  : .adam(learningRate: 0.01 * Double(k + 1) / 21, weightDecay: 1e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8))
        }
        let weights = (0..<21).map { k in (0..<Self.width).map { Float($0 - k % 3) * 0.1 } }
        let biases = (0..<21).map { Float($0) * 0.01 }
        var narrow = try LinearEnsemble(loss: .bceLogits, environments: envs, members: members, weights: weights, biases: biases, lanes: 8)
        var wide = try LinearEnsemble(loss: .bceLogits, environments: envs, members: members, weights: weights, biases: biases, lanes: 16)
        #expect(narrow.lanes == 8 && wide.lanes == 16)
        _ = narrow.train(steps: 50)
        _ = wide.train(steps: 50)
        for k in 0..<21 { #expect(narrow.parameters(of: k) == wide.parameters(of: k), "model \(k)") }
    }

    @Test("a stop request ends training at the next check, with every model after the same step")
    func stopsWhenAsked() throws {
        var ensemble = try LinearEnsemble(loss: .mse, environments: Self.environments(classification: false),
                                          members: [LinearEnsemble.Member(algorithm: .erm, update: .sgd(learningRate: 0.01, weightDecay: 0))],
                                          weights: [[0, 0, 0]], biases: [0])
        var asked = 0
        let taken = ensemble.train(steps: 1_000) { asked += 1; return asked == 3 }
        #expect(taken == 64 * 3 - 1 && ensemble.step == taken)
    }
}

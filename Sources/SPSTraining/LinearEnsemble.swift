import CKernels
import SPSNumeric
#if canImport(Glibc)
import Glibc
#endif

/// Many linear models with one output, trained together by full-batch steps on one dataset split by environment.
///
/// This is the native engine behind `fit_linear` and InvarianceUnitTests' sweep. Each model has its own
/// algorithm (ERM, IRMv1 or IGA with Adam or SGD; ANDMask with its masked SGD step), hyperparameters and optimizer
/// state. All of them read the rows together.
///
/// The results equal `fit m d algo=… batch=… shuffle=false` with the stdlib's algorithms, up to the order in which
/// sums are rounded. The gradients are written out by hand:
/// - **Mean squared error**: a full-batch gradient depends on the rows only through each environment's moments
///   Σx̃x̃ᵀ, Σx̃y (x̃ = (x, 1)), so a step costs O(d²) per model whatever the row count. The moments are summed in
///   Double.
/// - **Binary cross-entropy of a logit**: one pass over the rows per environment (`sps_linear_bce_gradients`) gives
///   each environment's risk gradient and IRM's dummy-scale gradient. A second pass (`sps_linear_bce_weighted`)
///   gives the gradient of IRM's and IGA's penalties. The penalties' gradients come from the closed forms:
///   - ∂R/∂s = mean ℓ'z and ∂R/∂c = mean ℓ' for IRM's dummy scale s and shift c;
///   - ∇_θ Σ_e |g_e − ḡ|² = 2 Σ_e H_e (g_e − ḡ) for IGA, with H_e = mean ℓ'' x̃x̃ᵀ the Hessian of R_e.
public struct LinearEnsemble {
    /// The base loss of every model.
    public enum Loss: Sendable { case mse, bceLogits }

    /// An algorithm with its hyperparameters, in InvarianceUnitTests' forms.
    public enum Algorithm: Sendable, Equatable {
        /// The pooled mean risk.
        case erm
        /// (1 − λ)·mean_e R_e + λ·Σ_e (|∂R_e/∂s|² + |∂R_e/∂c|²) at the dummies s = 1, c = 0.
        case irm(lambda: Double)
        /// mean_e R_e + λ·Σ_e |∇R_e − mean_e ∇R_e|² over every parameter.
        case iga(lambda: Double)
        /// A step along mean_e ∇R_e only where more than τ·(environments) gradient signs agree; the weight's
        /// gradient is divided by its norm in each environment first. It takes plain SGD steps.
        case andmask(tau: Double)

        var needsSecondPass: Bool {
            switch self {
            case .irm, .iga: true
            case .erm, .andmask: false
            }
        }
    }

    /// How a model's parameters move: Adam with L2 weight decay, or plain SGD with L2 weight decay (PyTorch's forms).
    public enum Update: Sendable, Equatable {
        case adam(learningRate: Double, weightDecay: Double, beta1: Double, beta2: Double, epsilon: Double)
        case sgd(learningRate: Double, weightDecay: Double)
    }

    /// One model's algorithm and update.
    public struct Member: Sendable, Equatable {
        public var algorithm: Algorithm
        public var update: Update
        public init(algorithm: Algorithm, update: Update) {
            self.algorithm = algorithm
            self.update = update
        }
    }

    /// One environment's rows: features n×d and targets n.
    public struct Environment {
        public var features: Tensor
        public var target: Tensor
        public init(features: Tensor, target: Tensor) {
            self.features = features
            self.target = target
        }
    }

    let loss: Loss
    let width: Int
    let environments: [Environment]
    let members: [Member]
    /// Models in chunks of `lanes`: θ, Adam's moments and the gradient in the chunked layout (see
    /// linear_ensemble.c).
    var theta: [Float]
    private var firstMoment: [Float]
    private var secondMoment: [Float]
    /// The steps taken.
    public private(set) var step = 0

    /// Each environment's moments for mean squared error, in Double: Σx̃x̃ᵀ ((d+1)² row-major) and Σx̃y.
    private var moments: [(xx: [Double], xy: [Double])] = []

    /// The models in a chunk: 16 with AVX-512, else 8.
    let lanes: Int
    /// The widest chunk this machine runs: 16 with AVX-512, else 8.
    public static var widestLanes: Int { sps_linear_chunk_width() }
    /// The models' count, rounded up to whole chunks.
    var paddedCount: Int { (members.count + lanes - 1) / lanes * lanes }
    var stride: Int { width + 1 }
    /// The chunks that hold a model with a second pass (IRM, IGA): the second pass runs over these only.
    private var secondChunks: Range<Int> = 0..<0
    /// True when no model needs the risks' gradients from the first pass (every one is IRM's).
    private var scaleOnly = false
    /// True when some model is IGA's: the second pass then needs each model's direction.
    private var hasDirection = false
    /// Each environment's row count, and their sum.
    private let rowCounts: [Double]
    private let totalRows: Double

    /// Sets up `members.count` models whose starting weights (d each) and biases come from `weights` and `biases`.
    ///
    /// `lanes` is the models per chunk of the row passes: 8, or 16 where the machine has AVX-512 (the default is the
    /// widest available). Both give the same models.
    public init(loss: Loss, environments: [Environment], members: [Member], weights: [[Float]], biases: [Float],
                lanes: Int? = nil) throws(TrainingError) {
        guard let first = environments.first else { throw .invalid("fit_linear needs rows in at least one environment") }
        let width = first.features.rank == 2 ? first.features.shape[1] : 0
        for (index, environment) in environments.enumerated() {
            guard environment.features.rank == 2, environment.features.shape[1] == width,
                  environment.target.count == environment.features.shape[0], environment.target.count > 0 else {
                throw .invalid("environment \(index): \(Tensor.format(shape: environment.features.shape)) features and \(environment.target.count) targets; every environment needs rows of the same width and one target per row")
            }
        }
        guard weights.count == members.count, biases.count == members.count, weights.allSatisfy({ $0.count == width }) else {
            throw .invalid("fit_linear: every model needs \(width) weights and a bias")
        }
        self.lanes = lanes == 8 ? 8 : sps_linear_chunk_width()
        self.loss = loss
        self.width = width
        self.environments = environments
        self.members = members
        let lanes = self.lanes
        let padded = (members.count + lanes - 1) / lanes * lanes
        theta = Array(repeating: 0, count: padded * (width + 1))
        firstMoment = theta
        secondMoment = theta
        let seconds = members.indices.filter { members[$0].algorithm.needsSecondPass }
        if let first = seconds.first, let last = seconds.last { secondChunks = first / lanes..<last / lanes + 1 }
        scaleOnly = members.allSatisfy { if case .irm = $0.algorithm { true } else { false } }
        hasDirection = members.contains { if case .iga = $0.algorithm { true } else { false } }
        rowCounts = environments.map { Double($0.target.count) }
        totalRows = rowCounts.reduce(0, +)
        for k in members.indices {
            for j in 0..<width { theta[index(k, j)] = weights[k][j] }
            theta[index(k, width)] = biases[k]
        }
        if loss == .mse { moments = environments.map(Self.moments) }
    }

    /// The position of parameter j (j = d for the bias) of model k in the chunked layout.
    @inline(__always)
    func index(_ k: Int, _ j: Int) -> Int { (k / lanes) * (width + 1) * lanes + j * lanes + k % lanes }

    /// Model k's weights (d) and bias.
    public func parameters(of k: Int) -> (weights: [Float], bias: Float) {
        ((0..<width).map { theta[index(k, $0)] }, theta[index(k, width)])
    }

    static func moments(_ environment: Environment) -> (xx: [Double], xy: [Double]) {
        let n = environment.target.count, d = environment.features.shape[1], s = d + 1
        var xx = [Double](repeating: 0, count: s * s), xy = [Double](repeating: 0, count: s)
        var row = [Double](repeating: 1, count: s)
        environment.features.withUnsafeBufferPointer { x in
            environment.target.withUnsafeBufferPointer { y in
                for i in 0..<n {
                    for j in 0..<d { row[j] = Double(x[i * d + j]) }
                    let target = Double(y[i])
                    for a in 0..<s {
                        xy[a] += row[a] * target
                        for b in a..<s { xx[a * s + b] += row[a] * row[b] }
                    }
                }
            }
        }
        for a in 0..<s { for b in 0..<a { xx[a * s + b] = xx[b * s + a] } }
        return (xx, xy)
    }

    /// Takes `steps` full-batch steps for every model, asking `shouldStop` every 64 steps; returns the steps taken.
    public mutating func train(steps: Int, shouldStop: () -> Bool = { false }) -> Int {
        var work = Workspace(environments: environments.count, padded: paddedCount, stride: stride)
        var taken = 0
        while taken < steps {
            if taken % 64 == 63 && shouldStop() { break }
            takeStep(&work)
            taken += 1
        }
        return taken
    }

    /// Buffers reused by every step.
    struct Workspace {
        /// Per environment: Σ x̃ℓ' (chunked) and Σ ℓ'z (chunked vector).
        var sums: [[Float]]
        var scaleSums: [[Float]]
        /// The second pass's per-environment coefficients and direction, and its summed output.
        var a: [Float], b: [Float], c: [Float]
        var directions: [[Float]]
        var second: [Float]
        var gradient: [Double]
        /// ANDMask's per-environment mean gradients of one model, and the first pass's θ of one model (squared error).
        var perEnvironment: [[Double]]
        var parameters: [Double]

        init(environments: Int, padded: Int, stride: Int) {
            sums = Array(repeating: Array(repeating: 0, count: padded * stride), count: environments)
            scaleSums = Array(repeating: Array(repeating: 0, count: padded), count: environments)
            a = Array(repeating: 0, count: padded)
            b = a
            c = a
            directions = sums
            second = sums[0]
            gradient = Array(repeating: 0, count: stride)
            perEnvironment = Array(repeating: gradient, count: environments)
            parameters = gradient
        }
    }

    mutating func takeStep(_ work: inout Workspace) {
        step += 1
        let s = stride, count = members.count, envCount = environments.count
        // Pass one: each environment's Σ x̃ℓ' and Σ ℓ'z for every model.
        for e in 0..<envCount { firstPass(e, &work.sums[e], &work.scaleSums[e], &work.parameters) }
        // Pass two, for IRM and IGA: the coefficients of each model's penalty gradient in each environment.
        if !secondChunks.isEmpty {
            for i in work.second.indices { work.second[i] = 0 }
            for e in 0..<envCount {
                let n = rowCounts[e]
                for k in 0..<count {
                    var a = 0.0, b = 0.0, c = 0.0
                    switch members[k].algorithm {
                    case .irm(let lambda):
                        let gs = Double(work.scaleSums[e][k]) / n
                        let gb = Double(work.sums[e][index(k, width)]) / n
                        a = ((1 - lambda) / Double(envCount) + 2 * lambda * gs) / n
                        b = 2 * lambda * gs / n
                        c = 2 * lambda * gb / n
                        for j in 0..<s { work.directions[e][index(k, j)] = 0 }
                    case .iga(let lambda):
                        a = 1 / (Double(envCount) * n)
                        for j in 0..<s {
                            var mean = 0.0
                            for f in 0..<envCount { mean += Double(work.sums[f][index(k, j)]) / rowCounts[f] }
                            mean /= Double(envCount)
                            let own = Double(work.sums[e][index(k, j)]) / n
                            work.directions[e][index(k, j)] = Float(2 * lambda * (own - mean) / n)
                        }
                    case .erm, .andmask:
                        for j in 0..<s { work.directions[e][index(k, j)] = 0 }
                    }
                    work.a[k] = Float(a)
                    work.b[k] = Float(b)
                    work.c[k] = Float(c)
                }
                secondPass(e, work.a, work.b, work.c, work.directions[e], &work.second)
            }
        }
        // The update of each model.
        for k in 0..<count {
            let member = members[k]
            switch member.algorithm {
            case .erm:
                for j in 0..<s {
                    var g = 0.0
                    for e in 0..<envCount { g += Double(work.sums[e][index(k, j)]) }
                    work.gradient[j] = g / totalRows
                }
            case .irm, .iga:
                for j in 0..<s { work.gradient[j] = Double(work.second[index(k, j)]) }
            case .andmask(let tau):
                andMaskGradient(k, tau: tau, work: &work)
            }
            apply(member.update, to: k, gradient: work.gradient)
        }
    }

    /// ANDMask's step direction for model k (IUT's form): each environment's mean gradient, the weight's part
    /// divided by its norm; kept where |Σ_e sign| > τ·E, averaged over environments.
    private func andMaskGradient(_ k: Int, tau: Double, work: inout Workspace) {
        let s = stride, envCount = environments.count
        var perEnv = work.perEnvironment
        work.perEnvironment = []  // keep the buffer uniquely referenced while it is written
        defer { work.perEnvironment = perEnv }
        for e in 0..<envCount {
            for j in 0..<s { perEnv[e][j] = Double(work.sums[e][index(k, j)]) / rowCounts[e] }
            var norm = 0.0
            for j in 0..<width { norm += perEnv[e][j] * perEnv[e][j] }
            norm = norm.squareRoot()
            if norm > 0 { for j in 0..<width { perEnv[e][j] /= norm } }
        }
        for j in 0..<s {
            var signs = 0.0, mean = 0.0
            for e in 0..<envCount {
                let g = perEnv[e][j]
                signs += g > 0 ? 1 : (g < 0 ? -1 : 0)
                mean += g
            }
            work.gradient[j] = abs(signs) > Double(envCount) * tau ? mean / Double(envCount) : 0
        }
    }

    /// One update of model k from its gradient, as sps's Adam and SGD take it (weight decay added to the gradient).
    private mutating func apply(_ update: Update, to k: Int, gradient: [Double]) {
        let s = stride
        switch update {
        case .sgd(let lr, let wd):
            let lr = Float(lr), wd = Float(wd)
            for j in 0..<s {
                let at = index(k, j)
                var g = Float(gradient[j])
                if wd != 0 { g += wd * theta[at] }
                theta[at] -= lr * g
            }
        case .adam(let lr, let wd, let beta1, let beta2, let eps):
            let t = Double(step)
            let stepSize = Float(lr / (1 - pow(beta1, t)))
            let root2 = Float((1 - pow(beta2, t)).squareRoot())
            let b1 = Float(1 - beta1), b2 = Float(beta2), c2 = Float(1 - beta2), eps = Float(eps), wd = Float(wd)
            for j in 0..<s {
                let at = index(k, j)
                var g = Float(gradient[j])
                if wd != 0 { g = g + wd * theta[at] }
                let m = firstMoment[at] + b1 * (g - firstMoment[at])
                let v = secondMoment[at] * b2 + c2 * g * g
                firstMoment[at] = m
                secondMoment[at] = v
                let denominator: Float = v.squareRoot() / root2 + eps
                theta[at] = theta[at] + (-stepSize * m) / denominator
            }
        }
    }

    /// Σ x̃ℓ' and Σ ℓ'z over environment e's rows for every model.
    private func firstPass(_ e: Int, _ sums: inout [Float], _ scaleSums: inout [Float], _ th: inout [Double]) {
        let s = stride
        switch loss {
        case .bceLogits:
            for i in sums.indices { sums[i] = 0 }
            for i in scaleSums.indices { scaleSums[i] = 0 }
            let environment = environments[e]
            environment.features.withUnsafeBufferPointer { x in
                environment.target.withUnsafeBufferPointer { y in
                    sps_linear_bce_gradients(lanes, y.count, width, paddedCount / lanes, x.baseAddress, y.baseAddress, theta, &sums, &scaleSums, scaleOnly ? 1 : 0)
                }
            }
        case .mse:
            // ℓ = (z − y)², ℓ' = 2(z − y): Σ x̃ℓ' = 2(Mθ − m), Σ ℓ'z = 2(θᵀMθ − θᵀm).
            let (xx, xy) = moments[e]
            for k in 0..<members.count {
                for j in 0..<s { th[j] = Double(theta[index(k, j)]) }
                var quadratic = 0.0, linear = 0.0
                for a in 0..<s {
                    var mt = 0.0
                    for b in 0..<s { mt += xx[a * s + b] * th[b] }
                    sums[index(k, a)] = Float(2 * (mt - xy[a]))
                    quadratic += th[a] * mt
                    linear += th[a] * xy[a]
                }
                scaleSums[k] = Float(2 * (quadratic - linear))
            }
        }
    }

    /// Adds Σ x̃ r over environment e's rows, r = aℓ' + ℓ''(b z + c + direction·x̃), for every model.
    private func secondPass(_ e: Int, _ a: [Float], _ b: [Float], _ c: [Float], _ direction: [Float], _ out: inout [Float]) {
        let s = stride
        switch loss {
        case .bceLogits:
            let environment = environments[e], chunk = stride * lanes, first = secondChunks.lowerBound
            environment.features.withUnsafeBufferPointer { x in
                environment.target.withUnsafeBufferPointer { y in
                    theta.withUnsafeBufferPointer { theta in
                        direction.withUnsafeBufferPointer { direction in
                            a.withUnsafeBufferPointer { a in
                                b.withUnsafeBufferPointer { b in
                                    c.withUnsafeBufferPointer { c in
                                        out.withUnsafeMutableBufferPointer { out in
                                            sps_linear_bce_weighted(
                                                lanes, y.count, width, secondChunks.count, x.baseAddress, y.baseAddress,
                                                theta.baseAddress! + first * chunk,
                                                hasDirection ? direction.baseAddress! + first * chunk : nil,
                                                a.baseAddress! + first * lanes, b.baseAddress! + first * lanes,
                                                c.baseAddress! + first * lanes, out.baseAddress! + first * chunk)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        case .mse:
            // ℓ'' = 2: Σ x̃ r = 2a(Mθ − m) + 2b Mθ + 2c M[:, d] + 2 M·direction.
            let (xx, xy) = moments[e]
            for k in 0..<members.count where members[k].algorithm.needsSecondPass {
                let ak = Double(a[k]), bk = Double(b[k]), ck = Double(c[k])
                for row in 0..<s {
                    var mt = 0.0, mv = 0.0
                    for col in 0..<s {
                        mt += xx[row * s + col] * Double(theta[index(k, col)])
                        mv += xx[row * s + col] * Double(direction[index(k, col)])
                    }
                    let value = 2 * ak * (mt - xy[row]) + 2 * bk * mt + 2 * ck * xx[row * s + width] + 2 * mv
                    out[index(k, row)] += Float(value)
                }
            }
        }
    }
}

import CKernels
import SPSNumeric

/// An error in an optimizer's or schedule's settings, saying what is allowed.
public struct ConfigurationError: CoreError, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// The shared part of every optimizer: the parameters, the learning rate, and one override point.
///
/// Subclasses implement `update(_:at:)`; `step()` calls it for each parameter, `zeroGradients()` clears
/// gradients. Learning rates are Double, as in PyTorch, and cast to Float at the update.
open class Optimizer {
    /// The parameters this optimizer updates, in a fixed order.
    public let parameters: [Parameter]
    /// The current learning rate (schedules set it; users may too).
    public var learningRate: Double
    /// How many steps have been taken.
    public private(set) var stepCount = 0

    /// Creates an optimizer over `parameters`.
    public init(parameters: [Parameter], learningRate: Double) throws(ConfigurationError) {
        guard learningRate >= 0, learningRate.isFinite else {
            throw ConfigurationError("learning rate must be a finite number >= 0, got \(formatShort(learningRate))")
        }
        self.parameters = parameters
        self.learningRate = learningRate
    }

    /// Applies one update to every parameter from its gradient.
    public func step() {
        stepCount += 1
        for index in parameters.indices {
            update(parameters[index], at: index)
            parameters[index].markChanged()
        }
    }

    /// Sets every gradient to zero.
    public func zeroGradients() { for parameter in parameters { parameter.zeroGradient() } }

    /// Updates one parameter in place; `index` identifies its state slot.
    open func update(_ parameter: Parameter, at index: Int) {}

    /// Forgets every step taken (moments, momentum buffers, the step count), as a new optimizer with the same
    /// settings would start; the learning rate stays. IRM's reference code does this when its penalty weight
    /// jumps at the end of annealing.
    open func resetState() { stepCount = 0 }

    /// The same optimizer kind and settings over other parameters, with fresh state (for copies of a model).
    open func rebind(to parameters: [Parameter]) throws(ConfigurationError) -> Optimizer {
        try Optimizer(parameters: parameters, learningRate: learningRate)
    }

    /// A one-line description in constructor form.
    open var summary: String { "Optimizer(lr=\(learningRate))" }
}

/// Stochastic gradient descent with momentum, Nesterov momentum and L2 weight decay, as `torch.optim.SGD`.
public final class SGD: Optimizer {
    public let momentum: Double, dampening: Double, weightDecay: Double, nesterov: Bool
    private var buffers: [[Float]?]

    public init(parameters: [Parameter], learningRate: Double, momentum: Double = 0, dampening: Double = 0,
                weightDecay: Double = 0, nesterov: Bool = false) throws(ConfigurationError) {
        guard momentum >= 0 else { throw ConfigurationError("momentum must be >= 0, got \(formatShort(momentum))") }
        guard weightDecay >= 0 else { throw ConfigurationError("weight decay must be >= 0, got \(formatShort(weightDecay))") }
        guard !nesterov || (momentum > 0 && dampening == 0) else {
            throw ConfigurationError("Nesterov momentum needs momentum > 0 and dampening 0")
        }
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        buffers = Array(repeating: nil, count: parameters.count)
        try super.init(parameters: parameters, learningRate: learningRate)
    }

    public override func resetState() {
        super.resetState()
        buffers = Array(repeating: nil, count: parameters.count)
    }

    public override func update(_ parameter: Parameter, at index: Int) {
        let lr = Float(learningRate), wd = Float(weightDecay), mu = Float(momentum), damp = Float(dampening)
        let first = buffers[index] == nil
        if momentum != 0 && first { buffers[index] = Array(repeating: 0, count: parameter.count) }
        var buffer = buffers[index] ?? []
        buffers[index] = nil  // keep the array uniquely referenced while it is mutated
        parameter.gradient.withUnsafeBufferPointer { g in
            parameter.value.withUnsafeMutableBufferPointer { p in
                buffer.withUnsafeMutableBufferPointer { b in
                    for i in 0..<p.count {
                        var d = g[i]
                        if wd != 0 { d += wd * p[i] }
                        if mu != 0 {
                            b[i] = first ? d : mu * b[i] + (1 - damp) * d
                            d = nesterov ? d + mu * b[i] : b[i]
                        }
                        p[i] -= lr * d
                    }
                }
            }
        }
        if momentum != 0 { buffers[index] = buffer }
    }

    public override func rebind(to parameters: [Parameter]) throws(ConfigurationError) -> Optimizer {
        try SGD(parameters: parameters, learningRate: learningRate, momentum: momentum, dampening: dampening, weightDecay: weightDecay, nesterov: nesterov)
    }

    public override var summary: String {
        "SGD(lr=\(learningRate), momentum=\(momentum)\(nesterov ? ", nesterov" : "")\(weightDecay != 0 ? ", weight_decay=\(weightDecay)" : ""))"
    }
}

/// Adam and AdamW, following `torch.optim.Adam`/`AdamW`'s single-tensor update step for step.
///
/// Adam adds `weightDecay · p` to the gradient (L2); AdamW instead shrinks `p` by `lr · weightDecay` before
/// the update (decoupled). Bias corrections are computed in Double, the update in Float, with `eps` added after
/// the bias-corrected square root as PyTorch does.
public final class Adam: Optimizer {
    public let beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double
    /// True for AdamW (decoupled weight decay).
    public let decoupled: Bool
    private var firstMoments: [[Float]]
    private var secondMoments: [[Float]]
    private var scratch: [Float] = []
    private var biasStep = -1
    private var biasCorrections = (1.0, 1.0)

    public init(parameters: [Parameter], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0, decoupled: Bool = false) throws(ConfigurationError) {
        guard (0..<1).contains(beta1), (0..<1).contains(beta2) else {
            throw ConfigurationError("betas must be in [0, 1), got (\(formatShort(beta1)), \(formatShort(beta2)))")
        }
        guard epsilon >= 0 else { throw ConfigurationError("eps must be >= 0, got \(formatShort(epsilon))") }
        guard weightDecay >= 0 else { throw ConfigurationError("weight decay must be >= 0, got \(formatShort(weightDecay))") }
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        firstMoments = parameters.map { Array(repeating: 0, count: $0.count) }
        secondMoments = parameters.map { Array(repeating: 0, count: $0.count) }
        try super.init(parameters: parameters, learningRate: learningRate)
    }

    public override func resetState() {
        super.resetState()
        firstMoments = parameters.map { Array(repeating: 0, count: $0.count) }
        secondMoments = parameters.map { Array(repeating: 0, count: $0.count) }
        biasStep = -1
    }

    public override func update(_ parameter: Parameter, at index: Int) {
        if biasStep != stepCount {
            let t = Double(stepCount)
            biasCorrections = (1 - pow(beta1, t), (1 - pow(beta2, t)).squareRoot())
            biasStep = stepCount
        }
        let (biasCorrection1, biasCorrection2Root) = biasCorrections
        let stepSize = Float(learningRate / biasCorrection1)
        let root2 = Float(biasCorrection2Root), eps = Float(epsilon)
        let b1 = Float(1 - beta1), b2 = Float(beta2), oneMinusB2 = Float(1 - beta2)
        let wd = Float(weightDecay), shrink = Float(1 - learningRate * weightDecay), decoupled = self.decoupled
        let count = parameter.count
        if scratch.count < count { scratch = Array(repeating: 0, count: count) }
        parameter.gradient.withUnsafeBufferPointer { gradient in
            parameter.value.withUnsafeMutableBufferPointer { value in
                firstMoments[index].withUnsafeMutableBufferPointer { mean in
                    secondMoments[index].withUnsafeMutableBufferPointer { square in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            guard var g = gradient.baseAddress, let p = value.baseAddress,
                                  let m = mean.baseAddress, let v = square.baseAddress, let s = scratch.baseAddress else { return }
                            // Weight decay first, in its own pass, as PyTorch does (it leaves .grad untouched).
                            if wd != 0 && decoupled {
                                for i in 0..<count { p[i] *= shrink }
                            } else if wd != 0 {
                                for i in 0..<count { s[i] = g[i] + wd * p[i] }
                                g = UnsafePointer(s)
                            }
                            sps_adam_update(count, g, p, m, v, b1, b2, oneMinusB2, stepSize, root2, eps)
                        }
                    }
                }
            }
        }
    }

    public override func rebind(to parameters: [Parameter]) throws(ConfigurationError) -> Optimizer {
        try Adam(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay, decoupled: decoupled)
    }

    public override var summary: String {
        "\(decoupled ? "AdamW" : "Adam")(lr=\(learningRate), betas=(\(beta1), \(beta2)), eps=\(epsilon)\(weightDecay != 0 ? ", weight_decay=\(weightDecay)" : ""))"
    }
}

#if canImport(Glibc)
import Glibc
#endif

extension SIMD8 where Scalar == Float {
    /// Loads eight consecutive floats.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    /// Stores eight consecutive floats.
    @inline(__always)
    func store(to pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: SIMD8<Float>.self)
    }
}

import SPSNumeric
#if canImport(Glibc)
import Glibc
#endif

/// A learning-rate schedule stepped once per epoch, reproducing PyTorch's chainable (recursive) formulas.
///
/// `step(_:)` is called at the end of each epoch with the optimizer; it advances the epoch counter and sets
/// the optimizer's learning rate exactly as `StepLR`, `MultiStepLR`, `ExponentialLR` and `CosineAnnealingLR` do.
public struct Schedule: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of schedule.
    public enum Kind: Sendable, Equatable {
        /// Multiply by `gamma` every `stepSize` epochs.
        case step(stepSize: Int, gamma: Double)
        /// Multiply by `gamma` at each listed epoch.
        case multiStep(milestones: [Int], gamma: Double)
        /// Multiply by `gamma` every epoch.
        case exponential(gamma: Double)
        /// Cosine annealing from the base rate to `minimum` over `period` epochs.
        case cosine(period: Int, minimum: Double)
    }

    public let kind: Kind
    /// Epochs completed (PyTorch's `last_epoch`).
    public private(set) var epoch = 0
    /// The learning rate at epoch 0, captured on the first step.
    public private(set) var baseRate: Double?

    /// Creates a schedule, checking its settings.
    public init(_ kind: Kind) throws(ConfigurationError) {
        switch kind {
        case .step(let size, let gamma):
            guard size >= 1 else { throw ConfigurationError("steplr: every must be an integer >= 1, got \(size)") }
            guard gamma > 0 else { throw ConfigurationError("steplr: gamma must be > 0, got \(formatShort(gamma))") }
        case .multiStep(let milestones, let gamma):
            guard milestones == milestones.sorted(), milestones.allSatisfy({ $0 >= 1 }) else {
                throw ConfigurationError("multisteplr: milestones must be increasing epochs >= 1, got \(milestones)")
            }
            guard gamma > 0 else { throw ConfigurationError("multisteplr: gamma must be > 0, got \(formatShort(gamma))") }
        case .exponential(let gamma):
            guard gamma > 0 else { throw ConfigurationError("explr: gamma must be > 0, got \(formatShort(gamma))") }
        case .cosine(let period, let minimum):
            guard period >= 1 else { throw ConfigurationError("cosine: period must be an integer >= 1, got \(period)") }
            guard minimum >= 0 else { throw ConfigurationError("cosine: min must be >= 0, got \(formatShort(minimum))") }
        }
        self.kind = kind
    }

    /// Ends an epoch: advances the counter and sets the optimizer's learning rate for the next epoch.
    public mutating func step(_ optimizer: Optimizer) {
        let base = baseRate ?? optimizer.learningRate
        baseRate = base
        let lr = optimizer.learningRate
        epoch += 1
        let e = epoch
        switch kind {
        case .step(let size, let gamma):
            if e % size == 0 { optimizer.learningRate = lr * gamma }
        case .multiStep(let milestones, let gamma):
            let hits = milestones.filter { $0 == e }.count
            if hits > 0 { optimizer.learningRate = lr * pow(gamma, Double(hits)) }
        case .exponential(let gamma):
            optimizer.learningRate = lr * gamma
        case .cosine(let period, let minimum):
            let t = Double(period)
            if (e - 1 - period) % (2 * period) == 0 {
                optimizer.learningRate = lr + (base - minimum) * (1 - cos(Double.pi / t)) / 2
            } else {
                optimizer.learningRate = (1 + cos(Double.pi * Double(e) / t)) / (1 + cos(Double.pi * Double(e - 1) / t)) * (lr - minimum) + minimum
            }
        }
    }

    public var description: String {
        switch kind {
        case .step(let size, let gamma): "StepLR(every=\(size), gamma=\(gamma))"
        case .multiStep(let milestones, let gamma): "MultiStepLR(milestones=\(milestones), gamma=\(gamma))"
        case .exponential(let gamma): "ExponentialLR(gamma=\(gamma))"
        case .cosine(let period, let minimum): "CosineAnnealingLR(period=\(period), min=\(minimum))"
        }
    }
}

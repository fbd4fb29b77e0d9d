import Foundation
import SPSNumeric
import SPSTestSupport
import SPSTraining
import Testing

// PyTorch reference tests.
//
// `Reference/torch_reference.json` is written by `benchmarks/reference/make_torch_reference.py` (PyTorch in a
// throw-away virtual environment outside the repository). It holds 500 rows of case-study data, the initial
// weights of Linear(3, 1) and of an MLP 3-64-64-1, and for each case PyTorch's loss at every step and its final
// parameters, trained with a fixed batch order (consecutive rows, batch 32, last partial batch of 20 rows,
// scheduler stepped at each epoch's end). Here sps trains the same models from the same weights on the same
// batches (`TrainingLoop(shuffle: false)`) and must agree:
//
// * every per-step loss and every final parameter within 1e-4 relative, where "relative" is taken against
//   max(|sps|, |torch|, 1e-3): values below 1e-3 in magnitude must agree to 1e-7 absolute;
// * learning-rate sequences of the schedules within 1e-12 relative.

/// The tolerance of the training comparisons, and the magnitude below which it becomes absolute.
private let relativeTolerance = 1e-4
private let magnitudeFloor = 1e-3
/// The tolerance of the schedule comparisons.
private let scheduleTolerance = 1e-12

// MARK: - The reference file

private struct TorchReference: Decodable, Sendable {
    struct Data: Decodable, Sendable {
        var rows: Int
        var columns: Int
        var featureNames: [String]
        var targetName: String
        var features: [Double]
        var target: [Double]
    }

    struct LinearParameters: Decodable, Sendable {
        var shape: [Int]
        var weight: [Double]
        var bias: [Double]
    }

    struct OptimizerSpec: Decodable, Sendable {
        var kind: String
        var lr: Double
        var weightDecay: Double
        var momentum: Double?
        var dampening: Double?
        var nesterov: Bool?
    }

    struct ScheduleSpec: Decodable, Sendable {
        var kind: String
        var stepSize: Int?
        var gamma: Double?
        var milestones: [Int]?
        var tMax: Int?
        var etaMin: Double?
    }

    struct LossSpec: Decodable, Sendable {
        var kind: String
        var delta: Double?
    }

    struct TrainingCase: Decodable, Sendable {
        var name: String
        var model: String
        var activation: String?
        var optimizer: OptimizerSpec
        var schedule: ScheduleSpec?
        var loss: LossSpec
        var steps: Int
        var batchSize: Int
        var losses: [Double]
        var final: [LinearParameters]
        var finalLr: Double
    }

    struct ScheduleCase: Decodable, Sendable {
        var name: String
        var schedule: ScheduleSpec
        var initialLr: Double
        var epochs: Int
        var lrs: [Double]
    }

    var torchVersion: String
    var data: Data
    var initial: [String: [LinearParameters]]
    var trainingCases: [TrainingCase]
    var scheduleCases: [ScheduleCase]

    static func load() throws -> TorchReference {
        guard let url = Bundle.module.url(forResource: "torch_reference", withExtension: "json", subdirectory: "Reference") else {
            throw ReferenceError("Reference/torch_reference.json is not in the test bundle")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(TorchReference.self, from: Foundation.Data(contentsOf: url))
    }

    /// The file, read once.
    static let shared: Result<TorchReference, any Error> = Result { try load() }

    func trainingCase(_ name: String) throws -> TrainingCase {
        guard let found = trainingCases.first(where: { $0.name == name }) else {
            throw ReferenceError("no training case \(name) in torch_reference.json")
        }
        return found
    }
}

private struct ReferenceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The cases the generator writes; listed here so that a missing file fails every test instead of none.
private let trainingCaseNames = [
    "linear_adam_steplr",
    "mlp_relu_adam_steplr",
    "linear_sgd_nesterov_wd",
    "linear_sgd_plain",
    "linear_sgd_momentum_dampening",
    "linear_adamw_wd",
    "linear_adam_l2",
    "mlp_tanh_adam",
    "mlp_leaky_relu_adam",
    "linear_l1_adam",
    "linear_huber_adam",
]

private let scheduleCaseNames = ["steplr", "multisteplr", "exponentiallr", "cosineannealinglr"]

// MARK: - Building sps objects from the descriptions

private func floats(_ values: [Double]) -> [Float] { values.map { Float($0) } }

private func makeDataset(_ data: TorchReference.Data) throws -> Dataset {
    try Dataset(
        features: Tensor(shape: [data.rows, data.columns], storage: floats(data.features)),
        target: Tensor(floats(data.target)),
        featureNames: data.featureNames, targetName: data.targetName)
}

private func makeModel(_ kind: String, activation: String?, parameters: [TorchReference.LinearParameters]) throws -> any Layer {
    let linears = try parameters.map {
        try Linear(weight: Tensor(shape: $0.shape, storage: floats($0.weight)), bias: Tensor(floats($0.bias)))
    }
    switch kind {
    case "linear":
        guard linears.count == 1 else { throw ReferenceError("a linear model has one layer, got \(linears.count)") }
        return linears[0]
    case "mlp":
        guard let name = activation, let activationKind = ActivationKind(name: name) else {
            throw ReferenceError("unknown activation \(activation ?? "nil")")
        }
        var layers: [any Layer] = []
        for (index, linear) in linears.enumerated() {
            layers.append(linear)
            if index < linears.count - 1 { layers.append(Activation(activationKind)) }
        }
        return Sequential(layers)
    default:
        throw ReferenceError("unknown model \(kind)")
    }
}

private func makeOptimizer(_ spec: TorchReference.OptimizerSpec, parameters: [Parameter]) throws -> Optimizer {
    switch spec.kind {
    case "adam", "adamw":
        return try Adam(parameters: parameters, learningRate: spec.lr, weightDecay: spec.weightDecay, decoupled: spec.kind == "adamw")
    case "sgd":
        return try SGD(
            parameters: parameters, learningRate: spec.lr, momentum: spec.momentum ?? 0, dampening: spec.dampening ?? 0,
            weightDecay: spec.weightDecay, nesterov: spec.nesterov ?? false)
    default:
        throw ReferenceError("unknown optimizer \(spec.kind)")
    }
}

private func makeSchedule(_ spec: TorchReference.ScheduleSpec) throws -> Schedule {
    switch spec.kind {
    case "step": return try Schedule(.step(stepSize: spec.stepSize ?? 0, gamma: spec.gamma ?? 0))
    case "multistep": return try Schedule(.multiStep(milestones: spec.milestones ?? [], gamma: spec.gamma ?? 0))
    case "exponential": return try Schedule(.exponential(gamma: spec.gamma ?? 0))
    case "cosine": return try Schedule(.cosine(period: spec.tMax ?? 0, minimum: spec.etaMin ?? 0))
    default: throw ReferenceError("unknown schedule \(spec.kind)")
    }
}

private func makeLoss(_ spec: TorchReference.LossSpec) throws -> Loss {
    switch spec.kind {
    case "mse": return .mse
    case "l1": return .l1
    case "huber": return .huber(delta: Float(spec.delta ?? 1))
    default: throw ReferenceError("unknown loss \(spec.kind)")
    }
}

/// The largest |a − b| / max(|a|, |b|, floor) over two equal-length lists.
private func maxRelativeError(_ a: [Double], _ b: [Double], floor: Double = magnitudeFloor) -> Double {
    maxRelativeDifference(a, b, floor: floor)
}

/// The index and values of the worst element, for failure messages.
private func worst(_ a: [Double], _ b: [Double], floor: Double = magnitudeFloor) -> String {
    guard let index = a.indices.max(by: {
        abs(a[$0] - b[$0]) / max(floor, abs(a[$0]), abs(b[$0])) < abs(a[$1] - b[$1]) / max(floor, abs(a[$1]), abs(b[$1]))
    }) else { return "none" }
    return "index \(index): sps \(a[index]) vs torch \(b[index])"
}

// MARK: - Tests

@Suite("PyTorch reference")
struct TorchReferenceTests {
    @Test("the reference file loads and holds every case")
    func referenceFileIsComplete() throws {
        let reference = try TorchReference.shared.get()
        #expect(reference.trainingCases.map(\.name).sorted() == trainingCaseNames.sorted())
        #expect(reference.scheduleCases.map(\.name).sorted() == scheduleCaseNames.sorted())
        #expect(reference.data.rows == 500 && reference.data.features.count == 1500 && reference.data.target.count == 500)
        #expect(reference.initial["linear"]?.map(\.shape) == [[1, 3]])
        #expect(reference.initial["mlp"]?.map(\.shape) == [[64, 3], [64, 64], [1, 64]])
    }

    @Test("training matches PyTorch step for step", arguments: trainingCaseNames)
    func training(_ name: String) throws {
        let reference = try TorchReference.shared.get()
        let testCase = try reference.trainingCase(name)
        let initial = try #require(reference.initial[testCase.model])
        let model = try makeModel(testCase.model, activation: testCase.activation, parameters: initial)
        let optimizer = try makeOptimizer(testCase.optimizer, parameters: model.parameters)
        let loop = try TrainingLoop(
            model: model, data: makeDataset(reference.data), loss: makeLoss(testCase.loss), optimizer: optimizer,
            schedule: testCase.schedule.map(makeSchedule), batchSize: testCase.batchSize, shuffle: false)

        var losses: [Double] = []
        for _ in 0..<testCase.steps { losses.append(Double(try loop.takeStep())) }

        let expectedParameters = testCase.final.flatMap { [$0.weight, $0.bias] }
        let parameters = model.parameters.map { $0.value.storage.map(Double.init) }
        try #require(parameters.count == expectedParameters.count)
        for (index, (actual, expected)) in zip(parameters, expectedParameters).enumerated() {
            try #require(actual.count == expected.count, "parameter \(index) has \(actual.count) values, torch \(expected.count)")
        }
        let actualFlat = parameters.flatMap { $0 }, expectedFlat = expectedParameters.flatMap { $0 }

        let lossError = maxRelativeError(losses, testCase.losses)
        let parameterError = maxRelativeError(actualFlat, expectedFlat)
        print("torch reference \(name): \(testCase.steps) steps, max relative error: losses \(lossError), final parameters \(parameterError)")

        #expect(losses.count == testCase.losses.count)
        #expect(lossError <= relativeTolerance, "per-step loss: \(worst(losses, testCase.losses))")
        #expect(parameterError <= relativeTolerance, "final parameter: \(worst(actualFlat, expectedFlat))")
        #expect(isClose(loop.learningRate, testCase.finalLr, relative: scheduleTolerance, absolute: 0),
                "final learning rate \(loop.learningRate) vs torch \(testCase.finalLr)")
    }

    @Test("schedules match PyTorch's learning rates epoch by epoch", arguments: scheduleCaseNames)
    func schedule(_ name: String) throws {
        let reference = try TorchReference.shared.get()
        let testCase = try #require(reference.scheduleCases.first { $0.name == name })
        let parameter = Parameter(name: "p", value: Tensor.zeros([1]))
        let optimizer = try SGD(parameters: [parameter], learningRate: testCase.initialLr)
        var schedule = try makeSchedule(testCase.schedule)
        var rates: [Double] = []
        for _ in 0..<testCase.epochs {
            optimizer.step()
            schedule.step(optimizer)
            rates.append(optimizer.learningRate)
        }
        let error = maxRelativeDifference(rates, testCase.lrs, floor: 1e-300)
        print("torch reference schedule \(name): \(testCase.epochs) epochs, max relative error \(error)")
        #expect(rates.count == testCase.lrs.count)
        #expect(error <= scheduleTolerance, "learning rate: \(worst(rates, testCase.lrs, floor: 1e-300))")
    }
}

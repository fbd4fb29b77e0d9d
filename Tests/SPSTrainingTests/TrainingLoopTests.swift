import Testing
import SPSNumeric
import SPSTestSupport
@testable import SPSTraining

/// The training loop, model descriptions, initialisation, and parallel runs.
@Suite struct TrainingLoopTests {
    func makeLoop(seed: UInt64, rows: Int = 300, mlp: Bool = true, augment: Bool = false) throws -> TrainingLoop {
        var data = RandomStream(seed: seed, purpose: .data)
        let train = SpuriousGenerator().generate(rows: rows, rng: &data)
        var initialization = RandomStream(seed: seed, purpose: .initialization)
        let model: any Layer = mlp ? Sequential.mlp(sizes: [3, 16, 1], activation: .relu, rng: &initialization) : Linear(3, 1, rng: &initialization)
        return try TrainingLoop(model: model, data: train, optimizer: Adam(parameters: model.parameters, learningRate: 1e-3),
                                schedule: Schedule(.step(stepSize: 2, gamma: 0.5)), batchSize: 32,
                                augmentation: augment ? Augmentation.noise(column: "x3", std: .constant(30), probability: 1) : nil, seed: seed)
    }

    @Test func stepByStepEqualsAllAtOnce() throws {
        let stepwise = try makeLoop(seed: 4, augment: true), whole = try makeLoop(seed: 4, augment: true)
        for _ in 0..<7 { try stepwise.takeStep() }
        try stepwise.runEpoch()          // finishes epoch 1
        try stepwise.run(epochs: 2)      // epochs 2 and 3
        try whole.run(epochs: 3)
        #expect(stepwise.epoch == 3 && whole.epoch == 3)
        #expect(stepwise.step == whole.step)
        for (a, b) in zip(stepwise.model.parameters, whole.model.parameters) {
            #expect(a.value.storage.map(\.bitPattern) == b.value.storage.map(\.bitPattern))
        }
        #expect(stepwise.history == whole.history)
    }

    @Test func epochsIncludeTheLastPartialBatchAndStepTheSchedule() throws {
        let loop = try makeLoop(seed: 1, rows: 70)
        try loop.run(epochs: 4)
        #expect(loop.step == 12)  // 32 + 32 + 6 per epoch
        #expect(loop.history.map(\.learningRate) == [1e-3, 1e-3, 5e-4, 5e-4])
        #expect(loop.learningRate == 2.5e-4)
    }

    @Test func sameSeedSameWeightsOtherSeedOtherWeights() throws {
        let a = try makeLoop(seed: 8), b = try makeLoop(seed: 8), c = try makeLoop(seed: 9)
        for loop in [a, b, c] { try loop.run(epochs: 1) }
        #expect(a.model.parameters[0].value == b.model.parameters[0].value)
        #expect(a.model.parameters[0].value != c.model.parameters[0].value)
    }

    @Test func augmentationDoesNotChangeInitialWeightsOrBatchOrder() throws {
        let plain = try makeLoop(seed: 2), augmented = try makeLoop(seed: 2, augment: true)
        #expect(plain.model.parameters[0].value == augmented.model.parameters[0].value)
    }

    @Test func divergenceStopsWithTheEpochAndLastFiniteLoss() throws {
        var data = RandomStream(seed: 0, purpose: .data)
        let train = SpuriousGenerator().generate(rows: 200, rng: &data)
        var initialization = RandomStream(seed: 0, purpose: .initialization)
        let model = Linear(3, 1, rng: &initialization)
        let loop = try TrainingLoop(model: model, data: train, optimizer: SGD(parameters: model.parameters, learningRate: 10), batchSize: 32)
        let outcome = Result { () throws(TrainingError) in try loop.run(epochs: 50) }
        guard case .failure(let error) = outcome else { Issue.record("expected divergence"); return }
        #expect(error == .diverged(epoch: loop.epoch, step: loop.step + 1, lastFiniteLoss: loop.lastLoss))
        #expect(loop.lastLoss?.isFinite == true)
        #expect(error.description.contains("the last finite loss was"))
    }

    @Test func linearUsesPyTorchDefaultInitialisationBounds() {
        var rng = RandomStream(seed: 0, purpose: .initialization)
        let layer = Linear(64, 64, rng: &rng)
        let bound: Float = 1 / 8
        let values = layer.weight.value.storage + layer.bias.value.storage
        #expect(values.allSatisfy { abs($0) <= bound })
        #expect(values.max()! > 0.9 * bound && values.min()! < -0.9 * bound)
        let mean = values.reduce(0, +) / Float(values.count)
        #expect(abs(mean) < 0.01)
    }

    @Test func modelsPrintInConstructorFormWithParameterCounts() {
        var rng = RandomStream(seed: 0, purpose: .initialization)
        #expect(Linear(3, 1, rng: &rng).description == "Linear(3 => 1)  # 4 parameters")
        let mlp = Sequential.mlp(sizes: [3, 64, 64, 1], activation: .relu, rng: &rng)
        #expect(mlp.parameterCount == 4481)
        #expect(mlp.description == """
        Chain(
          Linear(3 => 64)  # 256 parameters
          ReLU()
          Linear(64 => 64)  # 4_160 parameters
          ReLU()
          Linear(64 => 1)  # 65 parameters
        )  # 4_481 parameters total
        """)
    }

    @Test func shapeErrorsNameTheLayerAndBothSizes() throws {
        var rng = RandomStream(seed: 0, purpose: .initialization)
        let layer = Linear(3, 1, rng: &rng)
        #expect(throws: TensorError("Linear(3 => 1) expects 3 input columns, got 2 (input shape [4, 2])")) {
            _ = try layer.forward(Tensor.zeros([4, 2]))
        }
    }

    @Test func settingsAreValidatedWithMessagesSayingWhatIsAllowed() {
        #expect(throws: ConfigurationError.self) { try Adam(parameters: [], beta1: 1) }
        #expect(throws: ConfigurationError.self) { try SGD(parameters: [], learningRate: -1) }
        #expect(throws: ConfigurationError.self) { try SGD(parameters: [], learningRate: 0.1, nesterov: true) }
        #expect(throws: ConfigurationError.self) { try Schedule(.step(stepSize: 0, gamma: 0.5)) }
        #expect(throws: ConfigurationError.self) { try Schedule(.multiStep(milestones: [5, 2], gamma: 0.5)) }
        do { _ = try Adam(parameters: [], beta2: 1.5) } catch { #expect(error.message == "betas must be in [0, 1), got (0.9, 1.5)") }
    }

    @Test func parallelRunsDoNotDependOnThreadCount() {
        let job: @Sendable (Int) -> [Float] = { index in
            let loop = try? makeLoopStatic(seed: UInt64(index))
            try? loop?.run(epochs: 1)
            return loop?.model.parameters[0].value.storage ?? []
        }
        let one = ParallelRuns.map(count: 6, threads: 1, job), two = ParallelRuns.map(count: 6, threads: 2, job)
        #expect(one == two)
        #expect(one.count == 6 && Set(one.map { $0.first ?? 0 }).count == 6)
    }

    @Test func spuriousCorrelationMatchesItsClosedForm() throws {
        // corr(x3, y) = (Var y / f) / sqrt(Var y · (Var y / f² + σ3²)), with Var y = 1 + 4 + 1 = 6.
        for factor in [0.2, 0.1] {
            var rng = RandomStream(seed: 12, purpose: .data)
            let data = SpuriousGenerator(factor: .constant(factor)).generate(rows: 50_000, rng: &rng)
            let x3 = try data.features.column(2).storage.map(Double.init), y = data.target.storage.map(Double.init)
            let expected = (6 / factor) / (6 * (6 / (factor * factor) + 9)).squareRoot()
            #expect(abs(SPSTraining.correlation(x3, y) - expected) < 0.005, "factor \(factor)")
        }
    }
}

/// A loop built from a seed alone, for jobs that run on other threads.
func makeLoopStatic(seed: UInt64) throws -> TrainingLoop {
    var data = RandomStream(seed: seed, purpose: .data)
    let train = SpuriousGenerator().generate(rows: 100, rng: &data)
    var initialization = RandomStream(seed: seed, purpose: .initialization)
    let model = Sequential.mlp(sizes: [3, 8, 1], activation: .tanh, rng: &initialization)
    return try TrainingLoop(model: model, data: train, optimizer: Adam(parameters: model.parameters), batchSize: 16, seed: seed)
}

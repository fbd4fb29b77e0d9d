import SPSNumeric

/// Why training stopped early.
public enum TrainingError: CoreError, Equatable, Sendable {
    /// The loss became NaN or infinite.
    case diverged(epoch: Int, step: Int, lastFiniteLoss: Float?)
    /// A shape or setting problem found while running.
    case invalid(String)

    public var message: String {
        switch self {
        case .diverged(let epoch, let step, let last):
            "training diverged: the loss became non-finite at epoch \(epoch + 1), step \(step)"
                + (last.map { "; the last finite loss was \(Tensor.formatNumber($0))" } ?? "")
        case .invalid(let message): message
        }
    }
}

/// One row of a loop's history: the state at the end of an epoch.
public struct EpochRecord: Sendable, Equatable {
    /// The epoch number, counting from 1.
    public var epoch: Int
    /// The learning rate used during the epoch.
    public var learningRate: Double
    /// The mean of the epoch's batch losses.
    public var trainLoss: Double
    /// Metrics on evaluation sets, by column name (e.g. `ood_rmse`).
    public var evaluations: [String: Double] = [:]
}

/// One mini-batch as a custom objective sees it: features (rows × width), target (rows) and, when the data has
/// them, the rows' environment tags.
public struct ObjectiveBatch {
    /// The batch's features after augmentation, rows × width.
    public var features: Tensor
    /// The batch's target, one per row.
    public var target: Tensor
    /// The environment tag of each row, when the data has tags.
    public var environment: Tensor?

    /// Creates a batch.
    public init(features: Tensor, target: Tensor, environment: Tensor?) {
        self.features = features
        self.target = target
        self.environment = environment
    }

    /// Overwrites the batch with `rows` rows, in place when its tensors are not shared and already of that size.
    mutating func fill(features source: UnsafePointer<Float>, target targets: UnsafePointer<Float>, rows: Int, width: Int) {
        if features.shape != [rows, width] { features = Tensor.zeros([rows, width]) }
        if target.shape != [rows] { target = Tensor.zeros([rows]) }
        features.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: source, count: rows * width) }
        target.withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: targets, count: rows) }
    }

    /// Overwrites the environment tags with `tag(r)` for each of `rows` rows.
    mutating func fillEnvironment(rows: Int, tag: (Int) -> Float) {
        if environment?.shape != [rows] { environment = Tensor.zeros([rows]) }
        environment?.withUnsafeMutableBufferPointer { p in for r in 0..<rows { p[r] = tag(r) } }
    }
}

/// A custom objective: the loss of a batch (or of a batch per environment), with the parameters' gradients added
/// into their `gradient` (by `Autodiff.backward`).
public typealias Objective = (_ batches: [ObjectiveBatch]) throws(TrainingError) -> Float

/// A mini-batch training loop that can be advanced a step, an epoch, or many epochs at a time.
///
/// Each epoch visits the rows in a fresh random order from the `shuffle` stream (unless `shuffle` is off),
/// in batches of `batchSize` with a last partial batch, applies the augmentation to each batch with the
/// `augmentation` stream, takes one optimizer step per batch, and steps the schedule at the end of the
/// epoch. All buffers are allocated up front: a step allocates nothing. Stepping N times and running
/// gives exactly the weights of running all at once.
public final class TrainingLoop {
    public let model: any Layer
    public let data: Dataset
    public let loss: Loss
    public let optimizer: Optimizer
    public var schedule: Schedule?
    public let batchSize: Int
    public let augmentation: ResolvedAugmentation?
    public let shuffle: Bool
    /// Called at the end of each epoch to add evaluation columns to its history record.
    public var evaluate: ((any Layer) -> [String: Double])?

    /// Completed epochs.
    public private(set) var epoch = 0
    /// Optimizer steps taken.
    public private(set) var step = 0
    /// The loss of the last batch.
    public private(set) var lastLoss: Float?
    /// One record per completed epoch.
    public private(set) var history: [EpochRecord] = []

    /// A custom objective (written in sps): computes each batch's loss and its gradients instead of `loss`.
    ///
    /// Set before the first step. The loop zeroes the gradients, calls it with the batch (or, with per-environment
    /// batches, a batch from every environment), and steps the optimizer with what it left in the parameters'
    /// gradients; it returns the loss. An error it throws leaves the loop where it was (the batch is drawn again).
    public var objective: Objective?
    /// Rows of each environment (ascending tag), when every step draws a batch from every environment.
    public private(set) var environments: [(tag: Int, rows: [Int])]?

    private var shuffleStream: RandomStream
    private var augmentationStream: RandomStream
    private var order: [Int]
    private var position = 0
    /// Whether `order` must be shuffled before the next batch is drawn (at the start of each epoch).
    private var needsShuffle = true
    /// Per environment: the visiting order, how far this epoch has got, and whether to shuffle before the next draw.
    private var environmentOrders: [[Int]] = []
    private var environmentPositions: [Int] = []
    private var environmentNeedsShuffle: [Bool] = []
    /// The batches handed to `objective`, reused from step to step.
    private var objectiveBatches: [ObjectiveBatch] = []
    private var epochLossSum = 0.0
    private var epochBatches = 0
    private var epochLearningRate: Double
    private let featureBatch = MatrixBuffer()
    private let targetBatch = MatrixBuffer()
    private let lossGradient = MatrixBuffer()

    /// Creates a loop; `seed` keys the shuffle and augmentation streams.
    public init(model: any Layer, data: Dataset, loss: Loss = .mse, optimizer: Optimizer, schedule: Schedule? = nil,
                batchSize: Int = 32, augmentation: Augmentation? = nil, shuffle: Bool = true, seed: UInt64 = 0) throws(TrainingError) {
        guard batchSize >= 1 else { throw .invalid("batch size must be an integer >= 1, got \(batchSize)") }
        guard data.count >= 1 else { throw .invalid("cannot train on an empty dataset") }
        // NaN or Inf in the data (e.g. from a CSV) would only show up as "diverged at step 1": name the column.
        if let bad = Self.nonFiniteColumn(data) {
            throw .invalid("cannot train: column '\(bad.name)' has a non-finite value (\(bad.value)) in row \(bad.row + 1); drop or replace NaN and Inf first")
        }
        self.model = model
        self.data = data
        self.loss = loss
        self.optimizer = optimizer
        self.schedule = schedule
        self.batchSize = batchSize
        do {
            self.augmentation = try augmentation?.resolve(features: data.featureNames)
        } catch {
            throw .invalid(error.message)
        }
        self.shuffle = shuffle
        shuffleStream = RandomStream(seed: seed, purpose: .shuffle)
        augmentationStream = RandomStream(seed: seed, purpose: .augmentation)
        order = Array(0..<data.count)
        epochLearningRate = optimizer.learningRate
        let rows = min(batchSize, data.count)
        featureBatch.resize(rows: rows, columns: data.width)
        targetBatch.resize(rows: rows, columns: 1)
        lossGradient.resize(rows: rows, columns: 1)
    }

    /// The learning rate the next step will use.
    public var learningRate: Double {
        get { optimizer.learningRate }
        set { optimizer.learningRate = newValue }
    }

    /// Whether the current epoch is part-way through.
    public var isMidEpoch: Bool { position > 0 }

    /// Steps taken so far in the current, unfinished epoch (0 at an epoch boundary).
    public var stepsIntoEpoch: Int { (position + batchSize - 1) / batchSize }

    /// Optimizer steps in one epoch (the last batch may be partial).
    public var stepsPerEpoch: Int { (epochRows + batchSize - 1) / batchSize }

    /// Steps still to take to finish `epochs` more epochs (the current partial epoch counts as one).
    public func stepsRemaining(epochs: Int) -> Int {
        guard epochs > 0 else { return 0 }
        return epochs * stepsPerEpoch - stepsIntoEpoch
    }

    /// Takes one optimizer step on the next batch and returns its loss.
    @discardableResult
    public func takeStep() throws(TrainingError) -> Float {
        if environments != nil { return try takePerEnvironmentStep() }
        let n = data.count
        if position == 0 {
            epochLearningRate = optimizer.learningRate
            if shuffle && needsShuffle {
                for i in 0..<n { order[i] = i }
                shuffleStream.shuffle(&order)
            }
            needsShuffle = false
        }
        let rows = min(batchSize, n - position)
        let width = data.width
        featureBatch.resize(rows: rows, columns: width)
        targetBatch.resize(rows: rows, columns: 1)
        lossGradient.resize(rows: rows, columns: 1)
        data.features.withUnsafeBufferPointer { x in
            data.target.withUnsafeBufferPointer { y in
                for r in 0..<rows {
                    let source = order[position + r]
                    (featureBatch.pointer + r * width).update(from: x.baseAddress! + source * width, count: width)
                    targetBatch.pointer[r] = y[source]
                }
            }
        }
        let savedAugmentation = augmentationStream
        augmentation?.apply(to: featureBatch, rng: &augmentationStream)
        let value: Float
        do throws(TrainingError) {
            if let objective {
                fillObjectiveBatch(0, rows: rows, tags: data.environment) { order[position + $0] }
                optimizer.zeroGradients()
                value = try objective(objectiveBatches)
            } else {
                optimizer.zeroGradients()
                let prediction: MatrixBuffer
                do {
                    prediction = try model.forward(featureBatch)
                } catch {
                    throw .invalid(error.message)
                }
                guard prediction.count == rows else {
                    throw .invalid("the model gives \(prediction.columns) outputs per row but the target has 1")
                }
                value = loss.evaluate(prediction: prediction.pointer, target: targetBatch.pointer, count: rows, gradient: lossGradient.pointer)
                if value.isFinite { _ = model.backward(lossGradient, inputGradient: false) }
            }
            guard value.isFinite else { throw .diverged(epoch: epoch, step: step + 1, lastFiniteLoss: lastLoss) }
        } catch {
            // The batch is drawn again by the next step: the augmentation replays the same noise.
            augmentationStream = savedAugmentation
            throw error
        }
        optimizer.step()
        lastLoss = value
        step += 1
        position += rows
        epochLossSum += Double(value)
        epochBatches += 1
        if position >= n { finishEpoch() }
        return value
    }

    // MARK: - Custom objectives and per-environment batches

    /// Draws a batch from every environment at each step (the data must carry environment tags), for objectives
    /// that compare environments. Call before the first step, with `objective` set.
    ///
    /// An epoch is the steps that visit the largest environment once (its last batch may be partial); a smaller
    /// environment is reshuffled and visited again whenever it runs out, so every step sees every environment.
    public func drawPerEnvironment() throws(TrainingError) {
        guard step == 0 else { throw .invalid("per-environment batches must be chosen before the first step") }
        guard let tags = data.environment, tags.count == data.count else {
            throw .invalid("per-environment batches need data with environment tags (concat, or env= of dataset or load)")
        }
        var rowsByTag: [Int: [Int]] = [:]
        for (row, tag) in tags.enumerated() { rowsByTag[tag, default: []].append(row) }
        let groups = rowsByTag.keys.sorted().map { (tag: $0, rows: rowsByTag[$0] ?? []) }
        environments = groups
        environmentOrders = groups.map { Array(0..<$0.rows.count) }
        environmentPositions = Array(repeating: 0, count: groups.count)
        environmentNeedsShuffle = Array(repeating: true, count: groups.count)
        position = 0
    }

    /// The number of rows an epoch counts: every row, or the largest environment's with per-environment batches.
    private var epochRows: Int {
        guard let environments else { return data.count }
        return environments.map(\.rows.count).max() ?? 0
    }

    /// One step of per-environment batches: `batchSize` rows (fewer when an environment is smaller or at its end)
    /// from each environment, the loss from `objective`.
    private func takePerEnvironmentStep() throws(TrainingError) -> Float {
        guard let environments, let objective else { throw .invalid("per-environment batches need an objective") }
        if position == 0 { epochLearningRate = optimizer.learningRate }
        let savedAugmentation = augmentationStream
        let savedShuffle = shuffleStream
        let savedOrders = environmentOrders
        let savedFlags = environmentNeedsShuffle
        var taken: [Int] = []
        taken.reserveCapacity(environments.count)
        let width = data.width
        for (e, group) in environments.enumerated() {
            if environmentPositions[e] == 0 && environmentNeedsShuffle[e] {
                if shuffle {
                    for i in environmentOrders[e].indices { environmentOrders[e][i] = i }
                    shuffleStream.shuffle(&environmentOrders[e])
                }
                environmentNeedsShuffle[e] = false
            }
            let start = environmentPositions[e]
            let rows = min(batchSize, group.rows.count - start)
            featureBatch.resize(rows: rows, columns: width)
            targetBatch.resize(rows: rows, columns: 1)
            let order = environmentOrders[e]
            data.features.withUnsafeBufferPointer { x in
                data.target.withUnsafeBufferPointer { y in
                    for r in 0..<rows {
                        let source = group.rows[order[start + r]]
                        (featureBatch.pointer + r * width).update(from: x.baseAddress! + source * width, count: width)
                        targetBatch.pointer[r] = y[source]
                    }
                }
            }
            augmentation?.apply(to: featureBatch, rng: &augmentationStream)
            fillObjectiveBatch(e, rows: rows, tags: data.environment) { group.rows[order[start + $0]] }
            taken.append(rows)
        }
        let value: Float
        do throws(TrainingError) {
            optimizer.zeroGradients()
            value = try objective(objectiveBatches)
            guard value.isFinite else { throw .diverged(epoch: epoch, step: step + 1, lastFiniteLoss: lastLoss) }
        } catch {
            augmentationStream = savedAugmentation
            shuffleStream = savedShuffle
            environmentOrders = savedOrders
            environmentNeedsShuffle = savedFlags
            throw error
        }
        optimizer.step()
        for (e, rows) in taken.enumerated() {
            environmentPositions[e] += rows
            if environmentPositions[e] >= environments[e].rows.count {
                environmentPositions[e] = 0
                environmentNeedsShuffle[e] = true
            }
        }
        lastLoss = value
        step += 1
        position += batchSize
        epochLossSum += Double(value)
        epochBatches += 1
        if position >= epochRows {
            // Every environment starts the next epoch from a fresh order.
            for e in environments.indices {
                environmentPositions[e] = 0
                environmentNeedsShuffle[e] = true
            }
            finishEpoch()
        }
        return value
    }

    /// Copies the (augmented) `featureBatch` and `targetBatch` into the objective's batch `index`, reusing its
    /// tensors' storage when nothing else holds them; `source` maps a batch row to its dataset row (for the tags).
    private func fillObjectiveBatch(_ index: Int, rows: Int, tags: [Int]?, source: (Int) -> Int) {
        while objectiveBatches.count <= index {
            objectiveBatches.append(ObjectiveBatch(features: Tensor.zeros([0, data.width]), target: Tensor.zeros([0]), environment: nil))
        }
        let width = data.width
        objectiveBatches[index].fill(features: featureBatch.pointer, target: targetBatch.pointer, rows: rows, width: width)
        if let tags {
            objectiveBatches[index].fillEnvironment(rows: rows) { Float(tags[source($0)]) }
        } else {
            objectiveBatches[index].environment = nil
        }
    }

    /// Runs to the end of the current epoch (a whole epoch when at a boundary).
    public func runEpoch(shouldStop: () -> Bool = { false }) throws(TrainingError) {
        repeat {
            if shouldStop() { return }
            try takeStep()
        } while position != 0
    }

    /// Runs `epochs` more epochs (finishing a partial one first counts as one), checking `shouldStop` between batches.
    public func run(epochs: Int, shouldStop: () -> Bool = { false }) throws(TrainingError) {
        for _ in 0..<max(epochs, 0) {
            try runEpoch(shouldStop: shouldStop)
            if shouldStop() { return }
        }
    }

    private func finishEpoch() {
        var record = EpochRecord(epoch: epoch + 1, learningRate: epochLearningRate, trainLoss: epochLossSum / Double(max(epochBatches, 1)))
        if let evaluate { record.evaluations = evaluate(model) }
        history.append(record)
        epoch += 1
        position = 0
        needsShuffle = true
        epochLossSum = 0
        epochBatches = 0
        schedule?.step(optimizer)
    }
}

/// Predictions of `model` for every row of `features`, computed in chunks, as a vector (one output) or matrix.
public func predict(_ model: any Layer, _ features: Tensor, chunk: Int = 4096) throws(TensorError) -> Tensor {
    let rows = features.rowCount, width = features.columnCount
    let input = MatrixBuffer(capacity: min(rows, chunk) * width)
    var output: [Float] = []
    var outputs = 1
    var start = 0
    while start < rows {
        let count = min(chunk, rows - start)
        input.resize(rows: count, columns: width)
        features.withUnsafeBufferPointer { x in
            input.pointer.update(from: x.baseAddress! + start * width, count: count * width)
        }
        let result = try model.forward(input)
        outputs = result.columns
        output.append(contentsOf: UnsafeBufferPointer(start: result.pointer, count: result.count))
        start += count
    }
    return outputs == 1 ? Tensor(output) : try Tensor(shape: [rows, outputs], storage: output)
}

/// A metric of `model` on `data`.
public func evaluate(_ model: any Layer, on data: Dataset, metric: Metric) throws(TensorError) -> Double {
    try metric.value(predict(model, data.features), data.target)
}

extension TrainingLoop {
    /// The first NaN or infinite value of a dataset's features or target: its column, row and value.
    static func nonFiniteColumn(_ data: Dataset) -> (name: String, row: Int, value: Float)? {
        let width = data.features.shape.count > 1 ? data.features.shape[1] : 1
        for (i, x) in data.features.storage.enumerated() where !x.isFinite {
            let column = i % width
            return (column < data.featureNames.count ? data.featureNames[column] : "feature \(column)", i / width, x)
        }
        for (i, y) in data.target.storage.enumerated() where !y.isFinite { return (data.targetName, i, y) }
        return nil
    }
}

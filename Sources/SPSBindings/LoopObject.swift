import SPSAutodiff
import SPSLanguage
import SPSNumeric
import SPSTraining

/// What a loop minimizes: a built-in loss, or an objective written in sps (a def or block of the model and the
/// batch, or of the model and the list of per-environment batches).
enum LoopObjective {
    case builtin(Loss)
    /// An objective written in sps; `takesLoop` when it has a third parameter for the loop.
    case custom(Value, label: String, takesLoop: Bool)
}

/// A training loop at the prompt: advanced with `step`, `epoch`, `run`, `until`; inspected between commands.
final class LoopObject: NativeObject {
    let loop: TrainingLoop
    let model: ModelObject
    /// Evaluation sets by label, evaluated at the end of every epoch into the history.
    let evaluationSets: [(String, Dataset)]
    let metrics: [Metric]
    /// What the loop minimizes.
    let objective: LoopObjective
    /// True when every step draws a batch from every environment.
    let perEnvironment: Bool
    /// The algorithm record `algo=` gave (name, loss, per_env, hparams), for `l.algo`.
    let algorithm: Record?
    /// Where `loss=` was written: errors of the objective's result point there.
    let objectiveLocation: SourceLocation?
    /// The interpreter an objective (or a model written in sps) runs in: the one advancing the loop.
    private var interpreter: Interpreter? {
        get { interpreterLink?.interpreter }
        set { interpreterLink = newValue?.link }
    }
    /// Where `interpreter` is found (not a weak reference, which would slow every use of the interpreter).
    private var interpreterLink: InterpreterLink?
    /// The error that stopped the objective in the interpreter, with its location; `advance` reports it.
    private var objectiveFailure: RuntimeError?

    init(loop: TrainingLoop, model: ModelObject, evaluationSets: [(String, Dataset)], metrics: [Metric],
         objective: LoopObjective = .builtin(.mse), perEnvironment: Bool = false, algorithm: Record? = nil, objectiveLocation: SourceLocation? = nil,
         interpreter: Interpreter? = nil) {
        self.loop = loop
        self.model = model
        self.evaluationSets = evaluationSets
        self.metrics = metrics
        self.objective = objective
        self.perEnvironment = perEnvironment
        self.algorithm = algorithm
        self.objectiveLocation = objectiveLocation
        self.interpreter = interpreter
        let sets = evaluationSets, metrics = metrics
        loop.evaluate = { layer in
            var result: [String: Double] = [:]
            for (name, data) in sets {
                for metric in metrics { result["\(name)_\(metric.rawValue)"] = (try? evaluate(layer, on: data, metric: metric)) ?? .nan }
            }
            return result
        }
        // The objective hook: a custom objective, or a built-in loss of a model written in sps.
        if case .custom = objective {
            loop.objective = { [unowned self] batches throws(TrainingError) -> Float in try self.runObjective(batches) }
        } else if model.isScripted {
            loop.objective = { [unowned self] batches throws(TrainingError) -> Float in try self.runObjective(batches) }
        }
    }

    /// One batch's loss through the objective (or the model written in sps), with `Autodiff.backward` adding the
    /// gradients into the params; an error is kept (with its location) for `advance` to report.
    private func runObjective(_ batches: [ObjectiveBatch]) throws(TrainingError) -> Float {
        guard let interpreter else { throw .invalid("this loop has no session to run its objective in") }
        do throws(RuntimeError) {
            let loss: Variable
            switch objective {
            case .custom(let function, let label, let takesLoop):
                let batch: Value = perEnvironment ? .list(batches.map { .native(BatchObject($0)) }) : .native(BatchObject(batches[0]))
                let result = try interpreter.call(function, takesLoop ? [.native(model), batch, .native(self)] : [.native(model), batch], at: objectiveLocation)
                guard let value = result.variable, value.requiresGrad else {
                    let what = result.tensor != nil || result.number != nil ? "a \(result.typeName) that does not carry gradients" : "a \(result.typeName)"
                    throw RuntimeError("the objective \(label) returned \(what); it must return one number computed from the model's params (a loss), e.g. mse (m b.x) b.y", at: objectiveLocation)
                }
                guard value.count == 1 else {
                    throw RuntimeError("the objective \(label) returned a tensor of shape \(Tensor.format(shape: value.shape)); it must return one number (reduce it with mean or sum)", at: objectiveLocation)
                }
                loss = value
            case .builtin(let kind):
                let prediction = try model.apply(Variable(constant: batches[0].features), in: interpreter)
                let target = Variable(constant: batches[0].target)
                do throws(TensorError) {
                    switch kind {
                    case .mse: loss = try Variable.mseLoss(prediction, target)
                    case .l1: loss = try Variable.l1Loss(prediction, target)
                    case .huber(let delta): loss = try Variable.huberLoss(prediction, target, delta: delta)
                    }
                } catch {
                    throw RuntimeError(error)
                }
            }
            do throws(AutodiffError) { try Autodiff.backward(loss) } catch {
                throw RuntimeError(error.message, at: objectiveLocation)
            }
            return loss.value.storage.first ?? .nan
        } catch {
            objectiveFailure = error
            throw .invalid(error.message)
        }
    }

    var typeName: String { "Loop" }
    /// A loop's position, optimizer state and model belong to one line of training; parallel runs cannot share
    /// it, and a copy would train a model the run cannot name.
    var isolation: IsolationPolicy {
        .refused("a Loop made outside `repeat` cannot be shared by its runs; create it inside the block (l = loop m train …)")
    }
    var shape: String { "epoch \(loop.epoch), step \(loop.step)" }

    var description: String {
        var text = "Loop: epoch \(loop.epoch), step \(loop.step), lr \(formatNumber(loop.learningRate))"
        if let loss = loop.lastLoss { text += ", last batch loss \(formatCell(Double(loss)))" }
        if loop.isMidEpoch { text += " (mid-epoch)" }
        return text + "\n  model: \(model.summary)"
            + "\n  \(loop.data.count) rows, batch \(loop.batchSize)\(perEnvironment ? " per environment" : ""), loss \(lossLabel), \(loop.optimizer.summary)"
            + (loop.schedule.map { ", \($0)" } ?? "") + (loop.augmentation.map { ", aug: \($0.augmentation)" } ?? "")
    }

    /// The loss as the description shows it: `mse`, or the objective's def name (`block` for a block).
    var lossLabel: String {
        switch objective {
        case .builtin(let loss): loss.name
        case .custom(_, let label, _): label
        }
    }

    var memberNames: [String] { ["epoch", "step", "lr", "loss", "history", "model", "data", "algo"] }

    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "epoch": return .number(Double(loop.epoch))
        case "step": return .number(Double(loop.step))
        case "lr": return .number(loop.learningRate)
        case "loss": return loop.lastLoss.map { .number(Double.shortest($0)) } ?? .nil
        case "history":
            // Named for plots of it: `plot line l.history` is titled `l.history`.
            let origin = interpreter.variableName(of: self).map { "\($0).history" } ?? "training history"
            return .native(TableObject(history, origin: origin))
        case "model": return .native(model)
        case "data": return .dataset(loop.data)
        case "algo": return algorithm.map { .record($0) } ?? .nil
        default: return nil
        }
    }

    func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws(RuntimeError) -> Bool {
        guard name == "lr" else {
            if memberNames.contains(name) { throw RuntimeError("l.\(name) cannot be set; only l.lr can") }
            return false
        }
        guard let lr = value.number, lr >= 0, lr.isFinite else { throw RuntimeError("l.lr must be a finite number >= 0, got \(value.quotedInMessage)") }
        loop.learningRate = lr
        return true
    }

    /// The history as a table: epoch, lr, train_loss, then a column per evaluation set and metric.
    var history: Table {
        let records = loop.history
        var columns = [Table.Column("epoch", numbers: records.map { Double($0.epoch) }),
                       Table.Column("lr", numbers: records.map(\.learningRate)),
                       Table.Column("train_loss", numbers: records.map { Double.atFloat32Precision($0.trainLoss) })]
        for (name, _) in evaluationSets {
            for metric in metrics {
                let key = "\(name)_\(metric.rawValue)"
                columns.append(Table.Column(key, numbers: records.map { $0.evaluations[key].map(Double.atFloat32Precision) ?? .nan }))
            }
        }
        return Table(columns)
    }

    /// Runs `body`, turning training errors (divergence, shapes) and interrupts into runtime errors that say
    /// where the loop stopped; the loop's state stays consistent and it can be resumed.
    ///
    /// `steps` is how many optimizer steps the command will take, when known, for the progress bar.
    func advance(_ interpreter: Interpreter, steps: Int? = nil, _ body: (_ shouldStop: () -> Bool) throws(TrainingError) -> Void) throws(RuntimeError) {
        self.interpreter = interpreter
        model.bind(interpreter)
        objectiveFailure = nil
        let interrupt = interpreter.interrupt
        // The shell's progress line (on a terminal only): updated between batches, erased when the work ends.
        let progress = interpreter.context.progress
        progress?.begin()
        defer { progress?.clear() }
        let loop = self.loop
        let firstStep = loop.step
        do {
            try body {
                progress?.update(TrainingProgress(epoch: loop.epoch + (loop.isMidEpoch ? 1 : 0), step: loop.step,
                                                  loss: loop.lastLoss.map(Double.init),
                                                  done: loop.step - firstStep, total: steps))
                return interrupt.isRequested
            }
        } catch {
            if let failure = objectiveFailure {
                objectiveFailure = nil
                guard failure.isInterrupt else { throw failure }
                var stopped = RuntimeError("interrupted at \(whereItStands); the loop is intact and can be resumed")
                stopped.isInterrupt = true
                throw stopped
            }
            throw RuntimeError(error)
        }
        if interrupt.isRequested {
            var error = RuntimeError("interrupted at \(whereItStands); the loop is intact and can be resumed")
            error.isInterrupt = true
            throw error
        }
    }

    /// Where the loop stands, in the terms of `l.epoch` and `l.step`: `epoch 14 (step 2198)` at an epoch boundary,
    /// `epoch 14 + 37 of 157 steps (step 2235)` mid-epoch (14 epochs complete, the 15th part-way).
    var whereItStands: String {
        guard loop.isMidEpoch else { return "epoch \(loop.epoch) (step \(loop.step))" }
        return "epoch \(loop.epoch) + \(loop.stepsIntoEpoch) of \(loop.stepsPerEpoch) steps (step \(loop.step))"
    }
}

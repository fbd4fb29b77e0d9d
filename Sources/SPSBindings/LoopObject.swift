import SPSLanguage
import SPSNumeric
import SPSTraining

/// A training loop at the prompt: advanced with `step`, `epoch`, `run`, `until`; inspected between commands.
final class LoopObject: NativeObject {
    let loop: TrainingLoop
    let model: ModelObject
    /// Evaluation sets by label, evaluated at the end of every epoch into the history.
    let evaluationSets: [(String, Dataset)]
    let metrics: [Metric]

    init(loop: TrainingLoop, model: ModelObject, evaluationSets: [(String, Dataset)], metrics: [Metric]) {
        self.loop = loop
        self.model = model
        self.evaluationSets = evaluationSets
        self.metrics = metrics
        let sets = evaluationSets, metrics = metrics
        loop.evaluate = { layer in
            var result: [String: Double] = [:]
            for (name, data) in sets {
                for metric in metrics { result["\(name)_\(metric.rawValue)"] = (try? evaluate(layer, on: data, metric: metric)) ?? .nan }
            }
            return result
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
            + "\n  \(loop.data.count) rows, batch \(loop.batchSize), loss \(loop.loss.name), \(loop.optimizer.summary)"
            + (loop.schedule.map { ", \($0)" } ?? "") + (loop.augmentation.map { ", aug: \($0.augmentation)" } ?? "")
    }

    var memberNames: [String] { ["epoch", "step", "lr", "loss", "history", "model", "data"] }

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

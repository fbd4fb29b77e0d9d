import SPSLanguage
import SPSNumeric
import SPSTraining

/// One mini-batch as an objective written in sps sees it: `b.x` (rows × features, after augmentation), `b.y`, `b.n`
/// and, when the data has environment tags, `b.env` (the tag of each row).
final class BatchObject: NativeObject {
    let batch: ObjectiveBatch

    init(_ batch: ObjectiveBatch) { self.batch = batch }

    var typeName: String { "Batch" }
    /// Tensors only, never changed: runs share it.
    var isolation: IsolationPolicy { .immutable }
    var shape: String { "\(batch.target.count) rows" }
    var description: String {
        "Batch: \(batch.target.count) rows × \(batch.features.rank == 2 ? batch.features.shape[1] : 0) features"
            + (batch.environment.map { " (environments \(Set($0.storage.map(Int.init)).sorted().map(String.init).joined(separator: ", ")))" } ?? "")
    }

    var memberNames: [String] { ["x", "y", "n", "env"] }

    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "x": return .tensor(batch.features)
        case "y": return .tensor(batch.target)
        case "n": return .number(Double(batch.target.count))
        case "env":
            guard let tags = batch.environment else {
                throw RuntimeError("this batch has no environment tags: the training data has none (concat sets them, or env= of dataset and load)")
            }
            return .tensor(tags)
        default: return nil
        }
    }
}

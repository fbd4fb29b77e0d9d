import SPSNumeric

// MARK: - Classification metrics

extension Metric {
    /// True for the metrics that compare predicted classes with labels (accuracy, error_rate).
    public var isClassification: Bool { self == .accuracy || self == .error_rate }

    /// True when a larger value is better (accuracy, R²); false for errors.
    public var higherIsBetter: Bool { self == .accuracy || self == .r2 }

    /// Accuracy or error rate of scores against labels.
    ///
    /// One score per row (as many scores as labels) is a logit: a positive score predicts class 1, and a label above
    /// 0.5 is class 1 (so 0/1 and −1/+1 labels both work), as DomainBed and InvarianceUnitTests count a binary
    /// classifier's hits. Several scores per row (k = scores / labels, at least 2) predict the class of the largest
    /// score (the first on ties), and each label must be a class number 0…k−1. A NaN score is never a hit.
    func classificationValue(_ prediction: Tensor, _ target: Tensor) throws(TensorError) -> Double {
        let rows = target.count
        guard rows > 0, prediction.count > 0, prediction.count % rows == 0 else {
            throw TensorError("\(rawValue) needs one score per label, or a row of class scores per label, got predictions \(Tensor.format(shape: prediction.shape)) and labels \(Tensor.format(shape: target.shape))")
        }
        let classes = prediction.count / rows
        let p = prediction.storage, t = target.storage
        var hits = 0
        if classes == 1 {
            for i in 0..<rows where (p[i] > 0) == (t[i] > 0.5) && !p[i].isNaN { hits += 1 }
        } else {
            for i in 0..<rows {
                let label = t[i]
                guard label >= 0, label < Float(classes), label == label.rounded() else {
                    throw TensorError("\(rawValue): label \(i + 1) is \(formatShort(Double.shortest(label))), but with \(classes) class scores per row labels are class numbers 0 to \(classes - 1)")
                }
                var best = 0, bestScore = p[i * classes]
                for k in 1..<classes where p[i * classes + k] > bestScore || bestScore.isNaN {
                    best = k
                    bestScore = p[i * classes + k]
                }
                if best == Int(label) && !bestScore.isNaN { hits += 1 }
            }
        }
        let accuracy = Double(hits) / Double(rows)
        return self == .accuracy ? accuracy : 1 - accuracy
    }
}

import SPSNumeric

/// The closed-form least-squares fit with intercept: the best linear model for a dataset, for reference.
public struct LeastSquaresFit: Sendable, Equatable {
    /// One weight per feature, in the dataset's column order.
    public let weights: [Double]
    /// The intercept.
    public let intercept: Double
    /// The feature names, for printing.
    public let names: [String]

    /// Solves the normal equations (XᵀX) β = Xᵀy in Double with partial pivoting.
    ///
    /// Throws, naming the column, when a value is NaN or infinite (which would otherwise look like collinear
    /// features, or give NaN weights), when a feature is constant, or when a feature is a linear combination of
    /// the columns before it.
    public init(_ data: Dataset) throws(DataError) {
        let n = data.count, d = data.width, p = d + 1
        guard n >= p else { throw DataError("ols needs at least \(p) rows for \(d) features and an intercept, got \(n)") }
        if let bad = TrainingLoop.nonFiniteColumn(data) {
            throw DataError("ols: column '\(bad.name)' has a non-finite value (\(bad.value)) in row \(bad.row + 1); drop or replace NaN and Inf first")
        }
        var gram = [Double](repeating: 0, count: p * p), moment = [Double](repeating: 0, count: p)
        var row = [Double](repeating: 1, count: p)
        for i in 0..<n {
            for j in 0..<d { row[j] = Double(data.features.storage[i * d + j]) }
            row[d] = 1
            let y = Double(data.target.storage[i])
            for a in 0..<p {
                moment[a] += row[a] * y
                for b in 0..<p { gram[a * p + b] += row[a] * row[b] }
            }
        }
        let solution: [Double]
        switch solve(gram, moment, size: p) {
        case .success(let x):
            solution = x
        case .failure(let singular):
            throw DataError(Self.collinearity(data, dependentColumn: singular.column))
        }
        weights = Array(solution[0..<d])
        intercept = solution[d]
        names = data.featureNames
    }

    /// Predictions for every row of a dataset with the same features.
    public func predict(_ data: Dataset) -> Tensor {
        let d = data.width
        return Tensor((0..<data.count).map { i in
            var s = intercept
            for j in 0..<d { s += weights[j] * Double(data.features.storage[i * d + j]) }
            return Float(s)
        })
    }
}

extension LeastSquaresFit {
    /// Why the normal equations are singular: a constant feature (its weight and the intercept trade off), or the
    /// first feature that is a linear combination of the ones before it (and of the intercept).
    static func collinearity(_ data: Dataset, dependentColumn: Int) -> String {
        let d = data.width
        func name(_ j: Int) -> String { j < data.featureNames.count ? data.featureNames[j] : "feature \(j + 1)" }
        for j in 0..<d {
            let first = data.features.storage[j]
            if (0..<data.count).allSatisfy({ data.features.storage[$0 * d + j] == first }) {
                return "ols: column '\(name(j))' is constant, so its weight and the intercept are not unique; drop the column"
            }
        }
        if dependentColumn < d {
            return "ols: the features are collinear: column '\(name(dependentColumn))' is a linear combination of the columns before it, so the fit is not unique; drop one of them"
        }
        return "ols: the features are collinear (a combination of them is constant), so the fit is not unique; drop one of them"
    }
}

/// A singular system: elimination found no usable pivot for `column`, which is a linear combination of the
/// columns before it.
struct SingularMatrix: Error {
    let column: Int
}

/// Solves a dense linear system by Gaussian elimination with partial pivoting.
func solve(_ matrix: [Double], _ rhs: [Double], size n: Int) -> Result<[Double], SingularMatrix> {
    var a = matrix, b = rhs
    let scale = a.map(abs).max() ?? 1
    for column in 0..<n {
        guard let pivot = (column..<n).max(by: { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }),
              abs(a[pivot * n + column]) > 1e-12 * max(scale, 1e-300) else { return .failure(SingularMatrix(column: column)) }
        if pivot != column {
            for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
            b.swapAt(pivot, column)
        }
        for r in (column + 1)..<n {
            let factor = a[r * n + column] / a[column * n + column]
            if factor == 0 { continue }
            for k in column..<n { a[r * n + k] -= factor * a[column * n + k] }
            b[r] -= factor * b[column]
        }
    }
    var x = [Double](repeating: 0, count: n)
    for r in stride(from: n - 1, through: 0, by: -1) {
        var s = b[r]
        for k in (r + 1)..<n { s -= a[r * n + k] * x[k] }
        x[r] = s / a[r * n + r]
    }
    return .success(x)
}

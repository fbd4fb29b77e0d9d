import SPSNumeric

/// The closed-form least-squares fit of a dataset: the best linear model, for reference. With an intercept or
/// without, and optionally ridge-penalized.
///
/// Computed in double precision by a Householder QR of the design matrix (LAPACK, `Linalg.householderQR`), not
/// by the normal equations, which square the condition number.
public struct LeastSquaresFit: Sendable, Equatable {
    /// One weight per feature, in the dataset's column order.
    public let weights: [Double]
    /// The intercept (0 when fitted without one).
    public let intercept: Double
    /// The feature names, for printing.
    public let names: [String]

    /// How far below its column's norm R's diagonal entry may fall before the column counts as a linear
    /// combination of the columns before it: 1e-6, a few units of Float32 rounding (the data are Float32, so a
    /// column computed as a combination of others is dependent only up to that rounding). It matches the old
    /// normal-equations test (pivot below 1e-12 of the Gram matrix), whose pivots are the squares of these.
    public static let dependenceTolerance = 1e-6

    /// Fits `y ≈ X w + b` by least squares, minimizing `‖y − X w − b‖² + l2 ‖w‖²`.
    ///
    /// - `intercept`: fit `b` (true) or fix it at 0 (false).
    /// - `l2`: the ridge penalty on the weights, as scikit-learn's `Ridge(alpha=l2)`: on the sum of squares, never
    ///   on the intercept (X and y are centered first). 0 is ordinary least squares.
    ///
    /// Throws, naming the column, when a value is NaN or infinite, when a feature is constant (with an intercept)
    /// or all zeros (without), or when a feature is a linear combination of the columns before it — for ordinary
    /// least squares; ridge is unique whatever the columns.
    public init(_ data: Dataset, intercept fitsIntercept: Bool = true, l2: Double = 0) throws(DataError) {
        let n = data.count, d = data.width
        guard l2 >= 0, l2.isFinite else { throw DataError("ols: l2 must be a finite number at least 0, got \(l2)") }
        if let bad = TrainingLoop.nonFiniteColumn(data) {
            throw DataError("ols: column '\(bad.name)' has a non-finite value (\(bad.value)) in row \(bad.row + 1); drop or replace NaN and Inf first")
        }
        names = data.featureNames
        if l2 > 0 {
            (weights, intercept) = try Self.ridge(data, intercept: fitsIntercept, l2: l2)
            return
        }
        let p = d + (fitsIntercept ? 1 : 0)
        guard n >= p else {
            throw DataError("ols needs at least \(p) rows for \(d) features\(fitsIntercept ? " and an intercept" : ""), got \(n)\(fitsIntercept ? "" : "; ridge (l2=…) needs fewer")")
        }
        guard p > 0 else {
            (weights, intercept) = ([], 0)
            return
        }
        // The design matrix: the features, then a column of ones for the intercept.
        let (design, target) = try Self.design(data, ones: fitsIntercept, rows: n, extraRows: 0)
        let qr: Linalg.HouseholderQR
        do throws(LinalgError) { qr = try Linalg.householderQR(design, rows: n, columns: p) } catch { throw DataError("ols: \(error.message)") }
        let diagonal = qr.rDiagonal
        for j in 0..<p {
            var norm = 0.0
            for i in 0..<n { norm += design[i * p + j] * design[i * p + j] }
            if !(abs(diagonal[j]) > Self.dependenceTolerance * norm.squareRoot()) {
                throw DataError(Self.collinearity(data, dependentColumn: j, intercept: fitsIntercept))
            }
        }
        let solution: [Double]
        do throws(LinalgError) { solution = try qr.solve(target) } catch { throw DataError("ols: \(error.message)") }
        weights = Array(solution[0..<d])
        intercept = fitsIntercept ? solution[d] : 0
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
    /// The design matrix (row-major, in Double) with a trailing column of ones when `ones`, and `extraRows` rows of
    /// zeros below the data; and the target, padded with zeros the same way.
    static func design(_ data: Dataset, ones: Bool, rows n: Int, extraRows: Int) throws(DataError) -> (x: [Double], y: [Double]) {
        let d = data.width, p = d + (ones ? 1 : 0)
        let bytes = 8 &* (n &+ extraRows) &* (2 &* p &+ 1)
        guard MemoryGuard.canAllocate(bytes: bytes) else {
            throw DataError("ols: not enough memory for the \(n)×\(p) design matrix in double precision (\(MemoryGuard.describe(bytes: bytes)))")
        }
        var x = [Double](repeating: 0, count: (n + extraRows) * p), y = [Double](repeating: 0, count: n + extraRows)
        for i in 0..<n {
            for j in 0..<d { x[i * p + j] = Double(data.features.storage[i * d + j]) }
            if ones { x[i * p + d] = 1 }
            y[i] = Double(data.target.storage[i])
        }
        return (x, y)
    }

    /// Ridge regression (scikit-learn's `Ridge`): with an intercept, X and y are centered and the intercept is
    /// ȳ − x̄·w; the penalty enters as √l2 · I rows below the (centered) design, solved by QR.
    static func ridge(_ data: Dataset, intercept fitsIntercept: Bool, l2: Double) throws(DataError) -> (weights: [Double], intercept: Double) {
        let n = data.count, d = data.width
        guard n > 0 || !fitsIntercept else { throw DataError("ols needs at least 1 row to fit an intercept, got 0") }
        guard d > 0 else {
            let mean = fitsIntercept ? data.target.storage.reduce(0) { $0 + Double($1) } / Double(n) : 0
            return ([], mean)
        }
        var (x, y) = try design(data, ones: false, rows: n, extraRows: d)
        var means = [Double](repeating: 0, count: d), targetMean = 0.0
        if fitsIntercept {
            for i in 0..<n {
                for j in 0..<d { means[j] += x[i * d + j] }
                targetMean += y[i]
            }
            for j in 0..<d { means[j] /= Double(n) }
            targetMean /= Double(n)
            for i in 0..<n {
                for j in 0..<d { x[i * d + j] -= means[j] }
                y[i] -= targetMean
            }
        }
        let root = l2.squareRoot()
        for j in 0..<d { x[(n + j) * d + j] = root }
        let w: [Double]
        do throws(LinalgError) {
            w = try Linalg.householderQR(x, rows: n + d, columns: d).solve(y)
        } catch {
            throw DataError("ols: \(error.message)")
        }
        var b = targetMean
        if fitsIntercept { for j in 0..<d { b -= means[j] * w[j] } }
        return (w, b)
    }

    /// Why the least-squares problem has no unique solution: a constant feature (with an intercept: its weight and
    /// the intercept trade off), an all-zero feature (without), or the first feature that is a linear combination
    /// of the ones before it (and of the intercept).
    static func collinearity(_ data: Dataset, dependentColumn: Int, intercept: Bool = true) -> String {
        let d = data.width
        func name(_ j: Int) -> String { j < data.featureNames.count ? data.featureNames[j] : "feature \(j + 1)" }
        for j in 0..<d {
            let first = data.features.storage[j]
            guard (0..<data.count).allSatisfy({ data.features.storage[$0 * d + j] == first }) else { continue }
            if intercept {
                return "ols: column '\(name(j))' is constant, so its weight and the intercept are not unique; drop the column"
            }
            if first == 0 {
                return "ols: column '\(name(j))' is all zeros, so its weight is not determined; drop the column"
            }
        }
        if dependentColumn < d {
            return "ols: the features are collinear: column '\(name(dependentColumn))' is a linear combination of the columns before it, so the fit is not unique; drop one of them"
        }
        return "ols: the features are collinear (a combination of them is constant), so the fit is not unique; drop one of them"
    }
}

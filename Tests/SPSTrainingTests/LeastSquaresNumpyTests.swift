import Foundation
import SPSNumeric
import Testing
@testable import SPSTraining

// `ols` (LeastSquaresFit) against numpy: ordinary least squares with and without an intercept, and ridge regression
// as scikit-learn's Ridge(alpha) computes it (the generator writes its closed form out; it agrees with
// scikit-learn to 1e-15). The cases are in `benchmarks/reference/linalg_numpy.json` (written once by
// `benchmarks/reference/linalg_numpy.py`): Float32 data, as a Dataset holds it, fitted in double precision on
// both sides, so weights and intercept must agree to 1e-10 relative (norm-wise over the weights and intercept).

private struct OLSReference: Decodable, Sendable {
    struct Case: Decodable, Sendable {
        var rows: Int, columns: Int, intercept: Bool, l2: Double
        var x: [Double], y: [Double], weights: [Double], bias: Double
    }
    struct Cases: Decodable, Sendable { var ols: [Case] }
    var cases: Cases

    static func load() throws -> OLSReference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("benchmarks/reference/linalg_numpy.json")
        return try JSONDecoder().decode(OLSReference.self, from: Data(contentsOf: url))
    }
}

@Suite struct LeastSquaresNumpyTests {
    @Test func olsAndRidgeMatchNumpyAndScikitLearn() throws {
        let reference = try OLSReference.load()
        #expect(reference.cases.ols.count >= 12)
        for c in reference.cases.ols {
            let data = try Dataset(features: Tensor(shape: [c.rows, c.columns], storage: c.x.map(Float.init)), target: Tensor(c.y.map(Float.init)),
                                   featureNames: (1...c.columns).map { "x\($0)" }, targetName: "y")
            let fit = try LeastSquaresFit(data, intercept: c.intercept, l2: c.l2)
            let mine = fit.weights + [fit.intercept], theirs = c.weights + [c.bias]
            let scale = max(theirs.map(abs).max() ?? 0, 1)
            let difference = zip(mine, theirs).map { abs($0 - $1) }.max() ?? .infinity
            #expect(difference <= 1e-10 * scale, "ols \(c.rows)×\(c.columns) intercept=\(c.intercept) l2=\(c.l2): differs by \(difference)")
            if !c.intercept { #expect(fit.intercept == 0) }
        }
    }
}

/// `ols` options beyond the plain fit: no intercept, ridge, and what each refuses.
@Suite struct LeastSquaresOptionTests {
    func dataset(_ rows: [[Float]], _ target: [Float]) throws -> Dataset {
        let width = rows.first?.count ?? 0
        return try Dataset(features: Tensor(shape: [rows.count, width], storage: rows.flatMap { $0 }),
                           target: Tensor(target), featureNames: (1...max(width, 1)).prefix(width).map { "x\($0)" }, targetName: "y")
    }

    func failure(_ data: Dataset, intercept: Bool = true, l2: Double = 0) -> String? {
        do throws(DataError) {
            _ = try LeastSquaresFit(data, intercept: intercept, l2: l2)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func withoutAnInterceptTheFitGoesThroughZero() throws {
        // y = 2 x1 − x2 exactly; with no intercept the fit is exact and b = 0.
        let d = try dataset([[1, 2], [3, 5], [0, 1], [2, 5], [1, 3]], [0, 1, -1, -1, -1])
        let fit = try LeastSquaresFit(d, intercept: false)
        #expect(abs(fit.weights[0] - 2) < 1e-12 && abs(fit.weights[1] + 1) < 1e-12 && fit.intercept == 0)
        // A constant column is then an ordinary feature (it plays the intercept) …
        let constant = try dataset([[1, 7], [2, 7], [3, 7], [5, 7]], [3, 1, 2, 1])
        #expect(failure(constant, intercept: false) == nil)
        #expect(failure(constant) == "ols: column 'x2' is constant, so its weight and the intercept are not unique; drop the column")
        // … but an all-zero column has no weight to find.
        let zero = try dataset([[1, 0], [2, 0], [3, 0]], [3, 1, 2])
        #expect(failure(zero, intercept: false) == "ols: column 'x2' is all zeros, so its weight is not determined; drop the column")
        #expect(failure(try dataset([[1, 2], [2, 1]], [1, 2]), intercept: false) == nil)
        #expect(failure(try dataset([[1, 2]], [1]), intercept: false) == "ols needs at least 2 rows for 2 features, got 1; ridge (l2=…) needs fewer")
    }

    @Test func ridgeShrinksTheWeightsButNotTheIntercept() throws {
        let d = try dataset([[1, 2], [2, 1], [3, 5], [5, 3], [0, 1]], [1, 4, 2, 8, 0])
        let plain = try LeastSquaresFit(d), ridge = try LeastSquaresFit(d, l2: 5), huge = try LeastSquaresFit(d, l2: 1e12)
        let size = { (f: LeastSquaresFit) in f.weights.map { $0 * $0 }.reduce(0, +) }
        #expect(size(ridge) < size(plain))
        // With an enormous penalty the weights vanish and the intercept is the target's mean (it is not penalized).
        #expect(size(huge) < 1e-20)
        #expect(abs(huge.intercept - 3) < 1e-9)
        // Ridge is unique even for collinear features, and for fewer rows than features.
        let collinear = try dataset([[1, 2, 3], [2, 1, 3], [3, 5, 8], [5, 3, 8], [0, 1, 1]], [3, 1, 2, 1, 0])
        #expect(failure(collinear) != nil && failure(collinear, l2: 0.1) == nil)
        #expect(failure(try dataset([[1, 2, 3]], [1]), l2: 1) == nil)
        #expect(failure(d, l2: -1) == "ols: l2 must be a finite number at least 0, got -1.0")
    }
}

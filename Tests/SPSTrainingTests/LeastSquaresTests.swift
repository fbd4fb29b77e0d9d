import Testing
import SPSNumeric
@testable import SPSTraining

/// Issue 15: `ols` names the real cause of a failed fit — a NaN or infinite value, a constant column or a column
/// that is a combination of others — instead of calling every failure collinearity (or returning NaN weights).
@Suite struct LeastSquaresTests {
    /// A dataset from rows of features and a target.
    func dataset(_ rows: [[Float]], _ target: [Float], names: [String]? = nil) throws -> Dataset {
        let width = rows.first?.count ?? 0
        return try Dataset(features: Tensor(shape: [rows.count, width], storage: rows.flatMap { $0 }),
                           target: Tensor(target), featureNames: names ?? (1...width).map { "x\($0)" }, targetName: "y")
    }

    func failure(_ data: Dataset) -> String? {
        do throws(DataError) {
            _ = try LeastSquaresFit(data)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func aNaNFeatureIsNamedNotCalledCollinear() throws {
        let d = try dataset([[1, 2], [2, .nan], [3, 1], [5, 3]], [3, 1, 2, 1])
        #expect(failure(d) == "ols: column 'x2' has a non-finite value (nan) in row 2; drop or replace NaN and Inf first")
    }

    @Test func anInfiniteFeatureOrTargetIsNamed() throws {
        let feature = try dataset([[1, 2], [2, 1], [-.infinity, 1], [5, 3]], [3, 1, 2, 1])
        #expect(failure(feature) == "ols: column 'x1' has a non-finite value (-inf) in row 3; drop or replace NaN and Inf first")
        // A NaN target used to give NaN weights without any error.
        let target = try dataset([[1, 2], [2, 1], [3, 1], [5, 3]], [3, 1, .nan, 1])
        #expect(failure(target) == "ols: column 'y' has a non-finite value (nan) in row 3; drop or replace NaN and Inf first")
    }

    @Test func aConstantColumnIsNamed() throws {
        let d = try dataset([[1, 7], [2, 7], [3, 7], [5, 7]], [3, 1, 2, 1])
        #expect(failure(d) == "ols: column 'x2' is constant, so its weight and the intercept are not unique; drop the column")
    }

    @Test func aCollinearColumnIsNamed() throws {
        // x3 = x1 + x2.
        let d = try dataset([[1, 2, 3], [2, 1, 3], [3, 5, 8], [5, 3, 8], [0, 1, 1]], [3, 1, 2, 1, 0])
        #expect(failure(d) == "ols: the features are collinear: column 'x3' is a linear combination of the columns before it, so the fit is not unique; drop one of them")
        // x1 + x2 = 4 on every row: no single feature is constant, the combination is.
        let sum = try dataset([[1, 3], [2, 2], [3, 1], [0, 4]], [3, 1, 2, 1])
        #expect(failure(sum) == "ols: the features are collinear (a combination of them is constant), so the fit is not unique; drop one of them")
    }

    @Test func aGoodFitStillSolves() throws {
        // y = 2 x1 - x2 + 1 exactly.
        let d = try dataset([[1, 2], [2, 1], [3, 5], [5, 3], [0, 1]], [1, 4, 2, 8, 0])
        let fit = try LeastSquaresFit(d)
        #expect(abs(fit.weights[0] - 2) < 1e-6 && abs(fit.weights[1] + 1) < 1e-6 && abs(fit.intercept - 1) < 1e-6)
    }
}

import Foundation
import SPSNumeric
import Testing

// Linear algebra (SPSNumeric/Linalg*.swift) against numpy, plus invariants and errors.
//
// `benchmarks/reference/linalg_numpy.json` is written once by `benchmarks/reference/linalg_numpy.py` (numpy in a
// throw-away virtual environment outside the repository): random double-precision inputs, printed exactly, and
// numpy's results. Agreement is required to 1e-10 relative, norm-wise: max |sps − numpy| over a result is at most
// 1e-10 times max |numpy| over it (times 1 for results whose largest element is below 1). QR, SVD and eigenvector
// signs are normalized by the same rule on both sides (see Linalg+Decompositions.swift), so the factors
// themselves are compared, and the invariants (Q R = A, orthogonality, A v = λ v …) are checked as well.

/// The tolerance of the numpy comparisons.
private let tolerance = 1e-10

// MARK: - The reference file

private struct NumpyReference: Decodable, Sendable {
    struct Solve: Decodable, Sendable { var n: Int, k: Int, a: [Double], b: [Double], x: [Double] }
    struct Inverse: Decodable, Sendable { var n: Int, a: [Double], inverse: [Double] }
    struct Determinant: Decodable, Sendable { var n: Int, a: [Double], det: Double }
    struct Cholesky: Decodable, Sendable { var n: Int, a: [Double], l: [Double] }
    struct QR: Decodable, Sendable { var rows: Int, columns: Int, a: [Double], q: [Double], r: [Double] }
    struct SVD: Decodable, Sendable { var rows: Int, columns: Int, a: [Double], u: [Double], s: [Double], vt: [Double] }
    struct Eigh: Decodable, Sendable { var n: Int, a: [Double], values: [Double], vectors: [Double] }
    struct Lstsq: Decodable, Sendable {
        var name: String, rows: Int, columns: Int, k: Int, a: [Double], b: [Double]
        var solution: [Double], residuals: [Double], rank: Int, s: [Double]
    }
    struct Pinv: Decodable, Sendable { var name: String, rows: Int, columns: Int, a: [Double], pinv: [Double] }
    /// An `ord`: a number, or "inf", "-inf", "fro", "nuc".
    enum Order: Decodable, Sendable, CustomStringConvertible {
        case number(Double), name(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .name(try c.decode(String.self)) }
        }
        var number: Double? {
            switch self {
            case .number(let x): x
            case .name("inf"): .infinity
            case .name("-inf"): -.infinity
            case .name: nil
            }
        }
        var description: String { if case .name(let s) = self { s } else { "\(number ?? .nan)" } }
    }
    struct VectorNorm: Decodable, Sendable { var x: [Double], order: Order, norm: Double }
    struct MatrixNorm: Decodable, Sendable { var rows: Int, columns: Int, a: [Double], order: Order, norm: Double }
    struct Cases: Decodable, Sendable {
        var solve: [Solve], inv: [Inverse], det: [Determinant], cholesky: [Cholesky], qr: [QR], svd: [SVD]
        var eigh: [Eigh], lstsq: [Lstsq], pinv: [Pinv], vectorNorm: [VectorNorm], matrixNorm: [MatrixNorm]
    }
    var generator: String
    var numpyVersion: String
    var cases: Cases

    static let shared: Result<NumpyReference, any Error> = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("benchmarks/reference/linalg_numpy.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(NumpyReference.self, from: Data(contentsOf: url))
    }
}

/// max |a − b| / max(max |b|, 1), or infinity when the counts differ.
private func normwiseDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    let scale = max(b.reduce(0) { max($0, abs($1)) }, 1)
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) } / scale
}

/// Expects `a` to agree with numpy's `b` norm-wise to `tolerance`.
private func expectAgrees(_ a: [Double], _ b: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let difference = normwiseDifference(a, b)
    #expect(difference <= tolerance, "\(what): differs from numpy by \(difference) (counts \(a.count), \(b.count))", sourceLocation: sourceLocation)
}

/// The n×n identity.
private func identity(_ n: Int) -> [Double] {
    (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 }
}

@Suite struct LinalgNumpyTests {
    private func reference() throws -> NumpyReference { try NumpyReference.shared.get() }

    @Test func theReferenceFileIsThere() throws {
        let r = try reference()
        #expect(r.generator == "benchmarks/reference/linalg_numpy.py")
        #expect(r.cases.solve.count >= 5 && r.cases.vectorNorm.count >= 20 && r.cases.matrixNorm.count >= 30)
    }

    @Test func solveInverseAndDeterminantMatchNumpy() throws {
        let r = try reference()
        for c in r.cases.solve {
            expectAgrees(try Linalg.solve(c.a, c.b, n: c.n, rightHandSides: c.k), c.x, "solve n=\(c.n) k=\(c.k)")
        }
        for c in r.cases.inv {
            expectAgrees(try Linalg.inverse(c.a, n: c.n), c.inverse, "inv n=\(c.n)")
        }
        for c in r.cases.det {
            let det = try Linalg.determinant(c.a, n: c.n)
            #expect(abs(det - c.det) <= tolerance * abs(c.det), "det n=\(c.n): \(det) vs numpy \(c.det)")
        }
    }

    @Test func choleskyMatchesNumpy() throws {
        for c in try reference().cases.cholesky {
            let l = try Linalg.cholesky(c.a, n: c.n)
            expectAgrees(l, c.l, "cholesky n=\(c.n)")
            expectAgrees(try Linalg.multiply(l, Linalg.transpose(l, rows: c.n, columns: c.n), m: c.n, k: c.n, n: c.n), c.a, "L Lᵀ = A, n=\(c.n)")
        }
    }

    @Test func qrMatchesNumpyAndItsInvariants() throws {
        for c in try reference().cases.qr {
            let k = min(c.rows, c.columns)
            let (q, r) = try Linalg.qr(c.a, rows: c.rows, columns: c.columns)
            expectAgrees(q, c.q, "qr Q \(c.rows)×\(c.columns)")
            expectAgrees(r, c.r, "qr R \(c.rows)×\(c.columns)")
            expectAgrees(try Linalg.multiply(q, r, m: c.rows, k: k, n: c.columns), c.a, "Q R = A")
            let qtq = try Linalg.multiply(Linalg.transpose(q, rows: c.rows, columns: k), q, m: k, k: c.rows, n: k)
            expectAgrees(qtq, identity(k), "QᵀQ = I")
            for i in 0..<k {
                #expect(r[i * c.columns + i] >= 0, "diag(R) ≥ 0")
                for j in 0..<min(i, c.columns) { #expect(r[i * c.columns + j] == 0, "R is upper triangular") }
            }
        }
    }

    @Test func svdMatchesNumpyAndItsInvariants() throws {
        for c in try reference().cases.svd {
            let k = min(c.rows, c.columns)
            let d = try Linalg.svd(c.a, rows: c.rows, columns: c.columns)
            expectAgrees(d.s, c.s, "svd s \(c.rows)×\(c.columns)")
            expectAgrees(d.u, c.u, "svd U \(c.rows)×\(c.columns)")
            expectAgrees(d.vt, c.vt, "svd Vᵀ \(c.rows)×\(c.columns)")
            var us = d.u
            for i in 0..<c.rows { for j in 0..<k { us[i * k + j] *= d.s[j] } }
            expectAgrees(try Linalg.multiply(us, d.vt, m: c.rows, k: k, n: c.columns), c.a, "U diag(s) Vᵀ = A")
            expectAgrees(try Linalg.singularValues(c.a, rows: c.rows, columns: c.columns), c.s, "singular values alone")
        }
    }

    @Test func eighMatchesNumpyAndItsInvariants() throws {
        for c in try reference().cases.eigh {
            let e = try Linalg.eigh(c.a, n: c.n)
            expectAgrees(e.values, c.values, "eigh values n=\(c.n)")
            expectAgrees(e.vectors, c.vectors, "eigh vectors n=\(c.n)")
            // A V = V diag(w).
            var vw = e.vectors
            for i in 0..<c.n { for j in 0..<c.n { vw[i * c.n + j] *= e.values[j] } }
            expectAgrees(try Linalg.multiply(c.a, e.vectors, m: c.n, k: c.n, n: c.n), vw, "A V = V diag(w)")
        }
    }

    @Test func lstsqMatchesNumpy() throws {
        for c in try reference().cases.lstsq {
            let x = try Linalg.lstsq(c.a, c.b, rows: c.rows, columns: c.columns, rightHandSides: c.k)
            expectAgrees(x.solution, c.solution, "lstsq \(c.name) solution")
            expectAgrees(x.residuals, c.residuals, "lstsq \(c.name) residuals")
            expectAgrees(x.singularValues, c.s, "lstsq \(c.name) singular values")
            #expect(x.rank == c.rank, "lstsq \(c.name) rank")
        }
    }

    @Test func pinvMatchesNumpy() throws {
        for c in try reference().cases.pinv {
            expectAgrees(try Linalg.pseudoInverse(c.a, rows: c.rows, columns: c.columns), c.pinv, "pinv \(c.name)")
        }
    }

    @Test func normsMatchNumpy() throws {
        let r = try reference()
        for c in r.cases.vectorNorm {
            let order = try #require(c.order.number)
            let norm = try Linalg.vectorNorm(c.x, order: order)
            #expect(abs(norm - c.norm) <= tolerance * max(abs(c.norm), 1), "vector norm ord=\(c.order) of \(c.x.count): \(norm) vs \(c.norm)")
        }
        for c in r.cases.matrixNorm {
            let order: Linalg.MatrixNormOrder
            switch c.order {
            case .name("fro"): order = .frobenius
            case .name("nuc"): order = .nuclear
            default:
                let number = try #require(c.order.number)
                order = try #require(Linalg.MatrixNormOrder(number: number))
            }
            let norm = try Linalg.matrixNorm(c.a, rows: c.rows, columns: c.columns, order: order)
            #expect(abs(norm - c.norm) <= tolerance * max(abs(c.norm), 1), "matrix norm ord=\(c.order) \(c.rows)×\(c.columns): \(norm) vs \(c.norm)")
        }
    }
}

@Suite struct LinalgTests {
    /// The error `body` throws, or nil.
    func singularFailure(_ body: () throws(LinalgError) -> [Double]) -> LinalgError? {
        do throws(LinalgError) {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func solvesASmallSystemExactly() throws {
        // 2x + y = 5, x + 3y = 10  ->  x = 1, y = 3.
        #expect(try Linalg.solve([2, 1, 1, 3], [5, 10], n: 2) == [1, 3])
        #expect(try Linalg.solve([2, 1, 1, 3], [5, 1, 10, 2], n: 2, rightHandSides: 2).map { ($0 * 1e12).rounded() / 1e12 } == [1, 0.2, 3, 0.6])
        #expect(try Linalg.determinant([2, 1, 1, 3], n: 2) == 5)
        #expect(try Linalg.determinant([0, 1, 1, 0], n: 2) == -1)  // one row interchange
        #expect(try Linalg.inverse([4, 0, 0, 2], n: 2) == [0.25, 0, 0, 0.5])
    }

    @Test func singularMatricesAreRefusedEvenWhenTheirPivotIsNotExactlyZero() throws {
        // [[1,2,3],[4,5,6],[7,8,9]] is singular, but LU in floating point leaves a pivot of about 1e-16.
        let a: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        let solveFailure = singularFailure { () throws(LinalgError) in try Linalg.solve(a, [1, 2, 3], n: 3) }
        let inverseFailure = singularFailure { () throws(LinalgError) in try Linalg.inverse(a, n: 3) }
        for error in [solveFailure, inverseFailure] {
            let e = try #require(error)
            guard case .singular(let rcond) = e.kind else { Issue.record("wrong kind: \(String(describing: e.kind))"); continue }
            #expect(rcond < Linalg.singularThreshold)
            #expect(e.message.hasPrefix("the matrix is singular ("))
        }
        // A badly scaled but regular matrix is not singular: singularity is judged after equilibration.
        #expect(normwiseDifference(try Linalg.solve([1e30, 0, 0, 1e-30], [1e30, 1e-30], n: 2), [1, 1]) == 0)
        #expect(try Linalg.inverse([0, 1e-200, 1e200, 0], n: 2) == [0, 1e-200, 1e200, 0])
        // An exactly zero pivot.
        #expect(throws: LinalgError.self) { try Linalg.solve([1, 2, 2, 4], [1, 1], n: 2) }
        #expect(try Linalg.determinant([1, 2, 2, 4], n: 2) == 0)
        #expect(try Linalg.reciprocalCondition([1, 2, 2, 4], n: 2) == 0)
        #expect(try Linalg.reciprocalCondition([1, 0, 0, 1], n: 2) == 1)
    }

    @Test func choleskyRefusesWhatItCannotFactor() throws {
        do throws(LinalgError) {
            _ = try Linalg.cholesky([1, 2, 2, 1], n: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notPositiveDefinite(order: 2))
            #expect(error.message == "the matrix is not positive definite (its leading 2×2 minor is not positive)")
        }
        do throws(LinalgError) {
            _ = try Linalg.cholesky([4, 1, 0, 4], n: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notSymmetric(row: 0, column: 1))
            #expect(error.message == "the matrix is not symmetric: [0, 1] is 1.0 but [1, 0] is 0.0")
        }
        // Within the tolerance, (A + Aᵀ)/2 is factored.
        let l = try Linalg.cholesky([4, 2 + 1e-7, 2 - 1e-7, 5], n: 2, symmetryTolerance: Linalg.float32SymmetryTolerance)
        #expect(normwiseDifference(l, [2, 0, 1, 2]) < 1e-15)
    }

    @Test func nonFiniteInputAndWrongSizesAreErrorsNotLAPACKCalls() throws {
        do throws(LinalgError) {
            _ = try Linalg.solve([1, 0, 0, .nan], [1, 1], n: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "A has a non-finite value (nan) at [1, 1]")
        }
        #expect(throws: LinalgError.self) { try Linalg.svd([1, .infinity], rows: 1, columns: 2) }
        #expect(throws: LinalgError.self) { try Linalg.inverse([1, 2, 3], n: 2) }
        #expect(throws: LinalgError.self) { try Linalg.multiply([1, 2], [1, 2, 3], m: 1, k: 2, n: 2) }
        #expect(throws: LinalgError.self) { try Linalg.householderQR([1, 2, 3], rows: 2, columns: 2) }
    }

    @Test func emptyMatricesGiveEmptyResults() throws {
        #expect(try Linalg.solve([], [], n: 0) == [])
        #expect(try Linalg.determinant([], n: 0) == 1)
        #expect(try Linalg.inverse([], n: 0) == [])
        #expect(try Linalg.cholesky([], n: 0) == [])
        let d = try Linalg.svd([], rows: 0, columns: 3)
        #expect(d.s.isEmpty && d.u.isEmpty && d.vt.isEmpty)
        let (q, r) = try Linalg.qr([], rows: 3, columns: 0)
        #expect(q.isEmpty && r.isEmpty)
        #expect(try Linalg.pseudoInverse([], rows: 0, columns: 2) == [])
        #expect(try Linalg.matrixNorm([], rows: 0, columns: 2) == 0)
        #expect(throws: LinalgError.self) { try Linalg.matrixNorm([], rows: 0, columns: 2, order: .maxRowSum) }
    }

    @Test func qrOfAGaussianMatrixIsOrthogonalWithAPositiveDiagonal() throws {
        var rng = RandomStream(seed: 11, purpose: .user)
        let n = 6
        let a = (0..<(n * n)).map { _ in rng.nextNormal() }
        let (q, r) = try Linalg.qr(a, rows: n, columns: n)
        #expect(normwiseDifference(try Linalg.multiply(Linalg.transpose(q, rows: n, columns: n), q, m: n, k: n, n: n), identity(n)) < 1e-14)
        #expect((0..<n).allSatisfy { r[$0 * n + $0] > 0 })
    }

    @Test func leastSquaresByQRFlagsADependentColumnThroughRsDiagonal() throws {
        // Column 3 = column 1 + column 2.
        let a: [Double] = [1, 2, 3, 2, 1, 3, 3, 5, 8, 5, 3, 8, 0, 1, 1]
        let qr = try Linalg.householderQR(a, rows: 5, columns: 3)
        #expect(abs(qr.rDiagonal[2]) < 1e-12 && abs(qr.rDiagonal[0]) > 1)
        // y = 2 x1 − x2 exactly on a full-rank design.
        let b: [Double] = [1, 2, 3, 5, 0, 1, 2, 5, 1, 3]  // rows (x1, x2)
        let y: [Double] = [0, 1, -1, -1, -1]
        let x = try Linalg.householderQR(b, rows: 5, columns: 2).solve(y)
        #expect(normwiseDifference(x, [2, -1]) < 1e-14)
    }

    @Test func svdSignsFollowTheLargestEntryOfEachColumnOfU() throws {
        let a: [Double] = [-3, 0, 0, 0, -2, 0]  // 2×3
        let d = try Linalg.svd(a, rows: 2, columns: 3)
        #expect(d.s == [3, 2])
        #expect(d.u == [1, 0, 0, 1])
        #expect(d.vt == [-1, 0, 0, 0, -1, 0])
        let full = try Linalg.svd(a, rows: 2, columns: 3, full: true)
        #expect(full.vt.count == 9 && full.u.count == 4)
        #expect(full.vt[6..<9] == [0, 0, 1])
    }

    @Test func vectorNormsFollowNumpysOrders() throws {
        let x: [Double] = [3, -4, 0]
        #expect(try Linalg.vectorNorm(x) == 5)
        #expect(try Linalg.vectorNorm(x, order: 1) == 7)
        #expect(try Linalg.vectorNorm(x, order: .infinity) == 4)
        #expect(try Linalg.vectorNorm(x, order: -.infinity) == 0)
        #expect(try Linalg.vectorNorm(x, order: 0) == 2)
        #expect(try Linalg.vectorNorm([1e200, 1e200]) == 1e200 * 2.0.squareRoot())  // no overflow
        #expect(throws: LinalgError.self) { try Linalg.vectorNorm([], order: -.infinity) }
        #expect(throws: LinalgError.self) { try Linalg.vectorNorm(x, order: .nan) }
    }
}

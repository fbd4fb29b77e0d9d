import COpenBLAS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dense linear algebra in double precision, computed by LAPACK (the routines OpenBLAS carries).
///
/// Every matrix is a flat `[Double]` in **row-major** order with its sizes passed beside it (`n` for a square
/// matrix, `rows`/`columns` otherwise); results come back the same way. Nothing here is hand-written numerics:
/// each function converts to LAPACK's column-major layout where it must (many need no copy, since a row-major
/// matrix is its transpose in column-major order), calls the routine, and checks its `info`.
///
/// Inputs are checked first: a count that does not match the sizes, a NaN or an infinite element, or (for the
/// symmetric routines) an asymmetric matrix throws a `LinalgError` instead of reaching LAPACK. Singular systems
/// are detected with LAPACK's condition estimate, not only exact zero pivots (see `singularThreshold`).
///
/// The language's `solve`, `inv`, `det`, `qr`, `cholesky`, `svd`, `eigh`, `lstsq`, `pinv` and `norm` commands
/// convert Float32 tensors to these arrays and their results back (`SPSLanguage/Builtins+Linalg.swift`);
/// `ols` uses `householderQR` (`SPSTraining/LeastSquares.swift`).
public enum Linalg {
    /// A matrix whose estimated reciprocal condition number (LAPACK `dgecon`, on the matrix with rows and columns
    /// scaled by powers of two, see `equilibration`) is below this is singular for `solve` and `inverse`: machine
    /// epsilon, the point where the answer has no correct digit left (MATLAB warns at the same point). numpy only
    /// refuses an exactly zero pivot and returns digits of noise otherwise. The estimate costs about as much as the
    /// factorization for small matrices (3 of 5 µs for 10×10) and little for large ones.
    public static let singularThreshold = Double.ulpOfOne

    /// The default relative tolerance of the symmetry check of `cholesky` and `eigh`: `|a[i,j] − a[j,i]|` may be
    /// at most this times the largest `|a|`. Data that went through Float32 needs a looser one
    /// (`float32SymmetryTolerance`).
    public static let symmetryTolerance = 1e-10
    /// The symmetry tolerance for matrices that come from Float32 tensors (a few units of Float32 rounding).
    public static let float32SymmetryTolerance = 1e-5

    /// The CPU kernels OpenBLAS runs with (`openblas_get_corename`), e.g. "SkylakeX" or "Haswell"; see
    /// `CKernels/openblas_core.c` for how sps picks them when OpenBLAS does not recognise the CPU.
    public static var blasCore: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    // MARK: - Linear systems (LU)

    /// The solution `X` of `A X = B`: `a` is n×n, `b` is n×`rightHandSides` (a vector when that is 1).
    ///
    /// LAPACK `dgetrf` + `dgecon` + `dgetrs` on the equilibrated matrix (rows and columns scaled by powers of two,
    /// see `equilibration`). Throws `.singular` when it is singular to working precision.
    public static func solve(_ a: [Double], _ b: [Double], n: Int, rightHandSides k: Int = 1) throws(LinalgError) -> [Double] {
        try checkSquare(a, n, "A")
        try checkCount(b, n * k, "B", "\(n)×\(k)")
        try checkFinite(a, columns: n, "A")
        try checkFinite(b, columns: k, "B")
        guard n > 0, k > 0 else { return [Double](repeating: 0, count: n * k) }
        // Solve the equilibrated system (R A C) y = R b, x = C y. Row-major A is Aᵀ in column-major order:
        // factor (R A C)ᵀ and solve with its transpose.
        let (lu, pivots, scale) = try factorEquilibrated(a, n: n)
        var x = k == 1 ? b : transpose(b, rows: n, columns: k)
        for j in 0..<k { for i in 0..<n { x[j * n + i] *= scale.rows[i] } }
        var trans = char("T"), nn = blasint(n), nrhs = blasint(k), info = blasint(0)
        lu.withUnsafeBufferPointer { pa in
            pivots.withUnsafeBufferPointer { pp in
                x.withUnsafeMutableBufferPointer { px in
                    dgetrs_(&trans, &nn, &nrhs, pa.baseAddress, &nn, pp.baseAddress, px.baseAddress, &nn, &info, 1)
                }
            }
        }
        try checkInfo(info, "dgetrs")
        for j in 0..<k { for i in 0..<n { x[j * n + i] *= scale.columns[i] } }
        return k == 1 ? x : transpose(x, rows: k, columns: n)
    }

    /// The inverse of the n×n matrix `a`. LAPACK `dgetrf` + `dgecon` + `dgetri` on the equilibrated matrix; throws
    /// `.singular` like `solve`.
    public static func inverse(_ a: [Double], n: Int) throws(LinalgError) -> [Double] {
        try checkSquare(a, n, "A")
        try checkFinite(a, columns: n, "A")
        guard n > 0 else { return [] }
        // inv(A) = C inv(R A C) R. And inv(Mᵀ) = inv(M)ᵀ: inverting the column-major reading of the buffer gives
        // the inverse in row-major order.
        var (lu, pivots, scale) = try factorEquilibrated(a, n: n)
        var nn = blasint(n), lwork = blasint(-1), info = blasint(0), query = 0.0
        pivots.withUnsafeBufferPointer { pp in
            lu.withUnsafeMutableBufferPointer { pa in
                dgetri_(&nn, pa.baseAddress, &nn, pp.baseAddress, &query, &lwork, &info)
            }
        }
        try checkInfo(info, "dgetri")
        lwork = workspaceSize(query, minimum: n)
        var work = [Double](repeating: 0, count: Int(lwork))
        pivots.withUnsafeBufferPointer { pp in
            lu.withUnsafeMutableBufferPointer { pa in
                work.withUnsafeMutableBufferPointer { pw in
                    dgetri_(&nn, pa.baseAddress, &nn, pp.baseAddress, pw.baseAddress, &lwork, &info)
                }
            }
        }
        if info > 0 { throw LinalgError.singular(reciprocalCondition: 0) }
        try checkInfo(info, "dgetri")
        for i in 0..<n { for j in 0..<n { lu[i * n + j] *= scale.columns[i] * scale.rows[j] } }
        return lu
    }

    /// The determinant of the n×n matrix `a` (1 for n = 0, 0 for a matrix with an exactly zero pivot).
    ///
    /// LAPACK `dgetrf`: the product of U's diagonal, its sign flipped once per row interchange. Like numpy's
    /// `det`, it can overflow to ±inf or underflow to 0 for large matrices.
    public static func determinant(_ a: [Double], n: Int) throws(LinalgError) -> Double {
        try checkSquare(a, n, "A")
        try checkFinite(a, columns: n, "A")
        guard n > 0 else { return 1 }
        var lu = a
        let pivots: [blasint]
        do throws(LinalgError) { pivots = try factorLU(&lu, n: n) } catch {
            if case .singular = error.kind { return 0 }
            throw error
        }
        var det = 1.0
        for i in 0..<n {
            det *= lu[i * n + i]
            if pivots[i] != blasint(i + 1) { det = -det }
        }
        return det
    }

    /// LAPACK's estimate of the reciprocal condition number of `a` in the 1-norm (`dgetrf` + `dgecon`): near 1 for
    /// a well-conditioned matrix, 0 for a singular one.
    public static func reciprocalCondition(_ a: [Double], n: Int) throws(LinalgError) -> Double {
        try checkSquare(a, n, "A")
        try checkFinite(a, columns: n, "A")
        guard n > 0 else { return 1 }
        // The column-major reading is Aᵀ, whose 1-norm condition is A's ∞-norm one: factor the transpose copy.
        var lu = transpose(a, rows: n, columns: n)
        do throws(LinalgError) { _ = try factorLU(&lu, n: n) } catch {
            if case .singular = error.kind { return 0 }
            throw error
        }
        return try estimateReciprocalCondition(lu, n: n, anorm: normOne(a, n: n))
    }

    // MARK: - Products

    /// The product `A B` of an m×k matrix and a k×n one (`cblas_dgemm`).
    public static func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) throws(LinalgError) -> [Double] {
        try checkCount(a, m * k, "A", "\(m)×\(k)")
        try checkCount(b, k * n, "B", "\(k)×\(n)")
        var c = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k),
                                1, pa.baseAddress, blasint(k), pb.baseAddress, blasint(n), 0, pc.baseAddress, blasint(n))
                }
            }
        }
        return c
    }

    /// The transpose of a row-major rows×columns matrix (which is also the same matrix in column-major order).
    public static func transpose(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        guard rows > 1 && columns > 1 else { return a }
        return [Double](unsafeUninitializedCapacity: rows * columns) { out, count in
            for i in 0..<rows {
                for j in 0..<columns { out[j * rows + i] = a[i * columns + j] }
            }
            count = rows * columns
        }
    }

    // MARK: - LU internals

    /// Factors the column-major n×n matrix in place (`dgetrf`); throws `.singular` on an exactly zero pivot.
    static func factorLU(_ lu: inout [Double], n: Int) throws(LinalgError) -> [blasint] {
        var pivots = [blasint](repeating: 0, count: n)
        var nn = blasint(n), info = blasint(0)
        lu.withUnsafeMutableBufferPointer { pa in
            pivots.withUnsafeMutableBufferPointer { pp in
                dgetrf_(&nn, &nn, pa.baseAddress, &nn, pp.baseAddress, &info)
            }
        }
        if info > 0 { throw LinalgError.singular(reciprocalCondition: 0) }
        try checkInfo(info, "dgetrf")
        return pivots
    }

    /// Row and column scales by powers of two (exact) that make the largest magnitude in every row and column of
    /// `R A C` between 1/2 and 1 (LAPACK's `dgeequ` idea). Singularity is judged on the scaled matrix, so a badly
    /// scaled but regular matrix — `[[1e30, 0], [0, 1e-30]]` — is not called singular.
    static func equilibration(_ a: [Double], n: Int) -> (rows: [Double], columns: [Double]) {
        func powerOfTwo(inverting x: Double) -> Double {
            guard x > 0, x.isFinite else { return 1 }
            return Double(sign: .plus, exponent: -min(max(Int(x.exponent) + 1, -1000), 1000), significand: 1)
        }
        var rows = [Double](repeating: 1, count: n), columns = [Double](repeating: 1, count: n)
        for i in 0..<n {
            var largest = 0.0
            for j in 0..<n { largest = max(largest, abs(a[i * n + j])) }
            rows[i] = powerOfTwo(inverting: largest)
        }
        for j in 0..<n {
            var largest = 0.0
            for i in 0..<n { largest = max(largest, abs(a[i * n + j]) * rows[i]) }
            columns[j] = powerOfTwo(inverting: largest)
        }
        return (rows, columns)
    }

    /// The LU factorization of the equilibrated `R A C` as `dgetrf` leaves it (of the transpose, in column-major
    /// terms), its pivots and the scales; throws `.singular` when `R A C` is singular to working precision.
    static func factorEquilibrated(_ a: [Double], n: Int) throws(LinalgError) -> (lu: [Double], pivots: [blasint], scale: (rows: [Double], columns: [Double])) {
        let scale = equilibration(a, n: n)
        var lu = a
        for i in 0..<n { for j in 0..<n { lu[i * n + j] *= scale.rows[i] * scale.columns[j] } }
        let anorm = normInfinity(lu, n: n)
        let pivots = try factorLU(&lu, n: n)
        try checkConditioned(lu, n: n, anorm: anorm)
        return (lu, pivots, scale)
    }

    /// Throws `.singular` unless the factored matrix's reciprocal condition number reaches `singularThreshold`.
    /// `anorm` is the 1-norm of the factored (column-major) matrix.
    static func checkConditioned(_ lu: [Double], n: Int, anorm: Double) throws(LinalgError) {
        let rcond = try estimateReciprocalCondition(lu, n: n, anorm: anorm)
        if !(rcond >= singularThreshold) { throw LinalgError.singular(reciprocalCondition: rcond) }
    }

    /// `dgecon` on an LU factorization in column-major order.
    static func estimateReciprocalCondition(_ lu: [Double], n: Int, anorm: Double) throws(LinalgError) -> Double {
        var norm = char("1"), nn = blasint(n), anorm = anorm, rcond = 0.0, info = blasint(0)
        var work = [Double](repeating: 0, count: 4 * n), iwork = [blasint](repeating: 0, count: n)
        lu.withUnsafeBufferPointer { pa in
            work.withUnsafeMutableBufferPointer { pw in
                iwork.withUnsafeMutableBufferPointer { pi in
                    dgecon_(&norm, &nn, pa.baseAddress, &nn, &anorm, &rcond, pw.baseAddress, pi.baseAddress, &info, 1)
                }
            }
        }
        try checkInfo(info, "dgecon")
        return rcond
    }

    /// The largest absolute row sum of a row-major n×n matrix (the 1-norm of its column-major reading).
    static func normInfinity(_ a: [Double], n: Int) -> Double {
        var best = 0.0
        for i in 0..<n {
            var s = 0.0
            for j in 0..<n { s += abs(a[i * n + j]) }
            best = max(best, s)
        }
        return best
    }

    /// The largest absolute column sum of a row-major n×n matrix.
    static func normOne(_ a: [Double], n: Int) -> Double {
        var sums = [Double](repeating: 0, count: n)
        for i in 0..<n { for j in 0..<n { sums[j] += abs(a[i * n + j]) } }
        return sums.max() ?? 0
    }

    // MARK: - Checks and small helpers

    /// A LAPACK CHARACTER argument.
    @inline(__always) static func char(_ c: Unicode.Scalar) -> CChar { CChar(truncatingIfNeeded: c.value) }

    /// The workspace size a LAPACK query returned (as a double), at least `minimum` and at least 1.
    static func workspaceSize(_ query: Double, minimum: Int) -> blasint {
        let size = query.isFinite ? max(Int(query.rounded(.up)), minimum, 1) : max(minimum, 1)
        return blasint(clamping: size)
    }

    /// Throws for a negative `info` (an illegal argument: a bug here, reported rather than trapped).
    static func checkInfo(_ info: blasint, _ routine: String) throws(LinalgError) {
        if info < 0 { throw LinalgError(.internalFailure, "LAPACK \(routine) rejected argument \(-info)") }
    }

    static func checkCount(_ a: [Double], _ expected: Int, _ name: String, _ shape: String) throws(LinalgError) {
        guard a.count == expected else {
            throw LinalgError(.shape, "\(name) should be \(shape) (\(expected) elements), got \(a.count) elements")
        }
    }

    static func checkSquare(_ a: [Double], _ n: Int, _ name: String) throws(LinalgError) {
        guard n >= 0, a.count == n * n else {
            throw LinalgError(.shape, "\(name) should be a square \(n)×\(n) matrix (\(max(n, 0) * max(n, 0)) elements), got \(a.count) elements")
        }
    }

    static func checkFinite(_ a: [Double], columns: Int, _ name: String) throws(LinalgError) {
        for (position, x) in a.enumerated() where !x.isFinite {
            let index = columns > 0 ? [position / columns, position % columns] : [position]
            throw LinalgError(.nonFinite(index: index, value: x), "\(name) has a non-finite value (\(x)) at [\(index.map(String.init).joined(separator: ", "))]")
        }
    }

    /// Throws `.notSymmetric` when some `|a[i,j] − a[j,i]|` exceeds `tolerance` times the largest `|a|`; otherwise
    /// returns `(A + Aᵀ) / 2`, so that the result does not depend on which triangle LAPACK reads.
    static func symmetrized(_ a: [Double], n: Int, tolerance: Double) throws(LinalgError) -> [Double] {
        let scale = a.reduce(0) { max($0, abs($1)) }
        var out = a
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let x = a[i * n + j], y = a[j * n + i]
                if abs(x - y) > tolerance * scale {
                    throw LinalgError(.notSymmetric(row: i, column: j),
                                      "the matrix is not symmetric: [\(i), \(j)] is \(x) but [\(j), \(i)] is \(y)")
                }
                let mean = (x + y) / 2
                out[i * n + j] = mean
                out[j * n + i] = mean
            }
        }
        return out
    }
}

/// Why a linear-algebra routine refused or failed, with a message a user can act on.
///
/// `kind` lets callers (the language's commands) write their own message naming the argument; `message` reads
/// well on its own.
public struct LinalgError: CoreError, Equatable, Sendable {
    /// The kinds of failure.
    public enum Kind: Equatable, Sendable {
        /// Sizes do not fit (a count that does not match, a non-square matrix).
        case shape
        /// An element is NaN or infinite; `index` is its [row, column] (or [position]).
        case nonFinite(index: [Int], value: Double)
        /// Singular to working precision: LAPACK's estimated reciprocal condition number (0: an exactly zero pivot).
        case singular(reciprocalCondition: Double)
        /// Cholesky: the leading minor of this order (1-based) is not positive.
        case notPositiveDefinite(order: Int)
        /// A symmetric routine got a matrix that is not symmetric at [row, column].
        case notSymmetric(row: Int, column: Int)
        /// An iterative routine (SVD, eigenvalues) did not converge.
        case noConvergence
        /// LAPACK rejected an argument: a bug in the caller here.
        case internalFailure
    }

    /// What failed.
    public let kind: Kind
    /// What went wrong, in words a user can act on.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A singular matrix, with its estimated reciprocal condition number.
    static func singular(reciprocalCondition rcond: Double) -> LinalgError {
        let detail = rcond == 0 ? "an exactly zero pivot" : "reciprocal condition number \(shortNumber(rcond))"
        return LinalgError(.singular(reciprocalCondition: rcond), "the matrix is singular (\(detail))")
    }

    /// A number in a few significant digits for messages: `1.2e-18`.
    public static func shortNumber(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return "\(x)" }
        let exponent = Int((log10(abs(x))).rounded(.down))
        if exponent >= -3 && exponent < 6 { return "\((x * 1000).rounded() / 1000)" }
        let mantissa = (x / pow(10, Double(exponent)) * 10).rounded() / 10
        return "\(mantissa)e\(exponent)"
    }
}

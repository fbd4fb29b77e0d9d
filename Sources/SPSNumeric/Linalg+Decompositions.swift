import COpenBLAS

// Decompositions (Cholesky, QR, SVD, the symmetric eigenproblem), least squares and the pseudo-inverse, all by
// LAPACK; row-major `[Double]` in and out, as in `Linalg.swift`.
//
// Signs. A QR, SVD or eigen-decomposition is unique only up to the signs of its vectors, and LAPACK's choice may
// change between versions or machines. sps fixes them so that results are reproducible:
// * `qr`: the diagonal of R is non-negative (so Q R is *the* QR of a full-rank matrix, and Q of a Gaussian
//   matrix is a uniformly random orthogonal matrix — Mezzadri, "How to generate random matrices from the
//   classical compact groups", 2007);
// * `svd`: in each column of U the entry of largest magnitude is positive, the matching row of Vᵀ flipped with
//   it (scikit-learn's `svd_flip`);
// * `eigh`: in each eigenvector the entry of largest magnitude is positive.
// numpy leaves LAPACK's signs, so compare with numpy through invariants (Q R = A, U diag(s) Vᵀ = A, A v = λ v).

extension Linalg {
    // MARK: - Cholesky

    /// The lower-triangular `L` with `A = L Lᵀ` of a symmetric positive-definite n×n matrix (LAPACK `dpotrf`).
    ///
    /// The matrix must be symmetric within `symmetryTolerance` (relative to its largest element; see
    /// `float32SymmetryTolerance` for data that went through Float32); `(A + Aᵀ) / 2` is factored. Throws
    /// `.notPositiveDefinite` naming the first leading minor that is not positive.
    public static func cholesky(_ a: [Double], n: Int, symmetryTolerance: Double = Linalg.symmetryTolerance) throws(LinalgError) -> [Double] {
        try checkSquare(a, n, "A")
        try checkFinite(a, columns: n, "A")
        guard n > 0 else { return [] }
        var factor = try symmetrized(a, n: n, tolerance: symmetryTolerance)
        // Symmetric, so the buffer reads the same in either order; the upper factor U (A = Uᵀ U) in column-major
        // order is L = Uᵀ in row-major order.
        var uplo = char("U"), nn = blasint(n), info = blasint(0)
        factor.withUnsafeMutableBufferPointer { p in dpotrf_(&uplo, &nn, p.baseAddress, &nn, &info, 1) }
        if info > 0 {
            throw LinalgError(.notPositiveDefinite(order: Int(info)),
                              "the matrix is not positive definite (its leading \(info)×\(info) minor is not positive)")
        }
        try checkInfo(info, "dpotrf")
        for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { factor[i * n + j] = 0 } }
        return factor
    }

    // MARK: - QR

    /// A Householder QR factorization of an m×n matrix as LAPACK keeps it (`dgeqrf`): the reflectors and R in
    /// one column-major array. Used for least squares (`solve`) and to form `qr`'s Q and R.
    public struct HouseholderQR: Sendable {
        /// The sizes of the factored matrix.
        public let rows: Int, columns: Int
        /// `dgeqrf`'s output, column-major rows×columns: R on and above the diagonal, reflectors below.
        let factors: [Double]
        /// The reflectors' scalar factors, min(rows, columns) of them.
        let tau: [Double]

        /// min(rows, columns).
        public var rank: Int { min(rows, columns) }

        /// The diagonal of R, as LAPACK computed it (signs not normalized). A zero or tiny `|R[j, j]|` against
        /// the norm of column j means column j is (nearly) a linear combination of the columns before it.
        public var rDiagonal: [Double] { (0..<rank).map { factors[$0 + $0 * rows] } }

        /// R, min(rows, columns)×columns, row-major, signs as LAPACK computed them.
        public var r: [Double] {
            let k = rank
            var out = [Double](repeating: 0, count: k * columns)
            for i in 0..<k { for j in i..<columns { out[i * columns + j] = factors[i + j * rows] } }
            return out
        }

        /// Q, rows×min(rows, columns), row-major, with orthonormal columns (LAPACK `dorgqr`).
        public func q() throws(LinalgError) -> [Double] {
            let k = rank
            guard rows > 0, k > 0 else { return [] }
            var buffer = Array(factors[0..<(rows * k)])
            var m = blasint(rows), kk = blasint(k), lwork = blasint(-1), info = blasint(0), query = 0.0
            tau.withUnsafeBufferPointer { pt in
                buffer.withUnsafeMutableBufferPointer { pa in
                    dorgqr_(&m, &kk, &kk, pa.baseAddress, &m, pt.baseAddress, &query, &lwork, &info)
                }
            }
            try Linalg.checkInfo(info, "dorgqr")
            lwork = Linalg.workspaceSize(query, minimum: k)
            var work = [Double](repeating: 0, count: Int(lwork))
            tau.withUnsafeBufferPointer { pt in
                buffer.withUnsafeMutableBufferPointer { pa in
                    work.withUnsafeMutableBufferPointer { pw in
                        dorgqr_(&m, &kk, &kk, pa.baseAddress, &m, pt.baseAddress, pw.baseAddress, &lwork, &info)
                    }
                }
            }
            try Linalg.checkInfo(info, "dorgqr")
            return Linalg.transpose(buffer, rows: k, columns: rows)
        }

        /// The least-squares solution of `A X ≈ B` for a matrix with at least as many rows as columns and full
        /// column rank: `Qᵀ B` (`dormqr`), then back substitution with R (`dtrtrs`). `b` is rows×`rightHandSides`,
        /// row-major; the result is columns×`rightHandSides`. Throws `.singular` when R has an exactly zero
        /// diagonal entry (check `rDiagonal` first to detect near-dependence with a tolerance of your own).
        public func solve(_ b: [Double], rightHandSides k: Int = 1) throws(LinalgError) -> [Double] {
            guard rows >= columns else {
                throw LinalgError(.shape, "least squares by QR needs at least as many rows as columns, got \(rows)×\(columns)")
            }
            try Linalg.checkCount(b, rows * k, "B", "\(rows)×\(k)")
            guard columns > 0, k > 0 else { return [Double](repeating: 0, count: columns * k) }
            var c = Linalg.transpose(b, rows: rows, columns: k)
            var side = Linalg.char("L"), trans = Linalg.char("T"), m = blasint(rows), nrhs = blasint(k)
            var reflectors = blasint(columns), lwork = blasint(-1), info = blasint(0), query = 0.0
            factors.withUnsafeBufferPointer { pa in
                tau.withUnsafeBufferPointer { pt in
                    c.withUnsafeMutableBufferPointer { pc in
                        dormqr_(&side, &trans, &m, &nrhs, &reflectors, pa.baseAddress, &m, pt.baseAddress, pc.baseAddress, &m,
                                &query, &lwork, &info, 1, 1)
                    }
                }
            }
            try Linalg.checkInfo(info, "dormqr")
            lwork = Linalg.workspaceSize(query, minimum: k)
            var work = [Double](repeating: 0, count: Int(lwork))
            factors.withUnsafeBufferPointer { pa in
                tau.withUnsafeBufferPointer { pt in
                    c.withUnsafeMutableBufferPointer { pc in
                        work.withUnsafeMutableBufferPointer { pw in
                            dormqr_(&side, &trans, &m, &nrhs, &reflectors, pa.baseAddress, &m, pt.baseAddress, pc.baseAddress, &m,
                                    pw.baseAddress, &lwork, &info, 1, 1)
                        }
                    }
                }
            }
            try Linalg.checkInfo(info, "dormqr")
            var uplo = Linalg.char("U"), noTrans = Linalg.char("N"), diag = Linalg.char("N"), n = blasint(columns)
            factors.withUnsafeBufferPointer { pa in
                c.withUnsafeMutableBufferPointer { pc in
                    dtrtrs_(&uplo, &noTrans, &diag, &n, &nrhs, pa.baseAddress, &m, pc.baseAddress, &m, &info, 1, 1, 1)
                }
            }
            if info > 0 { throw LinalgError.singular(reciprocalCondition: 0) }
            try Linalg.checkInfo(info, "dtrtrs")
            // The solution is the first `columns` rows of each column of C.
            var x = [Double](repeating: 0, count: columns * k)
            for j in 0..<k { for i in 0..<columns { x[i * k + j] = c[i + j * rows] } }
            return x
        }
    }

    /// The Householder QR factorization of a rows×columns matrix (LAPACK `dgeqrf`), without column pivoting.
    public static func householderQR(_ a: [Double], rows: Int, columns: Int) throws(LinalgError) -> HouseholderQR {
        try checkCount(a, rows * columns, "A", "\(rows)×\(columns)")
        try checkFinite(a, columns: columns, "A")
        let k = min(rows, columns)
        guard k > 0 else { return HouseholderQR(rows: rows, columns: columns, factors: a, tau: []) }
        var factors = transpose(a, rows: rows, columns: columns)
        var tau = [Double](repeating: 0, count: k)
        var m = blasint(rows), n = blasint(columns), lwork = blasint(-1), info = blasint(0), query = 0.0
        factors.withUnsafeMutableBufferPointer { pa in
            tau.withUnsafeMutableBufferPointer { pt in dgeqrf_(&m, &n, pa.baseAddress, &m, pt.baseAddress, &query, &lwork, &info) }
        }
        try checkInfo(info, "dgeqrf")
        lwork = workspaceSize(query, minimum: columns)
        var work = [Double](repeating: 0, count: Int(lwork))
        factors.withUnsafeMutableBufferPointer { pa in
            tau.withUnsafeMutableBufferPointer { pt in
                work.withUnsafeMutableBufferPointer { pw in dgeqrf_(&m, &n, pa.baseAddress, &m, pt.baseAddress, pw.baseAddress, &lwork, &info) }
            }
        }
        try checkInfo(info, "dgeqrf")
        return HouseholderQR(rows: rows, columns: columns, factors: factors, tau: tau)
    }

    /// The reduced QR decomposition `A = Q R` of a rows×columns matrix, k = min(rows, columns): Q is rows×k with
    /// orthonormal columns, R is k×columns upper triangular with a **non-negative diagonal** (numpy's
    /// `qr(mode="reduced")` up to those signs). Q of a square matrix of independent standard normals is then a
    /// uniformly (Haar) distributed random orthogonal matrix.
    public static func qr(_ a: [Double], rows: Int, columns: Int) throws(LinalgError) -> (q: [Double], r: [Double]) {
        let factorization = try householderQR(a, rows: rows, columns: columns)
        var q = try factorization.q(), r = factorization.r
        let k = factorization.rank
        for i in 0..<k where r[i * columns + i] < 0 {
            for j in i..<columns { r[i * columns + j] = -r[i * columns + j] }
            for row in 0..<rows { q[row * k + i] = -q[row * k + i] }
        }
        return (q, r)
    }

    // MARK: - Singular value decomposition

    /// The singular value decomposition `A = U diag(s) Vᵀ` of a rows×columns matrix.
    public struct SVD: Sendable, Equatable {
        /// U, rows×k row-major (rows×rows when `full`), orthonormal columns.
        public var u: [Double]
        /// The k = min(rows, columns) singular values, largest first.
        public var s: [Double]
        /// Vᵀ, k×columns row-major (columns×columns when `full`), orthonormal rows.
        public var vt: [Double]
    }

    /// The singular value decomposition (LAPACK `dgesdd`, falling back to `dgesvd` if it does not converge):
    /// reduced (numpy's `full_matrices=False`) unless `full`. Signs: see the top of this file.
    public static func svd(_ a: [Double], rows: Int, columns: Int, full: Bool = false) throws(LinalgError) -> SVD {
        try checkCount(a, rows * columns, "A", "\(rows)×\(columns)")
        try checkFinite(a, columns: columns, "A")
        let k = min(rows, columns)
        let uColumns = full ? rows : k, vtRows = full ? columns : k
        guard k > 0 else {
            return SVD(u: identity(rows, columns: uColumns), s: [], vt: identity(vtRows, columns: columns))
        }
        // Row-major A is Aᵀ in column-major order (columns×rows). Its SVD Aᵀ = U' S V'ᵀ gives A = V' S U'ᵀ, and
        // LAPACK's column-major U' read row-major is U'ᵀ = Vᵀ, its V'ᵀ read row-major is V' = U: no copies.
        var s = [Double](repeating: 0, count: k)
        var vt = [Double](repeating: 0, count: vtRows * columns)  // U' : columns×vtRows column-major
        var u = [Double](repeating: 0, count: rows * uColumns)    // V'ᵀ: uColumns×rows column-major
        var m = blasint(columns), n = blasint(rows), ldvt = blasint(uColumns), info = blasint(0)
        var work = [Double](repeating: 0, count: 1), lwork = blasint(-1)
        var iwork = [blasint](repeating: 0, count: 8 * k)
        var jobz = char(full ? "A" : "S")
        func run(_ buffer: inout [Double]) {
            buffer.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    vt.withUnsafeMutableBufferPointer { pu in
                        u.withUnsafeMutableBufferPointer { pv in
                            work.withUnsafeMutableBufferPointer { pw in
                                iwork.withUnsafeMutableBufferPointer { pi in
                                    dgesdd_(&jobz, &m, &n, pa.baseAddress, &m, ps.baseAddress, pu.baseAddress, &m,
                                            pv.baseAddress, &ldvt, pw.baseAddress, &lwork, pi.baseAddress, &info, 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        var buffer = a
        run(&buffer)
        try checkInfo(info, "dgesdd")
        lwork = workspaceSize(work[0], minimum: 4 * k * k + 7 * k + max(rows, columns))
        work = [Double](repeating: 0, count: Int(lwork))
        run(&buffer)
        try checkInfo(info, "dgesdd")
        if info > 0 {
            // dgesdd's divide and conquer did not converge: try the QR iteration of dgesvd once.
            buffer = a
            var job = char(full ? "A" : "S")
            lwork = -1
            func runSVD() {
                buffer.withUnsafeMutableBufferPointer { pa in
                    s.withUnsafeMutableBufferPointer { ps in
                        vt.withUnsafeMutableBufferPointer { pu in
                            u.withUnsafeMutableBufferPointer { pv in
                                work.withUnsafeMutableBufferPointer { pw in
                                    dgesvd_(&job, &job, &m, &n, pa.baseAddress, &m, ps.baseAddress, pu.baseAddress, &m,
                                            pv.baseAddress, &ldvt, pw.baseAddress, &lwork, &info, 1, 1)
                                }
                            }
                        }
                    }
                }
            }
            runSVD()
            try checkInfo(info, "dgesvd")
            lwork = workspaceSize(work[0], minimum: 5 * k + max(rows, columns))
            work = [Double](repeating: 0, count: Int(lwork))
            runSVD()
            try checkInfo(info, "dgesvd")
            if info > 0 { throw LinalgError(.noConvergence, "the singular value decomposition did not converge") }
        }
        // Signs: the largest-magnitude entry of each column of U positive, the row of Vᵀ flipped with it.
        for j in 0..<uColumns where largestEntryIsNegative(u, count: rows, at: { $0 * uColumns + j }) {
            for i in 0..<rows { u[i * uColumns + j] = -u[i * uColumns + j] }
            if j < vtRows { for c in 0..<columns { vt[j * columns + c] = -vt[j * columns + c] } }
        }
        // With `full`, rows of Vᵀ past k have no column of U to follow: the same rule on their own.
        for j in uColumns..<max(vtRows, uColumns) where largestEntryIsNegative(vt, count: columns, at: { j * columns + $0 }) {
            for c in 0..<columns { vt[j * columns + c] = -vt[j * columns + c] }
        }
        return SVD(u: u, s: s, vt: vt)
    }

    /// The singular values of a rows×columns matrix, largest first (LAPACK `dgesdd` without vectors).
    public static func singularValues(_ a: [Double], rows: Int, columns: Int) throws(LinalgError) -> [Double] {
        try checkCount(a, rows * columns, "A", "\(rows)×\(columns)")
        try checkFinite(a, columns: columns, "A")
        let k = min(rows, columns)
        guard k > 0 else { return [] }
        var buffer = a, s = [Double](repeating: 0, count: k), unused = [0.0]
        var m = blasint(columns), n = blasint(rows), one = blasint(1), info = blasint(0), lwork = blasint(-1)
        var jobz = char("N"), work = [0.0], iwork = [blasint](repeating: 0, count: 8 * k)
        func run() {
            buffer.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    unused.withUnsafeMutableBufferPointer { px in
                        work.withUnsafeMutableBufferPointer { pw in
                            iwork.withUnsafeMutableBufferPointer { pi in
                                dgesdd_(&jobz, &m, &n, pa.baseAddress, &m, ps.baseAddress, px.baseAddress, &one,
                                        px.baseAddress, &one, pw.baseAddress, &lwork, pi.baseAddress, &info, 1)
                            }
                        }
                    }
                }
            }
        }
        run()
        try checkInfo(info, "dgesdd")
        lwork = workspaceSize(work[0], minimum: 3 * k + max(max(rows, columns), 7 * k))
        work = [Double](repeating: 0, count: Int(lwork))
        run()
        try checkInfo(info, "dgesdd")
        if info > 0 { return try svd(a, rows: rows, columns: columns).s }
        return s
    }

    // MARK: - Symmetric eigenproblem

    /// Eigenvalues and eigenvectors of a symmetric matrix.
    public struct SymmetricEigen: Sendable, Equatable {
        /// The n eigenvalues in increasing order.
        public var values: [Double]
        /// n×n row-major; column j is the unit eigenvector of `values[j]`.
        public var vectors: [Double]
    }

    /// The eigen-decomposition `A = V diag(w) Vᵀ` of a symmetric n×n matrix (LAPACK `dsyevd`), values in
    /// increasing order as numpy's `eigh`. Symmetry is checked as for `cholesky`. Signs: see the top of this file.
    public static func eigh(_ a: [Double], n: Int, symmetryTolerance: Double = Linalg.symmetryTolerance) throws(LinalgError) -> SymmetricEigen {
        try checkSquare(a, n, "A")
        try checkFinite(a, columns: n, "A")
        guard n > 0 else { return SymmetricEigen(values: [], vectors: []) }
        var buffer = try symmetrized(a, n: n, tolerance: symmetryTolerance)
        var w = [Double](repeating: 0, count: n)
        var jobz = char("V"), uplo = char("L"), nn = blasint(n), info = blasint(0)
        var lwork = blasint(-1), liwork = blasint(-1), work = [0.0], iwork = [blasint(0)]
        func run() {
            buffer.withUnsafeMutableBufferPointer { pa in
                w.withUnsafeMutableBufferPointer { pw in
                    work.withUnsafeMutableBufferPointer { pk in
                        iwork.withUnsafeMutableBufferPointer { pi in
                            dsyevd_(&jobz, &uplo, &nn, pa.baseAddress, &nn, pw.baseAddress, pk.baseAddress, &lwork,
                                    pi.baseAddress, &liwork, &info, 1, 1)
                        }
                    }
                }
            }
        }
        run()
        try checkInfo(info, "dsyevd")
        lwork = workspaceSize(work[0], minimum: 1 + 6 * n + 2 * n * n)
        liwork = max(iwork[0], blasint(clamping: 3 + 5 * n))
        work = [Double](repeating: 0, count: Int(lwork))
        iwork = [blasint](repeating: 0, count: Int(liwork))
        run()
        try checkInfo(info, "dsyevd")
        if info > 0 { throw LinalgError(.noConvergence, "the eigenvalue computation did not converge") }
        // Column-major eigenvectors: vector j is buffer[j*n ..< (j+1)*n]. Fix its sign, then lay them out as columns.
        for j in 0..<n where largestEntryIsNegative(buffer, count: n, at: { j * n + $0 }) {
            for i in 0..<n { buffer[j * n + i] = -buffer[j * n + i] }
        }
        return SymmetricEigen(values: w, vectors: transpose(buffer, rows: n, columns: n))
    }

    // MARK: - Least squares and the pseudo-inverse

    /// The result of `lstsq`, as numpy's `lstsq` returns it.
    public struct LeastSquaresSolution: Sendable, Equatable {
        /// The minimum-norm least-squares solution, columns×rightHandSides row-major.
        public var solution: [Double]
        /// The sum of squared residuals of each right-hand side when the matrix has full column rank and more
        /// rows than columns; empty otherwise (as numpy).
        public var residuals: [Double]
        /// The effective rank: singular values above `rcond` times the largest.
        public var rank: Int
        /// The singular values of A, largest first.
        public var singularValues: [Double]
    }

    /// The minimum-norm solution of `min ‖A X − B‖` for a rows×columns `a` and rows×`rightHandSides` `b`
    /// (LAPACK `dgelsd`, as numpy's `lstsq`). Singular values at most `rcond` times the largest are treated as
    /// zero; the default is machine epsilon times max(rows, columns), numpy's default since 2.0.
    public static func lstsq(_ a: [Double], _ b: [Double], rows: Int, columns: Int, rightHandSides k: Int = 1,
                             rcond: Double? = nil) throws(LinalgError) -> LeastSquaresSolution {
        try checkCount(a, rows * columns, "A", "\(rows)×\(columns)")
        try checkCount(b, rows * k, "B", "\(rows)×\(k)")
        try checkFinite(a, columns: columns, "A")
        try checkFinite(b, columns: k, "B")
        let p = min(rows, columns)
        guard p > 0, k > 0 else {
            return LeastSquaresSolution(solution: [Double](repeating: 0, count: columns * k), residuals: [], rank: 0, singularValues: [])
        }
        var matrix = transpose(a, rows: rows, columns: columns)
        let ldb = max(rows, columns)
        var rhs = [Double](repeating: 0, count: ldb * k)
        for i in 0..<rows { for j in 0..<k { rhs[i + j * ldb] = b[i * k + j] } }
        var s = [Double](repeating: 0, count: p)
        var m = blasint(rows), n = blasint(columns), nrhs = blasint(k), lda = blasint(rows), ldbb = blasint(ldb)
        var cutoff = rcond ?? Double.ulpOfOne * Double(max(rows, columns)), rank = blasint(0), info = blasint(0)
        var lwork = blasint(-1), work = [0.0], iwork = [blasint](repeating: 0, count: 1)
        func run() {
            matrix.withUnsafeMutableBufferPointer { pa in
                rhs.withUnsafeMutableBufferPointer { pb in
                    s.withUnsafeMutableBufferPointer { ps in
                        work.withUnsafeMutableBufferPointer { pw in
                            iwork.withUnsafeMutableBufferPointer { pi in
                                dgelsd_(&m, &n, &nrhs, pa.baseAddress, &lda, pb.baseAddress, &ldbb, ps.baseAddress, &cutoff,
                                        &rank, pw.baseAddress, &lwork, pi.baseAddress, &info)
                            }
                        }
                    }
                }
            }
        }
        run()
        try checkInfo(info, "dgelsd")
        lwork = workspaceSize(work[0], minimum: 12 * p + 2 * p * 64 + 8 * p * k + 64 * 64)
        let liwork = max(Int(iwork[0]), 3 * p * 30 + 11 * p, 1)
        work = [Double](repeating: 0, count: Int(lwork))
        iwork = [blasint](repeating: 0, count: liwork)
        run()
        try checkInfo(info, "dgelsd")
        if info > 0 { throw LinalgError(.noConvergence, "the least-squares solution (its singular value decomposition) did not converge") }
        var solution = [Double](repeating: 0, count: columns * k)
        for i in 0..<columns { for j in 0..<k { solution[i * k + j] = rhs[i + j * ldb] } }
        var residuals: [Double] = []
        if Int(rank) == columns && rows > columns {
            residuals = (0..<k).map { j in (columns..<rows).reduce(0) { $0 + rhs[$1 + j * ldb] * rhs[$1 + j * ldb] } }
        }
        return LeastSquaresSolution(solution: solution, residuals: residuals, rank: Int(rank), singularValues: s)
    }

    /// The Moore–Penrose pseudo-inverse (columns×rows) of a rows×columns matrix, from its SVD: singular values at
    /// most `rcond` times the largest count as zero (numpy's `pinv`, same default 1e-15).
    public static func pseudoInverse(_ a: [Double], rows: Int, columns: Int, rcond: Double = 1e-15) throws(LinalgError) -> [Double] {
        let d = try svd(a, rows: rows, columns: columns)
        let k = d.s.count
        guard k > 0 else { return [Double](repeating: 0, count: columns * rows) }
        let cutoff = rcond * (d.s.first ?? 0)
        // pinv = V diag(1/s) Uᵀ: scale the columns of V = (Vᵀ)ᵀ, then multiply by Uᵀ.
        var scaledV = transpose(d.vt, rows: k, columns: columns)
        for l in 0..<k {
            let inverse = d.s[l] > cutoff ? 1 / d.s[l] : 0
            for i in 0..<columns { scaledV[i * k + l] *= inverse }
        }
        return try multiply(scaledV, transpose(d.u, rows: rows, columns: k), m: columns, k: k, n: rows)
    }

    // MARK: - Helpers

    /// The rows×columns matrix with ones on the diagonal.
    static func identity(_ rows: Int, columns: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows * columns)
        for i in 0..<min(rows, columns) { out[i * columns + i] = 1 }
        return out
    }

    /// Whether, among `count` entries addressed by `at`, the one of largest magnitude (the first on ties) is
    /// negative.
    static func largestEntryIsNegative(_ a: [Double], count: Int, at index: (Int) -> Int) -> Bool {
        var best = 0.0, negative = false
        for i in 0..<count {
            let x = a[index(i)]
            if abs(x) > best {
                best = abs(x)
                negative = x < 0
            }
        }
        return negative
    }
}

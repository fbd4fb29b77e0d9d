import COpenBLAS
import CKernels

/// Matrix-product kernels: register-blocked SIMD code for the small products of mini-batch training, and
/// OpenBLAS's `cblas_sgemm` for large ones.
public enum Kernels {
    /// Products with at least this many multiply-adds go to OpenBLAS when `n` and `k` are also at least
    /// `blasMinimumWidth`; smaller or narrower ones stay in Swift, where the library's call and threading
    /// overhead would dominate (mini-batches of small networks).
    public static let blasThreshold = 1 << 20
    /// See `blasThreshold`.
    public static let blasMinimumWidth = 128

    /// Whether a product of this size goes to OpenBLAS.
    @inline(__always)
    public static func usesBLAS(m: Int, n: Int, k: Int) -> Bool {
        m * n * k >= blasThreshold && n >= blasMinimumWidth && k >= blasMinimumWidth
    }

    /// Sets how many threads OpenBLAS may use (1 when runs are already parallel). For the process as a whole:
    /// code that runs beside other work uses `withSingleThreadedBLAS` instead.
    public static func setBLASThreads(_ count: Int) {
        openblas_set_num_threads(Int32(count))
    }

    /// How many callers are inside `withSingleThreadedBLAS`, and the thread count to restore after the last.
    private static let singleThreaded = Locked<(users: Int, restore: Int)>((0, 0))

    /// Runs `body` with OpenBLAS on one thread (parallel runs are the parallelism), restoring the thread count
    /// only when the last of any overlapping or nested callers finishes: a `repeat` inside a run, or two at once,
    /// never changes what another is running with.
    public static func withSingleThreadedBLAS<T, E: Error>(restoring count: Int, _ body: () throws(E) -> T) throws(E) -> T {
        // Changing OpenBLAS's thread count can start its thread pool, whose idle threads then spin beside the runs
        // (measured: a quarter of the CPU of a study): stop it after each change; a large product restarts it.
        singleThreaded.withLock { state in
            if state.users == 0 {
                openblas_set_num_threads(1)
                sps_openblas_stop_threads()
            }
            state.users += 1
            state.restore = count
        }
        defer {
            singleThreaded.withLock { state in
                state.users -= 1
                if state.users == 0 {
                    openblas_set_num_threads(Int32(state.restore))
                    sps_openblas_stop_threads()
                }
            }
        }
        return try body()
    }

    /// `C = op(A) · op(B)` (or `C += …` when `accumulate`), all row-major with leading dimensions.
    ///
    /// `op(A)` is m×k and `op(B)` is k×n. With `transposeA`, `A` is stored k×m; with `transposeB`, `B` is stored
    /// n×k. Small products with a transposed `B` should pass `B` already transposed (see `Linear`), since the
    /// Swift kernel streams rows of `B`; here it is packed into a temporary.
    public static func gemm(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        guard m > 0 && n > 0 else { return }
        if k == 0 || usesBLAS(m: m, n: n, k: k) {
            guard k > 0 else {
                if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
                return
            }
            cblas_sgemm(
                CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(ldc))
            return
        }
        if transposeB {
            let packed = UnsafeMutablePointer<Float>.allocate(capacity: k * n)
            defer { packed.deallocate() }
            for j in 0..<n { for p in 0..<k { packed[p * n + j] = b[j * ldb + p] } }
            smallGemm(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA, b: packed, ldb: n, c: c, ldc: ldc, accumulate: accumulate)
        } else {
            smallGemm(m: m, n: n, k: k, a: a, lda: lda, transposeA: transposeA, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
        }
    }

    /// `C (+)= op(A) · B` with `B` row-major k×n, in register-blocked tiles of 4 rows × 16 columns.
    public static func smallGemm(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        if transposeA && n < 8 {
            narrowTransposed(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
            return
        }
        if !transposeA && n == 1 {
            for i in 0..<m {
                let sum = dot(a + i * lda, b, stride: ldb, count: k)
                c[i * ldc] = accumulate ? c[i * ldc] + sum : sum
            }
            return
        }
        // Element (i, p) of op(A).
        let rowStep = transposeA ? 1 : lda, depthStep = transposeA ? lda : 1
        var i = 0
        while i + 4 <= m {
            let a0 = a + i * rowStep, a1 = a0 + rowStep, a2 = a1 + rowStep, a3 = a2 + rowStep
            var j = 0
            while j + 16 <= n {
                var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
                var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
                var bp = b + j
                var offset = 0
                for _ in 0..<k {
                    let b0 = load8(bp), b1 = load8(bp + 8)
                    let x0 = SIMD8(repeating: a0[offset]), x1 = SIMD8(repeating: a1[offset])
                    let x2 = SIMD8(repeating: a2[offset]), x3 = SIMD8(repeating: a3[offset])
                    c00.addProduct(x0, b0); c01.addProduct(x0, b1)
                    c10.addProduct(x1, b0); c11.addProduct(x1, b1)
                    c20.addProduct(x2, b0); c21.addProduct(x2, b1)
                    c30.addProduct(x3, b0); c31.addProduct(x3, b1)
                    bp += ldb
                    offset += depthStep
                }
                let cp = c + i * ldc + j
                store8(c00, cp, accumulate); store8(c01, cp + 8, accumulate)
                store8(c10, cp + ldc, accumulate); store8(c11, cp + ldc + 8, accumulate)
                store8(c20, cp + 2 * ldc, accumulate); store8(c21, cp + 2 * ldc + 8, accumulate)
                store8(c30, cp + 3 * ldc, accumulate); store8(c31, cp + 3 * ldc + 8, accumulate)
                j += 16
            }
            while j + 8 <= n {
                var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>()
                var bp = b + j
                var offset = 0
                for _ in 0..<k {
                    let b0 = load8(bp)
                    c0.addProduct(SIMD8(repeating: a0[offset]), b0)
                    c1.addProduct(SIMD8(repeating: a1[offset]), b0)
                    c2.addProduct(SIMD8(repeating: a2[offset]), b0)
                    c3.addProduct(SIMD8(repeating: a3[offset]), b0)
                    bp += ldb
                    offset += depthStep
                }
                let cp = c + i * ldc + j
                store8(c0, cp, accumulate); store8(c1, cp + ldc, accumulate)
                store8(c2, cp + 2 * ldc, accumulate); store8(c3, cp + 3 * ldc, accumulate)
                j += 8
            }
            for r in 0..<4 { scalarColumns(row: i + r, from: j, n: n, k: k, a: a, rowStep: rowStep, depthStep: depthStep, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate) }
            i += 4
        }
        while i < m {
            let ai = a + i * rowStep
            var j = 0
            while j + 8 <= n {
                var acc = SIMD8<Float>()
                var bp = b + j
                var offset = 0
                for _ in 0..<k {
                    acc.addProduct(SIMD8(repeating: ai[offset]), load8(bp))
                    bp += ldb
                    offset += depthStep
                }
                store8(acc, c + i * ldc + j, accumulate)
                j += 8
            }
            scalarColumns(row: i, from: j, n: n, k: k, a: a, rowStep: rowStep, depthStep: depthStep, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
            i += 1
        }
    }

    /// `C (+)= Aᵀ B` for few columns: vectorized over the rows of C, which are contiguous in each row of A.
    static func narrowTransposed(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        for j in 0..<n {
            var i = 0
            while i + 8 <= m {
                var acc = SIMD8<Float>()
                for p in 0..<k { acc.addProduct(load8(a + p * lda + i), SIMD8(repeating: b[p * ldb + j])) }
                for lane in 0..<8 {
                    let target = c + (i + lane) * ldc + j
                    target.pointee = accumulate ? target.pointee + acc[lane] : acc[lane]
                }
                i += 8
            }
            while i < m {
                var sum: Float = 0
                for p in 0..<k { sum += a[p * lda + i] * b[p * ldb + j] }
                c[i * ldc + j] = accumulate ? c[i * ldc + j] + sum : sum
                i += 1
            }
        }
    }

    /// The dot product of a contiguous vector and a strided one, with eight lanes when the second is contiguous.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, stride: Int, count: Int) -> Float {
        var p = 0
        var sum: Float = 0
        if stride == 1 {
            var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>()
            while p + 16 <= count {
                acc0.addProduct(load8(x + p), load8(y + p))
                acc1.addProduct(load8(x + p + 8), load8(y + p + 8))
                p += 16
            }
            while p + 8 <= count {
                acc0.addProduct(load8(x + p), load8(y + p))
                p += 8
            }
            sum = (acc0 + acc1).sum()
        }
        while p < count {
            sum += x[p] * y[p * stride]
            p += 1
        }
        return sum
    }

    @inline(__always)
    static func scalarColumns(
        row i: Int, from start: Int, n: Int, k: Int, a: UnsafePointer<Float>, rowStep: Int, depthStep: Int,
        b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        guard start < n else { return }
        let ai = a + i * rowStep
        for j in start..<n {
            var sum: Float = 0
            var offset = 0
            for p in 0..<k {
                sum += ai[offset] * b[p * ldb + j]
                offset += depthStep
            }
            c[i * ldc + j] = accumulate ? c[i * ldc + j] + sum : sum
        }
    }

    @inline(__always)
    static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
        let value = accumulate ? v + load8(UnsafePointer(p)) : v
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: SIMD8<Float>.self)
    }
}

import Testing
import SPSNumeric
import SPSTestSupport

/// Construction, broadcasting, products, reductions and slicing.
@Suite struct TensorTests {
    let a = try! Tensor(rows: [[1, 2, 3], [4, 5, 6]])

    @Test func shapeAndStrides() throws {
        #expect(a.shape == [2, 3])
        #expect(a.strides == [3, 1])
        #expect(Tensor.zeros([2, 3, 4]).strides == [12, 4, 1])
        #expect(Tensor(scalar: 2).rank == 0)
        #expect(throws: TensorError.self) { try Tensor(shape: [2, 2], storage: [1, 2, 3]) }
        #expect(throws: TensorError.self) { try Tensor(rows: [[1, 2], [3]]) }
    }

    @Test func broadcastingFollowsNumpy() throws {
        let row = Tensor([10, 20, 30])
        #expect(try a.adding(row).storage == [11, 22, 33, 14, 25, 36])
        let column = try Tensor(shape: [2, 1], storage: [1, 2])
        #expect(try a.multiplying(column).storage == [1, 2, 3, 8, 10, 12])
        #expect(try a.subtracting(Tensor(scalar: 1)).storage == [0, 1, 2, 3, 4, 5])
        #expect(try Tensor(scalar: 12).dividing(a).storage == [12, 6, 4, 3, 2.4, 2])
        let outer = try column.adding(row)
        #expect(outer.shape == [2, 3])
        #expect(outer.storage == [11, 21, 31, 12, 22, 32])
    }

    @Test func broadcastErrorNamesBothShapes() {
        do {
            _ = try a.adding(Tensor([1, 2]))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "shapes [2, 3] and [2] cannot be broadcast together")
        }
    }

    @Test func matrixProductMatchesNaiveLoopsAcrossKernelPaths() throws {
        var rng = RandomStream(seed: 2, purpose: .user)
        // Small (Swift tiles and edges), narrow, and large (OpenBLAS) products.
        for (m, k, n) in [(1, 1, 1), (5, 3, 1), (32, 64, 64), (7, 13, 19), (4, 16, 16), (33, 2, 70), (300, 200, 150)] {
            let x = Tensor.randn([m, k], using: &rng), y = Tensor.randn([k, n], using: &rng)
            let product = try x.matmul(y)
            var expected = [Float](repeating: 0, count: m * n)
            for i in 0..<m { for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += Double(x[i, p]) * Double(y[p, j]) }
                expected[i * n + j] = Float(s)
            } }
            #expect(product.shape == [m, n])
            #expect(isClose(product, try Tensor(shape: [m, n], storage: expected), relative: 1e-4, absolute: 1e-4), "\(m)×\(k) @ \(k)×\(n)")
        }
    }

    @Test func transposedKernelsAgreeWithExplicitTransposes() throws {
        var rng = RandomStream(seed: 3, purpose: .user)
        for (m, k, n) in [(64, 32, 3), (1, 32, 64), (64, 32, 64), (9, 5, 7), (200, 256, 256)] {
            let aT = Tensor.randn([k, m], using: &rng), b = Tensor.randn([k, n], using: &rng), bT = Tensor.randn([n, k], using: &rng)
            var viaFlagA = [Float](repeating: 0, count: m * n), viaFlagB = [Float](repeating: 0, count: m * n)
            aT.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in viaFlagA.withUnsafeMutableBufferPointer { pc in
                Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: m, transposeA: true, b: pb.baseAddress!, ldb: n, transposeB: false, c: pc.baseAddress!, ldc: n, accumulate: false)
            } } }
            let a = aT.transposed()
            a.withUnsafeBufferPointer { pa in bT.withUnsafeBufferPointer { pb in viaFlagB.withUnsafeMutableBufferPointer { pc in
                Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, transposeA: false, b: pb.baseAddress!, ldb: k, transposeB: true, c: pc.baseAddress!, ldc: n, accumulate: false)
            } } }
            let resultA = try Tensor(shape: [m, n], storage: viaFlagA), expectedA = try a.matmul(b)
            let resultB = try Tensor(shape: [m, n], storage: viaFlagB), expectedB = try a.matmul(bT.transposed())
            #expect(isClose(resultA, expectedA, relative: 1e-4, absolute: 1e-4))
            #expect(isClose(resultB, expectedB, relative: 1e-4, absolute: 1e-4))
        }
    }

    @Test func matrixProductShapeErrors() throws {
        #expect(throws: TensorError("matrix product of [2, 3] and [2, 3]: inner sizes 3 and 2 differ")) { try a.matmul(a) }
        #expect(try a.matmul(Tensor([1, 1, 1])).storage == [6, 15])
        #expect(try Tensor([1, 1]).matmul(a).storage == [5, 7, 9])
    }

    @Test func reductions() throws {
        #expect(try a.sum().storage == [21])
        #expect(try a.sum(axis: 0).storage == [5, 7, 9])
        #expect(try a.sum(axis: 1).storage == [6, 15])
        #expect(try a.mean(axis: -1).storage == [2, 5])
        #expect(try a.variance(axis: 1).storage == [1, 1])
        #expect(try a.variance(axis: 1, correction: 0).storage.map { ($0 * 1000).rounded() } == [667, 667])
        #expect(try a.std().scalarValue.map { isClose($0, 1.8708287) } == true)
        #expect(try a.min(axis: 0).storage == [1, 2, 3])
        #expect(try a.max().storage == [6])
        #expect(try a.argmax(axis: 1).storage == [2, 2])
        #expect(try Tensor([3, 9, 9, 1]).argmax().storage == [1])
        #expect(throws: TensorError.self) { try a.sum(axis: 2) }
        #expect(throws: TensorError.self) { try Tensor.zeros([0]).max() }
    }

    @Test func slicingAndGathering() throws {
        #expect(try a.rows(1..<2).storage == [4, 5, 6])
        #expect(try a.row(-1).storage == [4, 5, 6])
        #expect(try a.column(1).storage == [2, 5])
        #expect(try a.columns(1..<3).storage == [2, 3, 5, 6])
        #expect(try a.gatherRows([1, 0, 1]).storage == [4, 5, 6, 1, 2, 3, 4, 5, 6])
        #expect(a.transposed().storage == [1, 4, 2, 5, 3, 6])
        #expect(try a.element(at: [1, -1]) == 6)
        #expect(throws: TensorError.self) { try a.rows(1..<3) }
        #expect(throws: TensorError.self) { try a.gatherRows([2]) }
        #expect(throws: TensorError.self) { try a.element(at: [2, 0]) }
        #expect(try Tensor.hstack([Tensor([1, 2]), a.columns(0..<2)]).storage == [1, 1, 2, 2, 4, 5])
    }

    @Test func comparisonsGiveZerosAndOnes() throws {
        #expect(try a.compare(Tensor(scalar: 3), .greater).storage == [0, 0, 0, 1, 1, 1])
        #expect(try a.compare(Tensor([1, 5, 0]), .equal).storage == [1, 0, 0, 0, 1, 0])
    }
}

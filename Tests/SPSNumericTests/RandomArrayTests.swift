import Testing
import SPSNumeric

/// Permutations, choices, random orthogonal matrices and multivariate normals from one seeded stream.
@Suite struct RandomArrayTests {
    @Test func permutationIsAPermutationAndSeeded() {
        var a = RandomStream(seed: 5, purpose: .user), b = RandomStream(seed: 5, purpose: .user)
        let p = a.permutation(1000)
        #expect(p.sorted() == Array(0..<1000))
        #expect(p == b.permutation(1000))
        #expect(p != Array(0..<1000))
        #expect(a.permutation(0).isEmpty)
    }

    @Test func choiceWithoutReplacementDrawsDistinctValues() throws {
        var rng = RandomStream(seed: 1, purpose: .user)
        let draws = try rng.choice(50, count: 50, replace: false)
        #expect(draws.sorted() == Array(0..<50))
        let weighted = try rng.choice(5, count: 4, replace: false, weights: [1, 0, 2, 3, 4])
        #expect(Set(weighted).count == 4 && !weighted.contains(1))
        #expect(throws: TensorError.self) { try rng.choice(3, count: 4, replace: false) }
        #expect(throws: TensorError.self) { try rng.choice(3, count: 3, replace: false, weights: [1, 0, 1]) }
        #expect(throws: TensorError.self) { try rng.choice(2, count: 1, weights: [1, -1]) }
    }

    @Test func weightedChoiceFollowsTheWeights() throws {
        var rng = RandomStream(seed: 2, purpose: .user)
        let draws = try rng.choice(3, count: 30_000, weights: [1, 0, 3])
        let counts = (0..<3).map { k in draws.count { $0 == k } }
        #expect(counts[1] == 0)
        // 7,500 expected with a standard deviation of 75.
        #expect(abs(counts[0] - 7_500) < 400)
    }

    @Test func orthogonalMatricesAreOrthogonalAndSeeded() throws {
        var a = RandomStream(seed: 3, purpose: .user), b = RandomStream(seed: 3, purpose: .user)
        let q = try a.orthogonal(6)
        let product = try q.matmul(q.transposed())
        for i in 0..<6 {
            for j in 0..<6 { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-5) }
        }
        #expect(try b.orthogonal(6) == q)
    }

    @Test func orthogonalMatricesAreUniformlyDistributed() throws {
        // Haar: every element has mean 0. Without the sign fix, Householder QR makes R's first diagonal element
        // −sign(a₀₀)·‖a₀‖, so Q[0, 0] = −|a₀₀| / ‖a₀‖ is never positive (it averages about −0.64 for 2×2).
        var rng = RandomStream(seed: 4, purpose: .user)
        var diagonal = 0.0
        let trials = 4000
        for _ in 0..<trials { diagonal += Double(try rng.orthogonal(2)[0, 0]) }
        #expect(abs(diagonal / Double(trials)) < 0.05)
    }

    @Test func multivariateNormalHasTheMeanAndCovariance() throws {
        var rng = RandomStream(seed: 6, purpose: .user)
        let cov = try Tensor(rows: [[2, 0.6], [0.6, 1]])
        let x = try rng.multivariateNormal(mean: Tensor([1, -2]), covariance: cov, count: 40_000)
        let mean = try x.mean(axis: 0)
        #expect(abs(mean.storage[0] - 1) < 0.03 && abs(mean.storage[1] + 2) < 0.03)
        let centered = try x.subtracting(mean)
        let c = try centered.transposed().matmul(centered).dividing(Tensor(scalar: 39_999))
        #expect(abs(c[0, 0] - 2) < 0.06 && abs(c[0, 1] - 0.6) < 0.04 && abs(c[1, 1] - 1) < 0.04)
    }

    @Test func singularCovariancesWorkAndIndefiniteOnesFail() throws {
        var rng = RandomStream(seed: 7, purpose: .user)
        let singular = try Tensor(rows: [[1, 1], [1, 1]])
        let x = try rng.multivariateNormal(mean: Tensor([0, 0]), covariance: singular, count: 100)
        for i in 0..<100 { #expect(abs(x[i, 0] - x[i, 1]) < 1e-5) }
        #expect(throws: TensorError.self) {
            try rng.multivariateNormal(mean: Tensor([0, 0]), covariance: try Tensor(rows: [[1, 2], [2, 1]]), count: 1)
        }
        #expect(throws: TensorError.self) { try rng.multivariateNormal(mean: Tensor([0]), covariance: singular, count: 1) }
    }
}

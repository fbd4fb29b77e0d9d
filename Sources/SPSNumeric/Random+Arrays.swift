// MARK: - Random permutations, choices and matrices drawn from one stream

extension RandomStream {
    /// A uniformly random ordering of `0..<n` (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var order = Array(0..<Swift.max(n, 0))
        shuffle(&order)
        return order
    }

    /// `count` positions drawn from `0..<n`: with or without replacement, uniformly or with `weights` (n
    /// non-negative numbers with a positive sum, normalized here), as numpy's `Generator.choice`.
    ///
    /// Without replacement and without weights the draw is a partial Fisher–Yates shuffle (the first `count`
    /// positions of a random ordering); with weights each draw picks among the positions not yet drawn in
    /// proportion to their weights.
    public mutating func choice(_ n: Int, count: Int, replace: Bool = true, weights: [Double]? = nil) throws(TensorError) -> [Int] {
        guard n >= 0, count >= 0 else { throw TensorError("choice needs non-negative sizes, got \(n) values and \(count) draws") }
        guard n > 0 || count == 0 else { throw TensorError("choice cannot draw \(count) values from none") }
        if !replace && count > n {
            throw TensorError("choice without replacement cannot draw \(count) values from \(n)")
        }
        guard let weights else {
            if replace { return (0..<count).map { _ in nextInt(below: n) } }
            var pool = Array(0..<n)
            for i in 0..<count { pool.swapAt(i, i + nextInt(below: n - i)) }
            return Array(pool[..<count])
        }
        guard weights.count == n else {
            throw TensorError("choice has \(n) values but \(weights.count) weights (p=); give one weight per value")
        }
        for (i, w) in weights.enumerated() where !(w >= 0) || !w.isFinite {
            throw TensorError("choice weights must be finite and non-negative; weight \(i) is \(w)")
        }
        var remaining = weights
        var total = remaining.reduce(0, +)
        guard total > 0 else { throw TensorError("choice weights must not all be 0") }
        if !replace {
            let positive = remaining.count { $0 > 0 }
            guard positive >= count else {
                throw TensorError("choice without replacement cannot draw \(count) values: only \(positive) have a positive weight")
            }
        }
        var out: [Int] = []
        out.reserveCapacity(count)
        if replace {
            // Cumulative weights and a binary search per draw: the first position whose running sum passes u,
            // never one of zero weight (its running sum equals the one before it).
            var cumulative: [Double] = []
            var running = 0.0
            for w in remaining { running += w; cumulative.append(running) }
            for _ in 0..<count {
                let u = nextUniform() * running
                var lo = 0, hi = n - 1
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
                }
                out.append(lo)
            }
            return out
        }
        for _ in 0..<count {
            let u = nextUniform() * total
            var pick = -1, running = 0.0
            for (i, w) in remaining.enumerated() where w > 0 {
                running += w
                pick = i
                if running > u { break }
            }
            out.append(pick)
            total -= remaining[pick]
            remaining[pick] = 0
            if total <= 0 { total = remaining.reduce(0, +) }
        }
        return out
    }

    /// A uniformly (Haar) distributed random n×n orthogonal matrix: Q of the QR decomposition of a matrix of
    /// independent standard normals, with R's diagonal made positive (Mezzadri 2007), computed in Double.
    public mutating func orthogonal(_ n: Int) throws(TensorError) -> Tensor {
        guard n >= 0 else { throw TensorError("orthogonal needs a size of at least 0, got \(n)") }
        _ = try Tensor.checkedCount([n, n])
        guard n > 0 else { return Tensor(uncheckedShape: [0, 0], storage: []) }
        let gaussian = (0..<(n * n)).map { _ in nextNormal() }
        do throws(LinalgError) {
            let q = try Linalg.qr(gaussian, rows: n, columns: n).q
            return Tensor(uncheckedShape: [n, n], storage: q.map(Float.init))
        } catch {
            throw TensorError("orthogonal: \(error.message)")
        }
    }

    /// `count` draws (rows of a count×d matrix) from the multivariate normal with `mean` (d) and covariance
    /// `covariance` (d×d, symmetric positive semi-definite): `mean + A z` with `A Aᵀ = covariance` — its
    /// Cholesky factor, or for a singular covariance `V diag(√λ)` from its eigen-decomposition — in Double.
    public mutating func multivariateNormal(mean: Tensor, covariance: Tensor, count: Int) throws(TensorError) -> Tensor {
        let d = mean.count
        guard mean.rank == 1 else {
            throw TensorError("the mean must be a vector, got shape \(Tensor.format(shape: mean.shape))")
        }
        guard covariance.shape == [d, d] else {
            throw TensorError("a mean of shape \(Tensor.format(shape: mean.shape)) needs a covariance of shape \(Tensor.format(shape: [d, d])), got \(Tensor.format(shape: covariance.shape))")
        }
        guard count >= 0 else { throw TensorError("the number of draws must be at least 0, got \(count)") }
        _ = try Tensor.checkedCount([count, d])
        let factor = try RandomStream.covarianceFactor(covariance.storage.map(Double.init), d: d)
        var out = [Float](repeating: 0, count: count * d)
        var z = [Double](repeating: 0, count: d)
        for r in 0..<count {
            for j in 0..<d { z[j] = nextNormal() }
            for i in 0..<d {
                var x = Double(mean.storage[i])
                for j in 0..<d { x += factor[i * d + j] * z[j] }
                out[r * d + i] = Float(x)
            }
        }
        return Tensor(uncheckedShape: [count, d], storage: out)
    }

    /// A d×d matrix `A` with `A Aᵀ = c` for a symmetric positive semi-definite `c` (row-major).
    static func covarianceFactor(_ c: [Double], d: Int) throws(TensorError) -> [Double] {
        let tolerance = Linalg.float32SymmetryTolerance
        let eigen: Linalg.SymmetricEigen
        do throws(LinalgError) {
            return try Linalg.cholesky(c, n: d, symmetryTolerance: tolerance)
        } catch {
            guard case .notPositiveDefinite = error.kind else { throw TensorError("covariance: \(error.message)") }
        }
        // Positive semi-definite (singular): V diag(√λ), with eigenvalues down to rounding counted as 0.
        do throws(LinalgError) {
            eigen = try Linalg.eigh(c, n: d, symmetryTolerance: tolerance)
        } catch {
            throw TensorError("covariance: \(error.message)")
        }
        let largest = eigen.values.map(Swift.abs).max() ?? 0
        var a = [Double](repeating: 0, count: d * d)
        for (j, lambda) in eigen.values.enumerated() {
            guard lambda >= -1e-6 * largest else {
                throw TensorError("the covariance must be positive semi-definite; it has the eigenvalue \(LinalgError.shortNumber(lambda))")
            }
            let scale = Swift.max(lambda, 0).squareRoot()
            for i in 0..<d { a[i * d + j] = eigen.vectors[i * d + j] * scale }
        }
        return a
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Vector and matrix norms with numpy's `ord` meanings (`numpy.linalg.norm`), in double precision. The matrix
// 2-norms and the nuclear norm come from LAPACK's singular values; the rest are sums and maxima.

extension Linalg {
    /// The norm of a vector: `order` p gives `(Σ |x|^p)^(1/p)`; 2 (the default) the Euclidean length, 1 the sum
    /// of magnitudes, `.infinity` the largest magnitude, `-.infinity` the smallest, 0 the number of non-zero
    /// entries (as numpy). Throws for a NaN order and for −inf on an empty vector.
    public static func vectorNorm(_ x: [Double], order p: Double = 2) throws(LinalgError) -> Double {
        guard !p.isNaN else { throw LinalgError(.shape, "the norm order must be a number, got nan") }
        if p == .infinity { return x.reduce(0) { max($0, abs($1)) } }
        if p == -.infinity {
            guard let smallest = x.map(abs).min() else { throw LinalgError(.shape, "the -inf norm of an empty vector is undefined") }
            return smallest
        }
        if p == 0 { return Double(x.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }) }
        if p == 1 { return x.reduce(0) { $0 + abs($1) } }
        if p < 0 {
            // Negative orders (numpy allows them): a zero entry makes the sum infinite and the norm 0.
            let sum = x.reduce(0) { $0 + pow(abs($1), p) }
            return pow(sum, 1 / p)
        }
        // Scaled by the largest magnitude so that squares (or p-th powers) neither overflow nor underflow.
        let largest = x.reduce(0) { max($0, abs($1)) }
        guard largest > 0, largest.isFinite else { return largest }
        if p == 2 {
            var sum = 0.0
            for v in x { let t = v / largest; sum += t * t }
            return largest * sum.squareRoot()
        }
        var sum = 0.0
        for v in x { sum += pow(abs(v) / largest, p) }
        return largest * pow(sum, 1 / p)
    }

    /// The `ord` of `numpy.linalg.norm` for a matrix.
    public enum MatrixNormOrder: Sendable, Equatable, CaseIterable {
        /// Frobenius: the square root of the sum of squares (numpy's default, `"fro"`).
        case frobenius
        /// Nuclear: the sum of the singular values (`"nuc"`).
        case nuclear
        /// 1: the largest absolute column sum; −1: the smallest.
        case maxColumnSum, minColumnSum
        /// 2: the largest singular value (the spectral norm); −2: the smallest.
        case largestSingularValue, smallestSingularValue
        /// inf: the largest absolute row sum; −inf: the smallest.
        case maxRowSum, minRowSum

        /// The order numpy writes with a number: 1, −1, 2, −2, ±inf; nil for any other number.
        public init?(number: Double) {
            switch number {
            case 1: self = .maxColumnSum
            case -1: self = .minColumnSum
            case 2: self = .largestSingularValue
            case -2: self = .smallestSingularValue
            case .infinity: self = .maxRowSum
            case -.infinity: self = .minRowSum
            default: return nil
            }
        }
    }

    /// A norm of a rows×columns matrix (see `MatrixNormOrder`). Throws for an empty matrix, except for the
    /// Frobenius and nuclear norms (0).
    public static func matrixNorm(_ a: [Double], rows: Int, columns: Int, order: MatrixNormOrder = .frobenius) throws(LinalgError) -> Double {
        try checkCount(a, rows * columns, "A", "\(rows)×\(columns)")
        switch order {
        case .frobenius: return try vectorNorm(a)
        case .nuclear:
            try checkFinite(a, columns: columns, "A")
            return try singularValues(a, rows: rows, columns: columns).reduce(0, +)
        default: break
        }
        guard rows > 0, columns > 0 else {
            throw LinalgError(.shape, "this norm of an empty \(rows)×\(columns) matrix is undefined")
        }
        switch order {
        case .maxColumnSum, .minColumnSum:
            var sums = [Double](repeating: 0, count: columns)
            for i in 0..<rows { for j in 0..<columns { sums[j] += abs(a[i * columns + j]) } }
            return (order == .maxColumnSum ? sums.max() : sums.min()) ?? 0
        case .maxRowSum, .minRowSum:
            let sums = (0..<rows).map { i in (0..<columns).reduce(0) { $0 + abs(a[i * columns + $1]) } }
            return (order == .maxRowSum ? sums.max() : sums.min()) ?? 0
        default:
            try checkFinite(a, columns: columns, "A")
            let s = try singularValues(a, rows: rows, columns: columns)
            return (order == .largestSingularValue ? s.first : s.last) ?? 0
        }
    }
}

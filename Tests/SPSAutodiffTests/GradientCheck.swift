import Foundation
import SPSNumeric
@testable import SPSAutodiff

/// One differentiable operation under test: the engine's form (Float32, on variables) and a reference written
/// independently in Double, both taking the same inputs (flat, row-major) and giving the output flattened.
struct GradientCase: CustomStringConvertible {
    let name: String
    let shapes: [[Int]]
    let values: [[Float]]
    let engine: ([Variable]) throws -> Variable
    let reference: ([[Double]]) -> [Double]
    /// False to check the first order only (prod and cumprod at an exact zero, whose exact first derivatives are
    /// computed directly and are constants for gradients of gradients).
    var secondOrder = true
    var description: String { name }
}

/// Finite-difference checks against a double-precision reference, first and second order (Torch7's
/// `Jacobian.lua`, PyTorch's `gradcheck`/`gradgradcheck`).
///
/// For L = Σ_k w_k op(x)_k with fixed pseudo-random weights w (so every output element and every mix of them
/// counts), the engine's Float32 gradient dL/dx is compared with central differences of the Double reference,
/// and each row of the engine's Hessian — the gradient of one element of dL/dx, computed by differentiating the
/// recorded gradient (`create: true`) — with second-order central differences of the reference.
///
/// Tolerances. The engine computes in Float32 (unit roundoff 6e-8); on inputs of size ≤ 10 and graphs at most a
/// dozen operations deep its relative error stays below ~1e-5. The references are Double: central differences
/// with step h = 1e-6·max(1, |x|) have truncation error ~h²·|f'''| ≈ 1e-12 and rounding error ~1e-16/h ≈ 1e-10;
/// the second differences with h = 1e-4 have ~1e-8 of each. So |engine − reference| ≤ 2e-4 + 2e-4·|reference|
/// (first order) and 1e-3 + 1e-3·|reference| (second, where the engine's gradient-of-gradient graphs are about
/// twice as deep) leave a margin of 10–100× over the expected error, while a wrong rule (a missing factor, a sign,
/// a wrong broadcast) is off by O(0.1) or more on these O(1) inputs.
enum GradientCheck {
    static let firstTolerance = (absolute: 2e-4, relative: 2e-4)
    static let secondTolerance = (absolute: 1e-3, relative: 1e-3)

    /// Fixed weights in [−1, 1] (a small linear congruential generator: the test does not depend on a library).
    static func weights(_ n: Int, seed: UInt64 = 0x5eed) -> [Float] {
        var state = seed
        return (0..<n).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Double(state >> 11) / Double(1 << 53) * 2 - 1)
        }
    }

    /// The problems found (empty when the case passes), each naming the case, the order, the input and element.
    static func run(_ c: GradientCase) throws -> [String] {
        var problems: [String] = []
        let leaves = try zip(c.shapes, c.values).enumerated().map { n, sv in
            Variable(name: "x\(n)", value: try Tensor(shape: sv.0, storage: sv.1))
        }
        let y = try c.engine(leaves)
        let w = weights(y.count)
        let loss = try (y * Variable(constant: try Tensor(shape: y.shape, storage: w))).sum()
        let doubles = c.values.map { $0.map(Double.init) }
        let wd = w.map(Double.init)
        func referenceLoss(_ x: [[Double]]) -> Double {
            let out = c.reference(x)
            precondition(out.count == wd.count, "\(c.name): the reference gives \(out.count) values, the engine \(wd.count)")
            return zip(out, wd).reduce(0) { $0 + $1.0 * $1.1 }
        }
        // The value itself.
        let reference = c.reference(doubles)
        for (k, (e, r)) in zip(y.value.storage, reference).enumerated() where !close(Double(e), r, firstTolerance) {
            problems.append("\(c.name): value[\(k)] is \(e), the reference \(r)")
        }
        // First order.
        let grads = try Autodiff.gradients(of: loss, wrt: leaves, create: true, allowUnused: true)
        for (i, x) in doubles.enumerated() {
            for j in x.indices {
                let h = 1e-6 * Swift.max(1, Swift.abs(x[j]))
                var plus = doubles, minus = doubles
                plus[i][j] += h
                minus[i][j] -= h
                let fd = (referenceLoss(plus) - referenceLoss(minus)) / (2 * h)
                let e = Double(grads[i].value.storage[j])
                if !close(e, fd, firstTolerance) { problems.append("\(c.name): d/dx\(i)[\(j)] is \(e), finite differences \(fd)") }
            }
        }
        guard c.secondOrder else { return problems }
        // Second order: row (i, j) of the Hessian is the gradient of dL/dx_i[j].
        for (i, x) in doubles.enumerated() {
            for j in x.indices {
                let row: [Variable]
                let gij = try grads[i].reshaped([grads[i].count]).gathered([j]).sum()
                if gij.requiresGrad {
                    row = try Autodiff.gradients(of: gij, wrt: leaves, allowUnused: true)
                } else {
                    row = leaves.map { Variable(constant: Tensor.zeros($0.shape)) }
                }
                let hi = 1e-4 * Swift.max(1, Swift.abs(x[j]))
                for (m, z) in doubles.enumerated() {
                    for n in z.indices {
                        let hm = 1e-4 * Swift.max(1, Swift.abs(z[n]))
                        func at(_ si: Double, _ sm: Double) -> Double {
                            var p = doubles
                            p[i][j] += si * hi
                            p[m][n] += sm * hm
                            return referenceLoss(p)
                        }
                        let fd = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * hi * hm)
                        let e = Double(row[m].value.storage[n])
                        if !close(e, fd, secondTolerance) {
                            problems.append("\(c.name): d²/dx\(i)[\(j)]dx\(m)[\(n)] is \(e), finite differences \(fd)")
                        }
                    }
                }
            }
        }
        return problems
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: (absolute: Double, relative: Double)) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return Swift.abs(a - b) <= tolerance.absolute + tolerance.relative * Swift.abs(b)
    }
}

// MARK: - Double references

/// Small helpers for writing references over row-major matrices in Double.
enum Ref {
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }

    /// The lanes of a [rows, cols] matrix along `axis` (0: columns, 1: rows), as lists of flat positions.
    static func lanes(_ rows: Int, _ cols: Int, axis: Int) -> [[Int]] {
        axis == 0 ? (0..<cols).map { c in (0..<rows).map { $0 * cols + c } }
                  : (0..<rows).map { r in (0..<cols).map { r * cols + $0 } }
    }

    /// A reduction of each lane to one number, in the lanes' order (the order of the engine's result).
    static func reduce(_ x: [Double], _ rows: Int, _ cols: Int, axis: Int?, _ f: ([Double]) -> Double) -> [Double] {
        guard let axis else { return [f(x)] }
        return lanes(rows, cols, axis: axis).map { lane in f(lane.map { x[$0] }) }
    }

    /// A map of each lane to as many numbers, written back in place.
    static func mapLanes(_ x: [Double], _ rows: Int, _ cols: Int, axis: Int?, _ f: ([Double]) -> [Double]) -> [Double] {
        guard let axis else { return f(x) }
        var out = x
        for lane in lanes(rows, cols, axis: axis) {
            for (p, v) in zip(lane, f(lane.map { x[$0] })) { out[p] = v }
        }
        return out
    }

    static func variance(_ xs: [Double], _ ddof: Int) -> Double {
        let m = xs.reduce(0, +) / Double(xs.count)
        return xs.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(xs.count - ddof)
    }

    static func logsumexp(_ xs: [Double]) -> Double {
        let m = xs.max() ?? 0
        return m + Foundation.log(xs.map { Foundation.exp($0 - m) }.reduce(0, +))
    }

    static func softmax(_ xs: [Double]) -> [Double] {
        let l = logsumexp(xs)
        return xs.map { Foundation.exp($0 - l) }
    }

    /// numpy broadcasting of two row-major tensors (shapes of rank ≤ 2), elementwise.
    static func broadcast(_ a: [Double], _ sa: [Int], _ b: [Double], _ sb: [Int], _ f: (Double, Double) -> Double) -> [Double] {
        let rank = Swift.max(sa.count, sb.count)
        let pa = Array(repeating: 1, count: rank - sa.count) + sa, pb = Array(repeating: 1, count: rank - sb.count) + sb
        let shape = zip(pa, pb).map { Swift.max($0, $1) }
        let total = shape.reduce(1, *)
        func offset(_ flat: Int, _ s: [Int]) -> Int {
            var rest = flat, off = 0, step = 1
            var strides = Array(repeating: 0, count: rank)
            for k in stride(from: rank - 1, through: 0, by: -1) { strides[k] = s[k] == 1 ? 0 : step; step *= s[k] }
            for k in stride(from: rank - 1, through: 0, by: -1) {
                let i = rest % shape[k]
                rest /= shape[k]
                off += i * strides[k]
            }
            return off
        }
        return (0..<total).map { f(a[offset($0, pa)], b[offset($0, pb)]) }
    }

    static func matmul(_ a: [Double], _ n: Int, _ k: Int, _ b: [Double], _ m: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n * m)
        for i in 0..<n { for j in 0..<m { for l in 0..<k { out[i * m + j] += a[i * k + l] * b[l * m + j] } } }
        return out
    }
}

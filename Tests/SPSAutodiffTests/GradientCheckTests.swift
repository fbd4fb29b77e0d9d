import Foundation
import Testing
import SPSNumeric
@testable import SPSAutodiff

/// Every differentiable operation against a double-precision reference, first and second order (see
/// `GradientCheck` for the method and the tolerances). Inputs are small (≤ 6 elements each) and away from the
/// operations' kinks (0 for abs and relu, ties for max and sort, the clip bounds, ±delta for huber).
@Suite struct GradientCheckTests {
    // Inputs: a general [2, 3] matrix, a positive one, a vector of 3, a column of 2.
    static let a: [Float] = [0.3, -0.7, 1.2, -0.4, 0.9, -1.5]
    static let p: [Float] = [0.5, 1.3, 2.1, 0.8, 1.7, 0.4]
    static let v: [Float] = [0.6, -1.1, 0.25]
    static let col: [Float] = [0.7, -0.35]
    static let m23 = [2, 3]

    func check(_ cases: [GradientCase]) throws {
        for c in cases {
            let problems = try GradientCheck.run(c)
            #expect(problems.isEmpty, "\(problems.prefix(6).joined(separator: "\n"))")
        }
    }

    static func unary(_ name: String, _ engine: @escaping (Variable) throws -> Variable, _ f: @escaping (Double) -> Double,
                      values: [Float] = a) -> GradientCase {
        GradientCase(name: name, shapes: [m23], values: [values], engine: { try engine($0[0]) }, reference: { $0[0].map(f) })
    }

    static func binary(_ name: String, _ sa: [Int], _ va: [Float], _ sb: [Int], _ vb: [Float],
                       _ engine: @escaping (Variable, Variable) throws -> Variable,
                       _ f: @escaping (Double, Double) -> Double) -> GradientCase {
        GradientCase(name: name, shapes: [sa, sb], values: [va, vb], engine: { try engine($0[0], $0[1]) },
                     reference: { Ref.broadcast($0[0], sa, $0[1], sb, f) })
    }

    @Test func elementwiseFunctions() throws {
        try check([
            Self.unary("abs", { $0.abs() }, { Swift.abs($0) }),
            Self.unary("sqrt", { $0.sqrt() }, { $0.squareRoot() }, values: Self.p),
            Self.unary("exp", { $0.exp() }, { Foundation.exp($0) }),
            Self.unary("log", { $0.log() }, { Foundation.log($0) }, values: Self.p),
            Self.unary("sin", { $0.sin() }, { Foundation.sin($0) }),
            Self.unary("cos", { $0.cos() }, { Foundation.cos($0) }),
            Self.unary("tanh", { $0.tanh() }, { Foundation.tanh($0) }),
            Self.unary("sigmoid", { $0.sigmoid() }, { Ref.sigmoid($0) }),
            Self.unary("relu", { $0.relu() }, { Swift.max($0, 0) }),
            Self.unary("leaky_relu", { $0.leakyRelu(slope: 0.1) }, { $0 > 0 ? $0 : 0.1 * $0 }),
            Self.unary("softplus", { $0.softplus() }, { $0 > 20 ? $0 : Foundation.log1p(Foundation.exp($0)) }, values: [0.3, -0.7, 1.2, -4, 3, 22]),
            Self.unary("sign", { $0.piecewiseConstant("sign") { $0 > 0 ? 1 : -1 } }, { $0 > 0 ? 1 : -1 }),
            Self.unary("floor", { $0.piecewiseConstant("floor") { $0.rounded(.down) } }, { $0.rounded(.down) }),
            Self.unary("ceil", { $0.piecewiseConstant("ceil") { $0.rounded(.up) } }, { $0.rounded(.up) }),
            Self.unary("round", { $0.piecewiseConstant("round") { $0.rounded() } }, { $0.rounded() }, values: [0.3, -0.7, 1.2, -0.4, 0.9, -1.6]),
            Self.unary("clip", { $0.clipped(low: -0.5, high: 1) }, { Swift.min(Swift.max($0, -0.5), 1) }),
            Self.unary("negate", { -$0 }, { -$0 }),
            Self.unary("times a number", { $0 * 2.5 }, { $0 * 2.5 }),
            Self.unary("plus a number", { $0.adding(-0.75) }, { $0 - 0.75 }),
            Self.unary("** 2", { try Variable.power($0, Variable(constant: Tensor(scalar: 2))) }, { $0 * $0 }),
            Self.unary("** 3", { try Variable.power($0, Variable(constant: Tensor(scalar: 3))) }, { $0 * $0 * $0 }),
            Self.unary("** 0.5", { try Variable.power($0, Variable(constant: Tensor(scalar: 0.5))) }, { $0.squareRoot() }, values: Self.p),
            Self.unary("** -1.5", { try Variable.power($0, Variable(constant: Tensor(scalar: -1.5))) }, { Foundation.pow($0, -1.5) }, values: Self.p),
        ])
    }

    @Test func arithmeticWithBroadcasting() throws {
        let m23 = Self.m23
        try check([
            Self.binary("+ [2,3] [3]", m23, Self.a, [3], Self.v, { try $0 + $1 }, +),
            Self.binary("- [2,1] [2,3]", [2, 1], Self.col, m23, Self.a, { try $0 - $1 }, -),
            Self.binary("* [2,3] [2,3]", m23, Self.a, m23, Self.p, { try $0 * $1 }, *),
            Self.binary("* [3] [2,1]", [3], Self.v, [2, 1], Self.col, { try $0 * $1 }, *),
            Self.binary("/ [2,3] [3]", m23, Self.a, [3], [0.6, -1.1, 1.4], { try $0 / $1 }, /),
            Self.binary("/ [] [2,3]", [], [1.3], m23, Self.p, { try $0 / $1 }, /),
            Self.binary("x ** y", m23, Self.p, [3], Self.v, { try Variable.power($0, $1) }) { Foundation.pow($0, $1) },
            GradientCase(name: "where", shapes: [m23, [3]], values: [Self.a, Self.v],
                         engine: { try Variable.where_(Tensor([1, 0, 1]), $0[0], $0[1]) },
                         reference: { x in (0..<6).map { [true, false, true][$0 % 3] ? x[0][$0] : x[1][$0 % 3] } }),
            Self.binary("maximum", m23, Self.a, [3], Self.v, { try Variable.maximum($0, $1) }) { Swift.max($0, $1) },
            Self.binary("minimum", [2, 1], Self.col, m23, Self.a, { try Variable.minimum($0, $1) }) { Swift.min($0, $1) },
            GradientCase(name: "matmul [2,3]@[3,2]", shapes: [m23, [3, 2]], values: [Self.a, Self.p],
                         engine: { try $0[0].matmul($0[1]) }, reference: { Ref.matmul($0[0], 2, 3, $0[1], 2) }),
            GradientCase(name: "matmul [3]@[3,2]", shapes: [[3], [3, 2]], values: [Self.v, Self.p],
                         engine: { try $0[0].matmul($0[1]) }, reference: { Ref.matmul($0[0], 1, 3, $0[1], 2) }),
            GradientCase(name: "matmul [2,3]@[3]", shapes: [m23, [3]], values: [Self.a, Self.v],
                         engine: { try $0[0].matmul($0[1]) }, reference: { Ref.matmul($0[0], 2, 3, $0[1], 1) }),
            GradientCase(name: "x * x (a repeated input)", shapes: [m23], values: [Self.a],
                         engine: { try $0[0] * $0[0] * $0[0] }, reference: { $0[0].map { $0 * $0 * $0 } }),
        ])
    }

    @Test func reductions() throws {
        func reduction(_ name: String, _ values: [Float] = Self.a, axis: Int?, _ engine: @escaping (Variable) throws -> Variable,
                       _ f: @escaping ([Double]) -> Double) -> GradientCase {
            GradientCase(name: name, shapes: [Self.m23], values: [values], engine: { try engine($0[0]) },
                         reference: { Ref.reduce($0[0], 2, 3, axis: axis, f) })
        }
        let sum: ([Double]) -> Double = { $0.reduce(0, +) }
        try check([
            reduction("sum", axis: nil, { try $0.sum() }, sum),
            reduction("sum axis=0", axis: 0, { try $0.sum(axis: 0) }, sum),
            reduction("sum axis=-1", axis: 1, { try $0.sum(axis: -1) }, sum),
            reduction("mean", axis: nil, { try $0.mean() }) { $0.reduce(0, +) / Double($0.count) },
            reduction("mean axis=1", axis: 1, { try $0.mean(axis: 1) }) { $0.reduce(0, +) / Double($0.count) },
            reduction("var ddof=1", axis: nil, { try $0.variance() }) { Ref.variance($0, 1) },
            reduction("var axis=0 ddof=0", axis: 0, { try $0.variance(axis: 0, correction: 0) }) { Ref.variance($0, 0) },
            reduction("std axis=1", axis: 1, { try $0.std(axis: 1) }) { Ref.variance($0, 1).squareRoot() },
            reduction("std ddof=0", axis: nil, { try $0.std(correction: 0) }) { Ref.variance($0, 0).squareRoot() },
            reduction("prod", axis: nil, { try $0.prod() }) { $0.reduce(1, *) },
            reduction("prod axis=0", axis: 0, { try $0.prod(axis: 0) }) { $0.reduce(1, *) },
            reduction("prod with a zero (first order)", [0.3, 0, 1.2, -0.4, 0.9, -1.5], axis: 1, { try $0.prod(axis: 1) }) { $0.reduce(1, *) }
                .firstOrderOnly,
            reduction("max", axis: nil, { try $0.max() }) { $0.max() ?? 0 },
            reduction("max axis=0", axis: 0, { try $0.max(axis: 0) }) { $0.max() ?? 0 },
            reduction("min axis=1", axis: 1, { try $0.min(axis: 1) }) { $0.min() ?? 0 },
            reduction("logsumexp", axis: nil, { try $0.logsumexp() }, Ref.logsumexp),
            reduction("logsumexp axis=1", axis: 1, { try $0.logsumexp(axis: 1) }, Ref.logsumexp),
            reduction("norm", axis: nil, { try $0.norm() }) { $0.map { $0 * $0 }.reduce(0, +).squareRoot() },
            reduction("norm axis=0", axis: 0, { try $0.norm(axis: 0) }) { $0.map { $0 * $0 }.reduce(0, +).squareRoot() },
            reduction("norm ord=1", axis: nil, { try $0.norm(order: 1) }) { $0.map { Swift.abs($0) }.reduce(0, +) },
            reduction("norm ord=3 axis=1", axis: 1, { try $0.norm(order: 3, axis: 1) }) {
                Foundation.pow($0.map { Foundation.pow(Swift.abs($0), 3) }.reduce(0, +), 1.0 / 3)
            },
            reduction("norm ord=inf", axis: nil, { try $0.norm(order: .infinity) }) { $0.map { Swift.abs($0) }.max() ?? 0 },
            reduction("norm ord=-inf axis=1", axis: 1, { try $0.norm(order: -.infinity, axis: 1) }) { $0.map { Swift.abs($0) }.min() ?? 0 },
        ])
    }

    @Test func softmaxAndScans() throws {
        func lanewise(_ name: String, _ values: [Float] = Self.a, axis: Int?, _ engine: @escaping (Variable) throws -> Variable,
                      _ f: @escaping ([Double]) -> [Double]) -> GradientCase {
            GradientCase(name: name, shapes: [Self.m23], values: [values], engine: { try engine($0[0]) },
                         reference: { Ref.mapLanes($0[0], 2, 3, axis: axis, f) })
        }
        let running: ([Double]) -> [Double] = { xs in var t = 0.0; return xs.map { t += $0; return t } }
        let products: ([Double]) -> [Double] = { xs in var t = 1.0; return xs.map { t *= $0; return t } }
        try check([
            lanewise("softmax axis=1", axis: 1, { try $0.softmax(axis: 1) }, Ref.softmax),
            lanewise("softmax axis=0", axis: 0, { try $0.softmax(axis: 0) }, Ref.softmax),
            lanewise("log_softmax", axis: 1, { try $0.logSoftmax() }) { xs in let l = Ref.logsumexp(xs); return xs.map { $0 - l } },
            lanewise("cumsum", axis: nil, { try $0.cumsum() }, running),
            lanewise("cumsum axis=0", axis: 0, { try $0.cumsum(axis: 0) }, running),
            lanewise("cumprod axis=1", axis: 1, { try $0.cumprod(axis: 1) }, products),
            lanewise("cumprod", axis: nil, { try $0.cumprod() }, products),
            lanewise("cumprod with a zero (first order)", [0.3, 0, 1.2, -0.4, 0.9, 0], axis: 1, { try $0.cumprod(axis: 1) }, products)
                .firstOrderOnly,
            lanewise("sort", axis: 1, { try $0.sorted() }) { $0.sorted() },
            lanewise("sort axis=0", axis: 0, { try $0.sorted(axis: 0) }) { $0.sorted() },
        ])
    }

    /// [x0[0], x1[0, ...], x0[1], x1[1, ...]]: a column of 2 beside a [2, 3] matrix.
    static func columnBesideRows(_ x: [[Double]]) -> [Double] {
        var out: [Double] = []
        for r in 0..<2 {
            out.append(x[0][r])
            out.append(contentsOf: x[1][(r * 3)..<(r * 3 + 3)])
        }
        return out
    }

    static func outer(_ x: [[Double]]) -> [Double] {
        var out: [Double] = []
        for a in x[0] { for b in x[1] { out.append(a * b) } }
        return out
    }

    /// A vector of 3 on the diagonal above the main one of a 4×4 matrix.
    static func diagAbove(_ x: [[Double]]) -> [Double] {
        var out = [Double](repeating: 0, count: 16)
        for i in 0..<3 { out[i * 4 + i + 1] = x[0][i] }
        return out
    }

    @Test func joiningIndexingAndShapes() throws {
        let m23 = Self.m23
        var cases: [GradientCase] = []
        cases.append(
            GradientCase(name: "concatenate axis=1", shapes: [[2, 1], m23], values: [Self.col, Self.a],
                         engine: { try Variable.concatenate($0, axis: 1) },
                         reference: Self.columnBesideRows))
        cases.append(
            GradientCase(name: "stack axis=1", shapes: [[3], [3]], values: [Self.v, [0.2, 0.4, -0.9]],
                         engine: { try Variable.stack($0, axis: 1) },
                         reference: { x in (0..<3).flatMap { [x[0][$0], x[1][$0]] } }))
        cases.append(
            GradientCase(name: "vstack", shapes: [[3], m23], values: [Self.v, Self.a],
                         engine: { try Variable.vstack($0) }, reference: { $0[0] + $0[1] }))
        cases.append(
            GradientCase(name: "hstack", shapes: [[2], m23], values: [Self.col, Self.a],
                         engine: { try Variable.columnStack($0) },
                         reference: Self.columnBesideRows))
        cases.append(
            GradientCase(name: "outer", shapes: [[2], [3]], values: [Self.col, Self.v],
                         engine: { try Variable.outer($0[0], $0[1]) },
                         reference: Self.outer))
        cases.append(
            GradientCase(name: "diag of a vector, k=1", shapes: [[3]], values: [Self.v], engine: { try $0[0].diag(k: 1) },
                         reference: Self.diagAbove))
        cases.append(
            GradientCase(name: "diag of a matrix, k=-1", shapes: [[3, 2]], values: [Self.a], engine: { try $0[0].diag(k: -1) },
                         reference: { x in [x[0][2], x[0][5]] }))
        cases.append(
            GradientCase(name: "reshape", shapes: [m23], values: [Self.a], engine: { try $0[0].reshaped([3, 2]) }, reference: { $0[0] }))
        cases.append(
            GradientCase(name: "transpose", shapes: [m23], values: [Self.a], engine: { $0[0].transposed() },
                         reference: { x in [0, 3, 1, 4, 2, 5].map { x[0][$0] } }))
        cases.append(
            GradientCase(name: "index rows [1, 0, 1] (a gather that repeats)", shapes: [m23], values: [Self.a],
                         engine: { try $0[0].selecting([.positions([1, 0, 1])]) },
                         reference: { x in [3, 4, 5, 0, 1, 2, 3, 4, 5].map { x[0][$0] } }))
        cases.append(
            GradientCase(name: "index [.., 2]", shapes: [m23], values: [Self.a],
                         engine: { try $0[0].selecting([.span(0..<2), .single(2)]) }, reference: { x in [x[0][2], x[0][5]] }))
        cases.append(
            GradientCase(name: "mask", shapes: [m23], values: [Self.a],
                         engine: { try $0[0].selecting(mask: Tensor(shape: [2, 3], storage: [1, 0, 0, 1, 1, 0])) },
                         reference: { x in [x[0][0], x[0][3], x[0][4]] }))
        cases.append(
            GradientCase(name: "gather [4, 4, 0] squared", shapes: [m23], values: [Self.a],
                         engine: { x in let g = try x[0].gathered([4, 4, 0]); return try g * g },
                         reference: { x in [4, 4, 0].map { x[0][$0] * x[0][$0] } }))
        cases.append(
            GradientCase(name: "scatter to [0, 2, 0] squared", shapes: [[3]], values: [Self.v],
                         engine: { x in let s = try x[0].scattered([0, 2, 0], into: [4]); return try s * s },
                         reference: { x in [x[0][0] + x[0][2], 0, x[0][1], 0].map { $0 * $0 } }))
        cases.append(
            GradientCase(name: "expand [2,1] to [2,3] times x", shapes: [[2, 1], m23], values: [Self.col, Self.a],
                         engine: { x in try x[0].expanded(to: [2, 3]) * x[1] },
                         reference: { x in (0..<6).map { x[0][$0 / 3] * x[1][$0] } }))
        cases.append(
            GradientCase(name: "expand [3] to [2,3] squared", shapes: [[3]], values: [Self.v],
                         engine: { x in let e = try x[0].expanded(to: [2, 3]); return try e * e },
                         reference: { x in (0..<6).map { x[0][$0 % 3] * x[0][$0 % 3] } }))
        cases.append(
            GradientCase(name: "sum [2,3] to [3] and to [2,1], squared", shapes: [m23], values: [Self.a],
                         engine: { x in
                             let s = try x[0].summed(to: [3]), t = try x[0].summed(to: [2, 1])
                             return try Variable.concatenate([try s * s, try (t * t).reshaped([2])])
                         },
                         reference: { x in
                             let s = (0..<3).map { x[0][$0] + x[0][$0 + 3] }, t = [x[0][0...2].reduce(0, +), x[0][3...5].reduce(0, +)]
                             return (s + t).map { $0 * $0 }
                         }))
        try check(cases)
    }

    @Test func losses() throws {
        let m23 = Self.m23
        let target: [Float] = [0.1, -0.25, 0.5, 0.3, 1.45, -0.9]
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
        let probabilities: [Float] = [0.2, 0.7, 0.45, 0.9, 0.35, 0.6]
        let soft: [Float] = [0.1, 0.8, 0.5, 1, 0, 0.3]
        try check([
            GradientCase(name: "mse", shapes: [m23, m23], values: [Self.a, target], engine: { try Variable.mseLoss($0[0], $0[1]) },
                         reference: { x in [mean(zip(x[0], x[1]).map { ($0 - $1) * ($0 - $1) })] }),
            GradientCase(name: "mse against a number", shapes: [m23, []], values: [Self.a, [0.25]], engine: { try Variable.mseLoss($0[0], $0[1]) },
                         reference: { x in [mean(x[0].map { ($0 - x[1][0]) * ($0 - x[1][0]) })] }),
            GradientCase(name: "l1", shapes: [m23, [6]], values: [Self.a, target], engine: { try Variable.l1Loss($0[0], $0[1]) },
                         reference: { x in [mean(zip(x[0], x[1]).map { Swift.abs($0 - $1) })] }),
            GradientCase(name: "huber delta=0.5", shapes: [m23, m23], values: [Self.a, target],
                         engine: { try Variable.huberLoss($0[0], $0[1], delta: 0.5) },
                         reference: { x in [mean(zip(x[0], x[1]).map { p, t in
                             let d = Swift.abs(p - t)
                             return d < 0.5 ? 0.5 * d * d : 0.5 * (d - 0.25)
                         })] }),
            GradientCase(name: "bce", shapes: [m23, m23], values: [probabilities, soft], engine: { try Variable.bceLoss($0[0], $0[1]) },
                         reference: { x in [mean(zip(x[0], x[1]).map { p, t in -(t * Foundation.log(p) + (1 - t) * Foundation.log(1 - p)) })] }),
            GradientCase(name: "bce_logits", shapes: [m23, m23], values: [Self.a, soft], engine: { try Variable.bceWithLogitsLoss($0[0], $0[1]) },
                         reference: { x in [mean(zip(x[0], x[1]).map { z, t in
                             let s = Ref.sigmoid(z)
                             return -(t * Foundation.log(s) + (1 - t) * Foundation.log(1 - s))
                         })] }),
            GradientCase(name: "cross_entropy with labels", shapes: [m23], values: [Self.a],
                         engine: { try Variable.crossEntropyLoss(logits: $0[0], labels: Tensor([2, 0])) },
                         reference: { x in
                             let rows = [Array(x[0][0..<3]), Array(x[0][3..<6])]
                             return [mean([Ref.logsumexp(rows[0]) - rows[0][2], Ref.logsumexp(rows[1]) - rows[1][0]])]
                         }),
            GradientCase(name: "cross_entropy with probabilities", shapes: [m23, m23], values: [Self.a, [0.2, 0.5, 0.3, 0.6, 0.1, 0.3]],
                         engine: { try Variable.crossEntropyLoss(logits: $0[0], probabilities: $0[1]) },
                         reference: { x in
                             let rows = [Array(x[0][0..<3]), Array(x[0][3..<6])]
                             let terms = (0..<2).map { r in -(0..<3).map { c in x[1][r * 3 + c] * (rows[r][c] - Ref.logsumexp(rows[r])) }.reduce(0, +) }
                             return [mean(terms)]
                         }),
        ])
    }
}

extension GradientCase {
    /// The same case checked to first order only: prod and cumprod with an element exactly 0 give exact first
    /// derivatives computed directly, which are constants for gradients of gradients (documented on them).
    var firstOrderOnly: GradientCase {
        GradientCase(name: name, shapes: shapes, values: values, engine: engine, reference: reference, secondOrder: false)
    }
}

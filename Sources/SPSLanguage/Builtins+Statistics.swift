import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Classical tests for invariant causal prediction and the like: the regularized incomplete beta function, the
// Student t and F distributions' CDFs, Welch's (or Student's) two-sample t-test and the two-sided F-test for
// equal variances. Results agree with scipy (scipy.special.betainc, scipy.stats.t/f, ttest_ind) within 1e-10
// relative; Tests/SPSLanguageTests/HypothesisTestTests.swift checks them against scipy's numbers.

/// Distribution functions in double precision, computed from the regularized incomplete beta function.
public enum StatisticalDistributions {
    /// The regularized incomplete beta function I_x(a, b) (scipy.special.betainc), for a, b > 0 and x in [0, 1].
    ///
    /// The continued fraction of Numerical Recipes §6.4, evaluated by the modified Lentz method, converges
    /// quickly for x < (a + 1) / (a + b + 2); above that the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used.
    public static func incompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        if x < (a + 1) / (a + b + 2) { return front(a, b, x) * continuedFraction(a, b, x) / a }
        return 1 - front(b, a, 1 - x) * continuedFraction(b, a, 1 - x) / b
    }

    /// 1 − I_x(a, b), without the cancellation of computing it by subtraction when I_x(a, b) is near 1.
    public static func incompleteBetaComplement(_ a: Double, _ b: Double, _ x: Double) -> Double {
        guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
        return incompleteBeta(b, a, 1 - x)
    }

    /// x^a (1 − x)^b / B(a, b), through logarithms.
    private static func front(_ a: Double, _ b: Double, _ x: Double) -> Double {
        exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
    }

    /// The continued fraction for I_x(a, b) (modified Lentz); relative accuracy about 1e-15.
    private static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-16
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if Swift.abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if Swift.abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// P(T ≤ t) for Student's t distribution with `df` degrees of freedom (scipy.stats.t.cdf).
    public static func studentTCDF(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t))
        return t < 0 ? tail : 1 - tail
    }

    /// P(|T| ≥ |t|) for Student's t distribution: the two-sided p-value of a t statistic.
    public static func studentTTwoSided(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return 0 }
        return Swift.min(1, incompleteBeta(df / 2, 0.5, df / (df + t * t)))
    }

    /// P(F ≤ x) for the F distribution with (dfn, dfd) degrees of freedom (scipy.stats.f.cdf).
    public static func fCDF(_ x: Double, dfn: Double, dfd: Double) -> Double {
        guard dfn > 0, dfd > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        if x.isInfinite { return 1 }
        return incompleteBeta(dfn / 2, dfd / 2, dfn * x / (dfn * x + dfd))
    }

    /// P(F > x) (scipy.stats.f.sf), accurate in the far upper tail.
    public static func fSurvival(_ x: Double, dfn: Double, dfd: Double) -> Double {
        guard dfn > 0, dfd > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x.isInfinite { return 0 }
        return incompleteBeta(dfd / 2, dfn / 2, dfd / (dfd + dfn * x))
    }

    /// The mean and the sample variance (n − 1) of values, in two passes.
    public static func meanAndVariance(_ xs: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let squares = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / (n - 1))
    }

    /// A two-sample t-test of equal means (scipy.stats.ttest_ind, two-sided): Welch's when `equalVariances` is
    /// false, Student's pooled-variance test otherwise. Both samples need at least two values; equal constant
    /// samples give nan, as scipy.
    public static func tTest(_ a: [Double], _ b: [Double], equalVariances: Bool) -> (statistic: Double, pValue: Double, df: Double) {
        let (ma, va) = meanAndVariance(a), (mb, vb) = meanAndVariance(b)
        let na = Double(a.count), nb = Double(b.count)
        let standardError: Double, df: Double
        if equalVariances {
            df = na + nb - 2
            let pooled = ((na - 1) * va + (nb - 1) * vb) / df
            standardError = (pooled * (1 / na + 1 / nb)).squareRoot()
        } else {
            let qa = va / na, qb = vb / nb
            standardError = (qa + qb).squareRoot()
            df = (qa + qb) * (qa + qb) / (qa * qa / (na - 1) + qb * qb / (nb - 1))
        }
        let t = (ma - mb) / standardError
        return (t, studentTTwoSided(t, df: df), df)
    }

    /// The two-sided F-test of equal variances: F = var(a) / var(b) (sample variances) on (n_a − 1, n_b − 1)
    /// degrees of freedom, p = 2 min(P(F ≤ f), P(F > f)), as in the IRM paper's ICP code.
    public static func fTest(_ a: [Double], _ b: [Double]) -> (statistic: Double, pValue: Double, dfn: Double, dfd: Double) {
        let va = meanAndVariance(a).variance, vb = meanAndVariance(b).variance
        let dfn = Double(a.count - 1), dfd = Double(b.count - 1)
        let f = va / vb
        guard !f.isNaN else { return (f, .nan, dfn, dfd) }
        let p = 2 * Swift.min(fCDF(f, dfn: dfn, dfd: dfd), fSurvival(f, dfn: dfn, dfd: dfd))
        return (f, Swift.min(1, p), dfn, dfd)
    }
}

extension Builtins {
    /// The elements of argument `name` (a tensor of any shape, a list of numbers) in double precision; at least
    /// two, all finite.
    static func sample(_ args: Arguments, _ name: String) throws(RuntimeError) -> [Double] {
        let t = try args.tensor(name)
        guard t.count >= 2 else {
            throw RuntimeError("argument '\(name)' of \(args.command.name) needs at least 2 values, got \(t.count)", at: args.location(of: name))
        }
        if let bad = t.storage.firstIndex(where: { !$0.isFinite }) {
            throw RuntimeError("argument '\(name)' of \(args.command.name) has a non-finite value (\(Value.number(Double(t.storage[bad])).repr)) at element \(bad)", at: args.location(of: name))
        }
        return t.storage.map(Double.init)
    }

    /// A positive number argument (degrees of freedom, shape parameters).
    static func positiveNumber(_ args: Arguments, _ name: String) throws(RuntimeError) -> Double {
        let v = try args.number(name)
        guard v > 0, v.isFinite else {
            throw RuntimeError("argument '\(name)' of \(args.command.name) must be a positive number, got \(Value.number(v).repr)", at: args.location(of: name))
        }
        return v
    }

    static let statisticsCommands: [Command] = [
        Command("betainc", topic: "statistics", summary: "the regularized incomplete beta function I_x(a, b)",
                help: """
                As scipy.special.betainc(a, b, x): the integral of t^(a-1) (1-t)^(b-1) from 0 to x divided by the beta
                function B(a, b). It is the CDF of the Beta(a, b) distribution, and the t and F distributions' CDFs are made
                of it. Computed in double precision by a continued fraction (modified Lentz).
                """,
                example: "betainc 2 3 0.4",
                parameters: [.positional("a", .number, "a positive shape parameter"), .positional("b", .number, "a positive shape parameter"),
                             .positional("x", .number, "a number from 0 to 1")]) { args throws(RuntimeError) in
            let a = try positiveNumber(args, "a"), b = try positiveNumber(args, "b"), x = try args.number("x")
            guard x >= 0, x <= 1 else { throw RuntimeError("argument 'x' of betainc must be from 0 to 1, got \(Value.number(x).repr)", at: args.location(of: "x")) }
            return .number(StatisticalDistributions.incompleteBeta(a, b, x))
        },
        Command("tcdf", topic: "statistics", summary: "P(T ≤ t) for Student's t distribution with df degrees of freedom",
                help: """
                As scipy.stats.t.cdf(t, df); df need not be an integer (Welch's test gives fractional ones). The two-sided
                p-value of a statistic t is 2 * tcdf (-(abs t)) df.
                """,
                example: "tcdf 2.0 10",
                parameters: [.positional("t", .number, "the statistic"), .positional("df", .number, "degrees of freedom (positive)")]) { args throws(RuntimeError) in
            let t = try args.number("t"), df = try positiveNumber(args, "df")
            return .number(StatisticalDistributions.studentTCDF(t, df: df))
        },
        Command("fcdf", topic: "statistics", summary: "P(F ≤ x) for the F distribution with (dfn, dfd) degrees of freedom",
                help: """
                As scipy.stats.f.cdf(x, dfn, dfd): the distribution of a ratio of two independent sample variances of normal
                samples, (n1 − 1, n2 − 1) degrees of freedom. 1 − fcdf is its upper tail.
                """,
                example: "fcdf 1.5 9 14",
                parameters: [.positional("x", .number, "the ratio"), .positional("dfn", .number, "numerator degrees of freedom"),
                             .positional("dfd", .number, "denominator degrees of freedom")]) { args throws(RuntimeError) in
            let x = try args.number("x"), dfn = try positiveNumber(args, "dfn"), dfd = try positiveNumber(args, "dfd")
            return .number(StatisticalDistributions.fCDF(x, dfn: dfn, dfd: dfd))
        },
        Command("ttest", topic: "statistics", summary: "two-sample t-test of equal means (Welch's by default): a record {statistic, pvalue, df}",
                help: """
                As scipy.stats.ttest_ind(a, b, equal_var=False), two-sided: t = (mean a − mean b) / sqrt(var a / n_a + var b /
                n_b) with the Welch–Satterthwaite degrees of freedom. equal_var=true is Student's test with the pooled
                variance and n_a + n_b − 2 degrees of freedom. The samples are tensors of any shape (all elements) or lists of
                numbers, at least 2 values each. Two constant samples with equal means give nan, as scipy.
                """,
                example: "r = ttest (randn 100) ((randn 80) + 0.5)\nr.pvalue",
                parameters: [.positional("a", .oneOf([.tensor, .list]), "the first sample"), .positional("b", .oneOf([.tensor, .list]), "the second sample"),
                             .keyword("equal_var", .bool, default: .bool(false), "assume equal variances (Student's test)")]) { args throws(RuntimeError) in
            let a = try sample(args, "a"), b = try sample(args, "b")
            let r = StatisticalDistributions.tTest(a, b, equalVariances: try args.bool("equal_var"))
            return .record(Record([("statistic", .number(r.statistic)), ("pvalue", .number(r.pValue)), ("df", .number(r.df))]))
        },
        Command("ftest", topic: "statistics", summary: "two-sided F-test of equal variances: a record {statistic, pvalue, dfn, dfd}",
                help: """
                F = var a / var b (sample variances, n − 1) on (n_a − 1, n_b − 1) degrees of freedom; pvalue = 2 min(P(F ≤ f),
                P(F > f)), the variance half of the IRM paper's ICP test (scipy: 2 * min(f.cdf(F, dfn, dfd), f.sf(F, dfn,
                dfd))). The samples are tensors of any shape or lists of numbers, at least 2 values each.
                """,
                example: "r = ftest (randn 100) (2 * (randn 80))\nr.pvalue",
                parameters: [.positional("a", .oneOf([.tensor, .list]), "the first sample"), .positional("b", .oneOf([.tensor, .list]), "the second sample")]) { args throws(RuntimeError) in
            let a = try sample(args, "a"), b = try sample(args, "b")
            let r = StatisticalDistributions.fTest(a, b)
            return .record(Record([("statistic", .number(r.statistic)), ("pvalue", .number(r.pValue)),
                                   ("dfn", .number(r.dfn)), ("dfd", .number(r.dfd))]))
        },
    ]
}

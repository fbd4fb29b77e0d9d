import Foundation
@testable import SPSLanguage
import Testing

// The statistics commands against scipy.
//
// `benchmarks/chain/statistics_reference.json` is written by `benchmarks/chain/statistics_reference.py` (scipy in a
// throw-away virtual environment outside the repository): scipy.special.betainc, scipy.stats.t.cdf, f.cdf, f.sf,
// ttest_ind (Welch's and Student's) and the ICP variance test on Float32-rounded samples. Every value must agree
// to 1e-10 relative (or 1e-300 absolute, for p-values that underflow).

private struct StatisticsReference: Decodable {
    struct Beta: Decodable { var a, b, x, value: Double }
    struct T: Decodable { var t, df, value: Double }
    struct F: Decodable { var x, dfn, dfd, value: Double }
    struct Test: Decodable { var statistic, pvalue, df: Double }
    struct FTest: Decodable { var statistic, pvalue, dfn, dfd: Double }
    struct Sample: Decodable { var a, b: [Double]; var welch, student: Test; var ftest: FTest }

    var scipy: String
    var betainc: [Beta]
    var tcdf: [T]
    var fcdf: [F]
    var fsf: [F]
    var samples: [Sample]

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("benchmarks/chain/statistics_reference.json")

    static func load() throws -> StatisticsReference {
        try JSONDecoder().decode(StatisticsReference.self, from: Data(contentsOf: file))
    }
}

/// True when `x` agrees with scipy's `expected` to 1e-10 relative (1e-300 absolute).
private func agrees(_ x: Double, _ expected: Double) -> Bool {
    abs(x - expected) <= 1e-10 * abs(expected) + 1e-300
}

@Suite struct HypothesisTestTests {
    @Test func incompleteBetaMatchesScipy() throws {
        let reference = try StatisticsReference.load()
        #expect(reference.betainc.count > 10)
        for c in reference.betainc {
            let x = StatisticalDistributions.incompleteBeta(c.a, c.b, c.x)
            #expect(agrees(x, c.value), "betainc(\(c.a), \(c.b), \(c.x)) = \(x), scipy \(c.value)")
        }
    }

    @Test func distributionFunctionsMatchScipy() throws {
        let reference = try StatisticsReference.load()
        for c in reference.tcdf {
            let x = StatisticalDistributions.studentTCDF(c.t, df: c.df)
            #expect(agrees(x, c.value), "t.cdf(\(c.t), \(c.df)) = \(x), scipy \(c.value)")
        }
        for c in reference.fcdf {
            let x = StatisticalDistributions.fCDF(c.x, dfn: c.dfn, dfd: c.dfd)
            #expect(agrees(x, c.value), "f.cdf(\(c.x), \(c.dfn), \(c.dfd)) = \(x), scipy \(c.value)")
        }
        for c in reference.fsf {
            let x = StatisticalDistributions.fSurvival(c.x, dfn: c.dfn, dfd: c.dfd)
            #expect(agrees(x, c.value), "f.sf(\(c.x), \(c.dfn), \(c.dfd)) = \(x), scipy \(c.value)")
        }
    }

    @Test func testsMatchScipy() throws {
        let reference = try StatisticsReference.load()
        #expect(reference.samples.count >= 5)
        for s in reference.samples {
            for (equal, expected) in [(false, s.welch), (true, s.student)] {
                let r = StatisticalDistributions.tTest(s.a, s.b, equalVariances: equal)
                #expect(agrees(r.statistic, expected.statistic), "t statistic \(r.statistic), scipy \(expected.statistic)")
                #expect(agrees(r.pValue, expected.pvalue), "t p-value \(r.pValue), scipy \(expected.pvalue) (n \(s.a.count), \(s.b.count))")
                #expect(agrees(r.df, expected.df), "df \(r.df), scipy \(expected.df)")
            }
            let f = StatisticalDistributions.fTest(s.a, s.b)
            #expect(agrees(f.statistic, s.ftest.statistic), "F \(f.statistic), scipy \(s.ftest.statistic)")
            #expect(agrees(f.pValue, s.ftest.pvalue), "F p-value \(f.pValue), scipy \(s.ftest.pvalue)")
            #expect(f.dfn == s.ftest.dfn && f.dfd == s.ftest.dfd)
        }
    }

    @Test func commandsGiveTheSameNumbersAsTheFunctions() {
        let out = run("""
            r = ttest [1, 2, 3, 4, 5.5] [2, 3.5, 4, 6, 7, 9]
            f = ftest [1, 2, 3, 4, 5.5] [2, 3.5, 4, 6, 7, 9]
            s = ttest (tensor [1, 2, 3, 4, 5.5]) (tensor [[2, 3.5, 4], [6, 7, 9]]) equal_var=true
            for v in [r.pvalue, r.df, f.pvalue, s.pvalue, betainc 2 3 0.4, tcdf 2.0 10, fcdf 1.5 9 14] { print v }
            """)
        let printed = out.split(separator: "\n").compactMap { Double($0) }
        let a = [1, 2, 3, 4, 5.5], b = [2, 3.5, 4, 6, 7, 9.0]
        let t = StatisticalDistributions.tTest(a, b, equalVariances: false), f = StatisticalDistributions.fTest(a, b)
        let expected = [t.pValue, t.df, f.pValue, StatisticalDistributions.tTest(a, b, equalVariances: true).pValue,
                        StatisticalDistributions.incompleteBeta(2, 3, 0.4), StatisticalDistributions.studentTCDF(2, df: 10),
                        StatisticalDistributions.fCDF(1.5, dfn: 9, dfd: 14)]
        #expect(printed.count == expected.count, "\(out)")
        for (x, e) in zip(printed, expected) { #expect(agrees(x, e), "\(x) vs \(e)") }
    }

    @Test func badArgumentsAreErrors() {
        #expect(run("ttest [1] [2, 3]").contains("needs at least 2 values, got 1"))
        #expect(run("betainc 0 1 0.5").contains("must be a positive number"))
        #expect(run("betainc 1 1 2").contains("must be from 0 to 1"))
        #expect(run("tcdf 1 -2").contains("must be a positive number"))
        #expect(run("ftest (tensor [1, 0 / 0, 2]) [1, 2]").contains("non-finite value"))
    }

    @Test func edgeCases() {
        #expect(StatisticalDistributions.incompleteBeta(2, 3, 0) == 0)
        #expect(StatisticalDistributions.incompleteBeta(2, 3, 1) == 1)
        #expect(StatisticalDistributions.incompleteBeta(-1, 3, 0.5).isNaN)
        #expect(StatisticalDistributions.studentTCDF(.infinity, df: 3) == 1)
        #expect(StatisticalDistributions.studentTTwoSided(0, df: 3) == 1)
        #expect(StatisticalDistributions.tTest([1, 1], [1, 1], equalVariances: false).pValue.isNaN)
        #expect(StatisticalDistributions.fTest([1, 2, 3], [5, 5, 5]).pValue == 0)
    }
}

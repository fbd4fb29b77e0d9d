import Foundation
import SPSPlot

/// Deterministic data for plot tests: a small linear congruential generator, so snapshots never change.
struct FixtureRandom {
    private var state: UInt64

    /// A generator with a fixed seed.
    init(seed: UInt64) { state = seed &* 6_364_136_223_846_793_005 &+ 1 }

    /// A uniform value in [0, 1).
    mutating func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }

    /// An approximately normal value (the sum of twelve uniforms, centred).
    mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
        var s = 0.0
        for _ in 0..<12 { s += uniform() }
        return mean + std * (s - 6)
    }
}

/// The plots the tests draw: one per kind, shaped like the case study's pictures.
enum Fixtures {
    /// IID and OOD data sets: y ≈ 2·x3 + noise, the OOD set shifted in x3.
    static func scatter() -> Plot {
        var r = FixtureRandom(seed: 1)
        let iidX = (0..<120).map { _ in r.normal(mean: 0, std: 1) }
        let iidY = iidX.map { 2 * $0 + r.normal(std: 0.5) }
        let oodX = (0..<120).map { _ in r.normal(mean: 3, std: 0.7) }
        let oodY = oodX.map { 2 * $0 + r.normal(std: 0.5) }
        return .scatter([Series("iid", xs: iidX, ys: iidY), Series("ood", xs: oodX, ys: oodY)],
                        title: "IID vs OOD", xLabel: "x3", yLabel: "y")
    }

    /// A training history: two curves over 30 epochs.
    static func line() -> Plot {
        let train: [Double] = (0..<30).map { (epoch: Int) -> Double in 2 * exp(-Double(epoch) / 6) + 0.05 }
        let ood: [Double] = (0..<30).map { (epoch: Int) -> Double in
            let wiggle = 0.01 * Double(epoch % 3)
            return 1.5 * exp(-Double(epoch) / 10) + 0.4 + wiggle
        }
        return .line([Series("train_loss", ys: train), Series("ood_rmse", ys: ood)],
                     title: "training history", xLabel: "epoch", yLabel: "loss")
    }

    /// A histogram of 500 approximately normal values in 20 bins.
    static func histogram() -> Plot {
        var r = FixtureRandom(seed: 2)
        return .histogram((0..<500).map { _ in r.normal(mean: 10, std: 2) }, bins: 20, name: "x3", title: "x3 distribution")
    }

    /// RMSE across ten seeds for IID and OOD test sets, one outlier.
    static func box() -> Plot {
        let iid = [0.51, 0.48, 0.55, 0.50, 0.47, 0.53, 0.49, 0.52, 0.50, 0.95]
        let ood = [1.8, 2.4, 2.1, 1.9, 2.9, 2.2, 2.0, 2.6, 2.3, 2.5]
        return .box([BoxGroup("iid", values: iid), BoxGroup("ood", values: ood)], title: "RMSE across seeds",
                    valueLabel: "rmse")
    }

    /// True vs learned weights, some negative.
    static func bar() -> Plot {
        .bar(categories: ["w1", "w2", "w3", "w4"],
             series: [BarSeries("true", values: [1.5, -2, 0.5, 3]), BarSeries("learned", values: [1.4, -1.6, 0.9, 2.7])],
             title: "true vs learned weights", yLabel: "weight")
    }

    /// Mean test error ± standard error per algorithm and dataset, as `report … format="plot"` draws it; one
    /// cell has no error bar (zero) and one has no result (NaN).
    static func barWithErrors() -> Plot {
        .bar(categories: ["Example1", "Example2", "Example3"],
             series: [BarSeries("ERM", values: [13.0, 4.2, 4.8], errors: [1.4, 0.1, 0.7]),
                      BarSeries("IRMv1", values: [10.8, 4.5, .nan], errors: [0.2, 0, 0.5])],
             title: "test error", yLabel: "error")
    }

    /// One plot of each kind.
    static func all() -> [(String, Plot)] {
        [("scatter", scatter()), ("line", line()), ("histogram", histogram()), ("box", box()), ("bar", bar())]
    }
}

/// A fixture was not of the expected kind.
enum FixtureError: Error { case wrongKind }

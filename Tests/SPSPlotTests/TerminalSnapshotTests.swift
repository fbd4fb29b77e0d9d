import SPSPlot
import SPSTestSupport
import Testing

/// Snapshots of the terminal rendering of each plot kind and of awkward data, at a fixed width, without colour.
///
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter SPSPlotTests`.
@Suite struct TerminalSnapshotTests {
    @Test func scatter() { assertSnapshot(Fixtures.scatter().renderTerminal(width: 72, height: 20), named: "scatter") }

    @Test func scatterSingleSeries() throws {
        guard case .scatter(let s) = Fixtures.scatter().content else { throw FixtureError.wrongKind }
        let plot = Plot.scatter([s[0]], title: "IID", xLabel: "x3", yLabel: "y")
        assertSnapshot(plot.renderTerminal(width: 72, height: 16), named: "scatter-single")
    }

    @Test func line() { assertSnapshot(Fixtures.line().renderTerminal(width: 72, height: 18), named: "line") }

    @Test func histogram() { assertSnapshot(Fixtures.histogram().renderTerminal(width: 72, height: 16), named: "histogram") }

    @Test func box() { assertSnapshot(Fixtures.box().renderTerminal(width: 72), named: "box") }

    @Test func boxCompactWhenShort() {
        let groups = (1...6).map { BoxGroup("g\($0)", values: (0..<20).map { Double($0 % 7) * Double($0 + 1) }) }
        assertSnapshot(Plot.box(groups, title: "six groups").renderTerminal(width: 72, height: 12), named: "box-compact")
    }

    @Test func bar() { assertSnapshot(Fixtures.bar().renderTerminal(width: 72, height: 18), named: "bar") }
    @Test func barWithErrors() {
        assertSnapshot(Fixtures.barWithErrors().renderTerminal(width: 72, height: 18), named: "bar-errors")
    }

    @Test func figure() throws {
        guard case .scatter(let s) = Fixtures.scatter().content else { throw FixtureError.wrongKind }
        let iid = Plot.scatter([s[0]], title: "IID", xLabel: "x3", yLabel: "y")
        let ood = Plot.scatter([s[1]], title: "OOD", xLabel: "x3", yLabel: "y")
        assertSnapshot(Figure([iid, ood], title: "data sets").renderTerminal(width: 100, height: 14), named: "figure")
    }

    // MARK: - Awkward data

    @Test func emptySeries() {
        assertSnapshot(Plot.scatter([Series("a", xs: [], ys: [])], title: "empty").renderTerminal(width: 60),
                       named: "awkward-empty")
    }

    @Test func onlyNaN() {
        let plot = Plot.histogram([.nan, .nan, .infinity], bins: 5, title: "all NaN")
        assertSnapshot(plot.renderTerminal(width: 60), named: "awkward-all-nan")
    }

    @Test func constantColumn() {
        let plot = Plot.scatter([Series("c", xs: [1, 2, 3, 4, 5], ys: [7, 7, 7, 7, 7])], title: "constant y")
        assertSnapshot(plot.renderTerminal(width: 60, height: 12), named: "awkward-constant")
    }

    @Test func onePoint() {
        assertSnapshot(Plot.line([Series(xs: [5], ys: [3])], title: "one point").renderTerminal(width: 60, height: 12),
                       named: "awkward-one-point")
    }

    @Test func hugeRangeUsesScientificTicks() {
        let plot = Plot.scatter([Series(xs: [1e-6, 1, 1e3, 1e6, 1e9], ys: [-1e-6, 2e-6, 3e-6, 4e-6, 5e-6])],
                                title: "huge range", xLabel: "x", yLabel: "y")
        assertSnapshot(plot.renderTerminal(width: 60, height: 14), named: "awkward-huge-range")
    }

    @Test func nanAndNegativeValues() {
        let plot = Plot.line([Series("loss", ys: [3, -1, .nan, -2, 4, .nan, .nan, 1, -.infinity, 2])],
                             title: "gaps", xLabel: "epoch")
        assertSnapshot(plot.renderTerminal(width: 60, height: 12), named: "awkward-nan-negative")
    }

    @Test func histogramOfConstantValues() {
        assertSnapshot(Plot.histogram([2, 2, 2, 2], bins: 4, title: "constant").renderTerminal(width: 60, height: 10),
                       named: "awkward-histogram-constant")
    }
}

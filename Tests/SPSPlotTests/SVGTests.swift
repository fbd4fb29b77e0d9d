import Foundation
import SPSPlot
import Testing

/// The SVG output parsed and checked: well-formed XML, element counts, labels, awkward data.
@Suite struct SVGTests {
    @Test(arguments: Fixtures.all().map(\.0))
    func everyKindIsWellFormedWithTitleAndViewBox(kind: String) throws {
        let plot = try #require(Fixtures.all().first { $0.0 == kind }?.1)
        let doc = SVGDocument(plot.renderSVG())
        #expect(doc.isWellFormed, "\(String(describing: doc.error))")
        #expect(doc.root["viewBox"] == "0 0 640 400")
        #expect(doc.texts("title") == [plot.title])
        #expect(!doc.texts("tick-label").isEmpty || !doc.texts("category-label").isEmpty)
        #expect(doc.elements("line", in: "grid").count >= 2)
    }

    @Test func scatterHasOneCirclePerPointAndLegendEntries() {
        let doc = SVGDocument(Fixtures.scatter().renderSVG())
        #expect(doc.elements("circle", in: "data").count == 240)
        #expect(doc.elements("g", in: "data").filter { $0.attributes["class"] == "series" }.count == 2)
        #expect(doc.texts("legend-label") == ["iid", "ood"])
        #expect(doc.texts("x-label") == ["x3"])
        #expect(doc.texts("y-label") == ["y"])
    }

    @Test func seriesUseDistinctPaletteColours() {
        let doc = SVGDocument(Fixtures.scatter().renderSVG())
        let fills = Set(doc.elements("circle", in: "data").compactMap { $0.attributes["fill"] })
        #expect(fills == ["#0072B2", "#E69F00"])
    }

    @Test func lineHasOnePolylinePerSeriesAndBreaksAtNaN() {
        let doc = SVGDocument(Fixtures.line().renderSVG())
        #expect(doc.elements("polyline", in: "data").count == 2)
        #expect(doc.texts("legend-label") == ["train_loss", "ood_rmse"])
        let gaps = SVGDocument(Plot.line([Series("a", ys: [1, 2, .nan, 3, 4, .nan, 5])]).renderSVG())
        #expect(gaps.elements("polyline", in: "data").count == 2)
        #expect(gaps.elements("circle", in: "data").count == 1)   // the lone last point
        #expect(gaps.texts("note") == ["note: 2 NaN points skipped"])
    }

    @Test func histogramHasOneRectPerNonEmptyBin() {
        let plot = Plot.histogram([0, 1, 1, 2, 3, 3, 3, 4, 9], bins: 9)
        let doc = SVGDocument(plot.renderSVG())
        #expect(doc.elements("rect", in: "data").count == 6)
    }

    @Test func barsHaveOneRectPerValueAndCategoryLabels() {
        let doc = SVGDocument(Fixtures.bar().renderSVG())
        #expect(doc.elements("rect", in: "data").count == 8)
        #expect(doc.texts("category-label") == ["w1", "w2", "w3", "w4"])
        #expect(doc.texts("legend-label") == ["true", "learned"])
        #expect(doc.elements("line", in: "axes").contains { $0.attributes["class"] == "zero" })
    }

    @Test func errorBarsAreWhiskersWithCapsSpanningMeanPlusMinusError() throws {
        let plot = Fixtures.barWithErrors()
        let doc = SVGDocument(plot.renderSVG())
        let whiskers = doc.elements("line", in: "data").filter { $0.attributes["class"] == "error" }
        let caps = doc.elements("line", in: "data").filter { $0.attributes["class"] == "error-cap" }
        // five bars; IRMv1 on Example2 has error 0 and on Example3 no bar, so four whiskers with two caps each
        #expect(doc.elements("rect", in: "data").count == 5)
        #expect(whiskers.count == 4)
        #expect(caps.count == 8)
        // the whisker of ERM on Example1 spans 13 ± 1.4: its length is 2.8 in the axis's pixels per unit
        let bars = doc.elements("rect", in: "data")
        let first = try #require(bars.first), second = try #require(bars.dropFirst().first)
        let pixelsPerUnit = (Double(first.attributes["height"]!)! - Double(second.attributes["height"]!)!) / (13.0 - 4.2)
        let w = whiskers[0]
        let length = abs(Double(w.attributes["y2"]!)! - Double(w.attributes["y1"]!)!)
        #expect(abs(length - 2.8 * pixelsPerUnit) < 0.1)
        // the plot's note counts the NaN; the whiskers stay inside the drawing
        #expect(doc.texts("note") == ["note: 1 NaN value skipped"])
        let height = Double(doc.root["height"]!)!
        #expect(whiskers.allSatisfy { Double($0.attributes["y1"]!)! > 0 && Double($0.attributes["y2"]!)! < height })
    }

    @Test func boxesHaveOneRectEachWithOutliersAndCounts() {
        let doc = SVGDocument(Fixtures.box().renderSVG())
        #expect(doc.elements("rect", in: "data").count == 2)
        #expect(doc.elements("line", in: "data").filter { $0.attributes["class"] == "median" }.count == 2)
        #expect(doc.elements("circle", in: "data").count == 1)   // iid's 0.95
        #expect(doc.texts("category-label") == ["iid", "ood"])
        #expect(doc.texts("count-label") == ["n=10", "n=10"])
        #expect(doc.texts("y-label") == ["rmse"])
    }

    @Test func labelsAreEscaped() {
        let plot = Plot.scatter([Series("a<b & \"c\"", xs: [1, 2], ys: [3, 4])], title: "<script>&amp;'x'\u{7}",
                                xLabel: "x > 0", yLabel: "y")
        let svg = plot.renderSVG()
        #expect(!svg.contains("<script>"))
        let doc = SVGDocument(svg)
        #expect(doc.isWellFormed)
        #expect(doc.texts("title") == ["<script>&amp;'x'"])
        #expect(doc.texts("legend-label") == ["a<b & \"c\""])
        #expect(doc.elements("g", in: "data").first?.attributes["data-name"] == "a<b & \"c\"")
    }

    @Test func figureHasOnePlotPerCell() {
        let figure = Figure(Fixtures.all().map(\.1), columns: 3, title: "all kinds")
        let doc = SVGDocument(figure.renderSVG())
        #expect(doc.isWellFormed)
        #expect(figure.rows == 2)
        #expect(doc.root["viewBox"] == "0 0 1440 752")
        #expect(doc.elements("g").filter { $0.attributes["class"] == "plot" }.count == 5)
        #expect(doc.texts("figure-title") == ["all kinds"])
        #expect(doc.texts("title").count == 5)
    }

    // MARK: - Awkward data

    @Test func emptyPlotShowsAMessage() {
        let doc = SVGDocument(Plot.scatter([], title: "nothing").renderSVG())
        #expect(doc.isWellFormed)
        #expect(doc.texts("message") == ["no data: the plot has no series"])
        #expect(doc.elements("circle").isEmpty)
    }

    @Test func nanValuesAreSkippedAndCounted() {
        let plot = Plot.scatter([Series(xs: [1, 2, .nan, 4, 5], ys: [1, .nan, 3, .infinity, 5])])
        let doc = SVGDocument(plot.renderSVG())
        #expect(doc.elements("circle", in: "data").count == 2)
        #expect(doc.texts("note") == ["note: 2 NaN and 1 infinite points skipped"])
    }

    @Test func constantColumnAndOnePointGetASpan() {
        for plot in [Plot.scatter([Series(xs: [3, 3, 3], ys: [1, 2, 3])]), Plot.scatter([Series(xs: [0], ys: [0])])] {
            let doc = SVGDocument(plot.renderSVG())
            #expect(doc.isWellFormed)
            #expect(doc.texts("tick-label").count >= 4)
            let xs = doc.elements("circle", in: "data").compactMap { $0.attributes["cx"].flatMap(Double.init) }
            #expect(xs.allSatisfy { $0 > 50 && $0 < 600 })
        }
    }

    @Test func hugeRangeUsesScientificTicks() {
        let plot = Plot.scatter([Series(xs: [1e-6, 1e9], ys: [1, 2])])
        let labels = SVGDocument(plot.renderSVG()).texts("tick-label")
        #expect(labels.contains("1e9"))
        #expect(labels.contains("0"))
    }

    @Test func millionPointScatterStaysSmall() {
        var r = FixtureRandom(seed: 3)
        let xs = (0..<1_000_000).map { _ in r.uniform() }
        let ys = xs.map { $0 * $0 }
        let svg = Plot.scatter([Series(xs: xs, ys: ys)]).renderSVG()
        #expect(SVGDocument(svg).isWellFormed)
        #expect(svg.utf8.count < 20_000_000)
    }
}

import Foundation
import SPSPlot
import Testing

/// Properties of terminal rendering that hold at any size: widths, colour, ticks, speed.
@Suite struct TerminalRenderingTests {
    /// The visible text of a line, without ANSI escape sequences.
    static func visible(_ line: Substring) -> String {
        var out = "", escape = false
        for ch in line {
            if escape { if ch.isLetter { escape = false } } else if ch == "\u{1B}" { escape = true } else { out.append(ch) }
        }
        return out
    }

    @Test(arguments: [24, 40, 80, 133])
    func linesNeverExceedTheWidth(width: Int) {
        for (_, plot) in Fixtures.all() {
            for line in plot.renderTerminal(width: width).split(separator: "\n") {
                #expect(line.count <= width, "\(plot.kind) at \(width): '\(line)'")
            }
        }
    }

    @Test func widthDefaultsToEighty() {
        let text = Fixtures.scatter().renderTerminal()
        #expect(text.split(separator: "\n").map(\.count).max() == 80)
        #expect(text == Fixtures.scatter().renderTerminal(width: 80, height: 20))
    }

    @Test func colourAddsEscapesButNotText() {
        for (_, plot) in Fixtures.all() {
            let coloured = plot.renderTerminal(width: 72, color: true)
            #expect(coloured.contains("\u{1B}[38;5;"))
            let plain = plot.renderTerminal(width: 72, color: false)
            #expect(!plain.contains("\u{1B}"))
            // With one series the glyphs are identical; only the escapes differ.
            if plot.kind == .histogram || plot.kind == .box {
                #expect(coloured.split(separator: "\n").map(Self.visible) == plain.split(separator: "\n").map(String.init))
            }
        }
    }

    @Test func scatterWithoutColourUsesMarkersPerSeries() {
        let text = Fixtures.scatter().renderTerminal(width: 72)
        #expect(text.contains("• iid") && text.contains("× ood"))
        #expect(text.contains("×"))
        let coloured = Fixtures.scatter().renderTerminal(width: 72, color: true)
        #expect(coloured.unicodeScalars.contains { $0.value >= 0x2801 && $0.value <= 0x28FF })
    }

    @Test func titleLegendAndLabelsAppear() {
        let text = Fixtures.line().renderTerminal(width: 72)
        for s in ["training history", "train_loss", "ood_rmse", "epoch", "loss"] { #expect(text.contains(s)) }
        #expect(text.contains("└") && text.contains("┤") && text.contains("┬"))
    }

    @Test func boxPlotShowsCountsAndOutliers() {
        let text = Fixtures.box().renderTerminal(width: 72)
        #expect(text.contains("n=10"))
        #expect(text.contains("├") && text.contains("┤") && text.contains("•"))
    }

    @Test func ticksAreRoundNumbers() {
        let text = Plot.scatter([Series(xs: [0.13, 9.7], ys: [-3.3, 47])]).renderTerminal(width: 60, height: 14)
        let labels = text.split(separator: "\n").compactMap { line -> String? in
            guard let bar = line.firstIndex(where: { $0 == "┤" }) else { return nil }
            return line[..<bar].trimmingCharacters(in: .whitespaces)
        }
        let values = labels.compactMap(Double.init)
        #expect(values.count == labels.count && values.count >= 3)
        let steps = Set(zip(values, values.dropFirst()).map { $0 - $1 })
        #expect(steps.count == 1)
        let step = steps.first ?? 0
        let mantissa = step / pow(10, log10(step).rounded(.down))
        #expect([1.0, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
        // The axis ends near the data (within a step), not at the next whole tick beyond it.
        #expect((values.first ?? 0) > 47 - step && (values.first ?? 0) < 47 + step, "\(values)")
        #expect((values.last ?? 0) > -3.3 - step && (values.last ?? 0) < -3.3 + step, "\(values)")
        #expect(values.allSatisfy { $0.truncatingRemainder(dividingBy: step) == 0 })
    }

    @Test("the scatter's y axis ends at the row just past the data, not at the next tick far above it")
    func scatterAxisEndsNearTheData() {
        var r = FixtureRandom(seed: 5)
        let xs = (0..<400).map { _ in r.normal(mean: 10, std: 15) }
        let ys = xs.map { min(11.9, max(-9, $0 / 4 + r.normal())) }
        let lines = Plot.scatter([Series(xs: xs, ys: ys)]).renderTerminal(width: 70, height: 20).split(separator: "\n")
        // Before: the axis ran from -10 to 20 with data ending at 12, leaving a third of the plot empty.
        let labels = lines.compactMap { line -> Double? in
            guard let bar = line.firstIndex(of: "┤") else { return nil }
            return Double(line[..<bar].trimmingCharacters(in: .whitespaces))
        }
        #expect(!labels.contains(20) && labels.contains(10), "\(labels)")
        // The top row of the plot area holds data, or the row below it does.
        let area = lines.filter { $0.contains("│") || $0.contains("┤") }
        let dotted = area.prefix(2).contains { line in line.unicodeScalars.contains { $0.value >= 0x2801 && $0.value <= 0x28FF } }
        #expect(dotted, "\(lines.joined(separator: "\n"))")
    }

    @Test func millionPointsRender() {
        var r = FixtureRandom(seed: 4)
        let xs = (0..<1_000_000).map { _ in r.normal() }
        let ys = xs.map { 2 * $0 + 1 }
        let plot = Plot.scatter([Series("big", xs: xs, ys: ys)])
        let text = plot.renderTerminal(width: 100, height: 30)
        #expect(text.contains("big"))
        // A million points on 100 × 30 cells: the line y = 2x + 1 rises from the bottom-left to the top-right.
        let rows = text.split(separator: "\n").map(String.init)
        let drawn = rows.filter { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
        #expect(drawn.count >= 20, "\(text)")
    }

    @Test func figureGridPlacesPlotsSideBySide() {
        let figure = Figure([Fixtures.box(), Fixtures.bar(), Fixtures.line()], columns: 2)
        #expect(figure.rows == 2)
        let lines = figure.renderTerminal(width: 100, height: 14).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines.contains { $0.contains("RMSE across seeds") && $0.contains("true vs learned weights") })
        #expect(lines.contains { $0.contains("training history") })
    }
}

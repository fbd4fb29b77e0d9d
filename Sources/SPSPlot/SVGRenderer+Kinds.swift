/// Drawing the data of each plot kind inside the plot area of an SVG.
extension SVGRenderer {
    /// Above this many points a series is thinned to one circle per pixel.
    static let dedupeThreshold = 5000

    // MARK: - Scatter and line

    /// One circle per point, in the series colour; large series are thinned to one circle per occupied pixel.
    func drawScatter(_ svg: inout SVGWriter, _ layout: Layout) {
        let total = data.series.reduce(0) { $0 + $1.count }
        let radius = total > 2000 ? 1.8 : total > 300 ? 2.5 : 3.5
        let opacity = total > 300 ? 0.6 : 0.85
        for (s, points) in data.series.enumerated() {
            svg.open("series", [("data-name", points.name)])
            let color = Palette.color(s)
            var seen = Set<Int>()
            for i in points.xs.indices {
                let x = layout.px(points.xs[i]), y = layout.py(points.ys[i])
                if points.count > Self.dedupeThreshold {
                    guard seen.insert(Int(x.rounded()) &* 65_536 &+ Int(y.rounded())).inserted else { continue }
                }
                svg.circle(cx: x, cy: y, r: radius, fill: color, fillOpacity: opacity)
            }
            svg.close()
        }
    }

    /// One polyline per unbroken run of points; long runs keep the first, lowest, highest and last point of each
    /// pixel column, which looks the same and stays small.
    func drawLines(_ svg: inout SVGWriter, _ layout: Layout) {
        for (s, points) in data.series.enumerated() {
            svg.open("series", [("data-name", points.name)])
            var run: [(Double, Double)] = []
            func flush(_ svg: inout SVGWriter) {
                if run.count == 1, let p = run.first {
                    svg.circle(cx: p.0, cy: p.1, r: 2.5, fill: Palette.color(s))
                } else {
                    svg.polyline(Self.thinned(run), stroke: Palette.color(s), width: 2, dash: Palette.dash(s))
                }
                run.removeAll(keepingCapacity: true)
            }
            for i in points.xs.indices {
                if points.xs[i].isNaN {
                    flush(&svg)
                    continue
                }
                run.append((layout.px(points.xs[i]), layout.py(points.ys[i])))
            }
            if !run.isEmpty { flush(&svg) }
            svg.close()
        }
    }

    /// The points of a polyline with, per pixel column, only the first, lowest, highest and last kept.
    static func thinned(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 2000 else { return points }
        var out: [(Double, Double)] = []
        var i = 0
        while i < points.count {
            let column = points[i].0.rounded()
            var j = i
            var low = i, high = i
            while j < points.count && points[j].0.rounded() == column {
                if points[j].1 < points[low].1 { low = j }
                if points[j].1 > points[high].1 { high = j }
                j += 1
            }
            for k in Set([i, low, high, j - 1]).sorted() { out.append(points[k]) }
            i = j
        }
        return out
    }

    // MARK: - Histogram and bars

    /// One rectangle per non-empty bin.
    func drawHistogram(_ svg: inout SVGWriter, _ layout: Layout) {
        guard let bins = data.bins else { return }
        svg.open("series", [("data-name", plot.seriesNames.first ?? "")])
        for (i, count) in bins.counts.enumerated() where count > 0 {
            let x0 = layout.px(bins.edges[i]), x1 = layout.px(bins.edges[i + 1])
            svg.rect(x: x0, y: layout.py(Double(count)), width: x1 - x0, height: layout.bottom - layout.py(Double(count)),
                     fill: Palette.color(0), stroke: "#ffffff", strokeWidth: x1 - x0 > 4 ? 1 : 0)
        }
        svg.close()
    }

    /// One rectangle per finite value, from zero, grouped by category; an error bar is a dark whisker with caps
    /// across the bar's top.
    func drawBars(_ svg: inout SVGWriter, _ layout: Layout) {
        let k = max(1, data.categories.count), s = max(1, data.barSeries.count)
        let band = layout.width / Double(k)
        let barWidth = min(60, band * 0.8 / Double(s))
        for (si, series) in data.barSeries.enumerated() {
            svg.open("series", [("data-name", series.name)])
            for (c, v) in series.values.enumerated() where v.isFinite {
                let x = layout.left + Double(c) * band + (band - barWidth * Double(s)) / 2 + Double(si) * barWidth
                svg.rect(x: x, y: layout.py(v), width: barWidth, height: layout.py(0) - layout.py(v),
                         fill: Palette.color(si), stroke: "#ffffff", strokeWidth: 1)
                let e = series.errors[c]
                guard e > 0 else { continue }
                let cx = x + barWidth / 2, cap = max(2, barWidth / 4)
                svg.line(cx, layout.py(v - e), cx, layout.py(v + e), stroke: Self.errorColor, width: 1.5, className: "error")
                for end in [v - e, v + e] {
                    svg.line(cx - cap, layout.py(end), cx + cap, layout.py(end), stroke: Self.errorColor, width: 1.5,
                             className: "error-cap")
                }
            }
            svg.close()
        }
    }

    /// The colour of error bars: dark, to stand out against every palette colour.
    static let errorColor = "#222222"

    // MARK: - Box plots

    /// Vertical boxes: the IQR as a rectangle, a median line, whiskers with caps, outliers as open circles.
    func drawBoxes(_ svg: inout SVGWriter, _ layout: Layout) {
        let band = layout.width / Double(max(1, data.boxes.count))
        let boxWidth = min(70, band * 0.5)
        for (g, box) in data.boxes.enumerated() {
            guard let st = box.stats else { continue }
            let color = Palette.color(g)
            let cx = layout.left + (Double(g) + 0.5) * band
            let (l, r) = (cx - boxWidth / 2, cx + boxWidth / 2)
            svg.open("box", [("data-name", box.name)])
            svg.line(cx, layout.py(st.q3), cx, layout.py(st.upperWhisker), stroke: color, width: 1.5, className: "whisker")
            svg.line(cx, layout.py(st.q1), cx, layout.py(st.lowerWhisker), stroke: color, width: 1.5, className: "whisker")
            for w in [st.lowerWhisker, st.upperWhisker] {
                svg.line(cx - boxWidth / 4, layout.py(w), cx + boxWidth / 4, layout.py(w), stroke: color, width: 1.5,
                         className: "cap")
            }
            svg.rect(x: l, y: layout.py(st.q3), width: boxWidth, height: layout.py(st.q1) - layout.py(st.q3),
                     fill: color, stroke: color, strokeWidth: 1.5, fillOpacity: 0.25)
            svg.line(l, layout.py(st.median), r, layout.py(st.median), stroke: color, width: 2.5, className: "median")
            for o in st.outliers {
                svg.circle(cx: cx, cy: layout.py(o), r: 3, fill: "none", stroke: color)
            }
            svg.close()
        }
    }
}

/// A plot's data made ready to draw: non-finite values removed and counted, ranges found, statistics computed.
///
/// Both renderers start from this, so the terminal and the SVG show the same data and the same notes.
struct PreparedPlot: Sendable {
    /// The finite points of one scatter or line series; in a line, a NaN pair marks a break.
    struct Points: Sendable {
        var name: String
        var xs: [Double] = []
        var ys: [Double] = []
        /// The number of finite points (excluding break markers).
        var count = 0
    }

    /// The kind of plot.
    var kind: Plot.Kind
    /// Scatter and line series.
    var series: [Points] = []
    /// Histogram bins.
    var bins: HistogramBins?
    /// Box statistics, parallel to the groups (nil for a group with no finite value).
    var boxes: [(name: String, stats: BoxStatistics?)] = []
    /// Bar chart categories, and per series the values (NaN where no bar is drawn) and error half-widths (0 where
    /// no whisker is drawn).
    var categories: [String] = []
    var barSeries: [(name: String, values: [Double], errors: [Double])] = []
    /// The data range along x (for box plots, the value range), when there is any finite data.
    var xRange: (Double, Double)?
    /// The data range along y.
    var yRange: (Double, Double)?
    /// Remarks about the data, in the order found.
    var notes: [String] = []
    /// Whether nothing at all can be drawn.
    var isEmpty = true

    private var nanCount = 0
    private var infiniteCount = 0

    /// Prepares `plot`'s data.
    init(_ plot: Plot) {
        kind = plot.kind
        switch plot.content {
        case .scatter(let s): prepareXY(s, connected: false)
        case .line(let s): prepareXY(s, connected: true)
        case .histogram(let h): prepareHistogram(h)
        case .box(let groups): prepareBoxes(groups)
        case .bar(let chart): prepareBars(chart)
        }
        if let note = skippedNote { notes.append(note) }
        if isEmpty { notes.insert(emptyMessage, at: 0) }
    }

    // MARK: - Per kind

    private mutating func prepareXY(_ input: [Series], connected: Bool) {
        var xlo = Double.infinity, xhi = -Double.infinity, ylo = Double.infinity, yhi = -Double.infinity
        for s in input {
            var points = Points(name: s.name)
            let n = min(s.xs.count, s.ys.count)
            if s.xs.count != s.ys.count {
                let label = s.name.isEmpty ? "a series" : "series '\(s.name)'"
                notes.append("\(label) has \(s.xs.count) x and \(s.ys.count) y values; \(abs(s.xs.count - s.ys.count)) extra ignored")
            }
            points.xs.reserveCapacity(n)
            points.ys.reserveCapacity(n)
            var broken = false
            s.xs.withUnsafeBufferPointer { xs in
                s.ys.withUnsafeBufferPointer { ys in
                    for i in 0..<n {
                        let x = xs[i], y = ys[i]
                        if x.isFinite && y.isFinite {
                            if broken && points.count > 0 { points.xs.append(.nan); points.ys.append(.nan) }
                            broken = false
                            points.xs.append(x)
                            points.ys.append(y)
                            points.count += 1
                            if x < xlo { xlo = x }
                            if x > xhi { xhi = x }
                            if y < ylo { ylo = y }
                            if y > yhi { yhi = y }
                        } else {
                            if x.isNaN || y.isNaN { nanCount += 1 } else { infiniteCount += 1 }
                            broken = connected
                        }
                    }
                }
            }
            series.append(points)
        }
        if xlo <= xhi {
            xRange = (xlo, xhi)
            yRange = (ylo, yhi)
            isEmpty = false
        }
    }

    private mutating func prepareHistogram(_ h: Histogram) {
        count(h.values)
        let bins = HistogramBins(h.values, bins: h.bins)
        self.bins = bins
        if bins.counts.contains(where: { $0 > 0 }), let first = bins.edges.first, let last = bins.edges.last {
            isEmpty = false
            xRange = (first, last)
            yRange = (0, Double(bins.counts.max() ?? 0))
        }
    }

    private mutating func prepareBoxes(_ groups: [BoxGroup]) {
        var lo = Double.infinity, hi = -Double.infinity
        for g in groups {
            count(g.values)
            let stats = BoxStatistics(g.values)
            if let s = stats {
                lo = min(lo, s.minimum)
                hi = max(hi, s.maximum)
            }
            boxes.append((g.name, stats))
        }
        if lo <= hi {
            isEmpty = false
            xRange = (lo, hi)
            yRange = (lo, hi)
        }
    }

    private mutating func prepareBars(_ chart: BarChart) {
        let k = max(chart.categories.count, chart.series.map(\.values.count).max() ?? 0)
        categories = (0..<k).map { $0 < chart.categories.count ? chart.categories[$0] : "" }
        var lo = 0.0, hi = 0.0
        for s in chart.series {
            count(s.values)
            if s.values.count > chart.categories.count && !chart.categories.isEmpty {
                notes.append("series '\(s.name)' has \(s.values.count) values for \(chart.categories.count) categories")
            }
            let values = (0..<k).map { $0 < s.values.count && s.values[$0].isFinite ? s.values[$0] : Double.nan }
            let errors = (0..<k).map { $0 < s.errors.count && s.errors[$0].isFinite && values[$0].isFinite ? abs(s.errors[$0]) : 0 }
            if s.errors.count > k { notes.append("series '\(s.name)' has \(s.errors.count) error bars for \(k) bars") }
            for (v, e) in zip(values, errors) where v.isFinite {
                lo = min(lo, v - e)
                hi = max(hi, v + e)
                isEmpty = false
            }
            barSeries.append((s.name, values, errors))
        }
        if !isEmpty {
            xRange = (0, Double(k))
            yRange = (lo, hi)
        }
    }

    // MARK: - Counting and notes

    private mutating func count(_ values: [Double]) {
        for v in values where !v.isFinite {
            if v.isNaN { nanCount += 1 } else { infiniteCount += 1 }
        }
    }

    private var skippedNote: String? {
        let what = kind == .scatter || kind == .line ? ("point", "points") : ("value", "values")
        func noun(_ n: Int) -> String { n == 1 ? what.0 : what.1 }
        switch (nanCount, infiniteCount) {
        case (0, 0): return nil
        case (let n, 0): return "\(n) NaN \(noun(n)) skipped"
        case (0, let i): return "\(i) infinite \(noun(i)) skipped"
        case (let n, let i): return "\(n) NaN and \(i) infinite \(noun(n + i)) skipped"
        }
    }

    private var emptyMessage: String {
        switch kind {
        case .scatter, .line:
            series.isEmpty ? "no data: the plot has no series" : "no data: no finite points to plot"
        case .histogram: "no data: no finite values to count"
        case .box: boxes.isEmpty ? "no data: the plot has no groups" : "no data: no finite values in any group"
        case .bar: barSeries.isEmpty ? "no data: the chart has no series" : "no data: no finite bar values"
        }
    }
}

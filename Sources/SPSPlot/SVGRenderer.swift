/// Lays out one plot inside a rectangle of an SVG document: title, legend, gridlines, axes with ticks and labels,
/// the data, and notes.
struct SVGRenderer {
    /// A rectangle in document pixels.
    struct Frame: Sendable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    let plot: Plot
    let data: PreparedPlot
    let frame: Frame

    /// Approximate widths of characters, for fitting labels (sans-serif averages).
    static let tickCharWidth = 6.2
    static let labelCharWidth = 7.0
    static let axisColor = "#333333"
    static let gridColor = "#e6e6e6"
    static let mutedColor = "#666666"

    /// A renderer of `plot` into `frame`.
    init(plot: Plot, frame: Frame) {
        self.plot = plot
        data = PreparedPlot(plot)
        self.frame = frame
    }

    /// The plot area and the scales that map data into it.
    struct Layout {
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double
        var x: Axis?
        var y: Axis?
        /// Pixels kept free between the axes and the ends of their domains, so that points on the edge of the
        /// domain are not cut by the axis lines (0 for bars and histograms, which stand on the axis).
        var xInset = 0.0
        var yInset = 0.0
        var width: Double { right - left }
        var height: Double { bottom - top }

        /// The horizontal pixel of a value on the x axis.
        @inline(__always) func px(_ v: Double) -> Double {
            guard let x else { return left }
            return left + xInset + x.fraction(v) * (width - 2 * xInset)
        }

        /// The vertical pixel of a value on the y axis.
        @inline(__always) func py(_ v: Double) -> Double {
            guard let y else { return bottom }
            return bottom - yInset - y.fraction(v) * (height - 2 * yInset)
        }
    }

    // MARK: - Drawing

    /// Draws the whole plot.
    func draw(into svg: inout SVGWriter) {
        svg.open("plot", [("data-kind", plot.kind.rawValue)])
        defer { svg.close() }
        var top = frame.y + 12
        if !plot.title.isEmpty {
            svg.text(plot.title, x: frame.x + frame.width / 2, y: frame.y + 24, anchor: "middle", size: 16,
                     weight: "bold", className: "title")
            top = frame.y + 36
        }
        if plot.showsLegend {
            drawLegend(&svg, y: top + 8)
            top += 24
        }
        let noteHeight = 15.0 * Double(data.notes.count)
        guard !data.isEmpty else {
            if let message = data.notes.first {
                svg.text(message, x: frame.x + frame.width / 2, y: frame.y + frame.height / 2, anchor: "middle",
                         size: 14, fill: Self.mutedColor, className: "message")
            }
            drawNotes(&svg, Array(data.notes.dropFirst()))
            return
        }
        let layout = makeLayout(top: top + 6, noteHeight: noteHeight)
        drawGridAndAxes(&svg, layout)
        svg.open("data")
        switch plot.kind {
        case .scatter: drawScatter(&svg, layout)
        case .line: drawLines(&svg, layout)
        case .histogram: drawHistogram(&svg, layout)
        case .bar: drawBars(&svg, layout)
        case .box: drawBoxes(&svg, layout)
        }
        svg.close()
        drawNotes(&svg, data.notes)
    }

    // MARK: - Layout

    private var hasCategoryAxis: Bool { plot.kind == .bar || plot.kind == .box }

    /// Finds the plot area: room on the left for the y tick labels and label, below for the x tick labels, the x
    /// label and the notes.
    private func makeLayout(top: Double, noteHeight: Double) -> Layout {
        let bottomRoom = (plot.kind == .box ? 36.0 : 22.0) + (plot.xLabel.isEmpty ? 0 : 20) + noteHeight
        let bottom = frame.y + frame.height - 10 - bottomRoom
        let height = max(40, bottom - top)
        let yTarget = max(2, Int(height / 45))
        let (ylo, yhi) = data.yRange ?? (0, 1)
        let y: Axis
        switch plot.kind {
        case .histogram: y = Axis(low: 0, high: max(1, yhi), target: yTarget, loose: true, minimumStep: 1)
        case .bar: y = Axis(low: min(0, ylo), high: max(0, yhi), target: yTarget, loose: true)
        case .box, .scatter, .line: y = Axis(low: ylo, high: yhi, target: yTarget, loose: true)
        }
        let labelWidth = Double(y.labels.map(\.count).max() ?? 1) * Self.tickCharWidth
        let left = frame.x + 14 + (plot.yLabel.isEmpty ? 0 : 18) + labelWidth + 8
        let right = frame.x + frame.width - 18
        var x: Axis?
        if !hasCategoryAxis, let (xlo, xhi) = data.xRange {
            var target = max(2, Int((right - left) / 70))
            while true {
                let axis = Axis(low: xlo, high: xhi, target: target, loose: plot.kind != .histogram)
                let widest = Double(axis.labels.map(\.count).max() ?? 1) * Self.tickCharWidth
                if target <= 2 || (widest + 12) * Double(axis.ticks.count) <= right - left {
                    x = axis
                    break
                }
                target -= 1
            }
        }
        let inset = plot.kind == .scatter || plot.kind == .line || plot.kind == .box ? 6.0 : 0
        return Layout(left: left, top: top, right: right, bottom: top + height, x: x, y: y,
                      xInset: plot.kind == .box ? 0 : inset, yInset: inset)
    }

    // MARK: - Axes, gridlines, labels

    private func drawGridAndAxes(_ svg: inout SVGWriter, _ layout: Layout) {
        svg.open("grid")
        if let y = layout.y {
            for t in y.ticks {
                svg.line(layout.left, layout.py(t), layout.right, layout.py(t), stroke: Self.gridColor)
            }
        }
        if let x = layout.x {
            for t in x.ticks {
                svg.line(layout.px(t), layout.top, layout.px(t), layout.bottom, stroke: Self.gridColor)
            }
        }
        svg.close()

        svg.open("axes")
        svg.line(layout.left, layout.bottom, layout.right, layout.bottom, stroke: Self.axisColor, className: "x-axis")
        svg.line(layout.left, layout.top, layout.left, layout.bottom, stroke: Self.axisColor, className: "y-axis")
        if let y = layout.y {
            for (t, label) in zip(y.ticks, y.labels) {
                let py = layout.py(t)
                svg.line(layout.left - 5, py, layout.left, py, stroke: Self.axisColor)
                svg.text(label, x: layout.left - 8, y: py + 4, anchor: "end", size: 11, fill: Self.axisColor,
                         className: "tick-label")
            }
            if plot.kind == .bar && y.lower < 0 && y.upper > 0 {
                svg.line(layout.left, layout.py(0), layout.right, layout.py(0), stroke: Self.axisColor, className: "zero")
            }
        }
        if let x = layout.x {
            for (t, label) in zip(x.ticks, x.labels) {
                let px = layout.px(t)
                svg.line(px, layout.bottom, px, layout.bottom + 5, stroke: Self.axisColor)
                svg.text(label, x: px, y: layout.bottom + 18, anchor: "middle", size: 11, fill: Self.axisColor,
                         className: "tick-label")
            }
        } else {
            let names = plot.kind == .box ? data.boxes.map(\.name) : data.categories
            let band = layout.width / Double(max(1, names.count))
            let fit = max(2, Int(band / Self.tickCharWidth) - 1)
            for (i, name) in names.enumerated() {
                let cx = layout.left + (Double(i) + 0.5) * band
                svg.line(cx, layout.bottom, cx, layout.bottom + 5, stroke: Self.axisColor)
                svg.text(TerminalText.truncated(name, to: fit), x: cx, y: layout.bottom + 18, anchor: "middle",
                         size: 11, fill: Self.axisColor, className: "category-label")
                if plot.kind == .box {
                    svg.text("n=\(data.boxes[i].stats?.count ?? 0)", x: cx, y: layout.bottom + 32, anchor: "middle",
                             size: 10, fill: Self.mutedColor, className: "count-label")
                }
            }
        }
        svg.close()

        if !plot.xLabel.isEmpty {
            let y = layout.bottom + (plot.kind == .box ? 36 : 22) + 16
            svg.text(plot.xLabel, x: layout.left + layout.width / 2, y: y, anchor: "middle", size: 13,
                     className: "x-label")
        }
        if !plot.yLabel.isEmpty {
            let x = frame.x + 18
            svg.text(plot.yLabel, x: x, y: layout.top + layout.height / 2, anchor: "middle", size: 13, rotate: -90,
                     className: "y-label")
        }
    }

    // MARK: - Legend and notes

    /// A centred row of legend entries: a swatch in the series colour (and dash) and the name.
    private func drawLegend(_ svg: inout SVGWriter, y: Double) {
        let names = plot.seriesNames.enumerated().map { $0.element.isEmpty ? "series \($0.offset + 1)" : $0.element }
        let widths = names.map { 30 + Double($0.count) * Self.labelCharWidth }
        var x = frame.x + max(8, (frame.width - widths.reduce(0, +)) / 2)
        svg.open("legend")
        for (i, name) in names.enumerated() {
            let color = Palette.color(i)
            switch plot.kind {
            case .scatter: svg.circle(cx: x + 8, cy: y, r: 4, fill: color)
            case .line: svg.line(x, y, x + 18, y, stroke: color, width: 2.5, dash: Palette.dash(i))
            case .histogram, .bar, .box: svg.rect(x: x + 3, y: y - 5, width: 10, height: 10, fill: color)
            }
            svg.text(name, x: x + 23, y: y + 4, size: 12, className: "legend-label")
            x += widths[i]
        }
        svg.close()
    }

    /// Notes about skipped or missing data, small and grey at the bottom left.
    private func drawNotes(_ svg: inout SVGWriter, _ notes: [String]) {
        guard !notes.isEmpty else { return }
        svg.open("notes")
        for (i, note) in notes.reversed().enumerated() {
            svg.text("note: \(note)", x: frame.x + 10, y: frame.y + frame.height - 10 - 15 * Double(i), size: 11,
                     fill: Self.mutedColor, className: "note")
        }
        svg.close()
    }
}

/// Lays out one plot in a block of character cells: title, legend, axes with tick labels, the drawing, notes.
///
/// Every line it produces is exactly `width` columns wide (before colour codes), so figures can place plots side
/// by side by concatenating lines.
struct TerminalRenderer {
    let plot: Plot
    let data: PreparedPlot
    let width: Int
    let height: Int
    let color: Bool

    /// The smallest width a plot is drawn at.
    static let minimumWidth = 24

    /// A renderer of `plot` into `width × height` cells (height is a target; box plots may use fewer rows).
    init(plot: Plot, width: Int, height: Int, color: Bool) {
        self.plot = plot
        data = PreparedPlot(plot)
        self.width = max(width, Self.minimumWidth)
        self.height = max(height, 8)
        self.color = color
    }

    /// Whether series are told apart by marker glyphs instead of colour.
    var usesMarkers: Bool { !color && data.series.count > 1 }

    // MARK: - Layout

    /// The rendered lines, each `width` columns wide.
    func lines() -> [String] {
        var header: [(String, TerminalCanvas.Style)] = []
        if !plot.title.isEmpty { header.append((plot.title, .bold)) }
        guard !data.isEmpty else {
            var canvas = TerminalCanvas(width: width, height: header.count + data.notes.count)
            for (i, h) in header.enumerated() { canvas.writeCentered(h.0, row: i, style: h.1) }
            for (i, note) in data.notes.enumerated() {
                canvas.writeCentered(i == 0 ? note : "note: \(note)", row: header.count + i)
            }
            return canvas.lines(color: color)
        }
        let legendLines = plot.showsLegend ? legendRows() : []
        let valueLabel = plot.kind == .box ? plot.yLabel : plot.xLabel
        let yLabel = plot.kind == .box ? "" : plot.yLabel
        let headerCount = header.count + legendLines.count + (yLabel.isEmpty ? 0 : 1)
        let footerCount = 2 + (valueLabel.isEmpty ? 0 : 1) + data.notes.count
        var rows = max(3, height - headerCount - footerCount)
        var boxLayout: BoxLayout?
        if plot.kind == .box {
            let layout = BoxLayout(groups: data.boxes.count, available: rows)
            rows = layout.rows
            boxLayout = layout
        }

        // The vertical axis: ticks and labels (with the rows trimmed so that ticks fall on row boundaries), or
        // group labels for box plots.
        var yAxis: Axis?
        if plot.kind != .box {
            let fitted = fittedVerticalAxis(available: rows)
            yAxis = fitted.axis
            rows = fitted.rows
        }
        let margin = min(width / 3, marginWidth(yAxis: yAxis, boxLayout: boxLayout))
        let plotWidth = width - margin - 2
        let left = margin + 2
        let xAxis = horizontalAxis(columns: plotWidth)

        let total = headerCount + rows + footerCount
        var canvas = TerminalCanvas(width: width, height: total)
        var row = 0
        for h in header {
            canvas.writeCentered(h.0, row: row, style: h.1)
            row += 1
        }
        for l in legendLines {
            let start = max(0, (width - l.reduce(0) { $0 + $1.0.count }) / 2)
            var c = start
            for (text, style) in l {
                canvas.write(text, column: c, row: row, style: style)
                c += text.count
            }
            row += 1
        }
        if !yLabel.isEmpty {
            canvas.write(TerminalText.truncated(yLabel, to: width), column: 0, row: row)
            row += 1
        }
        let top = row

        // The frame: vertical axis with ticks, horizontal axis with ticks.
        for r in 0..<rows { canvas.put("│", column: margin + 1, row: top + r) }
        if let yAxis {
            var used = Set<Int>()
            for (t, label) in zip(yAxis.ticks, yAxis.labels) {
                let r = top + rowOf(yAxis.fraction(t), rows: rows)
                guard used.insert(r).inserted else { continue }
                canvas.put("┤", column: margin + 1, row: r)
                canvas.write(TerminalText.padLeft(TerminalText.truncated(label, to: margin), margin), column: 0, row: r)
            }
        }
        let axisRow = top + rows
        canvas.put("└", column: margin + 1, row: axisRow)
        for c in 0..<plotWidth { canvas.put("─", column: left + c, row: axisRow) }
        drawHorizontalTicks(xAxis, columns: plotWidth, left: left, axisRow: axisRow, canvas: &canvas)
        row = axisRow + 2
        if !valueLabel.isEmpty {
            canvas.writeCentered(valueLabel, row: row, start: left, span: plotWidth)
            row += 1
        }
        for note in data.notes {
            canvas.write(TerminalText.truncated("note: \(note)", to: width), column: 0, row: row)
            row += 1
        }

        // The data.
        let area = Area(left: left, top: top, columns: plotWidth, rows: rows)
        switch plot.kind {
        case .scatter, .line:
            if let xAxis, let yAxis { drawXY(&canvas, area: area, x: xAxis, y: yAxis) }
        case .histogram:
            if let xAxis, let yAxis { drawHistogram(&canvas, area: area, x: xAxis, y: yAxis) }
        case .bar:
            if let yAxis { drawBars(&canvas, area: area, y: yAxis) }
        case .box:
            if let xAxis, let boxLayout { drawBoxes(&canvas, area: area, x: xAxis, layout: boxLayout, margin: margin) }
        }
        return canvas.lines(color: color)
    }

    /// The region of cells where data is drawn.
    struct Area {
        var left: Int
        var top: Int
        var columns: Int
        var rows: Int
    }

    /// The row (0 at the top) of a value at `fraction` of the vertical axis.
    ///
    /// The axis spans `rows - 1` rows, so that ticks fall on whole rows; values are measured in cells from the
    /// bottom by ``cellsUp(_:rows:)``.
    func rowOf(_ fraction: Double, rows: Int) -> Int {
        rows - 1 - min(rows - 1, max(0, Int(fraction * Double(rows - 1) + 1e-9)))
    }

    /// How many cells above the bottom edge of the area a value at `fraction` of the vertical axis lies.
    ///
    /// Values sit on the middle of their row, so that a value equal to a tick lines up with the tick's label;
    /// only bars standing on the bottom of the area (histograms, bar charts without negative values) start at
    /// the bottom edge.
    func cellsUp(_ fraction: Double, rows: Int) -> Double {
        fraction * Double(rows - 1) + (barsStandOnAxis ? 0 : 0.5)
    }

    /// Whether the plot's bars start at the bottom edge of the area (0 is the lowest value on the axis).
    var barsStandOnAxis: Bool {
        switch plot.kind {
        case .histogram: true
        case .bar: (data.yRange?.0 ?? 0) >= 0
        case .scatter, .line, .box: false
        }
    }

    /// The column (0 at the left) of a value at `fraction` of the horizontal axis.
    func columnOf(_ fraction: Double, columns: Int) -> Int {
        min(columns - 1, max(0, Int(fraction * Double(columns) + 1e-9)))
    }

    // MARK: - Axes

    /// The numeric vertical axis and the rows to draw it in (at most `available`), chosen so that every tick
    /// interval spans the same whole number of rows.
    private func fittedVerticalAxis(available: Int) -> (axis: Axis, rows: Int) {
        var best: (axis: Axis, rows: Int, score: Int)?
        for target in 2...max(2, available / 2) {
            let axis = verticalAxis(target: target)
            let intervals = max(1, Int(((axis.upper - axis.lower) / axis.step).rounded()))
            var perInterval = (available - 1) / intervals
            guard perInterval >= 1 else { continue }
            var (fitted, rows) = (axis, intervals * perInterval + 1)
            // Points and lines: the axis ends at the row just past the data, not at the next whole tick (data up
            // to 12 on ticks 10 apart ends near 12, not at 20); the rows that frees go to finer rows per tick.
            if plot.kind == .scatter || plot.kind == .line, let (lo, hi) = data.yRange {
                var p = perInterval
                while p < available, let trimmed = axis.trimmed(to: lo, hi, rowsPerStep: p), trimmed.rows <= available {
                    (fitted, rows, perInterval) = (trimmed.axis, trimmed.rows, p)
                    p += 1
                }
            }
            // Prefer using the rows, then ticks two to four rows apart.
            let score = rows * 4 - (perInterval < 2 ? 10 : 0) - (perInterval > 4 ? 2 * (perInterval - 4) : 0)
            if best.map({ score > $0.score }) ?? true { best = (fitted, rows, score) }
        }
        if let best { return (best.axis, best.rows) }
        return (verticalAxis(target: 1), max(available, 2))
    }

    /// The numeric vertical axis with about `target` ticks.
    private func verticalAxis(target: Int) -> Axis {
        switch plot.kind {
        case .histogram:
            return Axis(low: 0, high: max(1, data.yRange?.1 ?? 1), target: target, loose: true, minimumStep: 1)
        case .bar:
            let (lo, hi) = data.yRange ?? (0, 1)
            return Axis(low: min(lo, 0), high: max(hi, 0), target: target, loose: true)
        case .scatter, .line, .box:
            let (lo, hi) = data.yRange ?? (0, 1)
            return Axis(low: lo, high: hi, target: target, loose: true)
        }
    }

    /// The numeric horizontal axis (values for box plots), or nil for bar charts (whose axis lists categories).
    /// The tick count is reduced until the labels fit side by side.
    private func horizontalAxis(columns: Int) -> Axis? {
        guard plot.kind != .bar, let (lo, hi) = data.xRange else { return nil }
        var target = max(2, columns / 10)
        while true {
            let axis = Axis(low: lo, high: hi, target: target, loose: plot.kind != .histogram)
            let widest = axis.labels.map(\.count).max() ?? 0
            let spacing = Double(columns) / Double(max(1, axis.ticks.count))
            if target <= 2 || Double(widest + 2) <= spacing { return axis }
            target -= 1
        }
    }

    /// The width of the left margin: the widest tick label, or the widest group label.
    private func marginWidth(yAxis: Axis?, boxLayout: BoxLayout?) -> Int {
        if let yAxis { return max(1, yAxis.labels.map(\.count).max() ?? 1) }
        let widths = data.boxes.map { box -> Int in
            let n = "n=\(box.stats?.count ?? 0)"
            return boxLayout?.expanded == true ? max(box.name.count, n.count) : box.name.count + 1 + n.count
        }
        return max(1, widths.max() ?? 1)
    }

    /// Tick marks on the horizontal axis and their labels on the row below; labels that would collide are dropped.
    private func drawHorizontalTicks(_ axis: Axis?, columns: Int, left: Int, axisRow: Int,
                                     canvas: inout TerminalCanvas) {
        var marks: [(column: Int, label: String)] = []
        if let axis {
            for (t, label) in zip(axis.ticks, axis.labels) {
                marks.append((columnOf(axis.fraction(t), columns: columns), label))
            }
        } else if plot.kind == .bar {
            let k = max(1, data.categories.count)
            let group = Double(columns) / Double(k)
            for (i, name) in data.categories.enumerated() {
                let centre = Int((Double(i) + 0.5) * group)
                marks.append((centre, TerminalText.truncated(name, to: max(1, Int(group) - 1))))
            }
        }
        var nextFree = 0
        for m in marks {
            canvas.put("┬", column: left + m.column, row: axisRow)
            let start = min(max(0, left + m.column - (m.label.count - 1) / 2), width - m.label.count)
            guard start >= nextFree else { continue }
            canvas.write(m.label, column: start, row: axisRow + 1)
            nextFree = start + m.label.count + 1
        }
    }

    // MARK: - Legend

    /// The legend as rows of styled pieces, wrapped to the width.
    private func legendRows() -> [[(String, TerminalCanvas.Style)]] {
        let names = plot.seriesNames
        var rows: [[(String, TerminalCanvas.Style)]] = [[]]
        var used = 0
        for (i, name) in names.enumerated() {
            let key: String
            switch plot.kind {
            case .scatter: key = usesMarkers ? String(Palette.marker(i)) : "•"
            case .line: key = usesMarkers ? "─\(Palette.marker(i))─" : "──"
            case .histogram, .box: key = "█"
            case .bar: key = color ? "█" : String(Palette.fills[i % Palette.fills.count])
            }
            let label = TerminalText.truncated(name.isEmpty ? "series \(i + 1)" : name, to: max(4, width - key.count - 1))
            let itemWidth = key.count + 1 + label.count
            if used > 0 && used + 3 + itemWidth > width {
                rows.append([])
                used = 0
            }
            if used > 0 {
                rows[rows.count - 1].append(("   ", .plain))
                used += 3
            }
            rows[rows.count - 1].append((key, .series(i)))
            rows[rows.count - 1].append((" " + label, .plain))
            used += itemWidth
        }
        return rows.filter { !$0.isEmpty }
    }
}

/// How box plots use rows: three rows per group (a drawn box) with a blank row between groups when there is room,
/// else one row per group.
struct BoxLayout {
    /// Whether each box takes three rows.
    var expanded: Bool
    /// The rows per group including the gap.
    var pitch: Int
    /// The total rows.
    var rows: Int

    /// The layout of `groups` boxes in at most `available` rows (more if even one row per group does not fit).
    init(groups: Int, available: Int) {
        let n = max(groups, 1)
        if 4 * n - 1 <= max(available, 3) {
            (expanded, pitch, rows) = (true, 4, 4 * n - 1)
        } else if 2 * n - 1 <= available {
            (expanded, pitch, rows) = (false, 2, 2 * n - 1)
        } else {
            (expanded, pitch, rows) = (false, 1, n)
        }
    }

    /// The middle row of group `i`, counted from the top of the plot area.
    func middleRow(_ i: Int) -> Int { i * pitch + (expanded ? 1 : 0) }
}

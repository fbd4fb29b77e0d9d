/// Drawing the data of each plot kind into the plot area of a terminal canvas.
extension TerminalRenderer {
    // MARK: - Scatter and line

    /// Scatter points or connected lines in braille dots; without colour and with several series, scatter points
    /// become per-series marker glyphs and lines carry a few markers each.
    func drawXY(_ canvas: inout TerminalCanvas, area: Area, x: Axis, y: Axis) {
        var braille = BrailleCanvas(columns: area.columns, rows: area.rows)
        let dotW = Double(braille.dotWidth)
        let maxX = braille.dotWidth - 1, maxY = braille.dotHeight - 1
        let xScale = dotW / (x.upper - x.lower), yScale = Double(4 * (area.rows - 1)) / (y.upper - y.lower)
        let connected = plot.kind == .line
        var markers: [(column: Int, row: Int, series: Int)] = []
        for (s, points) in data.series.enumerated() {
            let n = points.xs.count
            var previous: (Int, Int)?
            points.xs.withUnsafeBufferPointer { xs in
                points.ys.withUnsafeBufferPointer { ys in
                    for i in 0..<n {
                        let xv = xs[i], yv = ys[i]
                        if xv.isNaN {
                            previous = nil
                            continue
                        }
                        let px = min(maxX, max(0, Int((xv - x.lower) * xScale + 1e-9)))
                        let py = maxY - min(maxY, max(0, Int((yv - y.lower) * yScale + 2 + 1e-9)))
                        if usesMarkers && !connected {
                            markers.append((px >> 1, py >> 2, s))
                        } else if connected, let p = previous {
                            braille.line(from: p, to: (px, py), series: s)
                        } else {
                            braille.set(x: px, y: py, series: s)
                        }
                        previous = (px, py)
                    }
                }
            }
            if usesMarkers && connected && n > 0 {
                // A few markers per series, staggered so that series sharing x positions do not cover each other.
                let count = min(6, points.count)
                for k in 0..<count {
                    let i = min(n - 1, Int((Double(k) + 0.5 + Double(s) * 0.3 / Double(data.series.count)) * Double(n) / Double(count)))
                    guard !points.xs[i].isNaN else { continue }
                    let px = min(maxX, max(0, Int((points.xs[i] - x.lower) * xScale + 1e-9)))
                    let py = maxY - min(maxY, max(0, Int((points.ys[i] - y.lower) * yScale + 2 + 1e-9)))
                    markers.append((px >> 1, py >> 2, s))
                }
            }
        }
        canvas.overlay(braille, column: area.left, row: area.top, colored: color)
        for m in markers {
            canvas.put(Palette.marker(m.series), column: area.left + m.column, row: area.top + m.row, style: .series(m.series))
        }
    }

    // MARK: - Histogram

    /// Columns of block characters, eight steps per cell, one bin per run of columns.
    func drawHistogram(_ canvas: inout TerminalCanvas, area: Area, x: Axis, y: Axis) {
        guard let bins = data.bins, let first = bins.edges.first, let last = bins.edges.last else { return }
        let binWidth = (last - first) / Double(bins.counts.count)
        for c in 0..<area.columns {
            let value = x.lower + (Double(c) + 0.5) / Double(area.columns) * (x.upper - x.lower)
            let bin = min(bins.counts.count - 1, max(0, Int((value - first) / binWidth)))
            let count = bins.counts[bin]
            guard count > 0 else { continue }
            let eighths = max(1, Int((cellsUp(y.fraction(Double(count)), rows: area.rows) * 8).rounded()))
            fill(&canvas, area: area, column: c, eighths: 0..<eighths, full: "█", style: .series(0))
        }
    }

    // MARK: - Bars

    /// Grouped vertical bars from zero, one group per category; negative values hang below zero. An error bar is
    /// drawn over the bar's middle column: `┬` at v + e, `│` between, `┴` at v − e.
    func drawBars(_ canvas: inout TerminalCanvas, area: Area, y: Axis) {
        let k = max(1, data.categories.count)
        let s = max(1, data.barSeries.count)
        let group = Double(area.columns) / Double(k)
        let barWidth = max(1, min(8, (Int(group) - 2) / s))
        let base = Int((cellsUp(y.fraction(0), rows: area.rows) * 8).rounded())
        for c in 0..<k {
            let start = Int(Double(c) * group + (group - Double(barWidth * s)) / 2)
            for (si, series) in data.barSeries.enumerated() where c < series.values.count {
                let v = series.values[c]
                guard v.isFinite else { continue }
                var top = Int((cellsUp(y.fraction(v), rows: area.rows) * 8).rounded())
                if v != 0 && top == base { top += v > 0 ? 1 : -1 }
                let full = color ? "█" : Palette.fills[si % Palette.fills.count]
                for w in 0..<barWidth {
                    let col = start + si * barWidth + w
                    guard col >= 0, col < area.columns else { continue }
                    fill(&canvas, area: area, column: col, eighths: min(base, top)..<max(base, top), full: full,
                         style: .series(si))
                }
                let e = series.errors[c]
                let middle = start + si * barWidth + barWidth / 2
                guard e > 0, middle >= 0, middle < area.columns else { continue }
                func cell(_ x: Double) -> Int {
                    min(area.rows - 1, max(0, Int(cellsUp(y.fraction(x), rows: area.rows).rounded(.down))))
                }
                let low = cell(v - e), high = cell(max(v + e, v - e))
                for r in low...high {
                    let mark: Character = low == high ? "┼" : (r == high ? "┬" : (r == low ? "┴" : "│"))
                    canvas.put(mark, column: area.left + middle, row: area.top + area.rows - 1 - r)
                }
            }
        }
    }

    // MARK: - Box plots

    /// Horizontal box plots: whiskers `├──┤`, the box drawn with corners and a median bar, outliers as dots, and
    /// the group name with its count in the margin.
    func drawBoxes(_ canvas: inout TerminalCanvas, area: Area, x: Axis, layout: BoxLayout, margin: Int) {
        func col(_ v: Double) -> Int { area.left + columnOf(x.fraction(v), columns: area.columns) }
        for (g, box) in data.boxes.enumerated() {
            let mid = area.top + layout.middleRow(g)
            let nText = "n=\(box.stats?.count ?? 0)"
            let style = TerminalCanvas.Style.series(g)
            if layout.expanded {
                canvas.write(TerminalText.truncated(box.name, to: margin), column: 0, row: mid)
                canvas.write(nText, column: 0, row: mid + 1)
            } else {
                let name = TerminalText.truncated(box.name, to: max(1, margin - nText.count - 1))
                canvas.write(name + String(repeating: " ", count: max(1, margin - name.count - nText.count)) + nText,
                             column: 0, row: mid)
            }
            guard let st = box.stats else {
                canvas.write("(no finite values)", column: area.left + 1, row: mid)
                continue
            }
            let lw = col(st.lowerWhisker), q1 = col(st.q1), md = col(st.median), q3 = col(st.q3), uw = col(st.upperWhisker)
            for c in lw...uw { canvas.put("─", column: c, row: mid, style: style) }
            canvas.put("├", column: lw, row: mid, style: style)
            canvas.put("┤", column: uw, row: mid, style: style)
            if layout.expanded {
                if q1 == q3 {
                    for r in (mid - 1)...(mid + 1) { canvas.put("│", column: md, row: r, style: style) }
                } else {
                    for c in q1...q3 {
                        canvas.put("─", column: c, row: mid - 1, style: style)
                        canvas.put("─", column: c, row: mid + 1, style: style)
                        canvas.put(" ", column: c, row: mid)
                    }
                    canvas.put("┌", column: q1, row: mid - 1, style: style)
                    canvas.put("┐", column: q3, row: mid - 1, style: style)
                    canvas.put("└", column: q1, row: mid + 1, style: style)
                    canvas.put("┘", column: q3, row: mid + 1, style: style)
                    canvas.put(lw < q1 ? "┤" : "│", column: q1, row: mid, style: style)
                    canvas.put(uw > q3 ? "├" : "│", column: q3, row: mid, style: style)
                    if md > q1 && md < q3 {
                        canvas.put("┬", column: md, row: mid - 1, style: style)
                        canvas.put("│", column: md, row: mid, style: style)
                        canvas.put("┴", column: md, row: mid + 1, style: style)
                    } else {
                        canvas.put("┃", column: md, row: mid, style: style)
                    }
                }
            } else {
                for c in q1...q3 { canvas.put("▒", column: c, row: mid, style: style) }
                canvas.put("┃", column: md, row: mid, style: style)
            }
            for o in st.outliers { canvas.put("•", column: col(o), row: mid, style: style) }
        }
    }

    // MARK: - Block columns

    /// Fills part of one column of the area: `eighths` counts eighths of a cell up from the area's bottom edge.
    ///
    /// Cells covered from their bottom use the lower eighth blocks (`▁` … `▇`); cells covered from their top
    /// (the end of a bar hanging below zero, or a bar starting mid-cell) use `▀` or `▔`.
    private func fill(_ canvas: inout TerminalCanvas, area: Area, column c: Int, eighths: Range<Int>,
                      full: Character, style: TerminalCanvas.Style) {
        let lower: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇"]
        let range = eighths.clamped(to: 0..<(area.rows * 8))
        guard !range.isEmpty else { return }
        for cell in (range.lowerBound / 8)...((range.upperBound - 1) / 8) {
            let lo = max(range.lowerBound - cell * 8, 0), hi = min(range.upperBound - cell * 8, 8)
            guard hi > lo else { continue }
            let ch: Character
            if hi - lo >= 7 { ch = full }
            else if lo == 0 { ch = lower[hi - 1] }
            else if hi == 8 { ch = 8 - lo >= 3 ? "▀" : "▔" }
            else { ch = lower[max(0, hi - lo - 1)] }
            canvas.put(ch, column: area.left + c, row: area.top + area.rows - 1 - cell, style: style)
        }
    }
}

/// Draws a `GraphDrawing` as text, top to bottom: each layer a row of labels (hidden nodes in `┄(…)┄`), and
/// between layers the edges in box-drawing lines that leave a node below its label, run sideways on a track of
/// their own, and end in `▼` above the node they point to.
extension GraphDrawing {
    /// The drawing, one string with a line per row (no trailing spaces).
    public func renderTerminal() -> String {
        guard !nodes.isEmpty else { return "(an empty graph)" }
        let layout = GraphLayout(self)
        let gap = 3

        // Columns: each slot's width (a label, or 1 for a dummy point), each layer centred on the widest.
        func text(_ slot: GraphLayout.Slot) -> String {
            guard case .node(let v) = slot else { return "│" }
            return nodes[v].hidden ? "(\(nodes[v].label))" : nodes[v].label
        }
        let widths = layout.layers.map { $0.map { text($0).count } }
        let rowWidths = widths.map { $0.reduce(0, +) + gap * max($0.count - 1, 0) }
        let total = rowWidths.max() ?? 0
        var start: [[Int]] = []
        for (l, ws) in widths.enumerated() {
            var x = (total - rowWidths[l]) / 2
            var xs: [Int] = []
            for w in ws {
                xs.append(x)
                x += w + gap
            }
            start.append(xs)
        }
        let centre = start.enumerated().map { l, xs in xs.enumerated().map { $1 + (widths[l][$0] - 1) / 2 } }

        // Tracks: the sideways runs between two layers, each on its own row where they would touch.
        var grid = CharacterGrid()
        var row = 0
        for l in layout.layers.indices {
            for (i, slot) in layout.layers[l].enumerated() {
                if case .node = slot { grid.write(text(slot), at: start[l][i], row: row) } else { grid.connect(start[l][i], row, up: true, down: true) }
            }
            let segments = layout.segments.filter { $0.layer == l }
            guard !segments.isEmpty else {
                row += 1
                continue
            }
            var tracks: [[ClosedRange<Int>]] = []
            var trackOf: [Int] = []
            for s in segments {
                let (a, b) = (centre[l][s.upper], centre[l + 1][s.lower])
                guard a != b else {
                    trackOf.append(-1)
                    continue
                }
                let span = (min(a, b) - 1)...(max(a, b) + 1)
                if let t = tracks.firstIndex(where: { $0.allSatisfy { !$0.overlaps(span) } }) {
                    tracks[t].append(span)
                    trackOf.append(t)
                } else {
                    tracks.append([span])
                    trackOf.append(tracks.count - 1)
                }
            }
            let top = row + 1                      // the row just below the labels
            let arrowRow = top + tracks.count + 1  // the row just above the next labels
            for (k, s) in segments.enumerated() {
                let (a, b) = (centre[l][s.upper], centre[l + 1][s.lower])
                let t = trackOf[k]
                let turn = t < 0 ? arrowRow : top + 1 + t
                for r in top..<turn { grid.connect(a, r, up: true, down: true) }
                if t >= 0 {
                    grid.connect(a, turn, up: true, left: b < a, right: b > a)
                    for x in (min(a, b) + 1)..<max(a, b) { grid.connect(x, turn, left: true, right: true) }
                    grid.connect(b, turn, down: true, left: a < b, right: a > b)
                    for r in (turn + 1)..<arrowRow { grid.connect(b, r, up: true, down: true) }
                }
                if s.arrow { grid.arrow(b, arrowRow) } else { grid.connect(b, arrowRow, up: true, down: true) }
            }
            row = arrowRow + 1
        }
        return grid.render()
    }
}

/// A grid of characters where lines are drawn as connections (up, down, left, right) and rendered as the
/// box-drawing character that joins them.
struct CharacterGrid {
    private var cells: [[Character?]] = []
    private var links: [[UInt8]] = []

    private mutating func ensure(_ x: Int, _ y: Int) {
        while cells.count <= y {
            cells.append([])
            links.append([])
        }
        while cells[y].count <= x {
            cells[y].append(nil)
            links[y].append(0)
        }
    }

    mutating func write(_ s: String, at x: Int, row y: Int) {
        for (i, c) in s.enumerated() {
            ensure(x + i, y)
            cells[y][x + i] = c
        }
    }

    mutating func connect(_ x: Int, _ y: Int, up: Bool = false, down: Bool = false, left: Bool = false, right: Bool = false) {
        guard x >= 0, y >= 0 else { return }
        ensure(x, y)
        links[y][x] |= (up ? 1 : 0) | (down ? 2 : 0) | (left ? 4 : 0) | (right ? 8 : 0)
    }

    mutating func arrow(_ x: Int, _ y: Int) {
        ensure(x, y)
        cells[y][x] = "▼"
    }

    func render() -> String {
        let glyphs: [UInt8: Character] = [
            1: "│", 2: "│", 3: "│", 4: "─", 8: "─", 12: "─",
            9: "└", 5: "┘", 10: "┌", 6: "┐", 11: "├", 7: "┤", 14: "┬", 13: "┴", 15: "┼",
        ]
        var lines: [String] = []
        for (y, row) in cells.enumerated() {
            var line = ""
            for (x, c) in row.enumerated() {
                if let c { line.append(c) } else if let g = glyphs[links[y][x]] { line.append(g) } else { line.append(" ") }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

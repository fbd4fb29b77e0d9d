/// Several plots in a grid (rows × columns), e.g. IID and OOD scatter plots side by side.
///
/// Plots fill the grid row by row; the last row may be partly empty.
public struct Figure: Sendable, Equatable {
    /// The plots, row by row.
    public var plots: [Plot]
    /// The number of plots per row.
    public var columns: Int
    /// A title above the whole figure; empty for none.
    public var title: String

    /// A grid of plots with `columns` plots per row (all in one row when nil).
    public init(_ plots: [Plot], columns: Int? = nil, title: String = "") {
        self.plots = plots
        self.columns = max(1, columns ?? plots.count)
        self.title = title
    }

    /// The number of rows of plots.
    public var rows: Int { (plots.count + columns - 1) / columns }

    /// The gap between plots side by side, in columns.
    static let gap = 2

    /// Draws the plots side by side in the terminal; each cell gets an equal share of `width` (80 when nil) and
    /// `height` lines per row of plots (16 when nil).
    public func renderTerminal(width: Int? = nil, height: Int? = nil, color: Bool = false) -> String {
        let total = width ?? Plot.defaultWidth
        let cellWidth = max(TerminalRenderer.minimumWidth, (total - Self.gap * (columns - 1)) / columns)
        let cellHeight = height ?? 16
        var lines: [String] = []
        if !title.isEmpty {
            var canvas = TerminalCanvas(width: cellWidth * columns + Self.gap * (columns - 1), height: 1)
            canvas.writeCentered(title, row: 0, style: .bold)
            lines += canvas.lines(color: color)
        }
        for r in 0..<rows {
            let cells = (0..<columns).compactMap { c -> [String]? in
                let i = r * columns + c
                guard i < plots.count else { return nil }
                return TerminalRenderer(plot: plots[i], width: cellWidth, height: cellHeight, color: color).lines()
            }
            let tallest = cells.map(\.count).max() ?? 0
            let blank = String(repeating: " ", count: cellWidth)
            for l in 0..<tallest {
                let parts = cells.map { l < $0.count ? $0[l] : blank }
                lines.append(parts.joined(separator: String(repeating: " ", count: Self.gap)))
            }
            if r < rows - 1 { lines.append("") }
        }
        return lines.map(TerminalOutput.trimmingTrailingSpaces).joined(separator: "\n")
    }

    /// The figure as one SVG document; each plot gets a `cellWidth × cellHeight` pixel cell.
    public func renderSVG(cellWidth: Double = 480, cellHeight: Double = 360) -> String {
        let (cw, ch) = (max(cellWidth, 200), max(cellHeight, 150))
        let titleHeight: Double = title.isEmpty ? 0 : 32
        var svg = SVGWriter(width: cw * Double(columns), height: ch * Double(rows) + titleHeight)
        if !title.isEmpty {
            svg.text(title, x: cw * Double(columns) / 2, y: 22, anchor: "middle", size: 18, weight: "bold",
                     className: "figure-title")
        }
        for (i, plot) in plots.enumerated() {
            let frame = SVGRenderer.Frame(x: Double(i % columns) * cw, y: titleHeight + Double(i / columns) * ch,
                                          width: cw, height: ch)
            SVGRenderer(plot: plot, frame: frame).draw(into: &svg)
        }
        return svg.document()
    }
}

/// Rendering a plot in the terminal and as SVG.
extension Plot {
    /// The default terminal width when the real one is unknown.
    public static let defaultWidth = 80
    /// The default terminal height of a plot, in lines.
    public static let defaultHeight = 20

    /// Draws the plot with Unicode characters: braille dots for scatter and line plots, block characters for
    /// histograms and bars, box-drawing characters for box plots, with axes, tick labels, title, legend and notes.
    ///
    /// - Parameters:
    ///   - width: The number of columns (80 when nil; at least 24).
    ///   - height: The number of lines to aim for (20 when nil); box plots use only the rows they need.
    ///   - color: Whether to colour the series with ANSI escape codes.
    /// - Returns: The lines joined by newlines, without a trailing newline or trailing spaces.
    public func renderTerminal(width: Int? = nil, height: Int? = nil, color: Bool = false) -> String {
        let renderer = TerminalRenderer(plot: self, width: width ?? Self.defaultWidth,
                                        height: height ?? Self.defaultHeight, color: color)
        return renderer.lines().map(TerminalOutput.trimmingTrailingSpaces).joined(separator: "\n")
    }

    /// The plot as a standalone SVG document of `width × height` pixels.
    public func renderSVG(width: Double = 640, height: Double = 400) -> String {
        let (w, h) = (max(width, 200), max(height, 150))
        var svg = SVGWriter(width: w, height: h)
        SVGRenderer(plot: self, frame: SVGRenderer.Frame(x: 0, y: 0, width: w, height: h)).draw(into: &svg)
        return svg.document()
    }
}

/// Finishing touches on terminal lines.
enum TerminalOutput {
    /// `line` without trailing spaces.
    static func trimmingTrailingSpaces(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

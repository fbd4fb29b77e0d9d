/// A single plot: what to draw (its kind and data), a title and axis labels.
///
/// A `Plot` is plain data; rendering never fails. Awkward data (nothing finite to draw, NaN values, a constant
/// column) is drawn as well as it can be and described in ``notes``, which the renderers also print.
public struct Plot: Sendable, Equatable {
    /// What a plot draws, with its data.
    public enum Content: Sendable, Equatable {
        /// Points, one colour per series (braille dots in the terminal, circles in SVG).
        case scatter([Series])
        /// Connected points, one colour per series, in the order given.
        case line([Series])
        /// Counts of values in equal-width bins.
        case histogram(Histogram)
        /// Box-and-whisker summaries, one per group.
        case box([BoxGroup])
        /// Grouped bars, one group per category.
        case bar(BarChart)
    }

    /// The kind of a plot, without its data.
    public enum Kind: String, Sendable, CaseIterable {
        case scatter, line, histogram, box, bar
    }

    /// What to draw.
    public var content: Content
    /// The title above the plot; empty for none.
    public var title: String
    /// The label of the horizontal axis; empty for none.
    public var xLabel: String
    /// The label of the vertical axis; for box plots, the label of the value axis.
    public var yLabel: String

    /// A plot of any kind.
    public init(_ content: Content, title: String = "", xLabel: String = "", yLabel: String = "") {
        self.content = content
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The kind of plot.
    public var kind: Kind {
        switch content {
        case .scatter: .scatter
        case .line: .line
        case .histogram: .histogram
        case .box: .box
        case .bar: .bar
        }
    }

    // MARK: - Convenience constructors

    /// A scatter plot of one or more series.
    public static func scatter(_ series: [Series], title: String = "", xLabel: String = "", yLabel: String = "") -> Plot {
        Plot(.scatter(series), title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// A line plot of one or more series.
    public static func line(_ series: [Series], title: String = "", xLabel: String = "", yLabel: String = "") -> Plot {
        Plot(.line(series), title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// A histogram of raw values in `bins` equal-width bins (0 picks a count automatically).
    public static func histogram(_ values: [Double], bins: Int = 0, name: String = "", title: String = "",
                                 xLabel: String = "", yLabel: String = "count") -> Plot {
        Plot(.histogram(Histogram(name, values: values, bins: bins)), title: title,
             xLabel: xLabel.isEmpty ? name : xLabel, yLabel: yLabel)
    }

    /// A box plot with one box per group; `valueLabel` names the value axis.
    public static func box(_ groups: [BoxGroup], title: String = "", valueLabel: String = "") -> Plot {
        Plot(.box(groups), title: title, yLabel: valueLabel)
    }

    /// A grouped bar chart: one group of bars per category, one bar per series.
    public static func bar(categories: [String], series: [BarSeries], title: String = "", xLabel: String = "",
                           yLabel: String = "") -> Plot {
        Plot(.bar(BarChart(categories: categories, series: series)), title: title, xLabel: xLabel, yLabel: yLabel)
    }

    // MARK: - Derived information

    /// The names listed in the legend, in series order.
    public var seriesNames: [String] {
        switch content {
        case .scatter(let s), .line(let s): s.map(\.name)
        case .histogram(let h): [h.name]
        case .box(let g): g.map(\.name)
        case .bar(let b): b.series.map(\.name)
        }
    }

    /// Whether the legend is drawn: for more than one series, or one named series (scatter and line only).
    public var showsLegend: Bool {
        let names = seriesNames
        switch kind {
        case .scatter, .line: return names.count > 1 || (names.count == 1 && !names[0].isEmpty)
        case .bar: return names.count > 1
        case .histogram, .box: return false
        }
    }

    /// Human-readable remarks about the data: skipped non-finite values, mismatched lengths, nothing to draw.
    public var notes: [String] { PreparedPlot(self).notes }
}

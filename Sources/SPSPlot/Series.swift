/// A named sequence of (x, y) points: one colour in a scatter or line plot.
///
/// `xs` and `ys` pair up by index; when their lengths differ the extra values are ignored (and reported in the
/// plot's notes). Non-finite values (NaN, ±Inf) are skipped when drawing and counted.
public struct Series: Sendable, Equatable {
    /// The name shown in the legend; may be empty.
    public var name: String
    /// The x coordinates.
    public var xs: [Double]
    /// The y coordinates.
    public var ys: [Double]

    /// A series of points from paired coordinates.
    public init(_ name: String = "", xs: [Double], ys: [Double]) {
        self.name = name
        self.xs = xs
        self.ys = ys
    }

    /// A series whose x coordinates are the indices 0, 1, 2, … (e.g. a training history per epoch).
    public init(_ name: String = "", ys: [Double]) {
        self.init(name, xs: ys.indices.map(Double.init), ys: ys)
    }
}

/// One box of a box plot: a name and the raw values it summarises.
public struct BoxGroup: Sendable, Equatable {
    /// The group label (e.g. a column name such as `ood`).
    public var name: String
    /// The raw values; non-finite ones are skipped and counted.
    public var values: [Double]

    /// A box group from raw values.
    public init(_ name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// The data of a histogram: raw values and a bin count.
public struct Histogram: Sendable, Equatable {
    /// The name of what is counted (used as the x label when the plot has none).
    public var name: String
    /// The raw values; non-finite ones are skipped and counted.
    public var values: [Double]
    /// The number of equal-width bins; 0 or less picks one automatically (Sturges' rule, at most 50).
    public var bins: Int

    /// A histogram of raw values.
    public init(_ name: String = "", values: [Double], bins: Int = 0) {
        self.name = name
        self.values = values
        self.bins = bins
    }
}

/// One series of a bar chart: a name and one value per category.
public struct BarSeries: Sendable, Equatable {
    /// The name shown in the legend (e.g. `true` or `learned`).
    public var name: String
    /// One value per category; missing trailing values and non-finite values draw no bar.
    public var values: [Double]
    /// Error bars: the half-width of a ± whisker per category (a standard error, say); empty for none, and a
    /// missing, non-finite or zero entry draws no whisker.
    public var errors: [Double]

    /// A bar series, with optional ± error bars.
    public init(_ name: String = "", values: [Double], errors: [Double] = []) {
        self.name = name
        self.values = values
        self.errors = errors
    }
}

/// The data of a grouped bar chart: category labels and one or more series of values.
public struct BarChart: Sendable, Equatable {
    /// The category labels along the x axis (e.g. weight names `w1`, `w2`, …).
    public var categories: [String]
    /// The series; each contributes one bar per category, side by side within the category.
    public var series: [BarSeries]

    /// A grouped bar chart.
    public init(categories: [String], series: [BarSeries]) {
        self.categories = categories
        self.series = series
    }
}

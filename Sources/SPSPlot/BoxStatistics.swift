/// The five-number summary of a box plot, with outliers, computed like numpy and matplotlib.
///
/// Quartiles use linear interpolation between closest ranks (numpy's default `linear` method); whiskers reach the
/// most extreme values within 1.5 IQR of the box; values beyond them are outliers.
public struct BoxStatistics: Sendable, Equatable {
    /// The number of finite values summarised.
    public var count: Int
    /// The first quartile (25th percentile).
    public var q1: Double
    /// The median (50th percentile).
    public var median: Double
    /// The third quartile (75th percentile).
    public var q3: Double
    /// The lowest value at or above `q1 - 1.5 * IQR`.
    public var lowerWhisker: Double
    /// The highest value at or below `q3 + 1.5 * IQR`.
    public var upperWhisker: Double
    /// The values outside the whiskers, sorted.
    public var outliers: [Double]

    /// The smallest value drawn (the lower whisker or the lowest outlier).
    public var minimum: Double { min(lowerWhisker, outliers.first ?? lowerWhisker) }
    /// The largest value drawn (the upper whisker or the highest outlier).
    public var maximum: Double { max(upperWhisker, outliers.last ?? upperWhisker) }

    /// The summary of the finite values among `values`; nil when there are none.
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        count = sorted.count
        q1 = Self.quantile(sorted: sorted, 0.25)
        median = Self.quantile(sorted: sorted, 0.5)
        q3 = Self.quantile(sorted: sorted, 0.75)
        let reach = 1.5 * (q3 - q1)
        let lowFence = q1 - reach, highFence = q3 + reach
        lowerWhisker = sorted.first(where: { $0 >= lowFence }) ?? q1
        upperWhisker = sorted.last(where: { $0 <= highFence }) ?? q3
        outliers = sorted.filter { $0 < lowFence || $0 > highFence }
    }

    /// The `p`-quantile (0…1) of sorted values by linear interpolation between closest ranks (numpy `linear`).
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first else { return .nan }
        guard sorted.count > 1 else { return first }
        let position = min(max(p, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}

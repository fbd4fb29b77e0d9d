/// Equal-width bin edges and counts of a histogram, computed like `numpy.histogram`.
///
/// The last bin includes its upper edge; constant data gets the range `value ± 0.5`.
public struct HistogramBins: Sendable, Equatable {
    /// The `count + 1` bin edges, increasing.
    public var edges: [Double]
    /// The number of values in each bin.
    public var counts: [Int]

    /// Bins the finite values among `values`; `bins <= 0` picks Sturges' rule (at most 50 bins).
    public init(_ values: [Double], bins requested: Int) {
        var lo = Double.infinity, hi = -Double.infinity, n = 0
        for v in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
            n += 1
        }
        let bins = requested > 0 ? min(requested, 10_000) : Self.automaticBinCount(n)
        if n == 0 { lo = 0; hi = 1 }
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let width = (hi - lo) / Double(bins)
        edges = (0...bins).map { $0 == bins ? hi : lo + Double($0) * width }
        var counts = [Int](repeating: 0, count: bins)
        for v in values where v.isFinite {
            let index = Int(((v - lo) / width).rounded(.down))
            counts[min(max(index, 0), bins - 1)] += 1
        }
        self.counts = counts
    }

    /// Sturges' rule, `ceil(log2 n) + 1`, between 1 and 50.
    public static func automaticBinCount(_ n: Int) -> Int {
        guard n > 1 else { return 1 }
        return min(50, log2Ceil(n) + 1)
    }

    private static func log2Ceil(_ n: Int) -> Int {
        var k = 0, p = 1
        while p < n { p *= 2; k += 1 }
        return k
    }
}

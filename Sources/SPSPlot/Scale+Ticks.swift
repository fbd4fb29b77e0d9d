import Foundation

/// A numeric axis: the domain it spans and its tick values with their labels.
///
/// Ticks step by 1, 2 or 5 times a power of ten. A degenerate range (a constant column, one point) is widened to a
/// small span around the value so that it still has ticks.
struct Axis: Sendable, Equatable {
    /// The lowest value on the axis.
    var lower: Double
    /// The highest value on the axis; always greater than `lower`.
    var upper: Double
    /// The tick values, increasing, within the domain.
    var ticks: [Double]
    /// The distance between ticks.
    var step: Double
    /// The tick labels, parallel to `ticks`.
    var labels: [String]

    /// An axis covering `low…high` with about `target` ticks; `loose` widens the domain to whole steps, and
    /// `minimumStep` keeps counts from getting fractional ticks.
    init(low: Double, high: Double, target: Int, loose: Bool, minimumStep: Double = 0) {
        var (lo, hi) = Self.widened(low, high)
        let step = max(Self.niceStep(span: hi - lo, target: max(target, 1)), minimumStep)
        if loose {
            lo = (lo / step).rounded(.down) * step
            hi = (hi / step).rounded(.up) * step
        }
        let first = (lo / step - 1e-9).rounded(.up), last = (hi / step + 1e-9).rounded(.down)
        var ticks: [Double] = []
        if first.isFinite && last.isFinite && last - first < 1000 {
            var k = first
            while k <= last {
                let t = k * step
                ticks.append(abs(t) < step * 1e-9 ? 0 : t)
                k += 1
            }
        }
        lower = lo
        upper = hi
        self.ticks = ticks
        self.step = step
        labels = TickFormat(ticks: ticks, step: step).labels
    }

    /// The range to draw for data spanning `low…high`: a small span around a single value.
    static func widened(_ low: Double, _ high: Double) -> (Double, Double) {
        guard low.isFinite, high.isFinite, low <= high else { return (0, 1) }
        if high > low && (high - low) > abs(high) * 1e-12 { return (low, high) }
        let centre = (low + high) / 2
        let half = centre == 0 ? 1 : abs(centre) * 0.1
        return (centre - half, centre + half)
    }

    /// The 1-2-5 step that divides `span` into about `target` intervals.
    static func niceStep(span: Double, target: Int) -> Double {
        let raw = (span.isFinite ? span : Double.greatestFiniteMagnitude) / Double(target)
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10
        return nice * magnitude
    }

    /// The fraction (0…1) of the way from `lower` to `upper` at which `value` lies.
    @inline(__always) func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    /// The axis cut down to the rows that hold data from `low` to `high`, when each step between ticks is drawn
    /// as `rowsPerStep` rows: it then starts and ends on the row boundary just outside the data instead of on a
    /// tick. Returns the axis and its number of rows (row boundaries), or nil when the data spans no range or
    /// fewer than two ticks would be left.
    func trimmed(to low: Double, _ high: Double, rowsPerStep: Int) -> (axis: Axis, rows: Int)? {
        guard high > low, low >= lower, high <= upper, rowsPerStep >= 1 else { return nil }
        let row = step / Double(rowsPerStep)
        let bottom = Int(((low - lower) / row + 1e-9).rounded(.down))
        let top = Int(((high - lower) / row - 1e-9).rounded(.up))
        guard top > bottom else { return nil }
        var copy = self
        copy.lower = lower + Double(bottom) * row
        copy.upper = lower + Double(top) * row
        let tolerance = row * 1e-9
        let keep = ticks.indices.filter { ticks[$0] >= copy.lower - tolerance && ticks[$0] <= copy.upper + tolerance }
        guard keep.count >= 2 else { return nil }
        copy.ticks = keep.map { ticks[$0] }
        copy.labels = keep.map { labels[$0] }
        return (copy, top - bottom + 1)
    }

    /// The axis with ticks thinned to every `k`-th one, keeping the labels.
    func thinned(every k: Int) -> Axis {
        guard k > 1 else { return self }
        var copy = self
        let keep = ticks.indices.filter { Int((ticks[$0] / step).rounded()) % k == 0 }
        copy.ticks = keep.map { ticks[$0] }
        copy.labels = keep.map { labels[$0] }
        copy.step = step * Double(k)
        return copy
    }
}

/// How tick values are written: fixed decimals for ordinary ranges, scientific notation (`2e8`, `1.5e-6`) for very
/// large or very small magnitudes.
struct TickFormat: Sendable {
    /// The label of each tick.
    var labels: [String]

    /// Labels for `ticks`, spaced `step` apart.
    init(ticks: [Double], step: Double) {
        let largest = ticks.map(abs).max() ?? 0
        let stepExponent = Int(log10(step).rounded(.down))
        let scientific = largest >= 1e6 || (largest > 0 && largest < 1e-3) || stepExponent < -4
        labels = ticks.map { t in
            scientific ? Self.scientific(t, stepExponent: stepExponent) : Self.fixed(t, decimals: max(0, -stepExponent))
        }
    }

    /// A value with a fixed number of decimals, never `-0`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(min(decimals, 12))f", value)
        return Double(text) == 0 ? String(format: "%.\(min(decimals, 12))f", 0.0) : text
    }

    /// A value as `mantissa e exponent` with only the digits the step needs (`2e8`, `2.5e-3`, `0`).
    static func scientific(_ value: Double, stepExponent: Int) -> String {
        guard value != 0 else { return "0" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var digits = min(max(exponent - stepExponent, 0), 6)
        var mantissa = value / pow(10, Double(exponent))
        var text = String(format: "%.\(digits)f", mantissa)
        if abs(Double(text) ?? 0) >= 10 {
            exponent += 1
            digits = min(max(exponent - stepExponent, 0), 6)
            mantissa = value / pow(10, Double(exponent))
            text = String(format: "%.\(digits)f", mantissa)
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return "\(text)e\(exponent)"
    }
}

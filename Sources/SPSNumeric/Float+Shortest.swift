// MARK: - Float32 values as language numbers

extension Double {
    /// The Double nearest to the shortest decimal that reads back as `value`: how a Float32 becomes a number.
    ///
    /// `Double(Float(0.1))` is 0.10000000149011612, which prints with 17 digits although the Float32 holds only
    /// about 7; this gives 0.1, which prints as `0.1`. The result converts back to the same Float32
    /// (`Float(Double.shortest(x)) == x`), so a number read from a tensor and written back changes nothing.
    ///
    /// A static function rather than an initializer, so `map(Double.init)` elsewhere stays unambiguous.
    public static func shortest(_ value: Float) -> Double {
        // Integral values (and infinities, NaN) are exact as they are.
        if !value.isFinite || (value == value.rounded(.towardZero) && value.magnitude < 16_777_216) {
            return Double(value)
        }
        // `Float.description` is the shortest decimal that reads back as the Float32. Reading it as a Double rounds
        // once more; keep the exact value in the (rare) case that second rounding would land on another Float32.
        if let shortest = Double(value.description), Float(shortest) == value { return shortest }
        return Double(value)
    }

    /// A quantity measured in Float32 arithmetic (a loss, a metric), at the precision it has: the shortest decimal
    /// of its nearest Float32, so a mean of Float32 losses prints `0.27172792`, not `0.27172790563106536`.
    /// Values beyond the Float32 range (and NaN, infinities) stay as they are.
    public static func atFloat32Precision(_ value: Double) -> Double {
        guard value.isFinite, value.magnitude <= Double(Float.greatestFiniteMagnitude) else { return value }
        return shortest(Float(value))
    }
}

import SPSNumeric

/// Approximate equality for tests: relative tolerance with an absolute floor for values near zero.
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-5, absolute: Double = 1e-7) -> Bool {
    if a.isNaN || b.isNaN { return false }
    if a == b { return true }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Approximate equality of Float values.
public func isClose(_ a: Float, _ b: Float, relative: Double = 1e-5, absolute: Double = 1e-7) -> Bool {
    isClose(Double(a), Double(b), relative: relative, absolute: absolute)
}

/// Whether two tensors have the same shape and elementwise-close values.
public func isClose(_ a: Tensor, _ b: Tensor, relative: Double = 1e-5, absolute: Double = 1e-7) -> Bool {
    a.shape == b.shape && zip(a.storage, b.storage).allSatisfy { isClose($0, $1, relative: relative, absolute: absolute) }
}

/// The largest relative difference between two equal-length arrays (with an absolute floor in the denominator).
public func maxRelativeDifference(_ a: [Double], _ b: [Double], floor: Double = 1e-6) -> Double {
    zip(a, b).map { abs($0 - $1) / max(floor, max(abs($0), abs($1))) }.max() ?? 0
}

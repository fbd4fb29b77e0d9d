import SPSNumeric

/// Size limits that turn would-be crashes (allocations the machine cannot satisfy, counts that overflow) into
/// runtime errors, checked *before* anything is allocated.
public enum Limits {
    /// The most elements a list may have (a list element takes 24 bytes).
    public static let maxListCount = 10_000_000
    /// The most bytes a string may have.
    public static let maxStringBytes = 64 << 20
    /// The most elements a tensor may have (400 MB of Float32).
    public static let maxTensorElements = 100_000_000
    /// The widest field or precision a `format` directive may ask for.
    public static let maxFormatWidth = 10_000

    /// Throws unless a list of `count` elements may be made.
    public static func checkList(_ count: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        guard count <= maxListCount else {
            throw RuntimeError("\(what()) would have \(count) elements; lists hold at most \(maxListCount)")
        }
        try checkMemory(count &* 24, what())
    }

    /// Throws unless a string of `bytes` bytes may be made.
    public static func checkString(_ bytes: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        guard bytes >= 0, bytes <= maxStringBytes else {
            throw RuntimeError("\(what()) would be \(bytes < 0 ? "too" : "\(bytes) bytes") long; strings hold at most \(maxStringBytes) bytes")
        }
        try checkMemory(bytes, what())
    }

    /// Throws unless the machine has the memory for `bytes` more.
    public static func checkMemory(_ bytes: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        guard MemoryGuard.canAllocate(bytes: bytes) else {
            throw RuntimeError("not enough memory for \(what()) (\(MemoryGuard.describe(bytes: bytes)) needed, \(MemoryGuard.describe(bytes: MemoryGuard.availableBytes() ?? 0)) available)")
        }
    }

    /// The product of sizes, or nil when it overflows.
    public static func product(_ sizes: [Int]) -> Int? {
        var p = 1
        for s in sizes {
            let (r, overflow) = p.multipliedReportingOverflow(by: s)
            if overflow { return nil }
            p = r
        }
        return p
    }
}

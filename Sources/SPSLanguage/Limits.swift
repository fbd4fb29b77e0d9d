import SPSNumeric

/// Size limits that turn would-be crashes (allocations the machine cannot satisfy, counts that overflow) into
/// runtime errors, checked *before* anything is allocated.
public enum Limits {
    /// The most elements a list may have (a list element takes 24 bytes).
    public static let maxListCount = 10_000_000
    /// The most bytes a string may have.
    public static let maxStringBytes = 64 << 20
    /// Strings at most this long are made without asking whether the machine has the memory (a small allocation).
    public static let smallString = 4096
    /// The most elements a tensor may have (400 MB of Float32).
    public static let maxTensorElements = 100_000_000
    /// The widest field or precision a `format` directive may ask for.
    public static let maxFormatWidth = 10_000
    /// The deepest lists and records may nest. Printing, comparing, copying and freeing a value all walk it, and
    /// freeing recurses once per level: a bound keeps that within any thread's stack (even a sanitizer build's).
    public static let maxNesting = 10_000
    /// The deepest `repeat` runs may nest (a `repeat` inside a run of a `repeat` …). Runs also count toward the
    /// call depth, but one level of `repeat` takes far more native stack than a call (and, under ThreadSanitizer,
    /// more entries of its bounded shadow call stack): recursion through `repeat` stops here first.
    public static let maxRepeatNesting = 100

    /// Throws unless `value` nests at most `maxNesting - extra` levels deep (`extra` for a value about to be put
    /// inside `extra` more containers). Answered from the bound every list and record keeps (`Value.nestingBound`)
    /// in constant time; only a value whose bound is past the limit is walked, to find its true depth.
    @inline(__always) public static func checkNesting(_ value: Value, extra: Int = 0, _ what: @autoclosure () -> String,
                                                      at location: SourceLocation? = nil) throws(RuntimeError) {
        let limit = maxNesting - extra
        guard Int(value.nestingBound) > limit, nestingDepth(of: value, atMost: limit) > limit else { return }
        throw RuntimeError("\(what()) would nest lists or records more than \(maxNesting) levels deep", at: location)
    }

    /// How deeply lists and records nest in `value` (0 for anything else), or `limit + 1` if deeper than `limit`.
    ///
    /// Walks only the containers, without recursion; a list or record shared by several parents is walked once per
    /// depth it is reached at (so `x = [x, x]` sixty times is 60 steps, not 2^60).
    public static func nestingDepth(of value: Value, atMost limit: Int) -> Int {
        guard let top = value.containedValues else { return 0 }
        var deepest = 1
        var reached: [UnsafeRawPointer: Int] = [:]
        var pending: [(items: [Value], depth: Int)] = [(top, 1)]
        while let (items, depth) = pending.popLast() {
            for item in items {
                guard let inner = item.containedValues else { continue }
                deepest = max(deepest, depth + 1)
                if deepest > limit { return limit + 1 }
                if let identity = storageIdentity(of: inner) {
                    if let seen = reached[identity], seen >= depth + 1 { continue }
                    reached[identity] = depth + 1
                }
                pending.append((inner, depth + 1))
            }
        }
        return min(deepest, limit + 1)
    }

    /// The address of an array's storage: the same for copies that share it, distinct between live arrays.
    /// Nil for an empty array (which may share a global empty storage and holds nothing anyway).
    static func storageIdentity(of items: [Value]) -> UnsafeRawPointer? {
        items.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
    }

    // MARK: - Constructors
    //
    // Every command or node that makes a string, list, record, tensor, table or dataset whose size depends on
    // user input asks one of these first, with the size it is about to allocate.

    /// Throws unless a list of `count` elements may be made.
    public static func checkList(_ count: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        guard count >= 0, count <= maxListCount else {
            throw RuntimeError("\(what()) would have \(count < 0 ? "too many" : "\(count)") elements; lists hold at most \(maxListCount)")
        }
        try checkMemory(count &* 24, what())
    }

    /// Throws unless a record of `count` fields may be made (records hold as many fields as lists hold elements).
    public static func checkRecord(_ count: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        guard count >= 0, count <= maxListCount else {
            throw RuntimeError("\(what()) would have \(count < 0 ? "too many" : "\(count)") fields; records hold at most \(maxListCount)")
        }
        try checkMemory(count &* 40, what())
    }

    /// Throws unless a tensor of `shape` may be made: sizes not negative, at most `maxTensorElements` elements (a
    /// product that overflows is too many too) and the memory for them. Returns the element count.
    @discardableResult
    public static func checkTensor(_ shape: [Int], _ what: @autoclosure () -> String) throws(RuntimeError) -> Int {
        guard shape.allSatisfy({ $0 >= 0 }), let count = product(shape), count <= maxTensorElements else {
            throw RuntimeError("\(what()) of shape \(Tensor.format(shape: shape)) is too large (tensors hold at most \(maxTensorElements) elements)")
        }
        try checkMemory(count &* 4, what())
        return count
    }

    /// Throws unless a dataset of `rows` rows and `width` features may be made: its features are a `rows`×`width`
    /// tensor and its target a tensor of `rows`.
    public static func checkDataset(rows: Int, width: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        let name = what()
        try checkTensor([rows, width], "\(name): its features")
        try checkTensor([rows], "\(name): its target")
        try checkMemory((rows &+ 1) &* (width &+ 1) &* 4, name)
    }

    /// Throws unless a table of `rows` rows and `columns` columns may be made (each cell is a list element's size).
    public static func checkTable(rows: Int, columns: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        guard rows >= 0, columns >= 0, let cells = product([rows, columns]), cells <= maxListCount else {
            throw RuntimeError("\(what()) would have \(rows) rows of \(columns) columns; tables hold at most \(maxListCount) cells")
        }
        try checkMemory(cells &* 24, what())
    }

    /// Throws unless strings of these byte counts may be joined into one; returns the joined size. Sums without
    /// overflowing, so any number of pieces can be checked before anything is allocated.
    @discardableResult
    public static func checkJoinedString<S: Sequence<Int>>(_ pieces: S, _ what: @autoclosure () -> String) throws(RuntimeError) -> Int {
        var total = 0
        for bytes in pieces {
            let (sum, overflow) = total.addingReportingOverflow(bytes)
            guard !overflow else {
                try checkString(-1, what())
                return 0
            }
            total = sum
        }
        try checkString(total, what())
        return total
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

    // MARK: - Integers

    /// The largest whole number a user number converts to exactly: 2^53 (above it, doubles skip integers).
    public static let maxExactInteger = 1 << 53

    /// A user number as an `Int`: nil unless it is a whole number at most `maxExactInteger` in size, so NaN, ±inf,
    /// 0.5 and 9e18 are nil. The one conversion of user numbers to integers: it checks before converting, so it
    /// never traps, wraps or truncates, in any build configuration (`Int(x)` on NaN or 1e300 traps in a debug
    /// build and is undefined behaviour under -Ounchecked).
    @inline(__always) public static func integer(_ x: Double) -> Int? {
        guard x.isFinite, x.rounded(.towardZero) == x, x.magnitude <= Double(maxExactInteger) else { return nil }
        return Int(x)
    }

    /// A tensor element as an `Int` (see `integer(_: Double)`).
    @inline(__always) public static func integer(_ x: Float) -> Int? { integer(Double(x)) }

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


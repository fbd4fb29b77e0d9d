import SPSNumeric

/// The one rule by which an index selects items along one axis of a list, string, tensor, dataset or table
/// (docs/indexing.md):
///
/// - an integer `i` selects one item (the axis is dropped); negative integers count from the end (`-1` is the last);
/// - a range selects consecutive items: `a..b` (b included), `a..<b` (b excluded), each bound negative from the
///   end, open-ended `a..` (to the end), `..b` and `..<b` (from the start), `..` (everything);
/// - a list or tensor of integers selects those items in that order, repeats allowed (a gather);
/// - a mask — a list of `true`/`false` or a tensor made by a comparison (`xs > 0`) — of the axis's length selects
///   the items where it is true.
///
/// Anything out of range is an error that names the index and the size; nothing is silently clipped.
public enum IndexRule {
    /// What one index selects along an axis of `count` items: `.single` (already wrapped and checked),
    /// `.span` (checked) or `.positions` (wrapped and checked). `noun` names the container ("list", "tensor")
    /// and `what` the axis ("list of length 3", "axis 1 of size 3 (shape [2, 3])", "Dataset of 100 rows").
    public static func selection(_ index: Value, count: Int, noun: String, what: String) throws(RuntimeError) -> AxisSelection {
        switch index {
        case .range(let r):
            return .span(try span(r, count: count, what: what))
        case .list(let xs):
            if xs.allSatisfy({ if case .bool = $0 { true } else { false } }) && !xs.isEmpty {
                guard xs.count == count else {
                    throw RuntimeError("a mask of \(xs.count) true/false values cannot select from \(what); it needs \(count)")
                }
                return .positions(xs.indices.filter { if case .bool(true) = xs[$0] { true } else { false } })
            }
            var positions: [Int] = []
            positions.reserveCapacity(xs.count)
            for (k, x) in xs.enumerated() {
                guard let n = x.integer else {
                    throw RuntimeError("\(noun) index lists hold integers (or only true/false, a mask); element \(k) is \(x.typeName) \(Interpreter.short(x))")
                }
                positions.append(try wrap(n, count: count, what: what))
            }
            return .positions(positions)
        case .tensor(let t):
            if t.isMask {
                guard t.rank == 1, t.count == count else {
                    throw RuntimeError("a mask of shape \(Tensor.format(shape: t.shape)) cannot select from \(what); it needs shape [\(count)]")
                }
                return .positions(t.nonzeroPositions())
            }
            guard t.rank <= 1 else {
                throw RuntimeError("\(noun) index tensors must be vectors of positions (or masks), got shape \(Tensor.format(shape: t.shape))")
            }
            if t.rank == 0 { return .single(try wrap(try integer(t.storage[0], position: 0), count: count, what: what)) }
            var positions: [Int] = []
            positions.reserveCapacity(t.count)
            for (k, x) in t.storage.enumerated() {
                positions.append(try wrap(try integer(x, position: k), count: count, what: what))
            }
            return .positions(positions)
        default:
            guard let n = index.integer else {
                throw RuntimeError("\(noun) index must be an integer, a range, a list of integers or a mask, got \(index.typeName) \(Interpreter.short(index))")
            }
            return .single(try wrap(n, count: count, what: what))
        }
    }

    /// The positions a selection visits, in order (a single position as one).
    public static func positions(_ selection: AxisSelection) -> [Int] {
        switch selection {
        case .single(let i): [i]
        case .span(let r): Array(r)
        case .positions(let ps): ps
        }
    }

    /// A range's positions among `count` items: negative bounds count from the end, an open upper bound is the end.
    public static func span(_ r: RangeValue, count: Int, what: String) throws(RuntimeError) -> Range<Int> {
        let lower = r.lower < 0 ? r.lower + count : r.lower
        let end: Int
        if r.isOpenEnded {
            end = count
        } else {
            let upper = r.upper < 0 ? r.upper + count : r.upper
            end = r.inclusive ? upper + 1 : upper
        }
        guard lower >= 0, end <= count, lower <= end else {
            throw RuntimeError("range \(r.written) is out of range for \(what)", at: nil)
        }
        return lower..<end
    }

    /// A position among `count` items, negative from the end, checked.
    static func wrap(_ n: Int, count: Int, what: String) throws(RuntimeError) -> Int {
        let p = n < 0 ? n + count : n
        guard p >= 0 && p < count else { throw RuntimeError("index \(n) is out of range for \(what)") }
        return p
    }

    static func integer(_ x: Float, position k: Int) throws(RuntimeError) -> Int {
        guard x.isFinite, x == x.rounded(), Swift.abs(x) < 1e9 else {
            throw RuntimeError("an index tensor must hold integers; element \(k) is \(Value.format(Double(x)))")
        }
        return Int(x)
    }
}

extension RangeValue {
    /// True for the range of an index written `a..` (to the end): its upper bound is `Int.max`, exclusive.
    public var isOpenEnded: Bool { upper == Int.max && !inclusive }

    /// The range as written: `2..5`, `-2..<0`, `1..` for an open end.
    var written: String { isOpenEnded ? "\(lower).." : "\(lower)\(inclusive ? ".." : "..<")\(upper)" }
}

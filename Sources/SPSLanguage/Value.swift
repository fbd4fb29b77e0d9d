import SPSNumeric

/// A value of the language.
///
/// Numbers, strings, lists, records, ranges and tensors have value semantics (assigning copies; Swift's
/// copy-on-write keeps that cheap). Closures, commands and native objects are references.
public enum Value: @unchecked Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case `nil`
    case list([Value])
    case range(RangeValue)
    case record(Record)
    /// A user `def` or a block `{ … }` with the variables it captured.
    case closure(Closure)
    /// A native command.
    case command(Command)
    case tensor(Tensor)
    /// An object provided by the host (a model, a dataset, a training loop …).
    case native(any NativeObject)

    /// The name of the value's type, as error messages and `vars` show it.
    public var typeName: String {
        switch self {
        case .number: return "number"
        case .string: return "string"
        case .bool: return "bool"
        case .nil: return "nil"
        case .list: return "list"
        case .range: return "range"
        case .record: return "record"
        case .closure(let c): return c.proto.kind == .block ? "block" : "def"
        case .command: return "command"
        case .tensor: return "tensor"
        case .native(let o): return o.typeName
        }
    }

    /// The number, if this is one.
    public var number: Double? { if case .number(let n) = self { n } else { nil } }
    /// The string, if this is one.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The tensor, if this is one.
    public var tensor: Tensor? { if case .tensor(let t) = self { t } else { nil } }
    /// The native object, if this is one.
    public var object: (any NativeObject)? { if case .native(let o) = self { o } else { nil } }
    /// True for `nil`.
    public var isNil: Bool { if case .nil = self { true } else { false } }
    /// The elements of a list or the field values of a record; nil for anything else.
    public var containedValues: [Value]? {
        switch self {
        case .list(let xs): xs
        case .record(let r): r.values
        default: nil
        }
    }
    /// True for a list or a record: the values other values nest in.
    public var isContainer: Bool {
        switch self {
        case .list, .record: true
        default: false
        }
    }

    /// The number as an `Int` if it is integral and in range.
    public var integer: Int? {
        guard case .number(let n) = self, n == n.rounded(), abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    /// The elements of a list or range, if this is one. Nil also for a range longer than `Limits.maxListCount`,
    /// which would not fit in memory as a list (callers that take ranges should check `RangeValue.count` first to
    /// give a better message).
    public var elements: [Value]? {
        switch self {
        case .list(let xs): return xs
        case .range(let r):
            guard r.count <= Limits.maxListCount else { return nil }
            return r.map { .number(Double($0)) }
        default: return nil
        }
    }
}

/// An integer range `a..b` (inclusive) or `a..<b` (exclusive).
public struct RangeValue: Sendable, Equatable, Sequence {
    /// The first element.
    public var lower: Int
    /// The bound as written.
    public var upper: Int
    /// True for `..`, false for `..<`.
    public var inclusive: Bool

    /// Creates a range.
    public init(lower: Int, upper: Int, inclusive: Bool) {
        self.lower = lower
        self.upper = upper
        self.inclusive = inclusive
    }

    /// One past the last element.
    public var end: Int { inclusive ? (upper == Int.max ? upper : upper + 1) : upper }
    /// The number of elements.
    public var count: Int { Swift.max(0, end - lower) }
    /// The elements as a Swift range.
    public var swiftRange: Range<Int> { lower..<Swift.max(lower, end) }
    /// Iterates the elements.
    public func makeIterator() -> Range<Int>.Iterator { swiftRange.makeIterator() }
}

/// A record `{name: value, …}`: fields in the order written.
public struct Record: Sendable {
    /// Field names, in order.
    public private(set) var keys: [String]
    /// Field values, parallel to `keys`.
    public private(set) var values: [Value]

    /// Creates a record from ordered fields.
    public init(_ fields: [(String, Value)] = []) {
        keys = fields.map(\.0)
        values = fields.map(\.1)
    }

    /// The value of a field, or nil when absent.
    public subscript(_ key: String) -> Value? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let i = keys.firstIndex(of: key) {
                if let v = newValue { values[i] = v } else { keys.remove(at: i); values.remove(at: i) }
            } else if let v = newValue {
                keys.append(key)
                values.append(v)
            }
        }
    }

    /// The fields as pairs.
    public var fields: [(String, Value)] { Array(zip(keys, values)) }
}

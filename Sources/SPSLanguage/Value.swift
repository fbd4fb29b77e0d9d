import Synchronization
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
    case list(ListValue)
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
    /// The boolean, if this is one.
    public var boolean: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The string, if this is one.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The tensor, if this is one.
    public var tensor: Tensor? { if case .tensor(let t) = self { t } else { nil } }
    /// The native object, if this is one.
    public var object: (any NativeObject)? { if case .native(let o) = self { o } else { nil } }
    /// At least as deep as the value nests lists and records: 0 for anything else, 1 for a list or record that
    /// holds none (see `ListValue.depth`).
    @inline(__always) public var nestingBound: UInt32 {
        switch self {
        case .list(let l): l.depth
        case .record(let r): r.depth
        default: 0
        }
    }
    /// True for a number, a boolean or nil: values that hold no reference, which need no destroying.
    @inline(__always) var ownsNothing: Bool {
        switch self {
        case .number, .bool, .nil: true
        default: false
        }
    }
    /// True for a number or a boolean (the elements of a typed list; see `ListValue`).
    @inline(__always) var isNumberOrBool: Bool {
        switch self {
        case .number, .bool: true
        default: false
        }
    }
    /// The identity of the command, if this is one (read without counting a reference to it).
    @inline(__always) public var commandIdentity: ObjectIdentifier? {
        if case .command(let c) = self { ObjectIdentifier(c) } else { nil }
    }
    /// True for `nil`, false for any other value but a native object (whose comparison with `nil` is its own): nil.
    @inline(__always) var isPlainlyNil: Bool? {
        switch self {
        case .nil: true
        case .native: nil
        default: false
        }
    }
    /// True for `nil`.
    public var isNil: Bool { if case .nil = self { true } else { false } }
    /// The elements of a list or the field values of a record; nil for anything else. A list of numbers or booleans
    /// gives no elements (none of them is a container), without making them.
    public var containedValues: [Value]? {
        switch self {
        case .list(let xs): xs.storedValues ?? []
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

    /// The number as an `Int` if it is a whole number at most 2^53 in size (`Limits.integer`): NaN, infinities,
    /// fractions and larger numbers are nil, never wrapped or truncated.
    public var integer: Int? {
        guard case .number(let n) = self else { return nil }
        return Limits.integer(n)
    }

    /// The elements of a list or range, if this is one. Nil also for a range longer than `Limits.maxListCount`,
    /// which would not fit in memory as a list (callers that take ranges should check `RangeValue.count` first to
    /// give a better message).
    public var elements: [Value]? {
        switch self {
        case .list(let xs): return xs.values
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
///
/// Small records find a field by scanning their keys. Past `KeyTable.indexThreshold` fields a record also keeps a
/// hash index from key to position beside the ordered keys (`KeyIndex`), so reading, setting and adding a field take constant
/// time (amortized) however many fields it has: adding 100,000 keys one by one is linear, not quadratic.
///
/// The keys and their index live in one shared `KeyTable`, copied before a change when another record shares it
/// (copy on write, as Swift's arrays do), so records stay values. One reference rather than two arrays and a
/// dictionary keeps a record, and so every `Value`, as small as before (24 bytes).
public struct Record: Sendable {
    /// The field names and their index.
    private var table: KeyTable
    /// Field values, parallel to `keys`.
    public private(set) var values: [Value]
    /// At least as deep as the record nests (see `ListValue.depth`).
    public private(set) var depth: UInt32

    /// Creates a record from ordered fields.
    public init(_ fields: [(String, Value)] = []) {
        table = fields.isEmpty ? KeyTable.empty : KeyTable(fields.map(\.0))
        values = fields.map(\.1)
        depth = ListValue.depth(holding: values)
    }

    /// Notes that `v` is now a field value.
    @inline(__always) private mutating func holds(_ v: Value) {
        let d = v.nestingBound
        if d >= depth { depth = ListValue.deeper(d) }
    }

    /// Field names, in order.
    public var keys: [String] { table.keys }
    /// The number of fields.
    public var count: Int { values.count }
    /// True once the record is large enough to keep a key index (for tests).
    var isIndexed: Bool { table.index != nil }

    /// The position of a field, or nil when absent.
    public func position(of key: String) -> Int? { table.position(of: key) }

    /// The value of a field, or nil when absent.
    public subscript(_ key: String) -> Value? {
        get { table.position(of: key).map { values[$0] } }
        set {
            if let i = table.position(of: key) {
                if let v = newValue {
                    holds(v)
                    values[i] = v  // the keys do not change: the table stays shared
                } else {
                    uniqueTable().remove(at: i)
                    values.remove(at: i)
                }
            } else if let v = newValue {
                holds(v)
                uniqueTable().append(key)
                values.append(v)
            }
        }
    }

    /// A record of `values` with the keys of `table` (shared: a record copies a shared table before changing its
    /// keys), as a record literal makes one.
    init(table: KeyTable, values: [Value]) {
        self.table = table
        self.values = values
        depth = ListValue.depth(holding: values)
    }

    /// The value of a field, trying position `hint` first (where the field was the last time this place in the
    /// code read it): one key compared instead of a scan. The hint is updated.
    @inline(__always) func value(of key: String, hint: FieldHint) -> Value? {
        guard let i = table.position(of: key, hint: hint.position) else { return nil }
        hint.position = i
        return values[i]
    }

    /// The value of field `key` of the record held at `place` (nil when `place` holds no record, or one without
    /// the field), found as `value(of:hint:)` finds it. The record is moved out of its place while it is read and
    /// moved back, which counts no reference to its keys or values (a copy of the record counted two).
    @inline(__always) static func field(in place: UnsafeMutablePointer<Value>, _ key: String, hint: FieldHint) -> Value? {
        guard case .record = place.pointee else { return nil }
        guard case .record(let r) = place.move() else { preconditionFailure("the variable changed while it was read") }
        let v = r.value(of: key, hint: hint)
        place.initialize(to: .record(consume r))
        return v
    }

    /// Sets an existing field through a hint as `value(of:hint:)`; false (changing nothing) when there is none.
    @inline(__always) mutating func set(_ key: String, to v: Value, hint: FieldHint) -> Bool {
        guard let i = table.position(of: key, hint: hint.position) else { return false }
        hint.position = i
        holds(v)
        values[i] = v  // the keys do not change: the table stays shared
        return true
    }

    /// The value of field `key` moved out of the record, nil left in its place, for a change that puts it back;
    /// nil when there is no such field.
    mutating func moveOut(_ key: String) -> Value? {
        guard let i = table.position(of: key) else { return nil }
        var moved = Value.nil
        swap(&moved, &values[i])
        return moved
    }

    /// The fields as pairs.
    public var fields: [(String, Value)] { Array(zip(keys, values)) }

    /// The table, copied first if another record shares it.
    private mutating func uniqueTable() -> KeyTable {
        if !isKnownUniquelyReferenced(&table) { table = KeyTable(copying: table) }
        return table
    }
}

/// Where a field was found the last time one place in the code read or set it: a guess checked by comparing one
/// key. Shared by the threads of a `repeat` (the nodes are), hence atomic; a stale guess only costs the scan.
final class FieldHint: @unchecked Sendable {
    private let stored = Atomic<Int>(0)
    var position: Int {
        get { stored.load(ordering: .relaxed) }
        set { stored.store(newValue, ordering: .relaxed) }
    }
}

/// The ordered keys of a record and, past `indexThreshold` keys, an index from key to position. Changed only
/// through a record that holds the only reference (see `Record.uniqueTable`), so sharing it is safe.
final class KeyTable: @unchecked Sendable {
    /// Tables with at most this many keys find one by a linear scan, which is faster than hashing for a few.
    static let indexThreshold = 16
    /// The table of every empty record (copied on the first key added).
    static let empty = KeyTable([])

    private(set) var keys: [String]
    private(set) var index: KeyIndex?

    init(_ keys: [String]) {
        self.keys = keys
        if keys.count > Self.indexThreshold { buildIndex() }
    }

    init(copying other: KeyTable) {
        keys = other.keys
        index = other.index
    }

    func position(of key: String) -> Int? {
        if let index { return index.find(key, hash: KeyIndex.hash(key), in: keys) }
        return keys.firstIndex(of: key)
    }

    /// `position(of:)`, trying `hint` first. (With a repeated key, which records never make, the hint may name a
    /// later one; a literal with a repeated key is refused before it runs.)
    @inline(__always) func position(of key: String, hint: Int) -> Int? {
        if hint < keys.count, keys[hint] == key { return hint }
        return position(of: key)
    }

    /// Adds a key that is not in the table yet.
    func append(_ key: String) {
        keys.append(key)
        if index != nil {
            index!.insert(hash: KeyIndex.hash(key), position: keys.count - 1)
        } else if keys.count > Self.indexThreshold {
            buildIndex()
        }
    }

    func remove(at i: Int) {
        keys.remove(at: i)
        if index != nil { buildIndex() }
    }

    /// Builds the index; with a repeated key (which records never make) the first one wins, as in the linear scan.
    private func buildIndex() {
        var built = KeyIndex(capacity: keys.count)
        for (i, k) in keys.enumerated() {
            let h = KeyIndex.hash(k)
            if built.find(k, hash: h, in: keys) == nil { built.insert(hash: h, position: i) }
        }
        index = built
    }
}

/// A hash index of positions in an array of keys: open addressing with linear probing, at most half full.
///
/// A slot holds the key's position + 1 in its low 32 bits (0 is an empty slot) and 32 bits of the key's hash in
/// its high 32 bits. The stored hash places the slot when the table grows, so growing never hashes or reads a key
/// again (Swift's `Dictionary` rehashes every key, which dominated adding a million keys), and a probe compares
/// keys only when the stored hash matches. Eight bytes a slot, where a `[String: Int]` takes 24.
struct KeyIndex: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private var count = 0

    /// An empty index with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var size = 32
        while size < 2 * capacity { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The 32 bits of a key's hash that the index stores and probes from.
    @inline(__always) static func hash(_ key: String) -> UInt32 { UInt32(truncatingIfNeeded: key.hashValue) }

    /// The position of `key` (whose hash is `hash`) in `keys`, or nil when it is not indexed.
    func find(_ key: String, hash: UInt32, in keys: [String]) -> Int? {
        var i = Int(hash) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let position = Int(UInt32(truncatingIfNeeded: slot)) - 1
                if keys[position] == key { return position }
            }
            i = (i + 1) & mask
        }
    }

    /// Indexes a key that is not indexed yet.
    mutating func insert(hash: UInt32, position: Int) {
        if 2 * (count + 1) > slots.count { grow() }
        place(UInt64(hash) << 32 | UInt64(position + 1))
        count += 1
    }

    private mutating func place(_ slot: UInt64) {
        var i = Int(UInt32(truncatingIfNeeded: slot >> 32)) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    /// Doubles the table, placing each slot by its stored hash.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: 2 * old.count)
        mask = slots.count - 1
        for slot in old where slot != 0 { place(slot) }
    }
}

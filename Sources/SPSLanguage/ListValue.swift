/// The elements of a list, stored by what they hold.
///
/// A list whose elements are all numbers keeps them as `Double`s (8 bytes each, nothing to count when the list is
/// copied or freed) and one whose elements are all booleans as `Bool`s (1 byte each); any other list keeps
/// `Value`s (24 bytes each). An empty list takes the storage of the first element appended to it, and a typed list
/// that gets an element of another type turns into a list of values, once. The storage is invisible to the
/// language: lists index, compare, print and copy the same whatever they hold (PyPy calls these list strategies).
/// It matters for speed: a sieve over two million flags reads and writes 2 MB instead of 48 MB.
///
/// `ListValue` is a random-access, mutable, range-replaceable collection of `Value`, so code written for `[Value]`
/// reads and changes it the same way; `values` gives the elements as an array.
public struct ListValue: Sendable {
    /// The elements, by what they hold.
    enum Storage: Sendable {
        case values([Value])
        case numbers([Double])
        case bools([Bool])
        /// Only while a mutation has moved the array out (so that it has one owner and changes in place).
        case moved
    }

    private(set) var storage: Storage

    /// At least as deep as the list nests (1 for a list that holds no list or record): kept up to date as elements
    /// are added or set, so that putting the list inside another asks no walk (see `Limits.checkNesting`). An
    /// element set to a shallower value leaves it as it was, a bound rather than the depth.
    public private(set) var depth: UInt32

    /// An empty list.
    public init() {
        storage = .values([])
        depth = 1
    }

    /// A list of these values, stored as values (see `classified` for a list that picks its storage).
    public init(_ values: [Value]) {
        storage = .values(values)
        depth = ListValue.depth(holding: values)
    }

    /// A list of these values with a known bound on its depth (see `depth`).
    init(_ values: [Value], depth: UInt32) {
        storage = .values(values)
        self.depth = depth
    }

    /// A list of numbers.
    public init(numbers: [Double]) {
        storage = .numbers(numbers)
        depth = 1
    }

    /// A list of booleans.
    public init(bools: [Bool]) {
        storage = .bools(bools)
        depth = 1
    }

    /// The depth of a container holding `values`: one more than the deepest of them.
    static func depth(holding values: some Collection<Value>) -> UInt32 {
        var deepest: UInt32 = 0
        for v in values { deepest = Swift.max(deepest, v.nestingBound) }
        return ListValue.deeper(deepest)
    }

    /// One level more than `depth`, saturating.
    @inline(__always) static func deeper(_ depth: UInt32) -> UInt32 {
        depth == .max ? .max : depth + 1
    }

    /// Notes that `v` is now an element.
    @inline(__always) mutating func holds(_ v: Value) {
        let d = v.nestingBound
        if d >= depth { depth = ListValue.deeper(d) }
    }

    /// A list holding `first`, in the storage its type asks for, with room for `capacity` elements.
    public init(first: Value, capacity: Int) {
        switch first {
        case .number(let x):
            var a: [Double] = []
            a.reserveCapacity(capacity)
            a.append(x)
            storage = .numbers(a)
        case .bool(let b):
            var a: [Bool] = []
            a.reserveCapacity(capacity)
            a.append(b)
            storage = .bools(a)
        default:
            depth = ListValue.deeper(first.nestingBound)
            var a: [Value] = []
            a.reserveCapacity(capacity)
            a.append(first)  // its last use: moved, not copied
            storage = .values(a)
            return
        }
        depth = 1
    }

    /// What `body` makes of the list held at `place` (nil when `place` holds no list). The list is moved out of its
    /// place while `body` reads it and moved back, which counts no reference to its storage (reading it where it
    /// lies counted two: the pointer could alias whatever `body` does).
    @inline(__always) static func reading<R>(in place: UnsafeMutablePointer<Value>, _ body: (ListValue) -> R?) -> R? {
        guard case .list = place.pointee else { return nil }
        guard case .list(let xs) = place.move() else { preconditionFailure("the variable changed while it was read") }
        let r = body(xs)
        place.initialize(to: .list(consume xs))
        return r
    }

    /// `Value.isPlainlyNil` of the element at `position` (which must be valid), without copying it.
    func isPlainlyNil(at position: Int) -> Bool? {
        switch storage {
        case .values(let a):
            // Read where it lies: `a[position]` would copy the element (and count a reference to what it holds).
            return a.withUnsafeBufferPointer { b in
                precondition(b.indices.contains(position))
                let p = b.baseAddress! + position
                if case .nil = p.pointee { return true }
                if case .native = p.pointee { return nil }
                return false
            }
        case .numbers, .bools: return false
        case .moved: return nil
        }
    }

    /// The number at `position` when it holds one (nil for another value); the position must be valid.
    public func number(at position: Int) -> Double? {
        switch storage {
        case .numbers(let a): return a[position]
        case .values(let a):
            return a.withUnsafeBufferPointer { b in
                precondition(b.indices.contains(position))
                if case .number(let x) = (b.baseAddress! + position).pointee { return x } else { return nil }
            }
        case .bools, .moved: return nil
        }
    }

    /// A list of these values in the most compact storage that holds them all.
    public static func classified(_ values: [Value]) -> ListValue {
        guard let first = values.first else { return ListValue() }
        switch first {
        case .number: return unboxed(values, \.number).map { ListValue(numbers: $0) } ?? ListValue(values)
        case .bool: return unboxed(values, \.boolean).map { ListValue(bools: $0) } ?? ListValue(values)
        default: return ListValue(values)
        }
    }

    /// The elements' payloads when every one of them has one (all numbers, or all booleans); nil otherwise.
    static func unboxed<T>(_ values: some Collection<Value>, _ payload: (Value) -> T?) -> [T]? {
        var out: [T] = []
        out.reserveCapacity(values.count)
        for v in values {
            guard let x = payload(v) else { return nil }
            out.append(x)
        }
        return out
    }

    /// The elements as an array of values (made for a list of numbers or booleans).
    public var values: [Value] {
        switch storage {
        case .values(let a): return a
        case .numbers(let a): return a.map { .number($0) }
        case .bools(let a): return a.map { .bool($0) }
        case .moved: preconditionFailure("a list was read while it changed")
        }
    }

    /// The numbers, when the list holds only numbers in number storage.
    public var numbers: [Double]? { if case .numbers(let a) = storage { a } else { nil } }

    /// The array of values when the list is stored as values; nil for a list of numbers or booleans, which holds
    /// no list, record or closure (so walks looking for nested containers or cycles skip it).
    public var storedValues: [Value]? { if case .values(let a) = storage { a } else { nil } }

    /// How many elements the storage holds room for.
    public var capacity: Int {
        switch storage {
        case .values(let a): a.capacity
        case .numbers(let a): a.capacity
        case .bools(let a): a.capacity
        case .moved: 0
        }
    }

    /// The address of the storage's elements (nil when there is none): two lists with the same address and count
    /// are the same list.
    public var identity: UnsafeRawPointer? {
        switch storage {
        case .values(let a): a.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
        case .numbers(let a): a.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
        case .bools(let a): a.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
        case .moved: nil
        }
    }

    /// True when both lists are the same storage (the same elements, shared, not equal by comparison).
    public func sharesStorage(with other: ListValue) -> Bool {
        count == other.count && identity == other.identity
    }

    /// Moves the storage out, leaving `.moved` until it is put back.
    @inline(__always) mutating func take() -> Storage {
        var s = Storage.moved
        swap(&s, &storage)
        return s
    }

    /// Element `position` (a valid one) moved out of a list of values, nil left in its place, for a change that
    /// puts it back; nil for a list of numbers or booleans, whose elements cost nothing to copy.
    mutating func moveOut(_ position: Int) -> Value? {
        guard case .values = storage else { return nil }
        guard case .values(var a) = take() else { preconditionFailure("a list was read while it changed") }
        var moved = Value.nil
        swap(&moved, &a[position])
        storage = .values(a)
        return moved
    }

    /// Turns the storage into values (a typed list that gets an element of another type).
    mutating func generalize() {
        switch take() {
        case .values(let a): storage = .values(a)
        case .numbers(let a): storage = .values(a.map { .number($0) })
        case .bools(let a): storage = .values(a.map { .bool($0) })
        case .moved: preconditionFailure("a list was changed while it changed")
        }
    }

    /// Changes the values in place, turning a typed list into a list of values first.
    @inline(__always) mutating func modifyValues<R>(_ body: (inout [Value]) throws -> R) rethrows -> R {
        if case .values = storage {} else { generalize() }
        guard case .values(var a) = take() else { preconditionFailure("a list lost its values") }
        defer { storage = .values(a) }
        return try body(&a)
    }
}

extension ListValue: RandomAccessCollection, MutableCollection {
    public typealias Index = Int
    public typealias Element = Value

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .values(let a): return a.count
        case .numbers(let a): return a.count
        case .bools(let a): return a.count
        case .moved: preconditionFailure("a list was read while it changed")
        }
    }

    public var count: Int { endIndex }

    public var isEmpty: Bool { endIndex == 0 }

    public func index(after i: Int) -> Int { i + 1 }

    public func index(before i: Int) -> Int { i - 1 }

    public subscript(position: Int) -> Value {
        get {
            switch storage {
            case .values(let a): return a[position]
            case .numbers(let a): return .number(a[position])
            case .bools(let a): return .bool(a[position])
            case .moved: preconditionFailure("a list was read while it changed")
            }
        }
        set { set(position, to: newValue) }
        _modify {
            // In place for a list of values; a typed list yields a copy of the element and stores it back.
            if case .values = storage {
                guard case .values(var a) = take() else { preconditionFailure() }
                defer {
                    holds(a[position])
                    storage = .values(a)
                }
                yield &a[position]
            } else {
                var v = self[position]
                defer { set(position, to: v) }
                yield &v
            }
        }
    }

    /// Sets an element to a number (in place for a list of numbers).
    @inline(__always) mutating func setNumber(_ position: Int, _ x: Double) {
        guard case .numbers = storage else { return set(position, to: .number(x)) }
        guard case .numbers(var a) = take() else { preconditionFailure() }
        a[position] = x
        storage = .numbers(a)
    }

    /// Sets an element, keeping the storage when the value fits it.
    public mutating func set(_ position: Int, to v: Value) {
        switch storage {
        case .values:
            holds(v)
            guard case .values(var a) = take() else { preconditionFailure() }
            a[position] = v
            storage = .values(a)
            return
        case .numbers:
            if case .number(let x) = v {
                guard case .numbers(var a) = take() else { preconditionFailure() }
                a[position] = x
                storage = .numbers(a)
                return
            }
        case .bools:
            if case .bool(let b) = v {
                guard case .bools(var a) = take() else { preconditionFailure() }
                a[position] = b
                storage = .bools(a)
                return
            }
        case .moved: preconditionFailure("a list was changed while it changed")
        }
        holds(v)
        modifyValues { $0[position] = v }
    }
}

extension ListValue: RangeReplaceableCollection {
    /// Appends an element, keeping the storage when the value fits it (an empty list takes the value's).
    public mutating func append(_ v: Value) {
        switch storage {
        case .values:
            if isEmpty {
                if case .number(let x) = v { storage = .numbers([x]); return }
                if case .bool(let b) = v { storage = .bools([b]); return }
            }
            holds(v)
            guard case .values(var a) = take() else { preconditionFailure() }
            a.append(v)
            storage = .values(a)
            return
        case .numbers:
            if case .number(let x) = v {
                guard case .numbers(var a) = take() else { preconditionFailure() }
                a.append(x)
                storage = .numbers(a)
                return
            }
        case .bools:
            if case .bool(let b) = v {
                guard case .bools(var a) = take() else { preconditionFailure() }
                a.append(b)
                storage = .bools(a)
                return
            }
        case .moved: preconditionFailure("a list was changed while it changed")
        }
        holds(v)
        modifyValues { $0.append(v) }
    }

    public mutating func append<S: Sequence>(contentsOf newElements: S) where S.Element == Value {
        for v in newElements { append(v) }
    }

    public mutating func reserveCapacity(_ n: Int) {
        switch take() {
        case .values(var a): a.reserveCapacity(n); storage = .values(a)
        case .numbers(var a): a.reserveCapacity(n); storage = .numbers(a)
        case .bools(var a): a.reserveCapacity(n); storage = .bools(a)
        case .moved: preconditionFailure("a list was changed while it changed")
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with newElements: C) where C.Element == Value {
        switch storage {
        case .numbers:
            if let xs = ListValue.unboxed(newElements, \.number), case .numbers(var a) = take() {
                a.replaceSubrange(range, with: xs)
                storage = .numbers(a)
                return
            }
        case .bools:
            if let bs = ListValue.unboxed(newElements, \.boolean), case .bools(var a) = take() {
                a.replaceSubrange(range, with: bs)
                storage = .bools(a)
                return
            }
        case .values, .moved: break
        }
        let d = ListValue.depth(holding: newElements)
        if d > depth { depth = d }
        modifyValues { $0.replaceSubrange(range, with: newElements) }
    }

    @discardableResult public mutating func removeLast() -> Value {
        let v = self[count - 1]
        switch take() {
        case .values(var a): a.removeLast(); storage = .values(a)
        case .numbers(var a): a.removeLast(); storage = .numbers(a)
        case .bools(var a): a.removeLast(); storage = .bools(a)
        case .moved: preconditionFailure("a list was changed while it changed")
        }
        return v
    }
}

extension ListValue: ExpressibleByArrayLiteral {
    /// A list of the literal's values, stored as values.
    public init(arrayLiteral elements: Value...) { self.init(elements) }
}

extension Value {
    /// A list of these values (stored as values; `ListValue.classified` picks a typed storage).
    public static func list(_ values: [Value]) -> Value { .list(ListValue(values)) }
}

import Synchronization
import SPSNumeric

/// Every live captured variable (`Cell`) of one session and of its isolated `repeat` copies: where the cycle
/// collector starts looking for garbage.
///
/// Reference counting frees everything except cycles, and in this language every cycle passes through a cell: a
/// closure holds its captured cells, and a cell can hold the closure (or a list or record holding it), as in
/// `def pair { v = 0; def set x { v = p }; [set] }`. Lists and records are values and cannot contain themselves.
/// So the cells are the only objects the collector needs to know; cells add and remove themselves here.
public final class CellRegistry: Sendable {
    /// A cell's address, unretained: the cell removes itself before it is freed.
    private struct Entry: @unchecked Sendable {
        let cell: Unmanaged<Cell>
    }
    private struct State: ~Copyable {
        var cells: [Entry] = []
    }
    private let state = Locked(State())
    private let live = Atomic<Int>(0)

    /// An empty registry.
    public init() {}

    /// How many cells are alive.
    public var count: Int { live.load(ordering: .relaxed) }

    func add(_ cell: Cell) {
        let entry = Entry(cell: Unmanaged.passUnretained(cell))
        state.withLock { state in
            entry.cell._withUnsafeGuaranteedRef { $0.registrySlot = state.cells.count }
            state.cells.append(entry)
        }
        live.add(1, ordering: .relaxed)
    }

    func remove(_ cell: Cell) {
        state.withLock { state in
            let slot = cell.registrySlot
            let last = state.cells.removeLast()
            if slot < state.cells.count {
                state.cells[slot] = last
                last.cell._withUnsafeGuaranteedRef { $0.registrySlot = slot }
            }
        }
        live.subtract(1, ordering: .relaxed)
    }

    /// The cells' addresses, unretained: valid while no cell is freed (the collector runs on the only thread
    /// that uses the session, see `CycleCollector`).
    func snapshot() -> [UnsafeMutableRawPointer] {
        state.withLock { state in state.cells.map { $0.cell.toOpaque() } }
    }
}

/// The strong reference count of a Swift object (the runtime's own count, without the retain a call would add).
@_silgen_name("swift_retainCount")
private func swiftRetainCount(_ object: UnsafeMutableRawPointer) -> Int

/// Finds cells that only garbage refers to and empties them, which frees the cycles they were part of.
///
/// The method is trial deletion, as in CPython's collector. Starting from every registered cell it builds the graph
/// of what the cells hold: closures, the cells they captured, and the arrays inside lists and records. For
/// each object it subtracts the references found inside this graph from the object's reference count. Whatever
/// keeps a positive count is referred to from outside (a global, a local variable of a running call, a model or
/// loop holding a block, the host), so it and everything it reaches stays. The rest is unreachable: its cells are
/// emptied. Nothing needs to list roots, so an owner the collector does not know about can only keep garbage alive,
/// never lose a live value.
///
/// It must run on the thread that uses the session while nothing else touches the session's values (the
/// interpreter runs it at a checkpoint, never inside a `repeat` run, and when it is destroyed).
struct CycleCollector {
    private enum Kind { case cell, closure, valueArray }

    private var nodeOf = AddressTable()
    /// Nodes 0..<registeredCells are the registry's cells, each at its `registrySlot`.
    private var registeredCells = 0
    private var addresses: [UnsafeMutableRawPointer] = []
    private var kinds: [Kind] = []
    /// The references between nodes, one entry per reference: `edgeFrom[i]` refers to `edgeTo[i]`.
    private var edgeFrom: [Int32] = []
    private var edgeTo: [Int32] = []
    /// Cells and closures discovered but not yet looked into, by node. Unretained: nothing is freed while the graph
    /// is built.
    private var pendingCells: [Int] = []
    private var pendingClosures: [Int] = []
    /// Arrays discovered but not yet looked into (held only until the graph is built).
    private var pendingArrays: [(node: Int, values: [Value])] = []

    /// Empties the cells of unreachable cycles among `registry`'s cells; returns how many it emptied.
    static func collect(_ registry: CellRegistry) -> Int {
        var collector = CycleCollector()
        collector.buildGraph(from: registry.snapshot())
        guard let garbage = collector.unreachableCells() else { return 0 }
        // Hold every doomed cell before emptying any: emptying one may free a closure whose cells are also doomed.
        let doomed = garbage.map { Unmanaged<Cell>.fromOpaque($0).takeUnretainedValue() }
        for cell in doomed { cell.value = .nil }
        return doomed.count
    }

    private mutating func node(_ address: UnsafeMutableRawPointer, _ kind: Kind) -> (Int, isNew: Bool) {
        // A registered cell is node number `registrySlot` (the snapshot's order): no hashing needed.
        if kind == .cell {
            let slot = Unmanaged<Cell>.fromOpaque(address)._withUnsafeGuaranteedRef { $0.registrySlot }
            if slot >= 0 && slot < registeredCells && addresses[slot] == address { return (slot, false) }
        }
        let (n, isNew) = nodeOf.index(of: address, next: addresses.count)
        if isNew {
            addresses.append(address)
            kinds.append(kind)
            switch kind {
            case .cell: pendingCells.append(n)
            case .closure: pendingClosures.append(n)
            case .valueArray: break
            }
        }
        return (n, isNew)
    }

    private mutating func addEdge(from: Int, to: Int) {
        edgeFrom.append(Int32(truncatingIfNeeded: from))
        edgeTo.append(Int32(truncatingIfNeeded: to))
    }

    private mutating func buildGraph(from cells: [UnsafeMutableRawPointer]) {
        nodeOf.reserve(cells.count * 4)
        addresses.reserveCapacity(cells.count * 4)
        kinds.reserveCapacity(cells.count * 4)
        edgeFrom.reserveCapacity(cells.count * 4)
        edgeTo.reserveCapacity(cells.count * 4)
        addresses.append(contentsOf: cells)
        kinds.append(contentsOf: repeatElement(.cell, count: cells.count))
        pendingCells.append(contentsOf: cells.indices)
        registeredCells = cells.count
        while true {
            if let from = pendingCells.popLast() {
                Unmanaged<Cell>.fromOpaque(addresses[from])._withUnsafeGuaranteedRef { cell in
                    addEdge(from: from, to: cell.value)
                }
            } else if let from = pendingClosures.popLast() {
                Unmanaged<Closure>.fromOpaque(addresses[from])._withUnsafeGuaranteedRef { closure in
                    addUpvalueEdges(from: from, closure.capturedCells)
                }
            } else if let (array, values) = pendingArrays.popLast() {
                for value in values { addEdge(from: array, to: value) }
            } else {
                break
            }
        }
    }

    /// Records a closure's references to the cells it captured (it owns that memory alone, see `Closure`).
    private mutating func addUpvalueEdges(from closure: Int, _ cells: UnsafeBufferPointer<Cell>) {
        for cell in cells {
            addEdge(from: closure, to: node(Unmanaged.passUnretained(cell).toOpaque(), .cell).0)
        }
    }

    /// Records the reference `value` holds (if it is to a closure, or to a list's or record's array) as an edge.
    private mutating func addEdge(from: Int, to value: Value) {
        switch value {
        case .closure(let closure):
            addEdge(from: from, to: node(Unmanaged.passUnretained(closure).toOpaque(), .closure).0)
        case .list(let items):
            if let values = items.storedValues { addArrayEdge(from: from, values) }
        case .record(let record):
            addArrayEdge(from: from, record.values)
        default:
            break  // numbers, strings, tensors hold no values; commands and native objects are opaque owners
        }
    }

    private mutating func addArrayEdge(from: Int, _ values: [Value]) {
        guard values.contains(where: CycleCollector.mayReachCell) else { return }  // cannot be part of a cycle
        let (array, isNew) = node(CycleCollector.address(of: values), .valueArray)
        addEdge(from: from, to: array)
        if isNew { pendingArrays.append((array, values)) }
    }

    /// False for values that can hold no reference to a cell.
    private static func mayReachCell(_ value: Value) -> Bool {
        switch value {
        case .closure, .list, .record: return true
        default: return false
        }
    }

    /// The heap object holding an array's elements (its identity; several array values may share it).
    private static func address<T>(of array: [T]) -> UnsafeMutableRawPointer {
        unsafeBitCast(array, to: UnsafeMutableRawPointer.self)
    }

    /// The cells nothing outside the graph reaches, or nil if the counts do not add up (then nothing is touched).
    private func unreachableCells() -> [UnsafeMutableRawPointer]? {
        var external = addresses.map { swiftRetainCount($0) }
        for t in edgeTo { external[Int(t)] -= 1 }
        // A negative count would mean a reference counted here that the runtime does not hold: collect nothing.
        if external.contains(where: { $0 < 0 }) { return nil }
        // The edges grouped by source node (a counting sort), to walk from what is reached.
        var first = [Int](repeating: 0, count: addresses.count + 1)
        for f in edgeFrom { first[Int(f) + 1] += 1 }
        for n in addresses.indices { first[n + 1] += first[n] }
        var targets = [Int32](repeating: 0, count: edgeTo.count)
        var next = first
        for (f, t) in zip(edgeFrom, edgeTo) {
            targets[next[Int(f)]] = t
            next[Int(f)] += 1
        }
        var reached = external.map { $0 > 0 }
        var stack = reached.indices.filter { reached[$0] }
        while let n = stack.popLast() {
            for t in targets[first[n]..<first[n + 1]] where !reached[Int(t)] {
                reached[Int(t)] = true
                stack.append(Int(t))
            }
        }
        return addresses.indices.compactMap { kinds[$0] == .cell && !reached[$0] ? addresses[$0] : nil }
    }
}

/// A hash table from object addresses to node numbers (open addressing; much cheaper than hashing pointers with
/// `Hasher` for the collector's tens of thousands of lookups).
private struct AddressTable {
    private var keys: [UInt] = []
    private var values: [Int32] = []
    private var count = 0
    private var shift = 64

    /// Makes room for `capacity` entries without growing.
    mutating func reserve(_ capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        if size > keys.count { rehash(size) }
    }

    /// The number stored for `address`, or `next` stored as its number if it has none yet.
    mutating func index(of address: UnsafeMutableRawPointer, next: Int) -> (Int, isNew: Bool) {
        if (count + 1) * 2 > keys.count { rehash(max(16, keys.count * 2)) }
        let key = UInt(bitPattern: address)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt(shift))
        while true {
            let k = keys[slot]
            if k == key { return (Int(values[slot]), false) }
            if k == 0 {
                keys[slot] = key
                values[slot] = Int32(truncatingIfNeeded: next)
                count += 1
                return (next, true)
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rehash(_ size: Int) {
        let oldKeys = keys, oldValues = values
        keys = [UInt](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        shift = 64 - size.trailingZeroBitCount
        let mask = size - 1
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> UInt(shift))
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            values[slot] = v
        }
    }
}

import Synchronization

/// A compiled `def`, block or top-level chunk: everything needed to make a call frame.
public final class FunctionProto: @unchecked Sendable {
    /// What kind of code this is.
    public enum Kind: Sendable { case def, block, chunk }
    /// Where a closure's captured cell comes from when it is created.
    enum CaptureSource { case cell(Int), upvalue(Int) }

    /// The name (`def` name, `block`, or `<chunk>`).
    public let name: String
    /// The kind.
    public let kind: Kind
    /// Parameter names in order.
    public let parameterNames: [String]
    /// `parameterNames.count`, read by calls without touching the shared array.
    public let parameterCount: Int
    /// The comment above the `def`, if any.
    public let doc: String?
    /// Where the definition is.
    public let location: SourceLocation
    var defaults: [ExprNode?] = []
    var parameterCells: [Int?] = []
    var localCount = 0
    var cellCount = 0
    var captures: [CaptureSource] = []
    var body: [StmtNode] = [] {
        didSet {
            // A body that ends in `return e` (or in an expression `e`, its value) runs the statements before it,
            // then evaluates `e` for the call's value, which then comes back as a function result instead of through
            // the interpreter's return slot.
            var run = body[...]
            finalReturn = nil
            if let last = body.last as? ReturnNode, let value = last.value {
                run = run.dropLast()
                finalReturn = Unmanaged.passUnretained(value)
            } else if let last = body.last as? ImplicitReturn {
                run = run.dropLast()
                finalReturn = Unmanaged.passUnretained(last.expr)
            }
            // Likewise a first statement `if c { return e }` (a recursion's base case): `c` is tested, and `e`
            // evaluated when it holds, before the other statements run.
            guardReturn = nil
            if let first = run.first as? IfNode, first.otherwise.isEmpty, first.then.count == 1,
               let ret = first.then[0] as? ReturnNode, let value = ret.value {
                run = run.dropFirst()
                guardReturn = GuardReturn(condition: Unmanaged.passUnretained(first.condition), value: Unmanaged.passUnretained(value))
            }
            bodyNodes.deallocate()
            bodyNodes = .allocate(capacity: run.count)
            for (i, node) in run.enumerated() { (bodyNodes.baseAddress! + i).initialize(to: Unmanaged.passUnretained(node)) }
        }
    }
    /// The body's nodes, not retained (`body` keeps them): what a call runs, read without counting references to a
    /// proto's array, which the runs of a `repeat` share (their threads would contend for its cache line). Without
    /// the final `return e`, whose `e` is `finalReturn`.
    private(set) var bodyNodes = UnsafeMutableBufferPointer<Unmanaged<StmtNode>>.allocate(capacity: 0)
    /// The value of the body's final `return e` or final expression (not retained: `body` keeps it), evaluated
    /// when the other statements end without returning.
    private(set) var finalReturn: Unmanaged<ExprNode>?
    /// The body's first statement when it is `if c { return e }`, which `bodyNodes` then leaves out.
    private(set) var guardReturn: GuardReturn?

    /// `if condition { return value }`, its expressions not retained (the body keeps them).
    struct GuardReturn {
        let condition: Unmanaged<ExprNode>
        let value: Unmanaged<ExprNode>
    }
    var topLocals: [(String, LocalLocation)] = []
    /// The statements at the top level of the body, in order (empty for a chunk): what a command that reads a block
    /// as a list of definitions (`scm`) needs to know about it, without looking at its source text.
    public internal(set) var topStatements: [TopStatement] = []

    /// A statement at the top level of a def or block body.
    public struct TopStatement: Sendable {
        /// What the statement does.
        public enum Kind: Sendable, Equatable {
            /// `name = …` or `name op= …`.
            case assignment
            /// `def name … { … }`.
            case def
            /// Anything else (an expression, `if`, `for`, an assignment to a member or an index, …).
            case other
        }
        /// What the statement does.
        public let kind: Kind
        /// The variable it defines: `x` for `x = …`, `x += …` and `def x …`; nil for other statements.
        public let name: String?
        /// Where the statement starts.
        public let location: SourceLocation
        /// The byte offset just past the statement's source text.
        public let end: Int
        /// The statement as parsed: what a command that reads the block as a model (`scm`'s causal graph) needs
        /// to know about which names each statement reads.
        public let syntax: Stmt
        /// Where the variable `name` lives when the body runs: a local of the body, or a variable outside it that
        /// the statement rebinds (an enclosing def's or block's, or a global).
        let storage: Resolution?

        /// True when `offset` (in the same file) lies within the statement's source text.
        public func contains(_ offset: Int) -> Bool { location.offset <= offset && offset <= end }
    }

    init(name: String, kind: Kind, parameterNames: [String], doc: String?, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.parameterNames = parameterNames
        self.parameterCount = parameterNames.count
        self.doc = doc
        self.location = location
    }

    deinit { bodyNodes.deallocate() }

    /// `def name a b k=1`, or `<block>`.
    public var signature: String {
        switch kind {
        case .block: return "<block>"
        case .chunk: return "<script>"
        case .def:
            var parts = ["def", name]
            for (i, p) in parameterNames.enumerated() {
                parts.append(defaults[i] == nil ? p : "\(p)=…")
            }
            return "<" + parts.joined(separator: " ") + ">"
        }
    }
}

// MARK: - A block read as definitions

extension Interpreter {
    /// Runs a block for the variables it defines (how `scm` reads its model): every variable assigned (or `def`
    /// defined) at the block's top level, once each in order of first definition, with its value when the block
    /// ends.
    ///
    /// Those names are the block's own, whatever exists outside it: a top-level assignment that rebinds a
    /// variable of an enclosing def or block, or a global, still defines the block's variable. While the block
    /// runs, such an outer variable starts out nil (a global that was never set stays unknown); when it ends, also
    /// with an error, the outer variable gets its value back. A name whose statement did not run (after a
    /// `return`) is defined as nil.
    public func runDefinitions(_ block: Closure) throws(RuntimeError) -> [(String, Value)] {
        var defined: [(name: String, storage: Resolution)] = []
        for s in block.proto.topStatements {
            if let name = s.name, let storage = s.storage, !defined.contains(where: { $0.name == name }) {
                defined.append((name, storage))
            }
        }
        var savedUpvalues: [(Int, Value)] = []
        var savedGlobals: [(slot: Int, value: Value, defined: Bool, builtin: Bool)] = []
        for (_, storage) in defined {
            switch storage {
            case .upvalue(let u):
                savedUpvalues.append((u, block.upvalues[u].value))
                block.upvalues[u].value = .nil
            case .global(let g):
                savedGlobals.append((g, globals.values[g], globals.defined[g], globals.isBuiltin[g]))
                globals.store(.nil, at: g)
            case .local, .cell:
                break
            }
        }
        defer {
            for (u, value) in savedUpvalues { block.upvalues[u].value = value }
            for saved in savedGlobals {
                globals.store(saved.value, at: saved.slot)
                globals.defined[saved.slot] = saved.defined
                globals.isBuiltin[saved.slot] = saved.builtin
            }
        }
        var values: [(String, Value)] = []
        _ = try invoke(block, [], [], at: nil) { frame in
            for (name, storage) in defined {
                switch storage {
                case .local(let s): values.append((name, frame.fp[s]))
                case .cell(let c): values.append((name, frame.cells[c]?.value ?? .nil))
                case .upvalue(let u): values.append((name, frame.closure.upvalues[u].value))
                case .global(let g): values.append((name, self.globals.values[g]))
                }
            }
        }
        return values
    }
}

/// A variable shared between a frame and the closures that captured it.
///
/// Cells are the only objects that can close a reference cycle, so each one is listed in its session's
/// `CellRegistry` while it lives (see `CycleCollector`).
public final class Cell {
    var value: Value
    let registry: CellRegistry
    /// Where the registry lists this cell (maintained by the registry).
    var registrySlot = 0

    init(_ value: Value, in registry: CellRegistry) {
        self.value = value
        self.registry = registry
        registry.add(self)
    }

    deinit { registry.remove(self) }

    /// Gives the variable the number `x`; over a number, boolean or nil it is written without destroying the old
    /// value (which owns nothing), as `AssignLocal` does in a frame.
    @inline(__always) func setNumber(_ x: Double) {
        if value.ownsNothing {
            withUnsafeMutablePointer(to: &value) { $0.initialize(to: .number(x)) }
        } else {
            value = .number(x)
        }
    }
}

/// A `def` or block together with the variables it captured.
public final class Closure: @unchecked Sendable {
    /// The compiled code.
    public let proto: FunctionProto
    /// The captured cells, in `proto.captures` order. The closure owns this memory alone (no other closure or
    /// array shares it), so the cycle collector can count these references as the closure's own.
    let upvalues: UnsafeMutablePointer<Cell>
    /// How many cells `upvalues` holds.
    let upvalueCount: Int
    /// Where closures that capture nothing point (never read).
    nonisolated(unsafe) static let noCells = UnsafeMutablePointer<Cell>.allocate(capacity: 1)

    /// A closure capturing copies of the references in `cells`.
    init(proto: FunctionProto, upvalues cells: [Cell]) {
        self.proto = proto
        upvalueCount = cells.count
        if cells.isEmpty {
            upvalues = Closure.noCells
        } else {
            upvalues = .allocate(capacity: cells.count)
            upvalues.initialize(from: cells, count: cells.count)
        }
    }

    /// A closure that takes over `count` initialized cells at `cells` (allocated for it; `noCells` when 0).
    init(proto: FunctionProto, adopting cells: UnsafeMutablePointer<Cell>, count: Int) {
        self.proto = proto
        upvalues = cells
        upvalueCount = count
    }

    deinit {
        guard upvalueCount > 0 else { return }
        upvalues.deinitialize(count: upvalueCount)
        upvalues.deallocate()
    }

    /// The captured cells.
    var capturedCells: UnsafeBufferPointer<Cell> { UnsafeBufferPointer(start: upvalues, count: upvalueCount) }

    /// The closure `place` holds, without counting a reference to it (nil for any other value): for a call whose
    /// caller can show that the place keeps holding it until the call returns.
    @inline(__always) static func unretained(in place: UnsafeMutablePointer<Value>) -> Unmanaged<Closure>? {
        if case .closure(let c) = place.pointee { return Unmanaged.passUnretained(c) }
        return nil
    }
}

/// What a statement tells the statement list around it.
enum Flow { case normal, breakLoop, continueLoop, returnValue }

/// The running state a node needs: the interpreter, the current frame's locals, the closure and its cells.
struct Frame {
    unowned(unsafe) let ip: Interpreter
    let fp: UnsafeMutablePointer<Value>
    unowned(unsafe) let closure: Closure
    let cells: UnsafeMutablePointer<Cell?>

    /// Runs `body` with the interpreter, counting no reference to it.
    ///
    /// `let ip = f.ip`, `f.ip.x = …` and even reads of `f.ip.x` count a reference for their duration: two atomic
    /// operations each, on every call, return and global. The session keeps the interpreter alive for as long as a
    /// frame exists, so nothing needs counting.
    @inline(__always) func withInterpreter<R>(_ body: (Interpreter) throws(RuntimeError) -> R) throws(RuntimeError) -> R {
        try Unmanaged.passUnretained(ip).guaranteed(body)
    }

    /// Runs `body` with the running closure's captured cell `i`, counting no reference to the closure or the cell
    /// (see `withInterpreter`): the frame's closure keeps both alive, and a closure's cells never change.
    @inline(__always) func withUpvalue<R>(_ i: Int, _ body: (Cell) throws(RuntimeError) -> R) throws(RuntimeError) -> R {
        try upvalue(i).guaranteed(body)
    }

    /// The running closure's captured cell `i`, not counted (see `withUpvalue`).
    @inline(__always) func upvalue(_ i: Int) -> Unmanaged<Cell> {
        UnsafeRawPointer(Unmanaged.passUnretained(closure)._withUnsafeGuaranteedRef { $0.upvalues } + i)
            .load(as: Unmanaged<Cell>.self)
    }

    /// Makes `v` the value of the `return` being carried out, moving it (no counted reference).
    @inline(__always) func setReturnValue(_ v: consuming Value) {
        let slot = Unmanaged.passUnretained(ip)._withUnsafeGuaranteedRef { $0.returnSlot }
        slot.pointee = v
    }

    /// Where global `slot` lives, when it is defined (the place moves when globals are added), counting no
    /// reference.
    @inline(__always) func definedGlobal(_ slot: Int) -> UnsafeMutablePointer<Value>? {
        Unmanaged.passUnretained(ip)._withUnsafeGuaranteedRef { ip in
            Unmanaged.passUnretained(ip.fastGlobals)._withUnsafeGuaranteedRef { g in g.defined[slot] ? g.values + slot : nil }
        }
    }

    /// The session's globals, for `body`, counting no reference (see `withInterpreter`).
    @inline(__always) func withGlobals<R>(_ body: (Globals) throws(RuntimeError) -> R) throws(RuntimeError) -> R {
        try withInterpreter { ip throws(RuntimeError) in
            try Unmanaged.passUnretained(ip.fastGlobals).guaranteed(body)
        }
    }
}

/// A stop request (Ctrl-C) that running loops and calls check between iterations. Safe to set from any thread.
public final class InterruptFlag: Sendable {
    let flag = Atomic<Bool>(false)
    /// Creates a cleared flag.
    public init() {}
    /// Asks running code to stop at the next safe point.
    public func request() { flag.store(true, ordering: .relaxed) }
    /// Clears the request.
    public func clear() { flag.store(false, ordering: .relaxed) }
    /// True when a stop was requested.
    public var isRequested: Bool { flag.load(ordering: .relaxed) }
}

/// The global variables of a session: values by slot, plus names.
///
/// Compiled code refers to globals by slot, so an isolated copy with the same slots can run the same closures.
public final class Globals {
    var values: UnsafeMutablePointer<Value>
    var defined: [Bool] = []
    var isBuiltin: [Bool] = []
    /// Names in slot order.
    public private(set) var names: [String] = []
    var slots: [String: Int] = [:]
    var declared: Set<String> = []
    var capacity: Int

    // Calls of a closure read from a global (`fib n`) do not count a reference to it: the global holds it. What
    // these keep makes that safe when the global is given another value while the closure runs.
    /// The closures running through such calls, innermost last (unretained).
    private let callees: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// How many entries of `callees` are in use.
    private var calleeCount = 0
    /// Running closures whose global was given another value: kept until no such call is running.
    private var retired: [Value] = []
    /// The most calls through globals that can run at once (the call-depth limit stops deeper ones first).
    static let calleeCapacity = Interpreter.maxCallDepth + 16

    init() {
        capacity = 256
        values = .allocate(capacity: capacity)
        callees = .allocate(capacity: Globals.calleeCapacity)
    }

    deinit {
        values.deinitialize(count: names.count)
        values.deallocate()
        callees.deallocate()
    }

    /// Runs `body` with the closure in global `slot`, counting no reference to it; nil (running nothing) when the
    /// global holds no closure, or too many such calls are running.
    @inline(__always) func withCallee<R>(_ slot: Int, _ body: (Closure) throws(RuntimeError) -> R) throws(RuntimeError) -> R? {
        guard let found = Closure.unretained(in: values + slot), calleeCount < Globals.calleeCapacity else { return nil }
        callees[calleeCount] = found.toOpaque()
        calleeCount += 1
        defer {
            calleeCount -= 1
            if calleeCount == 0 && !retired.isEmpty { retired.removeAll() }
        }
        return try found.guaranteed(body)
    }

    /// Gives global `slot` the value `v` (every assignment of a global goes through here or `modify`).
    @inline(__always) func store(_ v: Value, at slot: Int) {
        if calleeCount > 0 { retireIfRunning(slot) }
        values[slot] = v
    }

    /// Gives `body` in-place access to global `slot`.
    @inline(__always) func modify<R>(_ slot: Int, _ body: (inout Value) throws(RuntimeError) -> R) throws(RuntimeError) -> R {
        if calleeCount > 0 { retireIfRunning(slot) }
        return try body(&values[slot])
    }

    /// Keeps the closure in `slot` alive until the calls through globals end, when one of them is running it.
    private func retireIfRunning(_ slot: Int) {
        guard case .closure(let c) = values[slot] else { return }
        let p = Unmanaged.passUnretained(c).toOpaque()
        for i in 0..<calleeCount where callees[i] == p {
            retired.append(values[slot])
            return
        }
    }

    /// The slot for a name, creating an undefined one if needed.
    func slot(_ name: String) -> Int {
        if let s = slots[name] { return s }
        if names.count == capacity {
            let bigger = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: values, count: names.count)
            values.deallocate()
            values = bigger
            capacity *= 2
        }
        let s = names.count
        (values + s).initialize(to: .nil)
        names.append(name)
        defined.append(false)
        isBuiltin.append(false)
        slots[name] = s
        return s
    }

    /// Sets a global by name.
    func set(_ name: String, _ value: Value, builtin: Bool = false) {
        let s = slot(name)
        store(value, at: s)
        defined[s] = true
        isBuiltin[s] = builtin
        if !builtin { declared.insert(name) }
    }

    /// The value of a defined global.
    func get(_ name: String) -> Value? {
        guard let s = slots[name], defined[s] else { return nil }
        return values[s]
    }

    /// Sets every variable to `nil` (when the session ends), releasing what they held.
    func releaseValues() {
        for i in names.indices { store(.nil, at: i) }
    }

    /// Names of defined globals.
    var definedNames: [String] { names.indices.filter { defined[$0] }.map { names[$0] } }

    /// A copy with the same slots; native objects and closures, also inside lists and records, are copied through
    /// `isolation` (see `Isolation`).
    func isolatedCopy(_ isolation: Isolation) -> Globals {
        let g = Globals()
        for (i, name) in names.enumerated() {
            let s = g.slot(name)
            let v = isBuiltin[i] ? values[i] : isolation.copy(values[i])
            g.values[s] = v
            g.defined[s] = defined[i]
            g.isBuiltin[s] = isBuiltin[i]
        }
        g.declared = declared
        return g
    }
}

extension Unmanaged {
    /// Runs `body` with the object, counting no reference to it (the caller keeps it alive): what
    /// `_withUnsafeGuaranteedRef` does, for a body that throws a `RuntimeError`.
    @inline(__always) func guaranteed<R>(_ body: (Instance) throws(RuntimeError) -> R) throws(RuntimeError) -> R {
        try _withUnsafeGuaranteedRef { x in Result { () throws(RuntimeError) in try body(x) } }.get()
    }
}

// MARK: - A block read as definitions, with interventions

extension Interpreter {
    /// What `runDefinitions(_:statements:seeds:after:)` calls after the last top-level assignment of a name: the
    /// name, the value the statement gave it, and every name defined so far with its value (in order). A value
    /// returned replaces the variable's value for the rest of the block; nil keeps it.
    public typealias AfterDefinition = (_ name: String, _ value: Value, _ defined: [(String, Value)]) throws(RuntimeError) -> Value?

    /// Runs a block for the variables it defines, as `runDefinitions(_:)`, with three changes that let a command
    /// intervene on a model written as a block (how `scm … do={ … }` and counterfactuals run), without rewriting it:
    ///
    /// - `statements`: only the top-level statements at these indices run (all when nil);
    /// - `seeds`: values the block's names start with — a name the block defines starts with its seed instead of
    ///   nil, and a global of that name (what the block reads of a name it does not define, or reads before
    ///   defining it) holds the seed while the block runs; a name never compiled as a global is not seeded there;
    /// - `after`: called after the last top-level assignment of each name, with its value; what it returns
    ///   replaces the value.
    public func runDefinitions(_ block: Closure, statements: Set<Int>? = nil, seeds: [(String, Value)] = [],
                               after: AfterDefinition? = nil) throws(RuntimeError) -> [(String, Value)] {
        let proto = block.proto
        let top = proto.topStatements
        guard top.count == proto.body.count else {
            throw RuntimeError("internal error: the block's outline does not match its body")
        }
        // The storage of each name the block defines, and the statement that assigns it last.
        var storage: [String: Resolution] = [:]
        var lastAssignment: [Int: String] = [:]
        for (i, s) in top.enumerated() where statements?.contains(i) ?? true {
            guard let name = s.name, let r = s.storage else { continue }
            if storage[name] == nil { storage[name] = r }
            if s.kind == .assignment {
                lastAssignment = lastAssignment.filter { $0.value != name }
                lastAssignment[i] = name
            }
        }
        var order: [String] = []
        for s in top { if let n = s.name, storage[n] != nil, !order.contains(n) { order.append(n) } }

        var body: [StmtNode] = []
        let ownSeeds = seeds.filter { storage[$0.0] != nil }
        if !ownSeeds.isEmpty { body.append(SeedNode(ownSeeds.map { ($0.1, storage[$0.0]!) }, proto.location)) }
        for (i, node) in proto.body.enumerated() where statements?.contains(i) ?? true {
            body.append(node)
            if let after, let name = lastAssignment[i], let r = storage[name] {
                let definedSoFar = order.filter { n in top[0...i].contains { $0.name == n } }.compactMap { n in storage[n].map { (n, $0) } }
                body.append(AfterDefinitionNode(name: name, storage: r, defined: definedSoFar, hook: after, top[i].location))
            }
        }
        let derived = FunctionProto(name: proto.name, kind: proto.kind, parameterNames: proto.parameterNames,
                                    doc: proto.doc, location: proto.location)
        derived.defaults = proto.defaults
        derived.parameterCells = proto.parameterCells
        derived.localCount = proto.localCount
        derived.cellCount = proto.cellCount
        derived.captures = proto.captures
        derived.body = body
        derived.topLocals = proto.topLocals
        derived.topStatements = top.enumerated().compactMap { i, s in
            (statements?.contains(i) ?? true) ? s : nil
        }
        // The derived body has seeds and hooks between the statements: keep the outline aligned for errors only
        // through `topStatements`' locations (runDefinitions reads names and storage, not indices).
        let cells = (0..<block.upvalueCount).map { block.upvalues[$0] }
        let closure = Closure(proto: derived, upvalues: cells)

        // Globals the block only reads hold their seeds while it runs.
        var saved: [(slot: Int, value: Value, defined: Bool)] = []
        // (A name the block defines may also be read before its assignment, which reads the global of that name.)
        for (name, value) in seeds {
            guard let g = globals.slots[name] else { continue }
            saved.append((g, globals.values[g], globals.defined[g]))
            globals.store(value, at: g)
            globals.defined[g] = true
        }
        defer {
            for s in saved.reversed() {
                globals.store(s.value, at: s.slot)
                globals.defined[s.slot] = s.defined
            }
        }
        return try runDefinitions(closure)
    }
}

/// Reads or writes a variable where the compiler put it.
private func load(_ r: Resolution, _ f: Frame) -> Value {
    switch r {
    case .local(let s): return f.fp[s]
    case .cell(let c): return f.cells[c]?.value ?? .nil
    case .upvalue(let u): return f.closure.upvalues[u].value
    case .global(let g): return f.ip.globals.values[g]
    }
}

private func store(_ value: Value, _ r: Resolution, _ f: Frame) {
    switch r {
    case .local(let s): f.fp[s] = value
    case .cell(let c):
        if let cell = f.cells[c] { cell.value = value } else { f.cells[c] = Cell(value, in: f.ip.cellRegistry) }
    case .upvalue(let u): f.closure.upvalues[u].value = value
    case .global(let g):
        f.ip.globals.store(value, at: g)
        f.ip.globals.defined[g] = true
    }
}

/// Gives the block's own variables their starting values.
private final class SeedNode: StmtNode {
    let seeds: [(Value, Resolution)]
    init(_ seeds: [(Value, Resolution)], _ loc: SourceLocation) {
        self.seeds = seeds
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        for (value, r) in seeds { store(value, r, f) }
        return .normal
    }
}

/// Calls the hook after a name's last assignment and stores what it returns.
private final class AfterDefinitionNode: StmtNode {
    let name: String
    let storage: Resolution
    let defined: [(String, Resolution)]
    let hook: Interpreter.AfterDefinition
    init(name: String, storage: Resolution, defined: [(String, Resolution)], hook: @escaping Interpreter.AfterDefinition,
         _ loc: SourceLocation) {
        self.name = name
        self.storage = storage
        self.defined = defined
        self.hook = hook
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        let values = defined.map { ($0.0, load($0.1, f)) }
        if let replacement = try hook(name, load(storage, f), values) { store(replacement, storage, f) }
        return .normal
    }
}

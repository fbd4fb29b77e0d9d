import SPSLanguage
import SPSNumeric

/// What an scm block says about its causal structure, read from its compiled form: the names each top-level
/// statement reads (`FunctionProto.TopStatement.syntax`), which of its variables are nodes (columns, blocks of
/// columns) and which are parameters, and so the graph.
///
/// Edges come from the nodes each assignment reads; a parameter read by an assignment passes on the nodes it was
/// computed from (`w = mean x; y = w * z` makes x a parent of y). Nodes and parameters are told apart by running
/// the block twice on a private stream with 2 and 3 rows: a node's value follows the row count, a parameter's
/// does not. The session's random streams are not touched.
struct SCMStructure {
    /// One top-level statement: the name it defines (if any), the names it reads, where each read is.
    struct Statement {
        let name: String?
        let kind: FunctionProto.TopStatement.Kind
        let reads: [(name: String, at: SourceLocation)]
        let location: SourceLocation
    }

    let statements: [Statement]
    /// Names the block defines, in order of first definition.
    let definedNames: [String]
    /// The graph of the nodes.
    let graph: CausalGraph
    /// Parameters whose value differs between two runs (drawn at random: `sample …`, `randn 5`).
    let randomParameters: [String]
    /// The parameters, by name (a number, a weight vector, …).
    let parameterNames: Set<String>

    /// The statements assigning `name`, by index.
    func assignments(of name: String) -> [Int] {
        statements.indices.filter { statements[$0].name == name && statements[$0].kind == .assignment }
    }
}

extension SCMModel {
    /// Reads the block's structure: checks that no statement reads a node before it is defined (a cycle, or a
    /// model out of causal order), then tells nodes from parameters and builds the graph.
    func structure() throws(RuntimeError) -> SCMStructure {
        let (statements, definedNames, _) = try outline()

        // Which names are nodes: run the block with 2 and 3 rows on a private stream.
        var rngA = RandomStream(seed: 0x5C3, key: "scm-structure")
        var rngB = RandomStream(seed: 0x5C4, key: "scm-structure")
        let runA = try run(rows: 2, rng: &rngA)
        let runB = try run(rows: 3, rng: &rngB)
        var width: [String: Int] = [:]
        var parameters: Set<String> = []
        var random: [String] = []
        for (a, b) in zip(runA, runB) {
            switch (a.kind, b.kind) {
            case (.column, .column): width[a.name] = 1
            case (.block(let t), .block(let u)) where t.shape[1] == u.shape[1]: width[a.name] = t.shape[1]
            case (.parameter(let x), .parameter(let y)):
                parameters.insert(a.name)
                if !Value.sameParameter(x, y) { random.append(a.name) }
            default:
                parameters.insert(a.name)
            }
        }
        let nodeNames = definedNames.filter { width[$0] != nil }
        let index = Dictionary(uniqueKeysWithValues: nodeNames.enumerated().map { ($1, $0) })

        // The nodes each name stands for when read: a node itself, or the nodes a parameter was computed from.
        var sources: [String: Set<Int>] = [:]
        var edges: [(Int, Int)] = []
        for s in statements {
            var read: Set<Int> = []
            // A name read by its own statement (`x = x + 1`) adds nothing: its earlier definition already counted.
            for r in s.reads where r.name != s.name {
                if let i = index[r.name] { read.insert(i) } else { read.formUnion(sources[r.name] ?? []) }
            }
            guard let name = s.name else { continue }
            if let target = index[name] {
                for p in read where p != target { edges.append((p, target)) }
            } else {
                sources[name, default: []].formUnion(read)
            }
        }
        let nodes = nodeNames.map { name in
            CausalGraph.Node(name: name, hidden: name.hasPrefix("_"), width: width[name] ?? 1,
                             line: statements.first { $0.name == name }?.location.line)
        }
        return SCMStructure(statements: statements, definedNames: definedNames,
                            graph: CausalGraph(nodes: nodes, edges: edges), randomParameters: random,
                            parameterNames: parameters)
    }

    /// The block's statements with the names each reads, the names it defines (in order) and where each is first
    /// defined — checked for order: no statement reads a name the block defines later.
    func outline() throws(RuntimeError) -> (statements: [SCMStructure.Statement], definedNames: [String], firstDefinition: [String: Int]) {
        let statements = self.statements.map { s in
            SCMStructure.Statement(name: s.name, kind: s.kind, reads: SCMReads.of(s.syntax), location: s.location)
        }
        var firstDefinition: [String: Int] = [:]
        var definedNames: [String] = []
        for (i, s) in statements.enumerated() {
            if let name = s.name, firstDefinition[name] == nil {
                firstDefinition[name] = i
                definedNames.append(name)
            }
        }
        try checkOrder(statements, firstDefinition)
        return (statements, definedNames, firstDefinition)
    }

    /// A statement that reads a name of the block before the block defines it is an error: the model is not in
    /// causal order, or it has a cycle.
    func checkOrder(_ statements: [SCMStructure.Statement], _ firstDefinition: [String: Int]) throws(RuntimeError) {
        for (i, s) in statements.enumerated() {
            for r in s.reads {
                guard let defined = firstDefinition[r.name], defined >= i else { continue }
                let who = s.name.map { "scm node '\($0)'" } ?? "a statement of the scm block"
                let later = defined == i
                    ? "its own value before it is defined (a node cannot cause itself)"
                    : "'\(r.name)' before it is defined (line \(statements[defined].location.line))"
                throw RuntimeError("\(who) reads \(later): a causal model lists causes before their effects, and a cycle has no such order", at: r.at)
            }
        }
    }
}

extension Value {
    /// True when two parameter values drawn in two runs are the same (a fixed parameter).
    static func sameParameter(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.tensor(let t), .tensor(let u)): return t.shape == u.shape && t.storage == u.storage
        case (.string(let x), .string(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.nil, .nil): return true
        default:
            if let xs = a.elements, let ys = b.elements {
                return xs.count == ys.count && zip(xs, ys).allSatisfy { sameParameter($0, $1) }
            }
            return a.repr == b.repr
        }
    }
}

/// The names a statement reads, in source order, with where each is read.
enum SCMReads {
    static func of(_ s: Stmt) -> [(name: String, at: SourceLocation)] {
        var out: [(String, SourceLocation)] = []
        statement(s, &out)
        return out.map { (name: $0.0, at: $0.1) }
    }

    static func statement(_ s: Stmt, _ out: inout [(String, SourceLocation)]) {
        switch s.kind {
        case .expression(let e): expression(e, &out)
        case .assign(let target, let op, let value):
            if op != nil { expression(target, &out) } else if case .name = target.kind {} else { expression(target, &out) }
            expression(value, &out)
        case .def: break  // a def's body runs when called, not when the block defines it
        case .if(let c, let then, let otherwise):
            expression(c, &out)
            for t in then.statements { statement(t, &out) }
            if let otherwise { statement(otherwise, &out) }
        case .for(_, let e, let body):
            expression(e, &out)
            for t in body.statements { statement(t, &out) }
        case .while(let c, let body):
            expression(c, &out)
            for t in body.statements { statement(t, &out) }
        case .return(let e): if let e { expression(e, &out) }
        case .block(let b): for t in b.statements { statement(t, &out) }
        case .break, .continue: break
        }
    }

    static func expression(_ e: Expr, _ out: inout [(String, SourceLocation)]) {
        switch e.kind {
        case .number, .string, .bool, .nil: break
        case .name(let n): out.append((n, e.location))
        case .interpolation(let pieces):
            for case .expr(let x) in pieces { expression(x, &out) }
        case .list(let xs): for x in xs { expression(x, &out) }
        case .record(let fields): for (_, x) in fields { expression(x, &out) }
        case .block(let b): for t in b.statements { statement(t, &out) }
        case .range(let a, let b, _):
            expression(a, &out)
            expression(b, &out)
        case .unary(_, let x): expression(x, &out)
        case .binary(_, let a, let b):
            expression(a, &out)
            expression(b, &out)
        case .member(let x, _): expression(x, &out)
        case .index(let x, let xs):
            expression(x, &out)
            for i in xs { expression(i, &out) }
        case .apply(let f, let args, _):
            expression(f, &out)
            for a in args { expression(a.value, &out) }
        }
    }
}

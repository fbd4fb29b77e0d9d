/// Turns the syntax tree into executable nodes, resolving every name to a slot (see `Resolver.swift`) and choosing
/// fast node types for common shapes (number arithmetic, comparisons in conditions, local variables).
final class Compiler {
    let globals: Globals
    var errors: [SyntaxError] = []
    var fn: FunctionScope

    /// True for a library of defs loaded into a running session (`Interpreter.compile(_:file:asLibrary:)`): an
    /// assignment inside a def always makes a local, even when the user has a global of that name.
    let isLibrary: Bool

    init(globals: Globals, isLibrary: Bool = false) {
        self.globals = globals
        self.isLibrary = isLibrary
        self.fn = FunctionScope(parent: nil, isChunk: true, capturedNames: [])
    }

    func error(_ message: String, at loc: SourceLocation) {
        errors.append(SyntaxError(message, at: loc))
    }

    /// Compiles top-level statements into a chunk.
    func compileChunk(_ statements: [Stmt], file: SourceFile) -> (FunctionProto, [StmtNode]) {
        fn = FunctionScope(parent: nil, isChunk: true, capturedNames: CaptureScan.nestedNames(statements))
        let proto = FunctionProto(name: "<script>", kind: .chunk, parameterNames: [], doc: nil,
                                  location: SourceLocation(file: file, line: 1, column: 1, offset: 0))
        let nodes = statements.map { s -> StmtNode in
            if case .expression(let e) = s.kind { return EchoStmt(expressionStatement(e)) }
            return statement(s)
        }
        proto.localCount = fn.localCount
        proto.cellCount = fn.cellCount
        return (proto, nodes)
    }

    // MARK: - Names

    func read(_ name: String, at loc: SourceLocation) -> ExprNode {
        switch fn.lookup(name) {
        case .local(let s): return LocalGet(s, loc)
        case .cell(let c): return CellGet(c, loc)
        case .upvalue(let u): return UpvalueGet(u, loc)
        case .global(let g): return GlobalGet(g, name, localNames: [], loc)
        case nil: return GlobalGet(globals.slot(name), name, localNames: fn.visibleNames, loc)
        }
    }

    /// Resolves the target of `name = …`, declaring a new variable when the name is not visible.
    func assignmentTarget(_ name: String) -> VariableRef {
        if let r = fn.lookup(name) {
            switch r {
            case .local(let s): return .local(s)
            case .cell(let c): return .cell(c)
            case .upvalue(let u): return .upvalue(u)
            case .global(let g): return .global(g, name)
            }
        }
        if fn.atGlobalLevel {
            globals.declared.insert(name)
            return .global(globals.slot(name), name)
        }
        if !isLibrary && globals.declared.contains(name) { return .global(globals.slot(name), name) }
        switch fn.declare(name) {
        case .local(let s): return .local(s)
        case .cell(let c): return .declareCell(c)
        }
    }

    /// Resolves a name that must already exist (compound assignment).
    func existingTarget(_ name: String) -> VariableRef {
        switch fn.lookup(name) {
        case .local(let s): return .local(s)
        case .cell(let c): return .cell(c)
        case .upvalue(let u): return .upvalue(u)
        case .global(let g): return .global(g, name)
        case nil: return .global(globals.slot(name), name)
        }
    }

    func inBlock<T>(_ body: () -> T) -> T {
        fn.blocks.append([:])
        defer { fn.blocks.removeLast() }
        return body()
    }

    // MARK: - Statements

    func statements(_ list: [Stmt]) -> [StmtNode] { list.map(statement) }

    func block(_ b: Block) -> [StmtNode] { inBlock { statements(b.statements) } }

    func statement(_ s: Stmt) -> StmtNode {
        let loc = s.location
        switch s.kind {
        case .expression(let e):
            return ExprStmt(expressionStatement(e))
        case .assign(let target, let op, let valueExpr):
            return assignment(target, op, valueExpr, loc)
        case .def(let decl):
            let target = assignmentTarget(decl.name)
            let topLevel = fn.atGlobalLevel
            let proto = function(name: decl.name, kind: .def, parameters: decl.parameters, body: decl.body, doc: decl.doc, at: loc)
            return DefNode(ClosureNode(proto, loc), .variable(target, loc), topLevel: topLevel, loc)
        case .if(let c, let then, let other):
            let cond = expression(c)
            let thenNodes = block(then)
            let otherNodes: [StmtNode] = other.map { o in
                if case .block(let b) = o.kind { return block(b) }
                return [statement(o)]
            } ?? []
            return IfNode(cond, thenNodes, otherNodes, loc)
        case .for(let name, let seqExpr, let body):
            let seq = expression(seqExpr)
            return inBlock {
                let variable: VariableRef
                switch fn.declare(name) {
                case .local(let s): variable = .local(s)
                case .cell(let c): variable = .declareCell(c)
                }
                fn.loopDepth += 1
                defer { fn.loopDepth -= 1 }
                return ForNode(variable, seq, statements(body.statements), loc)
            }
        case .while(let c, let body):
            let cond = expression(c)
            fn.loopDepth += 1
            defer { fn.loopDepth -= 1 }
            return WhileNode(cond, block(body), loc)
        case .break:
            if fn.loopDepth == 0 { error("'break' outside a loop", at: loc) }
            return BreakNode(loc)
        case .continue:
            if fn.loopDepth == 0 { error("'continue' outside a loop", at: loc) }
            return ContinueNode(loc)
        case .return(let v):
            if fn.isChunk { error("'return' outside a def or block", at: loc) }
            return ReturnNode(v.map(expression), loc)
        case .block(let b):
            return SequenceNode(block(b), loc)
        }
    }

    /// An expression used as a statement: a bare command name runs the command.
    func expressionStatement(_ e: Expr) -> ExprNode {
        if case .name = e.kind { return BareNameNode(expression(e)) }
        return expression(e)
    }

    func assignment(_ target: Expr, _ op: BinaryOperator?, _ valueExpr: Expr, _ loc: SourceLocation) -> StmtNode {
        let value = expression(valueExpr)
        switch target.kind {
        case .name(let name):
            if let op {
                return AssignGeneral(.variable(existingTarget(name), target.location), op, value, loc)
            }
            let ref = assignmentTarget(name)
            let general: StmtNode
            switch ref {
            case .local(let s): general = AssignLocal(s, value, loc)
            case .global(let g, _): general = AssignGlobal(g, value, loc)
            default: general = AssignGeneral(.variable(ref, target.location), nil, value, loc)
            }
            // `x = append x …`: appended in place (see `AppendAssign`), when the list argument reads the very
            // variable assigned (not, say, a global of the same name while the assignment makes a new local).
            if case .apply(let head, let args, _) = valueExpr.kind, case .name("append") = head.kind,
               !args.isEmpty, args.allSatisfy({ $0.label == nil }), let call = value as? CallNode,
               Compiler.reads(call.positional[0], ref) {
                return AppendAssign(target: .variable(ref, target.location), call: call, general: general, loc)
            }
            return general
        case .member(let base, let name):
            if let op { return AssignGeneral(lvalue(target), op, value, loc) }
            let general = AssignPath(base: lvalueIfPlace(base), baseExpr: expression(base), member: name, indices: [],
                                     value: value, target.focus ?? target.location)
            return appendToPlace(target, valueExpr, value, general, loc) ?? general
        case .index(let base, let idx):
            if let op { return AssignGeneral(lvalue(target), op, value, loc) }
            let general = AssignPath(base: lvalueIfPlace(base), baseExpr: expression(base), member: nil,
                                     indices: idx.map(expression), value: value, target.location)
            return appendToPlace(target, valueExpr, value, general, loc) ?? general
        default:
            error("cannot assign to this expression", at: target.location)
            return ExprStmt(value)
        }
    }

    /// `r.a = append r.a …` and `xs[i] = append xs[i] …`: appended where the member or element lies (see
    /// `AppendAssign`), when the list argument is the very place assigned, written the same way with nothing in it
    /// that runs code (names, members, and indices that are names or literals). Nil for any other assignment.
    func appendToPlace(_ target: Expr, _ valueExpr: Expr, _ value: ExprNode, _ general: StmtNode,
                       _ loc: SourceLocation) -> StmtNode? {
        guard case .apply(let head, let args, _) = valueExpr.kind, case .name("append") = head.kind,
              !args.isEmpty, args.allSatisfy({ $0.label == nil }), let call = value as? CallNode,
              Compiler.samePlace(target, args[0].value) else { return nil }
        return AppendAssign(target: lvalue(target), call: call, general: general, loc)
    }

    /// True when two expressions denote the same place and reading it runs no code: the same variable, followed by
    /// the same members and the same indices, each index a name or a literal.
    static func samePlace(_ a: Expr, _ b: Expr) -> Bool {
        switch (a.kind, b.kind) {
        case (.name(let x), .name(let y)): return x == y
        case (.member(let x, let m), .member(let y, let n)): return m == n && samePlace(x, y)
        case (.index(let x, let i), .index(let y, let j)):
            return i.count == j.count && samePlace(x, y) && zip(i, j).allSatisfy { sameKey($0, $1) }
        default: return false
        }
    }

    /// True when two index expressions are the same name or the same number or string literal.
    static func sameKey(_ a: Expr, _ b: Expr) -> Bool {
        switch (a.kind, b.kind) {
        case (.name(let x), .name(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        default: return false
        }
    }

    /// True when a compiled expression reads exactly the variable `ref` names.
    static func reads(_ node: ExprNode, _ ref: VariableRef) -> Bool {
        switch ref {
        case .local(let s): return (node as? LocalGet)?.slot == s
        case .cell(let c): return (node as? CellGet)?.index == c
        case .upvalue(let u): return (node as? UpvalueGet)?.index == u
        case .global(let g, _): return (node as? GlobalGet)?.slot == g
        case .declareCell: return false
        }
    }

    /// The place an expression denotes, when it is a variable, member or index chain.
    func lvalueIfPlace(_ e: Expr) -> LValue? {
        switch e.kind {
        case .name, .member, .index: return lvalue(e)
        default: return nil
        }
    }

    func lvalue(_ e: Expr) -> LValue {
        switch e.kind {
        case .name(let n): return .variable(existingTarget(n), e.location)
        case .member(let base, let name): return .member(lvalueIfPlace(base), expression(base), name, e.focus ?? e.location)
        case .index(let base, let idx): return .index(lvalueIfPlace(base), expression(base), idx.map(expression), e.location)
        default: return .member(nil, expression(e), "", e.location)
        }
    }

    /// Compiles a def or block body as its own function.
    func function(name: String, kind: FunctionProto.Kind, parameters: [ParameterDecl], body: Block, doc: String?,
                  at loc: SourceLocation) -> FunctionProto {
        var scanned = body.statements
        for p in parameters {
            if let d = p.defaultValue { scanned.append(Stmt(kind: .expression(d), location: d.location, end: 0)) }
        }
        let scope = FunctionScope(parent: fn, isChunk: false, capturedNames: CaptureScan.nestedNames(scanned))
        let outer = fn
        fn = scope
        defer { fn = outer }
        let proto = FunctionProto(name: name, kind: kind, parameterNames: parameters.map(\.name), doc: doc, location: loc)
        // Parameters occupy the first slots, in order; captured ones are copied into cells on entry.
        var parameterCells: [Int?] = []
        for p in parameters {
            let slot = scope.localCount
            scope.localCount += 1
            if scope.capturedNames.contains(p.name) {
                let c = scope.cellCount
                scope.cellCount += 1
                scope.blocks[0][p.name] = .cell(c)
                parameterCells.append(c)
            } else {
                scope.blocks[0][p.name] = .local(slot)
                parameterCells.append(nil)
            }
        }
        proto.parameterCells = parameterCells
        proto.defaults = parameters.map { p in p.defaultValue.map(expression) }
        var nodes: [StmtNode] = []
        var outline: [FunctionProto.TopStatement] = []
        for (i, s) in body.statements.enumerated() {
            // The last statement, when an expression, is the value of the body: compiled once, as that. (Compiling
            // it as a statement too made nested blocks `{{{…}}}` take time exponential in their depth.)
            if i == body.statements.count - 1, case .expression(let e) = s.kind {
                nodes.append(ImplicitReturn(expressionStatement(e)))
            } else {
                nodes.append(statement(s))
            }
            outline.append(topStatement(s))
        }
        proto.body = nodes
        proto.localCount = scope.localCount
        proto.cellCount = scope.cellCount
        proto.captures = scope.captures.map(\.source)
        proto.topLocals = scope.topLocals
        proto.topStatements = outline
        return proto
    }

    /// What a just-compiled top-level statement of a def or block body defines, and where that variable lives.
    func topStatement(_ s: Stmt) -> FunctionProto.TopStatement {
        var kind = FunctionProto.TopStatement.Kind.other
        var name: String?
        switch s.kind {
        case .assign(let target, _, _):
            if case .name(let n) = target.kind { kind = .assignment; name = n }
        case .def(let decl):
            kind = .def
            name = decl.name
        default:
            break
        }
        // The statement has resolved the name already: a local or cell of this body, an upvalue it rebinds, or
        // (not visible as a local) a global.
        let storage = name.map { n in fn.lookup(n) ?? .global(globals.slot(n)) }
        return FunctionProto.TopStatement(kind: kind, name: name, location: s.location, end: s.end, syntax: s, storage: storage)
    }

    // MARK: - Expressions

    func expression(_ e: Expr) -> ExprNode {
        let loc = e.location
        switch e.kind {
        case .number(let n): return ConstNode(.number(n), loc)
        case .string(let s): return ConstNode(.string(s), loc)
        case .bool(let b): return ConstNode(.bool(b), loc)
        case .nil: return ConstNode(.nil, loc)
        case .interpolation(let pieces):
            return InterpolationNode(pieces.map { p in
                switch p {
                case .text(let t): return .text(t)
                case .expr(let x): return .expr(expression(x))
                }
            }, loc)
        case .name(let n): return read(n, at: loc)
        case .list(let xs): return ListNode(xs.map(expression), loc)
        case .record(let fields): return RecordNode(fields.map(\.0), fields.map { expression($0.1) }, loc)
        case .block(let b):
            let parameters = b.parameters.map { ParameterDecl(name: $0, defaultValue: nil) }
            return ClosureNode(function(name: "block", kind: .block, parameters: parameters, body: b, doc: nil, at: loc), loc)
        case .range(let a, let b, let inclusive): return RangeNode(expression(a), expression(b), inclusive: inclusive, loc)
        case .unary(.negate, let x): return NegateNode(expression(x), loc)
        case .unary(.not, let x): return NotNode(expression(x), loc)
        case .binary(let op, let a, let b):
            let x = expression(a), y = expression(b)
            switch op {
            case .add: return AddNode(x, y, loc)
            case .subtract: return SubtractNode(x, y, loc)
            case .multiply: return MultiplyNode(x, y, loc)
            case .divide: return DivideNode(x, y, loc)
            case .remainder: return RemainderNode(x, y, loc)
            case .power: return PowerNode(x, y, loc)
            case .less: return LessNode(x, y, loc)
            case .lessEqual: return LessEqualNode(x, y, loc)
            case .greater: return GreaterNode(x, y, loc)
            case .greaterEqual: return GreaterEqualNode(x, y, loc)
            case .equal: return NilCompareNode.make(x, y, equal: true, loc)
            case .notEqual: return NilCompareNode.make(x, y, equal: false, loc)
            case .and: return AndNode(x, y, loc)
            case .or: return OrNode(x, y, loc)
            case .matmul: return BinaryNode(.matmul, x, y, loc)
            }
        case .member(let x, let name): return MemberNode.make(expression(x), name, e.focus ?? loc)
        case .index(let x, let idx): return IndexNode.make(expression(x), idx.map(expression), loc)
        case .apply(let head, let args, _):
            var positional: [(ExprNode, BareName?)] = []
            var keywords: [(String, ExprNode, BareName?)] = []
            for a in args {
                let node = expression(a.value)
                let bare = Compiler.bareName(a.value)
                if let label = a.label { keywords.append((label, node, bare)) } else { positional.append((node, bare)) }
            }
            return CallNode(head: expression(head), headName: Compiler.headName(head), positional: positional,
                            keywords: keywords, keywordLocations: args.compactMap { $0.label == nil ? nil : $0.labelLocation ?? $0.value.location }, loc)
        }
    }

    static func bareName(_ e: Expr) -> BareName? {
        switch e.kind {
        case .name(let n): return .one(n)
        case .list(let xs):
            var names: [String] = []
            for x in xs {
                guard case .name(let n) = x.kind else { return nil }
                names.append(n)
            }
            return .many(names)
        default: return nil
        }
    }

    static func headName(_ e: Expr) -> String {
        switch e.kind {
        case .name(let n): return n
        case .member(let x, let n): return headName(x) + "." + n
        case .index(let x, _): return headName(x) + "[…]"
        default: return "expression"
        }
    }
}

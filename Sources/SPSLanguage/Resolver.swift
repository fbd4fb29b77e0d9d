/// Scope resolution: which names are locals (frame slots), captured cells, upvalues or globals.
///
/// Rules: a name assigned at the top level of a script or REPL entry is a global. Inside a `def`, block, or the
/// body of `if`/`for`/`while`, assigning to a name that is already visible (an enclosing local, or a global created
/// at top level) rebinds it; otherwise it creates a new variable in the innermost block. A local that a nested
/// `def` or block refers to lives in a cell so the closure shares it.

/// Where a local lives in its frame.
enum LocalLocation {
    case local(Int)
    case cell(Int)
}

/// What a name resolves to at one point of the code.
enum Resolution {
    case local(Int)
    case cell(Int)
    case upvalue(Int)
    case global(Int)
}

/// The scopes of one function (a `def`, a block value, or a top-level chunk) being compiled.
final class FunctionScope {
    let parent: FunctionScope?
    let isChunk: Bool
    var blocks: [[String: LocalLocation]] = [[:]]
    var localCount = 0
    var cellCount = 0
    var captures: [(name: String, source: FunctionProto.CaptureSource)] = []
    let capturedNames: Set<String>
    var loopDepth = 0
    var topLocals: [(String, LocalLocation)] = []

    init(parent: FunctionScope?, isChunk: Bool, capturedNames: Set<String>) {
        self.parent = parent
        self.isChunk = isChunk
        self.capturedNames = capturedNames
    }

    /// True at the outermost level of a chunk, where assignments make globals.
    var atGlobalLevel: Bool { isChunk && blocks.count == 1 }

    /// Finds a visible local (in this function or, as an upvalue, in an enclosing one).
    func lookup(_ name: String) -> Resolution? {
        for scope in blocks.reversed() {
            if let loc = scope[name] {
                switch loc {
                case .local(let s): return .local(s)
                case .cell(let c): return .cell(c)
                }
            }
        }
        if let i = captures.firstIndex(where: { $0.name == name }) { return .upvalue(i) }
        guard let parent, let outer = parent.lookup(name) else { return nil }
        switch outer {
        case .cell(let c):
            captures.append((name, .cell(c)))
            return .upvalue(captures.count - 1)
        case .upvalue(let u):
            captures.append((name, .upvalue(u)))
            return .upvalue(captures.count - 1)
        case .local, .global:
            // A local not marked as captured cannot be shared; the capture scan prevents this.
            return nil
        }
    }

    /// Declares a new local in the innermost block.
    func declare(_ name: String) -> LocalLocation {
        let loc: LocalLocation
        if capturedNames.contains(name) {
            loc = .cell(cellCount)
            cellCount += 1
        } else {
            loc = .local(localCount)
            localCount += 1
        }
        blocks[blocks.count - 1][name] = loc
        if blocks.count == 1 { topLocals.append((name, loc)) }
        return loc
    }

    /// All local names visible here, for "did you mean".
    var visibleNames: [String] {
        var names = blocks.flatMap(\.keys) + captures.map(\.name)
        if let parent { names += parent.visibleNames }
        return names
    }
}

/// Finds the names used inside nested `def`s and blocks of a function body: the locals that must be cells.
/// (An over-approximation is harmless; it only costs an indirection.)
enum CaptureScan {
    static func nestedNames(_ statements: [Stmt]) -> Set<String> {
        var out = Set<String>()
        for s in statements { scan(s, into: &out, nested: false) }
        return out
    }

    static func scan(_ s: Stmt, into out: inout Set<String>, nested: Bool) {
        switch s.kind {
        case .expression(let e): scan(e, into: &out, nested: nested)
        case .assign(let t, _, let v):
            scan(t, into: &out, nested: nested)
            scan(v, into: &out, nested: nested)
        case .def(let f):
            if nested { out.insert(f.name) }
            for p in f.parameters {
                if let d = p.defaultValue { scan(d, into: &out, nested: true) }
            }
            for b in f.body.statements { scan(b, into: &out, nested: true) }
        case .if(let c, let then, let other):
            scan(c, into: &out, nested: nested)
            for b in then.statements { scan(b, into: &out, nested: nested) }
            if let other { scan(other, into: &out, nested: nested) }
        case .for(let name, let seq, let body):
            if nested { out.insert(name) }
            scan(seq, into: &out, nested: nested)
            for b in body.statements { scan(b, into: &out, nested: nested) }
        case .while(let c, let body):
            scan(c, into: &out, nested: nested)
            for b in body.statements { scan(b, into: &out, nested: nested) }
        case .return(let v): if let v { scan(v, into: &out, nested: nested) }
        case .block(let b): for x in b.statements { scan(x, into: &out, nested: nested) }
        case .break, .continue: break
        }
    }

    static func scan(_ e: Expr, into out: inout Set<String>, nested: Bool) {
        switch e.kind {
        case .name(let n): if nested { out.insert(n) }
        case .number, .string, .bool, .nil: break
        case .interpolation(let pieces):
            for p in pieces { if case .expr(let x) = p { scan(x, into: &out, nested: nested) } }
        case .list(let xs): for x in xs { scan(x, into: &out, nested: nested) }
        case .record(let fields): for (_, x) in fields { scan(x, into: &out, nested: nested) }
        case .block(let b): for s in b.statements { scan(s, into: &out, nested: true) }
        case .range(let a, let b, _), .binary(_, let a, let b):
            scan(a, into: &out, nested: nested)
            scan(b, into: &out, nested: nested)
        case .unary(_, let x), .member(let x, _): scan(x, into: &out, nested: nested)
        case .index(let x, let idx):
            scan(x, into: &out, nested: nested)
            for i in idx { scan(i, into: &out, nested: nested) }
        case .apply(let f, let args, _):
            scan(f, into: &out, nested: nested)
            for a in args { scan(a.value, into: &out, nested: nested) }
        }
    }
}

// MARK: - Bare names in column-name positions

/// How a bare identifier given for a column-name parameter (`noise x3`, `target=y`, `features=[x, z]`) is read.
///
/// The rule: an identifier that names a local variable where it is written — a parameter of the enclosing `def`,
/// or a variable created inside a def, a block or the body of `if`/`for`/`while` (the compiler resolved it to a
/// local, a cell or an upvalue) — passes its value, which must be a string (or, for a parameter that takes several
/// names, a list of strings); any other identifier (a global, or a name that is not defined) is the column name
/// itself. So `def jitter col { noise col std=30 }` perturbs the column `jitter` is given, while `noise x3` at the
/// prompt perturbs `x3` whatever `x3` holds.
extension BareName {
    /// The column name(s) this argument stands for, as a string or a list of strings.
    func columnNames(_ node: ExprNode, for parameter: Parameter, of command: Command,
                     in frame: Frame) throws(RuntimeError) -> Value {
        switch self {
        case .one(let name):
            guard BareName.readsLocal(node) else { return .string(name) }
            let value = try node.eval(frame)
            if parameter.type.accepts(value) || (parameter.isOptional && value.isNil) { return value }
            let several = parameter.type.acceptsNameList
            throw BareName.notAName(name, value, several ? "gives the column names" : "is the column name",
                                    several ? "column names must be a string or a list of strings" : "a column name must be a string",
                                    parameter, command, at: node.loc)
        case .many(let names):
            guard let list = node as? ListNode, list.items.count == names.count,
                  list.items.contains(where: BareName.readsLocal) else { return value }
            var out: [Value] = []
            for (name, item) in zip(names, list.items) {
                guard BareName.readsLocal(item) else {
                    out.append(.string(name))
                    continue
                }
                let value = try item.eval(frame)
                guard case .string = value else {
                    throw BareName.notAName(name, value, "is a column name", "each name in the list must be a string",
                                            parameter, command, at: item.loc)
                }
                out.append(value)
            }
            return .list(out)
        }
    }

    /// True when a compiled name reads a local variable (a frame slot, a cell or an upvalue), not a global.
    static func readsLocal(_ node: ExprNode) -> Bool { node is LocalGet || node is CellGet || node is UpvalueGet }

    /// The error for a local variable whose value cannot be a column name: `role` says what its value is taken
    /// as, `needed` what it must be.
    static func notAName(_ name: String, _ value: Value, _ role: String, _ needed: String, _ parameter: Parameter,
                         _ command: Command, at loc: SourceLocation) -> RuntimeError {
        RuntimeError("argument '\(parameter.name)' of \(command.name): '\(name)' is a variable of the enclosing def or block, so its value \(role), but it holds \(value.typeName) \(Interpreter.short(value)); \(needed)", at: loc)
    }
}

extension ParameterType {
    /// True for a parameter that takes several column names (`features=[x, z]`).
    var acceptsNameList: Bool {
        switch self {
        case .columnNames: return true
        case .optional(let t): return t.acceptsNameList
        case .oneOf(let ts): return ts.contains { $0.acceptsNameList }
        default: return false
        }
    }
}

/// Statement nodes: expression statements, assignments, control flow.

final class ExprStmt: StmtNode {
    let expr: ExprNode
    init(_ expr: ExprNode) {
        self.expr = expr
        super.init(expr.loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        _ = try expr.eval(f)
        return .normal
    }
}

/// A top-level expression statement: its value goes to the echo hook (REPL, `--echo`).
final class EchoStmt: StmtNode {
    let expr: ExprNode
    init(_ expr: ExprNode) {
        self.expr = expr
        super.init(expr.loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        let v = try expr.eval(f)
        if let echo = f.ip.echo, !v.isNil { echo(v) }
        return .normal
    }
}

/// The last expression statement of a def or block: its value is the result.
final class ImplicitReturn: StmtNode {
    let expr: ExprNode
    init(_ expr: ExprNode) {
        self.expr = expr
        super.init(expr.loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        f.setReturnValue(try expr.eval(f))
        return .returnValue
    }
}

/// A statement that is just a name: runs it when it names a command or def (`vars`, `help`), else yields it.
final class BareNameNode: ExprNode {
    let get: ExprNode
    /// The name may be peeked (`ExprNode.peekNumber`).
    let getPeeks: Bool
    init(_ get: ExprNode) {
        self.get = get
        getPeeks = get.peeks
        super.init(get.loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        if getPeeks, let x = self.get.peekNumber(f) { return .number(x) }
        let v = try get.eval(f)
        switch v {
        case .command(let c):
            return try f.ip.callCommand(c, [], [], frame: f, at: loc)
        case .closure(let c) where c.proto.kind == .def:
            return try f.ip.invoke(c, [], [], at: loc)
        default:
            return v
        }
    }
    // A number names no command: `n` as the last line of `def next { n = n + 1; n }` is read without a `Value`.
    override var peeks: Bool { getPeeks }
    override func peekNumber(_ f: Frame) -> Double? { self.get.peekNumber(f) }
}

// MARK: - Assignment

/// Where an assigned value goes.
enum VariableRef {
    case local(Int), cell(Int), declareCell(Int), upvalue(Int), global(Int, String)
}

final class AssignLocal: StmtNode {
    let slot: Int
    let value: ExprNode
    /// The value may be peeked (`ExprNode.peekNumber`).
    let valuePeeks: Bool
    init(_ slot: Int, _ value: ExprNode, _ loc: SourceLocation) {
        self.slot = slot
        self.value = value
        valuePeeks = value.peeks
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        let p = f.fp + slot
        if valuePeeks, let x = value.peekNumber(f) {
            // A number replacing a number: nothing to free, so the new one is written over the old.
            if case .number = p.pointee { p.initialize(to: .number(x)) } else { p.pointee = .number(x) }
            return .normal
        }
        p.pointee = try value.eval(f)
        return .normal
    }
}

final class AssignGlobal: StmtNode {
    let slot: Int
    let value: ExprNode
    init(_ slot: Int, _ value: ExprNode, _ loc: SourceLocation) {
        self.slot = slot
        self.value = value
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        let v = try value.eval(f)
        try f.withGlobals { g in
            g.store(v, at: slot)
            if !g.defined[slot] || g.isBuiltin[slot] {
                g.defined[slot] = true
                g.isBuiltin[slot] = false
            }
        }
        return .normal
    }
}

/// Assignment to a captured variable, or any assignment needing the general path (cells, upvalues,
/// compound operators, members and indices).
final class AssignGeneral: StmtNode {
    let target: LValue
    let op: BinaryOperator?
    let value: ExprNode
    /// The slot of the target when it is a local variable (-1 otherwise).
    let localSlot: Int
    init(_ target: LValue, _ op: BinaryOperator?, _ value: ExprNode, _ loc: SourceLocation) {
        self.target = target
        self.op = op
        self.value = value
        if case .variable(.local(let s), _) = target { localSlot = s } else { localSlot = -1 }
        if case .variable(.upvalue(let i), _) = target { upvalueIndex = i } else { upvalueIndex = -1 }
        valuePeeks = value.peeks
        super.init(loc)
    }
    /// The index of the captured variable assigned when the target is one (-1 otherwise): read from `target` once,
    /// since matching the indirect enum counts a reference to its box.
    let upvalueIndex: Int
    /// The value may be peeked (`ExprNode.peekNumber`).
    let valuePeeks: Bool
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        if upvalueIndex >= 0, op == nil {
            // `n = v` on a captured variable: set in its cell.
            if valuePeeks, let x = value.peekNumber(f) {
                f.upvalue(upvalueIndex)._withUnsafeGuaranteedRef { $0.setNumber(x) }
                return .normal
            }
            let v = try value.eval(f)
            f.upvalue(upvalueIndex)._withUnsafeGuaranteedRef { $0.value = v }
            return .normal
        }
        let v = try value.eval(f)
        if let op, localSlot >= 0 {
            // `x += v` on a local: changed where the frame holds it.
            let slot = f.fp + localSlot
            if case .number(let a) = slot.pointee, case .number(let b) = v, let r = Operators.arithmetic(op, a, b) {
                slot.pointee = .number(r)
                return .normal
            }
            if op == .add, try Operators.addInPlace(&slot.pointee, v, at: loc) { return .normal }
            slot.pointee = try Operators.binary(op, slot.pointee, v, at: loc)
            return .normal
        }
        if let op {
            let loc = self.loc
            try target.modify(f) { (old: inout Value) throws(RuntimeError) in
                // `xs += [x]` and `s += "x"` grow the variable's storage in place (see `addInPlace`).
                if op == .add, try Operators.addInPlace(&old, v, at: loc) { return }
                old = try Operators.binary(op, old, v, at: loc)
            }
        } else {
            try target.assign(f, v)
        }
        return .normal
    }
}

/// `x = append x v…`, `r.a = append r.a v…` or `xs[i] = append xs[i] v…`: appends to the list in the variable,
/// member or element in place, so building a list one element at a time takes linear time, not quadratic.
///
/// The general form copies: the call's argument holds the list while the variable still does, so the list has
/// two owners and Swift's append copies all of it. Here the list is moved out of the variable once the values are
/// evaluated (its storage then has one owner, and the append is in place) and moved back. Lists stay values: any
/// other owner (`ys = xs`, a list holding it) keeps the storage shared, so the append copies it first and that
/// owner never sees the change. A member or element is moved out of its container the same way while it grows
/// (`LValue.modify`); the compiler only takes this form when the list argument names the very place, with no code
/// in it (`Compiler.samePlace`). The meaning is the general form's, which this falls back to when `append` names
/// something else (a user's `def append`) or the place holds no list; the checks (length, nesting) come before
/// anything is moved, so an error leaves the place as it was.
final class AppendAssign: StmtNode {
    let target: LValue
    let callee: ExprNode
    let list: ExprNode
    let values: [ExprNode]
    let callLocation: SourceLocation
    /// The same assignment compiled the general way.
    let general: StmtNode

    /// The target's slot when it is a local or a global (-1 otherwise), read from `target` once (matching the
    /// indirect enum on every append counted a reference to its box).
    let localSlot: Int, globalSlot: Int

    init(target: LValue, call: CallNode, general: StmtNode, _ loc: SourceLocation) {
        self.target = target
        switch target {
        case .variable(.local(let s), _): (localSlot, globalSlot) = (s, -1)
        case .variable(.global(let s, _), _): (localSlot, globalSlot) = (-1, s)
        default: (localSlot, globalSlot) = (-1, -1)
        }
        callee = call.head
        list = call.positional[0]
        values = Array(call.positional.dropFirst())
        callLocation = call.loc
        self.general = general
        calleeSlot = (call.head as? GlobalGet)?.slot ?? -1
        // `x = append x v` with `v` unable to change `x`: the list is changed where the variable holds it.
        let readsTarget = switch (target, call.positional[0]) {
        case (.variable(.local(let s), _), let get as LocalGet): get.slot == s
        case (.variable(.global(let s, _), _), let get as GlobalGet): get.slot == s
        default: false
        }
        appendsToItself = readsTarget && values.count == 1 && values[0].isPure
        super.init(loc)
    }

    /// The global slot of the called name (-1 when the callee is not a global): `append` is a global command.
    let calleeSlot: Int
    /// True for `x = append x v` with `x` a local or global variable and `v` pure (it cannot change `x`).
    let appendsToItself: Bool

    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        if appendsToItself, try appendInPlace(f) { return .normal }
        guard case .command(let command) = try callee.eval(f), command === Builtins.appendCommand,
              case .list(var first) = try list.eval(f) else { return try general.exec(f) }
        // One value appended to a local variable or a defined global: no list of items, no closure.
        if values.count == 1, try appendOne(f, &first) { return .normal }
        // Arguments in the general order: the list (read above), then the values.
        var items: [Value] = []
        items.reserveCapacity(values.count)
        for v in values { items.append(try v.eval(f)) }
        unowned(unsafe) let ip = f.ip
        do throws(RuntimeError) {
            try Operators.checkAppend(first, adding: items.count, "the result of append")
            for item in items where item.isContainer {
                try Limits.checkNesting(item, extra: 1, "the result of append")
            }
        } catch {
            throw error.located(callLocation)
        }
        // A member or element that is gone by now (evaluating a value changed its container) is set the general
        // way, to the list as first read with the values appended.
        try target.modify(f, orSet: { .list(first + items) }) { (current: inout Value) throws(RuntimeError) in
            if AppendAssign.holds(current, storageOf: first) {
                // Only the variable may own the storage now: drop the argument's copy, then move it out.
                first = []
                guard case .list(var xs) = Operators.moveOut(&current) else { preconditionFailure("the variable changed while it was read") }
                xs.append(contentsOf: items)
                current = .list(xs)
            } else {
                // Evaluating a value assigned the variable: append to the list as it was first read.
                current = .list(first + items)
            }
        }
        return .normal
    }

    /// `x = append x v` with one value and `x` a local variable or a defined global: the same steps as the general
    /// form below (the value evaluated, the checks, then the append in place), without building a list of items.
    /// Returns false, having evaluated nothing, when the variable is of another kind.
    @inline(__always) func appendOne(_ f: Frame, _ first: inout ListValue) throws(RuntimeError) -> Bool {
        guard localSlot >= 0 || globalSlot >= 0 else { return false }
        let item = try evaluate(values, 0, f)
        return try f.withInterpreter { ip throws(RuntimeError) -> Bool in try appendOne(f, &first, item, ip) }
    }

    /// `appendOne` with the value evaluated and the interpreter at hand.
    @inline(__always) func appendOne(_ f: Frame, _ first: inout ListValue, _ item: Value, _ ip: Interpreter) throws(RuntimeError) -> Bool {
        do throws(RuntimeError) {
            try Operators.checkAppend(first, adding: 1, "the result of append")
            if item.isContainer { try Limits.checkNesting(item, extra: 1, "the result of append") }
        } catch {
            throw error.located(callLocation)
        }
        // The variable's place is looked up only now: evaluating the value may have added globals (moving them).
        let slot: UnsafeMutablePointer<Value>
        if localSlot >= 0 {
            slot = f.fp + localSlot
        } else {
            let s = globalSlot
            guard let found = f.definedGlobal(s) else {
                guard case .variable(.global(_, let name), let loc) = target else { return false }
                unowned(unsafe) let g = ip.fastGlobals
                throw RuntimeError(Suggestions.unknownName(name, in: g.definedNames), at: loc)
            }
            slot = found
        }
        if case .list(var xs) = slot.pointee, AppendAssign.sameStorage(xs, first) {
            // Only the variable may own the storage now: drop the argument's copy, then move it out.
            first = []
            slot.pointee = .nil
            xs.append(item)
            slot.pointee = .list(xs)
        } else {
            // Evaluating the value assigned the variable: append to the list as it was first read.
            first.append(item)
            slot.pointee = .list(first)
        }
        return true
    }

    /// `x = append x v` (see `appendsToItself`) when `append` is the built-in command and `x` holds a list: the
    /// value is evaluated and appended to the list where the variable holds it, without reading the callee or the
    /// list as values (which counted references to the command and to the list's storage). The order of the
    /// general form is kept where it can be seen: `v` cannot change `x`, and errors are the same ones at the same
    /// places. False, having evaluated nothing, when the callee or the variable holds something else.
    @inline(__always) func appendInPlace(_ f: Frame) throws(RuntimeError) -> Bool {
        guard calleeSlot >= 0, let callee = f.definedGlobal(calleeSlot),
              callee.pointee.commandIdentity == AppendAssign.appendIdentity else { return false }
        guard let slot = directSlot(f), case .list = slot.pointee else { return false }
        let item = try evaluate(values, 0, f)
        // A pure value may still have read a global the first time, which adds nothing: the slot is where it was.
        guard case .list(var xs) = slot.move() else { preconditionFailure("the variable changed while it was read") }
        do throws(RuntimeError) {
            try Operators.checkAppend(xs, adding: 1, "the result of append")
            if item.isContainer {
                try f.withInterpreter { ip throws(RuntimeError) in
                    try Limits.checkNesting(item, extra: 1, "the result of append")
                }
            }
        } catch {
            slot.initialize(to: .list(consume xs))
            throw error.located(callLocation)
        }
        xs.append(item)
        slot.initialize(to: .list(consume xs))
        return true
    }

    /// The built-in `append`'s identity (nil only if it were ever removed, which no value then matches).
    static let appendIdentity = Builtins.appendCommand.map(ObjectIdentifier.init) ?? ObjectIdentifier(AppendAssign.self)

    /// Where the target variable's value lives (a local, or a defined global).
    @inline(__always) func directSlot(_ f: Frame) -> UnsafeMutablePointer<Value>? {
        if localSlot >= 0 { return f.fp + localSlot }
        guard globalSlot >= 0 else { return nil }
        return f.definedGlobal(globalSlot)
    }

    /// True when two lists share one storage (both empty counts too: they are equal, and nothing is copied).
    static func sameStorage(_ a: ListValue, _ b: ListValue) -> Bool {
        a.sharesStorage(with: b)
    }

    /// True when `v` is a list sharing the storage of `list`.
    static func holds(_ v: Value, storageOf list: ListValue) -> Bool {
        if case .list(let xs) = v { sameStorage(xs, list) } else { false }
    }
}

extension Builtins {
    /// The built-in `append`, which `AppendAssign` runs in place; nil only if it were ever removed.
    static let appendCommand: Command? = valueCommands.first { $0.name == "append" }
}

/// An assignable place: a variable, a member of a place or an index of a place.
indirect enum LValue {
    case variable(VariableRef, SourceLocation)
    case member(LValue?, ExprNode, String, SourceLocation)
    case index(LValue?, ExprNode, [ExprNode], SourceLocation)

    func assign(_ f: Frame, _ v: Value) throws(RuntimeError) {
        switch self {
        case .variable(.declareCell(let i), _):
            f.cells[i] = Cell(v, in: f.ip.cellRegistry)
            return
        case .variable(.global(let s, _), _):
            unowned(unsafe) let g = f.ip.fastGlobals
            g.store(v, at: s)
            g.defined[s] = true
            g.isBuiltin[s] = false
            return
        default:
            break
        }
        try modify(f) { (old: inout Value) throws(RuntimeError) in old = v }
    }

    /// Gives the body in-place access to the place's current value.
    /// Runs `body` on the value at this place, which it may change in place (a member or element is moved out of
    /// its container while it does); throws when the place cannot be read.
    func modify(_ f: Frame, _ body: (inout Value) throws(RuntimeError) -> Void) throws(RuntimeError) {
        try modify(f, setsMissing: false, { .nil }, body)
    }

    /// `modify`, except that a member or element that cannot be read (its container has no such field or position,
    /// or is no record or list) is set to `missing()` by the assignment rules, as `place = value` would.
    func modify(_ f: Frame, orSet missing: () -> Value,
                _ body: (inout Value) throws(RuntimeError) -> Void) throws(RuntimeError) {
        try modify(f, setsMissing: true, missing, body)
    }

    private func modify(_ f: Frame, setsMissing: Bool, _ missing: () -> Value,
                        _ body: (inout Value) throws(RuntimeError) -> Void) throws(RuntimeError) {
        switch self {
        case .variable(let ref, let loc):
            switch ref {
            case .local(let s): try body(&f.fp[s])
            case .cell(let i), .declareCell(let i):
                guard let c = f.cells[i] else {
                    var v: Value = .nil
                    try body(&v)
                    f.cells[i] = Cell(v, in: f.ip.cellRegistry)
                    return
                }
                try body(&c.value)
            case .upvalue(let i): try f.withUpvalue(i) { cell throws(RuntimeError) in try body(&cell.value) }
            case .global(let s, let name):
                unowned(unsafe) let g = f.ip.fastGlobals
                if !g.defined[s] {
                    throw RuntimeError(Suggestions.unknownName(name, in: g.definedNames), at: loc)
                }
                try g.modify(s, body)
            }
        case .member(let base, let baseExpr, let name, let loc):
            unowned(unsafe) let ip = f.ip
            func update(_ container: inout Value) throws(RuntimeError) {
                // The field is moved out of its record while it changes, so that it has one owner.
                if var current = Operators.moveOutMember(&container, name) {
                    do throws(RuntimeError) { try body(&current) } catch {
                        try Operators.setMember(&container, name, current, ip, at: loc)
                        throw error
                    }
                    try Operators.setMember(&container, name, current, ip, at: loc)
                    return
                }
                if setsMissing { return try Operators.setMember(&container, name, missing(), ip, at: loc) }
                var current = try Operators.member(container, name, ip, at: loc)
                try body(&current)
                try Operators.setMember(&container, name, current, ip, at: loc)
            }
            if let base { try base.modify(f, update) } else {
                var v = try baseExpr.eval(f)
                try update(&v)
            }
        case .index(let base, let baseExpr, let indexExprs, let loc):
            var idx: [Value] = []
            for e in indexExprs { idx.append(try e.eval(f)) }
            unowned(unsafe) let ip = f.ip
            func update(_ container: inout Value) throws(RuntimeError) {
                // The element is moved out of its list or record while it changes, so that it has one owner
                // (`xs[i][j] = v` changes the inner list where it lies), and put back on every way out.
                if var current = Operators.moveOutIndexed(&container, idx, at: loc) {
                    do throws(RuntimeError) { try body(&current) } catch {
                        try Operators.setIndex(&container, idx, current, ip, at: loc)
                        throw error
                    }
                    try Operators.setIndex(&container, idx, current, ip, at: loc)
                    return
                }
                if setsMissing { return try Operators.setIndex(&container, idx, missing(), ip, at: loc) }
                var current = try Operators.index(container, idx, ip, at: loc)
                try body(&current)
                try Operators.setIndex(&container, idx, current, ip, at: loc)
            }
            if let base { try base.modify(f, update) } else {
                var v = try baseExpr.eval(f)
                try update(&v)
            }
        }
    }
}

/// Plain assignment to a member or index: sets without reading the old value first.
final class AssignPath: StmtNode {
    let base: LValue?
    let baseExpr: ExprNode
    let member: String?
    let indices: [ExprNode]
    let value: ExprNode
    /// Where the field `member` was found the last time.
    let hint = FieldHint()
    /// Where each index is written: an index that selects nothing valid is reported there.
    let indexLocations: [SourceLocation]
    /// The slot of the assigned variable when it is a local or a global (-1 otherwise), read from `base` once:
    /// `base` is an indirect enum, and matching it on every assignment counted a reference to its box.
    let localSlot: Int, globalSlot: Int
    init(base: LValue?, baseExpr: ExprNode, member: String?, indices: [ExprNode], value: ExprNode, _ loc: SourceLocation) {
        self.base = base
        self.baseExpr = baseExpr
        self.member = member
        self.indices = indices
        self.value = value
        switch base {
        case .variable(.local(let s), _)?: (localSlot, globalSlot) = (s, -1)
        case .variable(.global(let s, _), _)?: (localSlot, globalSlot) = (-1, s)
        default: (localSlot, globalSlot) = (-1, -1)
        }
        indexLocations = indices.map(\.loc)
        indexPeeks = member == nil && indices.count == 1 && indices[0].peeks
        valuePeeks = value.peeks
        super.init(loc)
    }
    /// The value may be peeked (`ExprNode.peekNumber`).
    let valuePeeks: Bool
    /// The one index may be peeked (`ExprNode.peekNumber`).
    let indexPeeks: Bool
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        // `xs[i] = x` with a number that can be peeked, like the index: neither makes a `Value`.
        if indexPeeks, valuePeeks, let x = value.peekNumber(f), let i = peekNumber(indices, 0, f), let slot = directSlot(f),
           AssignPath.setNumber(slot, i, x) {
            return .normal
        }
        let v = try value.eval(f)
        // `xs[i] = v` and `r.name = v` on a local or global variable holding a list or record, with a value that
        // holds no containers (nothing to check for nesting): set in place here. Anything else, errors included,
        // takes the general path below with the values already evaluated.
        // (The variable's place is looked up after the index is evaluated: that may run code that adds globals,
        // which can move them.)
        if let member {
            if !v.isContainer, let slot = directSlot(f), AssignPath.setField(slot, member, v, hint) { return .normal }
        } else if indices.count == 1 {
            if indexPeeks, !v.isContainer, let x = peekNumber(indices, 0, f), let slot = directSlot(f),
               AssignPath.setElement(slot, x, v) {
                return .normal
            }
            let i = try evaluate(indices, 0, f)
            if !v.isContainer, case .number(let x) = i, let slot = directSlot(f), AssignPath.setElement(slot, x, v) {
                return .normal
            }
            return try general(f, v, [i])
        }
        var idx: [Value] = []
        for e in indices { idx.append(try e.eval(f)) }
        return try general(f, v, idx)
    }

    /// Where the value of the assigned variable lives, when the base is a local variable or a defined global.
    @inline(__always) func directSlot(_ f: Frame) -> UnsafeMutablePointer<Value>? {
        if localSlot >= 0 { return f.fp + localSlot }
        guard globalSlot >= 0 else { return nil }
        return f.definedGlobal(globalSlot)
    }

    /// Sets element `x` of the list in `slot` in place; false (changing nothing) unless it holds a list and `x` is a
    /// position in it.
    @inline(__always) static func setElement(_ slot: UnsafeMutablePointer<Value>, _ x: Double, _ v: Value) -> Bool {
        changeElement(slot, x) { xs, p in xs[p] = v }
    }

    /// `setElement` for a number (a list of numbers takes it without making a `Value`).
    @inline(__always) static func setNumber(_ slot: UnsafeMutablePointer<Value>, _ i: Double, _ x: Double) -> Bool {
        changeElement(slot, i) { xs, p in xs.setNumber(p, x) }
    }

    /// Runs `change` with the list in `slot` and position `x` in it; false (changing nothing) unless the slot holds
    /// a list and `x` is a position in it. The list is moved out of the variable while it changes (so that its
    /// storage has one owner and changes in place) and moved back: moves count no references, where reading its
    /// length in place counted two.
    @inline(__always) static func changeElement(_ slot: UnsafeMutablePointer<Value>, _ x: Double,
                                                _ change: (inout ListValue, Int) -> Void) -> Bool {
        guard case .list = slot.pointee else { return false }
        guard case .list(var xs) = slot.move() else { preconditionFailure("the variable changed while it was read") }
        guard let p = IndexNode.listPosition(x, count: xs.count) else {
            slot.initialize(to: .list(consume xs))
            return false
        }
        change(&xs, p)
        slot.initialize(to: .list(consume xs))
        return true
    }

    /// Sets field `name` of the record in `slot` in place; false (changing nothing) unless it holds a record.
    @inline(__always) static func setField(_ slot: UnsafeMutablePointer<Value>, _ name: String, _ v: Value, _ hint: FieldHint) -> Bool {
        guard case .record = slot.pointee else { return false }
        guard case .record(var r) = slot.move() else { preconditionFailure("the variable changed while it was read") }
        if !r.set(name, to: v, hint: hint) { r[name] = v }
        slot.initialize(to: .record(consume r))
        return true
    }

    /// The assignment by the general rules (`Operators.setMember` and `setIndex`).
    func general(_ f: Frame, _ v: Value, _ idx: [Value]) throws(RuntimeError) -> Flow {
        unowned(unsafe) let ip = f.ip
        let loc = self.loc, member = self.member, indexAt = indexLocations
        let set = { (container: inout Value) throws(RuntimeError) in
            if let member {
                try Operators.setMember(&container, member, v, ip, at: loc)
            } else {
                try Operators.setIndex(&container, idx, v, ip, at: loc, indexAt: indexAt)
            }
        }
        if let base { try base.modify(f, set) } else {
            var c = try baseExpr.eval(f)
            try set(&c)
        }
        return .normal
    }
}

// MARK: - Control flow

/// Runs statements in order until one changes the flow.
///
/// The nodes are run without retaining each one (which took a third of the time of a small `def` call): the array
/// holds them, and the node or function that owns the array outlives the run, so they are read unretained from its
/// storage (`Unmanaged` has the layout of a strong reference). A proto keeps its body's nodes that way already
/// (`FunctionProto.bodyNodes`).
@inline(__always) func runBody(_ nodes: UnsafeMutableBufferPointer<Unmanaged<StmtNode>>, _ f: Frame) throws(RuntimeError) -> Flow {
    var i = 0
    while i < nodes.count {
        var flow = Flow.normal
        var failure: RuntimeError?
        nodes[i]._withUnsafeGuaranteedRef { node in
            do throws(RuntimeError) { flow = try node.exec(f) } catch { failure = error }
        }
        if let failure { throw failure }
        if flow != .normal { return flow }
        i += 1
    }
    return .normal
}

/// Runs the statements of a block (a loop's or an `if`'s body) in order until one changes the flow.
@inline(__always) func runBody(_ body: [StmtNode], _ f: Frame) throws(RuntimeError) -> Flow {
    try body.withUnsafeBufferPointer { (nodes) throws(RuntimeError) -> Flow in
        guard let base = nodes.baseAddress else { return .normal }
        let refs = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: Unmanaged<StmtNode>.self)
        return try runBody(UnsafeMutableBufferPointer(start: refs, count: nodes.count), f)
    }
}

final class IfNode: StmtNode {
    let condition: ExprNode
    let then: [StmtNode]
    let otherwise: [StmtNode]
    init(_ condition: ExprNode, _ then: [StmtNode], _ otherwise: [StmtNode], _ loc: SourceLocation) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        if try condition.evalBool(f) { return try runBody(then, f) }
        return try runBody(otherwise, f)
    }
}

final class WhileNode: StmtNode {
    let condition: ExprNode
    let body: [StmtNode]
    init(_ condition: ExprNode, _ body: [StmtNode], _ loc: SourceLocation) {
        self.condition = condition
        self.body = body
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        try f.withInterpreter { ip throws(RuntimeError) -> Flow in
            while try condition.evalBool(f) {
                try ip.checkpoint(at: loc)
                switch try runBody(body, f) {
                case .breakLoop: return .normal
                case .returnValue: return .returnValue
                case .normal, .continueLoop: break
                }
            }
            return .normal
        }
    }
}

final class ForNode: StmtNode {
    let variable: VariableRef
    let sequence: ExprNode
    let body: [StmtNode]
    init(_ variable: VariableRef, _ sequence: ExprNode, _ body: [StmtNode], _ loc: SourceLocation) {
        self.variable = variable
        self.sequence = sequence
        self.body = body
        super.init(loc)
    }

    @inline(__always) func bind(_ f: Frame, _ v: Value) {
        switch variable {
        case .local(let s): f.fp[s] = v
        case .declareCell(let i), .cell(let i): f.cells[i] = Cell(v, in: f.ip.cellRegistry)
        default: break
        }
    }

    /// Runs one iteration; returns false to leave the loop (with the flow to pass on in `exit`).
    @inline(__always) func iterate(_ f: Frame, _ v: Value, _ ip: Interpreter, _ exit: inout Flow) throws(RuntimeError) -> Bool {
        try ip.checkpoint(at: loc)
        bind(f, v)
        switch try runBody(body, f) {
        case .breakLoop: exit = .normal; return false
        case .returnValue: exit = .returnValue; return false
        case .normal, .continueLoop: return true
        }
    }

    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        let seq = try sequence.eval(f)
        return try f.withInterpreter { ip throws(RuntimeError) -> Flow in try loop(f, seq, ip) }
    }

    /// Runs the loop over `seq`.
    @inline(__always) func loop(_ f: Frame, _ seq: Value, _ ip: Interpreter) throws(RuntimeError) -> Flow {
        var exit = Flow.normal
        switch seq {
        case .range(let r):
            var i = r.lower
            let end = r.end
            while i < end {
                if try !iterate(f, .number(Double(i)), ip, &exit) { return exit }
                i += 1
            }
        case .list(let xs):
            for x in xs where try !iterate(f, x, ip, &exit) { return exit }
        case .string(let s):
            for ch in s where try !iterate(f, .string(String(ch)), ip, &exit) { return exit }
        case .record(let r):
            for k in r.keys where try !iterate(f, .string(k), ip, &exit) { return exit }
        case .tensor(let t):
            for v in Operators.tensorItems(t) where try !iterate(f, v, ip, &exit) { return exit }
        default:
            throw RuntimeError("cannot loop over a \(seq.typeName); use a list, a range, a string, a record or a tensor", at: sequence.loc)
        }
        return .normal
    }
}

final class BreakNode: StmtNode {
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow { .breakLoop }
}

final class ContinueNode: StmtNode {
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow { .continueLoop }
}

final class ReturnNode: StmtNode {
    let value: ExprNode?
    init(_ value: ExprNode?, _ loc: SourceLocation) {
        self.value = value
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        f.setReturnValue(try value?.eval(f) ?? .nil)
        return .returnValue
    }
}

/// `def`: makes the closure, binds it, and (at top level) records it as a user command for `help`.
final class DefNode: StmtNode {
    let closure: ClosureNode
    let target: LValue
    let topLevel: Bool
    init(_ closure: ClosureNode, _ target: LValue, topLevel: Bool, _ loc: SourceLocation) {
        self.closure = closure
        self.target = target
        self.topLevel = topLevel
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow {
        if case .variable(.declareCell(let i), _) = target {
            // The name exists before the closure is made, so a def inside another def can call itself.
            let cell = Cell(.nil, in: f.ip.cellRegistry)
            f.cells[i] = cell
            cell.value = try closure.eval(f)
        } else {
            try target.assign(f, try closure.eval(f))
        }
        if topLevel { f.ip.registry.addUserDef(closure.proto) }
        return .normal
    }
}

/// A nested `{ … }` statement list (an `else` branch).
final class SequenceNode: StmtNode {
    let body: [StmtNode]
    init(_ body: [StmtNode], _ loc: SourceLocation) {
        self.body = body
        super.init(loc)
    }
    override func exec(_ f: Frame) throws(RuntimeError) -> Flow { try runBody(body, f) }
}

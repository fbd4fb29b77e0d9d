/// Executable nodes: the compiler turns the syntax tree into these, with variables resolved to slots.
/// Nodes are immutable after compilation, so compiled code can be shared by isolated interpreters.
import SPSAutodiff

/// An expression node.
class ExprNode: @unchecked Sendable {
    let loc: SourceLocation
    init(_ loc: SourceLocation) { self.loc = loc }
    /// Evaluates the expression.
    func eval(_ f: Frame) throws(RuntimeError) -> Value { fatalError("abstract node") }
    /// True when evaluating the expression cannot change any variable (it may still fail): what lets a node
    /// evaluate it before reading a variable the general order reads first.
    var isPure: Bool { false }
    /// The expression's value when it is a number that can be had without evaluating anything that could fail or
    /// change a variable: a number constant, a local variable holding a number, arithmetic on those. Nil otherwise,
    /// having evaluated nothing, so the caller then evaluates the node. Lets arithmetic, comparisons and indexing
    /// work on numbers without making and copying a `Value` for each operand.
    func peekNumber(_ f: Frame) -> Double? { nil }
    /// True when `peekNumber` may answer (the node overrides it); read once, when a parent node is made.
    var peeks: Bool { false }
    /// Whether the expression's value is `nil`, when that can be told as `peekNumber` tells a number (without
    /// evaluating anything that could fail or change a variable, and without copying the value) and comparing the
    /// value with `nil` follows the plain rule (it is not a native object); nil otherwise, having evaluated nothing.
    func peekIsNil(_ f: Frame) -> Bool? { nil }
    /// Evaluates a condition; comparisons override this to skip making a `Value`.
    func evalBool(_ f: Frame) throws(RuntimeError) -> Bool {
        let v = try eval(f)
        if case .bool(let b) = v { return b }
        throw RuntimeError("a condition must be true or false, got \(v.described)", at: loc)
    }
}

/// A statement node.
class StmtNode: @unchecked Sendable {
    let loc: SourceLocation
    init(_ loc: SourceLocation) { self.loc = loc }
    /// Runs the statement.
    func exec(_ f: Frame) throws(RuntimeError) -> Flow { fatalError("abstract node") }
}

/// Evaluates `nodes[i]` (which must exist) without retaining the node: the array's owner, a node or function that
/// outlives the evaluation, keeps it alive (see `runBody`; retaining each operand was a large part of a call).
@inline(__always) func evaluate(_ nodes: [ExprNode], _ i: Int, _ f: Frame) throws(RuntimeError) -> Value {
    let node = nodes.withUnsafeBufferPointer { buffer in
        UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped).assumingMemoryBound(to: Unmanaged<ExprNode>.self)[i]
    }
    var value = Value.nil
    var failure: RuntimeError?
    node._withUnsafeGuaranteedRef { node in
        do throws(RuntimeError) { value = try node.eval(f) } catch { failure = error }
    }
    if let failure { throw failure }
    return value
}

/// `nodes[i].peekNumber(f)` (which must exist) without retaining the node, as `evaluate` does.
@inline(__always) func peekNumber(_ nodes: [ExprNode], _ i: Int, _ f: Frame) -> Double? {
    let node = nodes.withUnsafeBufferPointer { buffer in
        UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped).assumingMemoryBound(to: Unmanaged<ExprNode>.self)[i]
    }
    return node._withUnsafeGuaranteedRef { $0.peekNumber(f) }
}

/// How a binary node reads an operand that may be peeked: straight from a local's slot, as a number constant, or by
/// asking the node (`ExprNode.peekNumber`), so that the commonest operands (`n - 1`, `i < n`) cost no call.
struct PeekedOperand {
    /// The local's slot (>= 0), `PeekedOperand.constant`, or `PeekedOperand.node`.
    let slot: Int
    let constant: Double
    static let constant = -2, node = -1

    init(_ e: ExprNode) {
        if let local = e as? LocalGet {
            (slot, constant) = (local.slot, 0)
        } else if let c = e as? ConstNode, let x = c.value.number {
            (slot, constant) = (PeekedOperand.constant, x)
        } else {
            (slot, constant) = (PeekedOperand.node, 0)
        }
    }

    /// The operand's number, as `e.peekNumber(f)` gives it.
    @inline(__always) func number(_ e: ExprNode, _ f: Frame) -> Double? {
        if slot >= 0 { if case .number(let x) = f.fp[slot] { return x } else { return nil } }
        if slot == PeekedOperand.constant { return constant }
        return e.peekNumber(f)
    }
}

// MARK: - Literals and variables

final class ConstNode: ExprNode {
    let value: Value
    init(_ value: Value, _ loc: SourceLocation) {
        self.value = value
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { value }
    override var isPure: Bool { true }
    override func peekNumber(_ f: Frame) -> Double? { value.number }
    override var peeks: Bool { value.number != nil }
}

final class LocalGet: ExprNode {
    let slot: Int
    init(_ slot: Int, _ loc: SourceLocation) {
        self.slot = slot
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { f.fp[slot] }
    override var isPure: Bool { true }
    override func peekNumber(_ f: Frame) -> Double? { if case .number(let x) = f.fp[slot] { x } else { nil } }
    override var peeks: Bool { true }
    override func peekIsNil(_ f: Frame) -> Bool? { f.fp[slot].isPlainlyNil }
}

final class CellGet: ExprNode {
    let index: Int
    init(_ index: Int, _ loc: SourceLocation) {
        self.index = index
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        guard let c = f.cells[index] else { throw RuntimeError("internal error: variable used before it was created", at: loc) }
        return c.value
    }
}

final class UpvalueGet: ExprNode {
    let index: Int
    init(_ index: Int, _ loc: SourceLocation) {
        self.index = index
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try f.withUpvalue(index) { $0.value } }
    override var isPure: Bool { true }
    override var peeks: Bool { true }
    override func peekNumber(_ f: Frame) -> Double? {
        f.upvalue(index)._withUnsafeGuaranteedRef { c in if case .number(let x) = c.value { x } else { nil } }
    }
}

final class GlobalGet: ExprNode {
    let slot: Int
    let name: String
    let localNames: [String]
    init(_ slot: Int, _ name: String, localNames: [String], _ loc: SourceLocation) {
        self.slot = slot
        self.name = name
        self.localNames = localNames
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        try f.withGlobals { g throws(RuntimeError) in
            let v = g.values[slot]
            if case .nil = v, !g.defined[slot] { throw unknown(g) }
            return v
        }
    }
    override var isPure: Bool { true }
    func unknown(_ g: Globals) -> RuntimeError {
        RuntimeError(Suggestions.unknownName(name, in: localNames + g.definedNames), at: loc)
    }
}

final class ListNode: ExprNode {
    let items: [ExprNode]
    init(_ items: [ExprNode], _ loc: SourceLocation) {
        self.items = items
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        // Stored as the first item's type asks (numbers, booleans or values; see `ListValue`).
        let count = items.count
        guard count > 0 else { return .list(ListValue()) }
        let first = try evaluate(items, 0, f)
        var nested = first.isContainer
        let list: Value
        // `if`, not `switch`: a switch keeps its own copy of the subject, and `first` could not be moved.
        if first.isNumberOrBool {
            var out = ListValue(first: first, capacity: count)
            var i = 1
            while i < count {
                let v = try evaluate(items, i, f)
                nested = nested || v.isContainer
                out.append(v)
                i += 1
            }
            list = .list(out)
        } else {
            var deepest = first.nestingBound
            if count == 2 {
                // A pair (a tree's node, a tuple) as an array literal: one allocation of exactly two elements, where
                // reserving capacity first also asks the allocator for the block's usable size and copies nothing.
                let second = try evaluate(items, 1, f)
                deepest = Swift.max(deepest, second.nestingBound)
                list = .list(ListValue([consume first, consume second], depth: ListValue.deeper(deepest)))
                if deepest > 0 { try Limits.checkNesting(list, "this list", at: loc) }
                return list
            }
            // Values are moved into the array as they come, and the depth bound is kept on the way.
            var a: [Value] = []
            a.reserveCapacity(count)
            a.append(consume first)
            var i = 1
            while i < count {
                let v = try evaluate(items, i, f)
                deepest = Swift.max(deepest, v.nestingBound)
                a.append(v)
                i += 1
            }
            nested = deepest > 0  // only lists and records have a depth
            list = .list(ListValue(a, depth: ListValue.deeper(deepest)))
        }
        if nested { try Limits.checkNesting(list, "this list", at: loc) }
        return list
    }
}

final class RecordNode: ExprNode {
    let keys: [String]
    let values: [ExprNode]
    /// The keys' table, shared by every record the literal makes.
    let table: KeyTable
    init(_ keys: [String], _ values: [ExprNode], _ loc: SourceLocation) {
        self.keys = keys
        self.values = values
        table = keys.isEmpty ? KeyTable.empty : KeyTable(keys)
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        var fields: [Value] = []
        fields.reserveCapacity(values.count)
        var nested = false
        for v in values {
            let x = try v.eval(f)
            nested = nested || x.isContainer
            fields.append(x)
        }
        let record = Value.record(Record(table: table, values: fields))
        if nested { try Limits.checkNesting(record, "this record", at: loc) }
        return record
    }
}

final class RangeNode: ExprNode {
    let lower: ExprNode, upper: ExprNode
    let inclusive: Bool
    /// True for an index's `a..` (to the end): the parser writes the missing end as a nil at the start's own
    /// location, which no written `a..nil` has.
    let isOpenEnded: Bool
    init(_ lower: ExprNode, _ upper: ExprNode, inclusive: Bool, _ loc: SourceLocation) {
        self.lower = lower
        self.upper = upper
        self.inclusive = inclusive
        if inclusive, let end = upper as? ConstNode, case .nil = end.value, end.loc.offset == lower.loc.offset {
            isOpenEnded = true
        } else {
            isOpenEnded = false
        }
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        let a = try lower.eval(f)
        if isOpenEnded, let x = a.integer { return .range(RangeValue(lower: x, upper: Int.max, inclusive: false)) }
        let b = try upper.eval(f)
        guard let x = a.integer, let y = b.integer else {
            let bad = a.integer == nil ? a : b
            throw RuntimeError("range bounds must be integers, got \(bad.described)", at: loc)
        }
        return .range(RangeValue(lower: x, upper: y, inclusive: inclusive))
    }
}

final class InterpolationNode: ExprNode {
    enum Piece { case text(String), expr(ExprNode) }
    /// The text before each expression, and after the last (`texts.count == exprs.count + 1`; "" where none).
    let texts: [String]
    /// The expressions, in order.
    let exprs: [ExprNode]
    init(_ pieces: [Piece], _ loc: SourceLocation) {
        var texts: [String] = [], exprs: [ExprNode] = []
        var text = ""
        for p in pieces {
            switch p {
            case .text(let t): text += t
            case .expr(let e):
                texts.append(text)
                exprs.append(e)
                text = ""
            }
        }
        texts.append(text)
        self.texts = texts
        self.exprs = exprs
        super.init(loc)
    }

    /// The string being built: pieces are appended as they come, each checked against the string limit first;
    /// past the limit the rest are only measured, so that the error gives the joined length, and nothing more is
    /// allocated.
    struct Builder {
        var text = ""
        var total = 0
        var tooLong = false

        mutating func add(_ t: String, _ node: InterpolationNode) throws(RuntimeError) {
            if total < 0 { return }  // more bytes than an Int counts: too long already
            let (sum, overflow) = total.addingReportingOverflow(t.utf8.count)
            total = overflow ? -1 : sum
            if tooLong || overflow || total > Limits.maxStringBytes {
                tooLong = true
                return
            }
            if total > Limits.smallString { try node.checkMemory(total) }
            text += t
        }
    }

    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        // A string piece is shared, not copied; other values print at most about 1 MiB. Expressions are read
        // without counting references to them (`evaluate`).
        var b = Builder()
        var k = 0
        let count = exprs.count
        while true {
            let t = texts[k]
            if !t.isEmpty { try b.add(t, self) }
            if k == count { break }
            let v = try evaluate(exprs, k, f)
            switch v {
            case .string(let x): try b.add(x, self)
            case .number(let n): try b.add(Value.format(n), self)
            default: try b.add(v.description, self)
            }
            k += 1
        }
        if b.tooLong {
            do throws(RuntimeError) { try Limits.checkString(b.total, "the interpolated string") } catch { throw error.located(loc) }
        }
        return .string(b.text)
    }

    /// Throws unless the machine has the memory for a string of `bytes`.
    func checkMemory(_ bytes: Int) throws(RuntimeError) {
        do throws(RuntimeError) { try Limits.checkMemory(bytes, "the interpolated string") } catch { throw error.located(loc) }
    }
}

/// `{ … }` as a value, or a `def`: makes a closure capturing the cells it needs.
final class ClosureNode: ExprNode {
    let proto: FunctionProto
    init(_ proto: FunctionProto, _ loc: SourceLocation) {
        self.proto = proto
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        let count = proto.captures.count
        if count == 0 { return .closure(Closure(proto: proto, adopting: Closure.noCells, count: 0)) }
        let cells = UnsafeMutablePointer<Cell>.allocate(capacity: count)
        for (k, c) in proto.captures.enumerated() {
            switch c {
            case .cell(let i):
                guard let cell = f.cells[i] else {
                    cells.deinitialize(count: k)
                    cells.deallocate()
                    throw RuntimeError("internal error: captured variable missing", at: loc)
                }
                (cells + k).initialize(to: cell)
            case .upvalue(let i): (cells + k).initialize(to: f.closure.upvalues[i])
            }
        }
        return .closure(Closure(proto: proto, adopting: cells, count: count))
    }
}

// MARK: - Operators

/// An arithmetic operator on two numbers (specialised per operator for speed).
protocol NumberOperator {
    static var op: BinaryOperator { get }
    static func apply(_ a: Double, _ b: Double) -> Double
}
enum AddOp: NumberOperator { static let op = BinaryOperator.add; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a + b } }
enum SubOp: NumberOperator { static let op = BinaryOperator.subtract; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a - b } }
enum MulOp: NumberOperator { static let op = BinaryOperator.multiply; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a * b } }
enum DivOp: NumberOperator { static let op = BinaryOperator.divide; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a / b } }
enum ModOp: NumberOperator { static let op = BinaryOperator.remainder; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { Operators.modulo(a, b) } }
enum PowOp: NumberOperator { static let op = BinaryOperator.power; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { Operators.power(a, b) } }

/// Arithmetic on two operands, for the operator `Op`; each operator has its own final subclass (`AddNode` …).
///
/// The subclasses are what make it fast: the overrides of a generic class are compiled once for every `Op` and call
/// the operator through its witness table (two indirect calls and a spill per `+`), while an override in a
/// subclass that fixes `Op` is compiled for that operator, with `Op.apply` inlined.
class ArithmeticNode<Op: NumberOperator>: ExprNode {
    let a: ExprNode, b: ExprNode
    /// Both operands may be peeked (`ExprNode.peekNumber`).
    let bothPeek: Bool
    /// Each operand may be peeked.
    let aPeeks: Bool, bPeeks: Bool
    let pa: PeekedOperand, pb: PeekedOperand
    init(_ a: ExprNode, _ b: ExprNode, _ loc: SourceLocation) {
        self.a = a
        self.b = b
        aPeeks = a.peeks
        bPeeks = b.peeks
        bothPeek = aPeeks && bPeeks
        pa = PeekedOperand(a)
        pb = PeekedOperand(b)
        super.init(loc)
    }
    /// `peekNumber` for the subclasses.
    @inline(__always) final func peekResult(_ f: Frame) -> Double? {
        guard bothPeek, let p = pa.number(a, f), let q = pb.number(b, f) else { return nil }
        return Op.apply(p, q)
    }
    /// `eval` for the subclasses.
    @inline(__always) final func result(_ f: Frame) throws(RuntimeError) -> Value {
        if bothPeek, let p = pa.number(a, f), let q = pb.number(b, f) { return .number(Op.apply(p, q)) }
        // One operand peeked (`1 + f(x)`, `g() * 2`): read in the general order, a first, without making a `Value`.
        if aPeeks, let p = pa.number(a, f) {
            let y = try b.eval(f)
            if case .number(let q) = y { return .number(Op.apply(p, q)) }
            return try Operators.binary(Op.op, .number(p), y, at: loc)
        }
        let x = try a.eval(f)
        if case .number(let p) = x, bPeeks, let q = pb.number(b, f) { return .number(Op.apply(p, q)) }
        let y = try b.eval(f)
        if case .number(let p) = x, case .number(let q) = y { return .number(Op.apply(p, q)) }
        return try Operators.binary(Op.op, x, y, at: loc)
    }
    override var peeks: Bool { bothPeek }
    override var isPure: Bool { a.isPure && b.isPure }
}

final class AddNode: ArithmeticNode<AddOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func peekNumber(_ f: Frame) -> Double? { peekResult(f) }
}
final class SubtractNode: ArithmeticNode<SubOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func peekNumber(_ f: Frame) -> Double? { peekResult(f) }
}
final class MultiplyNode: ArithmeticNode<MulOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func peekNumber(_ f: Frame) -> Double? { peekResult(f) }
}
final class DivideNode: ArithmeticNode<DivOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func peekNumber(_ f: Frame) -> Double? { peekResult(f) }
}
final class RemainderNode: ArithmeticNode<ModOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func peekNumber(_ f: Frame) -> Double? { peekResult(f) }
}
final class PowerNode: ArithmeticNode<PowOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func peekNumber(_ f: Frame) -> Double? { peekResult(f) }
}

/// A comparison operator on two numbers.
protocol CompareOperator {
    static var op: BinaryOperator { get }
    static func apply(_ a: Double, _ b: Double) -> Bool
}
enum LessOp: CompareOperator { static let op = BinaryOperator.less; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a < b } }
enum LessEqualOp: CompareOperator { static let op = BinaryOperator.lessEqual; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a <= b } }
enum GreaterOp: CompareOperator { static let op = BinaryOperator.greater; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a > b } }
enum GreaterEqualOp: CompareOperator { static let op = BinaryOperator.greaterEqual; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a >= b } }
enum EqualOp: CompareOperator { static let op = BinaryOperator.equal; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a == b } }
enum NotEqualOp: CompareOperator { static let op = BinaryOperator.notEqual; @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a != b } }

/// A comparison of two operands for the operator `Op`; each operator has its own final subclass (`LessNode` …), for
/// the reason given at `ArithmeticNode`.
class CompareNode<Op: CompareOperator>: ExprNode {
    let a: ExprNode, b: ExprNode
    /// Both operands may be peeked (`ExprNode.peekNumber`).
    let bothPeek: Bool
    let pa: PeekedOperand, pb: PeekedOperand
    init(_ a: ExprNode, _ b: ExprNode, _ loc: SourceLocation) {
        self.a = a
        self.b = b
        bothPeek = a.peeks && b.peeks
        pa = PeekedOperand(a)
        pb = PeekedOperand(b)
        super.init(loc)
    }
    /// `eval` for the subclasses.
    @inline(__always) final func result(_ f: Frame) throws(RuntimeError) -> Value {
        if bothPeek, let p = pa.number(a, f), let q = pb.number(b, f) { return .bool(Op.apply(p, q)) }
        let x = try a.eval(f)
        let y = try b.eval(f)
        if case .number(let p) = x, case .number(let q) = y { return .bool(Op.apply(p, q)) }
        if Op.op == .equal || Op.op == .notEqual, let same = scalarEqual(x, y) { return .bool(same == (Op.op == .equal)) }
        return try Operators.binary(Op.op, x, y, at: loc)
    }
    /// `evalBool` for the subclasses.
    @inline(__always) final func truth(_ f: Frame) throws(RuntimeError) -> Bool {
        if bothPeek, let p = pa.number(a, f), let q = pb.number(b, f) { return Op.apply(p, q) }
        let x = try a.eval(f)
        let y = try b.eval(f)
        if case .number(let p) = x, case .number(let q) = y { return Op.apply(p, q) }
        if Op.op == .equal || Op.op == .notEqual, let same = scalarEqual(x, y) { return same == (Op.op == .equal) }
        let r = try Operators.binary(Op.op, x, y, at: loc)
        if case .bool(let b) = r { return b }
        throw RuntimeError("a condition must be true or false, got \(r.typeName) (comparing tensors gives a tensor of 0s and 1s)", at: loc)
    }
}

final class LessNode: CompareNode<LessOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool { try truth(f) }
}
final class LessEqualNode: CompareNode<LessEqualOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool { try truth(f) }
}
final class GreaterNode: CompareNode<GreaterOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool { try truth(f) }
}
final class GreaterEqualNode: CompareNode<GreaterEqualOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool { try truth(f) }
}
final class EqualNode: CompareNode<EqualOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool { try truth(f) }
}
final class NotEqualNode: CompareNode<NotEqualOp> {
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { try result(f) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool { try truth(f) }
}

/// `x == nil`, `x != nil` (or `nil == x` …): told without copying `x` when it can be peeked (`peekIsNil`), else
/// by the general comparison.
final class NilCompareNode: ExprNode {
    let operand: ExprNode
    let equal: Bool
    let general: ExprNode
    init(_ operand: ExprNode, equal: Bool, general: ExprNode, _ loc: SourceLocation) {
        self.operand = operand
        self.equal = equal
        self.general = general
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        if let isNil = operand.peekIsNil(f) { return .bool(isNil == equal) }
        return try general.eval(f)
    }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool {
        if let isNil = operand.peekIsNil(f) { return isNil == equal }
        return try general.evalBool(f)
    }
    override var isPure: Bool { general.isPure }

    /// The node for `a == b` or `a != b`: a `NilCompareNode` when one side is the constant `nil`.
    static func make(_ a: ExprNode, _ b: ExprNode, equal: Bool, _ loc: SourceLocation) -> ExprNode {
        let general: ExprNode = equal ? EqualNode(a, b, loc) : NotEqualNode(a, b, loc)
        if let c = b as? ConstNode, c.value.isNil { return NilCompareNode(a, equal: equal, general: general, loc) }
        if let c = a as? ConstNode, c.value.isNil { return NilCompareNode(b, equal: equal, general: general, loc) }
        return general
    }
}

/// `x == y` without the general path when the answer is plain: two strings, two bools, or `nil` against anything
/// but a host object (which decides for itself: a tensor carrying gradients compares elementwise). Nil when the
/// general rule (`Operators.binary`, then `Operators.equal`) must decide; where it answers, it answers the same.
@inline(__always) func scalarEqual(_ x: Value, _ y: Value) -> Bool? {
    switch (x, y) {
    case (.string(let a), .string(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.nil, .nil): return true
    case (.nil, .native), (.native, .nil): return nil
    case (.nil, _), (_, .nil): return false
    default: return nil
    }
}

final class BinaryNode: ExprNode {
    let op: BinaryOperator
    let a: ExprNode, b: ExprNode
    init(_ op: BinaryOperator, _ a: ExprNode, _ b: ExprNode, _ loc: SourceLocation) {
        self.op = op
        self.a = a
        self.b = b
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        try Operators.binary(op, try a.eval(f), try b.eval(f), at: loc)
    }
}

final class AndNode: ExprNode {
    let a: ExprNode, b: ExprNode
    init(_ a: ExprNode, _ b: ExprNode, _ loc: SourceLocation) {
        self.a = a
        self.b = b
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { .bool(try evalBool(f)) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool {
        if try !a.operand(f, "and") { return false }
        return try b.operand(f, "and")
    }
}

final class OrNode: ExprNode {
    let a: ExprNode, b: ExprNode
    init(_ a: ExprNode, _ b: ExprNode, _ loc: SourceLocation) {
        self.a = a
        self.b = b
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { .bool(try evalBool(f)) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool {
        if try a.operand(f, "or") { return true }
        return try b.operand(f, "or")
    }
}

extension ExprNode {
    /// Evaluates an operand of `and`, `or` or `not`, which must be a bool.
    func operand(_ f: Frame, _ op: String) throws(RuntimeError) -> Bool {
        let v = try eval(f)
        if case .bool(let b) = v { return b }
        throw RuntimeError("'\(op)' needs true or false, got \(v.described)", at: loc)
    }
}

final class NotNode: ExprNode {
    let a: ExprNode
    init(_ a: ExprNode, _ loc: SourceLocation) {
        self.a = a
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value { .bool(try evalBool(f)) }
    override func evalBool(_ f: Frame) throws(RuntimeError) -> Bool { !(try a.operand(f, "not")) }
}

final class NegateNode: ExprNode {
    let a: ExprNode
    init(_ a: ExprNode, _ loc: SourceLocation) {
        self.a = a
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        let v = try a.eval(f)
        switch v {
        case .number(let n): return .number(-n)
        case .tensor(let t): return .tensor(t.map { -$0 })
        case .native(let x as Variable): return Value(-x)
        default: throw RuntimeError("cannot negate a \(v.typeName)", at: loc)
        }
    }
}

// MARK: - Members and indexing

final class MemberNode: ExprNode {
    let base: ExprNode
    let name: String
    init(_ base: ExprNode, _ name: String, _ loc: SourceLocation) {
        self.base = base
        self.name = name
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        try Operators.member(try base.eval(f), name, f.ip, at: loc)
    }

    /// `r.name` with `r` a local variable reads the field where the variable holds the record (no copy of the
    /// record: two counted references fewer a read); anything else, the general node.
    static func make(_ base: ExprNode, _ name: String, _ loc: SourceLocation) -> ExprNode {
        if let local = base as? LocalGet { return MemberLocalNode(local.slot, name, loc) }
        return MemberNode(base, name, loc)
    }
}

/// `r.name` with `r` a local variable: see `MemberNode.make`.
final class MemberLocalNode: ExprNode {
    let slot: Int
    let name: String
    let hint = FieldHint()
    init(_ slot: Int, _ name: String, _ loc: SourceLocation) {
        self.slot = slot
        self.name = name
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        if let v = Record.field(in: f.fp + slot, name, hint: hint) { return v }
        return try f.withInterpreter { ip throws(RuntimeError) in try Operators.member(f.fp[slot], name, ip, at: loc) }
    }
    override var peeks: Bool { true }
    override func peekNumber(_ f: Frame) -> Double? { Record.field(in: f.fp + slot, name, hint: hint)?.number }
}

final class IndexNode: ExprNode {
    let base: ExprNode
    let indices: [ExprNode]
    /// Where each index is written, for an error about one of several (`t[0, 10]` points at `10`).
    let indexLocations: [SourceLocation]
    init(_ base: ExprNode, _ indices: [ExprNode], _ loc: SourceLocation) {
        self.base = base
        self.indices = indices
        indexLocations = indices.map(\.loc)
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        let b = try base.eval(f)
        if indices.count == 1 {
            let i = try evaluate(indices, 0, f)
            // The common case without building an index list: one whole number within a list (negative from the
            // end). Anything else, errors included, takes the general path.
            if case .list(let xs) = b, case .number(let x) = i, let n = IndexNode.listPosition(x, count: xs.count) {
                return xs[n]
            }
            return try Operators.index(b, [i], f.ip, at: indices[0].loc)
        }
        var idx: [Value] = []
        for i in indices { idx.append(try i.eval(f)) }
        // An error about the index (out of range, not an integer) points at the index, not at the start of `xs`.
        return try Operators.index(b, idx, f.ip, at: indices.first?.loc ?? loc, indexAt: indexLocations)
    }

    /// The node for `base[index]`: one that reads a list element in place when the base is a variable and reading
    /// it after the index cannot change the result (the index changes no variable), else the general node.
    static func make(_ base: ExprNode, _ indices: [ExprNode], _ loc: SourceLocation) -> ExprNode {
        let general = IndexNode(base, indices, loc)
        guard indices.count == 1 else { return general }
        if let local = base as? LocalGet, indices[0].isPure {
            return IndexLocalNode(local.slot, indices[0], loc)
        }
        // A global may be unknown: its error comes first in the general order, so the index must not fail either.
        if let global = base as? GlobalGet, indices[0] is ConstNode || indices[0] is LocalGet {
            return IndexGlobalNode(global, indices[0], loc)
        }
        return general
    }

    /// The position `x` selects in a list of `count` elements when it is a whole number in range (negative counts
    /// from the end, as `IndexRule` does); nil for anything else, which the general path then explains.
    @inline(__always) static func listPosition(_ x: Double, count: Int) -> Int? {
        guard let n = Limits.integer(x) else { return nil }
        let p = n < 0 ? n + count : n
        return p >= 0 && p < count ? p : nil
    }

    /// What `read` makes of element `x` of the list held at `place` (nil when `place` holds no list or `x` is not
    /// a position in it), read without copying the list (`ListValue.reading(in:)`).
    @inline(__always) static func readElement<R>(in place: UnsafeMutablePointer<Value>, _ x: Double,
                                                 _ read: (ListValue, Int) -> R?) -> R? {
        ListValue.reading(in: place) { xs in listPosition(x, count: xs.count).flatMap { read(xs, $0) } }
    }
}

/// `xs[i]` with `xs` a local variable and an index that changes no variable: a list element is read where the
/// variable holds the list, without copying the list; anything else takes the general rule.
final class IndexLocalNode: ExprNode {
    let slot: Int
    let index: ExprNode
    /// The index may be peeked (`ExprNode.peekNumber`).
    let indexPeeks: Bool
    let peekedIndex: PeekedOperand
    init(_ slot: Int, _ index: ExprNode, _ loc: SourceLocation) {
        self.slot = slot
        self.index = index
        indexPeeks = index.peeks
        peekedIndex = PeekedOperand(index)
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        if indexPeeks, let x = peekedIndex.number(index, f),
           let v = IndexNode.readElement(in: f.fp + slot, x, { xs, n in xs[n] }) {
            return v
        }
        let i = try index.eval(f)
        if case .number(let x) = i,
           let v = IndexNode.readElement(in: f.fp + slot, x, { xs, n in xs[n] }) {
            return v
        }
        return try Operators.index(f.fp[slot], [i], f.ip, at: index.loc)
    }
    override var peeks: Bool { indexPeeks }
    override func peekIsNil(_ f: Frame) -> Bool? {
        guard indexPeeks, let x = peekedIndex.number(index, f) else { return nil }
        return IndexNode.readElement(in: f.fp + slot, x) { xs, n in xs.isPlainlyNil(at: n) }
    }
    override func peekNumber(_ f: Frame) -> Double? {
        guard indexPeeks, let x = peekedIndex.number(index, f) else { return nil }
        return IndexNode.readElement(in: f.fp + slot, x) { xs, n in xs.number(at: n) }
    }
}

/// `xs[i]` with `xs` a global and a constant or local variable as the index (which can neither fail nor change
/// a variable): as `IndexLocalNode`, for a global.
final class IndexGlobalNode: ExprNode {
    let get: GlobalGet
    let index: ExprNode
    let peekedIndex: PeekedOperand
    init(_ get: GlobalGet, _ index: ExprNode, _ loc: SourceLocation) {
        self.get = get
        self.index = index
        peekedIndex = PeekedOperand(index)
        super.init(loc)
    }
    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        let i = try index.eval(f)
        unowned(unsafe) let g = f.ip.fastGlobals
        let p = g.values + get.slot
        if case .number(let x) = i,
           let v = IndexNode.readElement(in: p, x, { xs, n in xs[n] }) {
            return v
        }
        if case .nil = p.pointee, !g.defined[get.slot] { throw get.unknown(g) }
        return try Operators.index(p.pointee, [i], f.ip, at: index.loc)
    }
    override var peeks: Bool { index.peeks }
    override func peekNumber(_ f: Frame) -> Double? {
        guard let x = peekedIndex.number(index, f) else { return nil }
        unowned(unsafe) let g = f.ip.fastGlobals
        return IndexNode.readElement(in: g.values + get.slot, x) { xs, n in xs.number(at: n) }
    }
}

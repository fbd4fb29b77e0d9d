import SPSAutodiff
import SPSNumeric

/// A tensor that carries gradients, as the language sees it: its type is still `tensor`, it prints as one (marked
/// `param` or with the operation that made it), and the tensor operations that can be differentiated record what
/// they need. An operation that cannot be differentiated refuses it with a message that names `detach`.
extension Variable: NativeObject {
    public var typeName: String { "tensor" }

    public var description: String {
        let mark = isLeaf ? (name.isEmpty ? "param" : "param \(name)") : "grad from \(operation ?? "?")"
        let text = value.description
        if value.rank == 0 { return "\(text) (\(mark))" }
        guard let colon = text.firstIndex(of: ":") else { return "\(text) (\(mark))" }
        return text[..<colon] + " (\(mark))" + text[colon...]
    }

    public var memberNames: [String] { Operators.tensorMembers + ["grad", "value", "is_param"] }

    // Members and indexing go through `Operators`, which knows where they were written (`variableMember`,
    // `variableIndex`); these are what other hosts' code reaches through the protocol.
    public func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        try Operators.variableMember(self, name, interpreter, at: nil)
    }

    public func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws(RuntimeError) -> Bool {
        switch name {
        case "grad":
            guard isLeaf else { throw RuntimeError("only a param keeps .grad") }
            if value.isNil { zeroGradient(); return true }
            let t = try Interpreter.toTensor(value, what: "the gradient")
            guard t.count == self.value.count else {
                throw RuntimeError(".grad has shape \(Tensor.format(shape: self.value.shape)); cannot set it to a tensor of shape \(Tensor.format(shape: t.shape))")
            }
            gradient = (try? t.reshaped(self.value.shape)) ?? t
            return true
        case "value":
            try replaceValue(with: value)
            return true
        default: return false
        }
    }

    /// Sets a param's value (its shape stays).
    func replaceValue(with new: Value) throws(RuntimeError) {
        guard isLeaf else { throw RuntimeError("only a param's value can be set") }
        let t = try Interpreter.toTensor(new.variable.map { .tensor($0.value) } ?? new, what: "the value")
        guard t.count == value.count else {
            throw RuntimeError("this param has shape \(Tensor.format(shape: value.shape)); cannot set it to a tensor of shape \(Tensor.format(shape: t.shape))")
        }
        value = (try? t.reshaped(value.shape)) ?? t
        markChanged()
    }

    /// A param is trained in place: each run gets its own copy. A computed tensor holds the graph back to the
    /// session's params, which a run must not train or read while another changes them.
    public var isolation: IsolationPolicy {
        if isLeaf {
            return .copied { _ in
                let copy = Variable(name: self.name, value: self.value)
                copy.gradient = self.gradient
                return copy
            }
        }
        return .refused("a tensor computed from params outside `repeat` cannot be shared by its runs; compute it inside the block")
    }

    public var shape: String { Tensor.format(shape: value.shape) + (isLeaf ? " param" : " (carries gradients)") }
    public var byteSize: Int? { value.count * 4 * (isLeaf ? 2 : 1) }
}

extension Value {
    /// The tensor that carries gradients, if this is one.
    public var variable: Variable? {
        // An exact type check and an unchecked downcast: `as? Variable` is a runtime cast, and this runs for every
        // operand and argument of differentiable code (Variable is final, so the check is exact).
        guard case .native(let o) = self, type(of: o) == Variable.self else { return nil }
        return unsafeDowncast(o, to: Variable.self)
    }

    /// A result of differentiable operations as a value: a tensor that carries gradients when it does, else a
    /// plain tensor.
    public init(_ variable: Variable) {
        self = variable.requiresGrad ? .native(variable) : .tensor(variable.value)
    }
}

extension Interpreter {
    /// A value as a variable for a differentiable operation: itself when it carries gradients, else a constant
    /// (tensors, numbers and lists of numbers, as `toTensor` reads them).
    public static func toVariable(_ v: Value, what: @autoclosure () -> String) throws(RuntimeError) -> Variable {
        if let x = v.variable { return x }
        if case .tensor(let t) = v { return Variable(constant: t) }
        return Variable(constant: try toTensor(v, what: what()))
    }
}

extension Arguments {
    /// True when the argument is a tensor that carries gradients (the command should use its differentiable form).
    public func isTracked(_ name: String) -> Bool { self[name]?.variable?.requiresGrad ?? false }

    /// True when any argument (variadic ones included) carries gradients.
    public var anyTracked: Bool {
        for (p, value) in zip(command.parameters, values) {
            guard let value else { continue }
            if p.isVariadic {
                if case .list(let xs) = value, xs.contains(where: { $0.variable != nil }) { return true }
            } else if value.variable?.requiresGrad ?? false {
                return true
            }
        }
        return false
    }

    /// The argument as a variable for a differentiable operation, with the error at the argument.
    public func variable(_ name: String) throws(RuntimeError) -> Variable {
        do throws(RuntimeError) {
            return try Interpreter.toVariable(try value(name), what: "argument '\(name)' of \(command.name)")
        } catch {
            throw location(of: name).map { error.located($0) } ?? error
        }
    }
}

extension Operators {
    /// Reads `v.name` of a tensor that carries gradients; nil when there is no such member.
    static func variableMember(_ v: Variable, _ name: String, _ ip: Interpreter, at loc: SourceLocation?) throws(RuntimeError) -> Value? {
        switch name {
        case "grad":
            guard v.isLeaf else {
                throw RuntimeError("only a param keeps .grad (this tensor was computed by \(v.operation ?? "an operation")); use grad y x for the gradient of y with respect to x", at: loc)
            }
            return .tensor(v.gradient.shape == v.value.shape ? v.gradient : Tensor.zeros(v.value.shape))
        case "value": return .tensor(v.value)
        case "is_param": return .bool(v.isLeaf)
        case "T":
            guard v.rank <= 2 else { throw RuntimeError("'.T' needs a vector or matrix, got shape \(Tensor.format(shape: v.value.shape))", at: loc) }
            return .native(v.transposed())
        case "shape", "rank", "count", "rows", "cols":
            guard let loc else { return nil }
            return try member(.tensor(v.value), name, ip, at: loc)
        default: return nil
        }
    }

    /// `v[indices]` of a tensor that carries gradients: the selection is recorded (its gradient scatters back).
    static func variableIndex(_ v: Variable, _ idx: [Value], at loc: SourceLocation) throws(RuntimeError) -> Value {
        if let mask = TensorIndexing.elementMask(v.value, idx) {
            do throws(TensorError) { return Value(try v.selecting(mask: mask)) } catch { throw RuntimeError(error, at: loc) }
        }
        let selections = try TensorIndexing.selections(v.value, idx, at: loc)
        try TensorIndexing.checkSize(v.value, selections, at: loc)
        do throws(TensorError) {
            let result = try v.selecting(selections)
            // Every axis chosen by a single position: a number, as for plain tensors, but one that carries gradients.
            return Value(result)
        } catch {
            throw RuntimeError(error, at: loc)
        }
    }

    /// `v[indices] = value` for a param (its value changes in place, which later gradients through older results
    /// refuse); a computed tensor cannot be assigned into.
    static func variableSetIndex(_ v: Variable, _ idx: [Value], _ value: Value, at loc: SourceLocation) throws(RuntimeError) {
        guard v.isLeaf else {
            throw RuntimeError("cannot assign into a tensor computed from params (by \(v.operation ?? "an operation")); build a new one instead", at: loc)
        }
        var t = v.value
        try TensorIndexing.set(&t, idx, value.variable.map { .tensor($0.value) } ?? value, at: loc)
        v.value = t
        v.markChanged()
    }

    /// A binary operator where either side carries gradients: arithmetic and `@` are recorded; comparisons compare
    /// the values (a mask carries no gradient); anything else cannot be differentiated.
    static func variableBinary(_ op: BinaryOperator, _ x: Value, _ y: Value, at loc: SourceLocation) throws(RuntimeError) -> Value {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return try binary(op, x.variable.map { .tensor($0.value) } ?? x, y.variable.map { .tensor($0.value) } ?? y, at: loc)
        case .and, .or:
            throw RuntimeError("'\(op.rawValue)' needs true or false, got tensor", at: loc)
        case .remainder:
            throw RuntimeError("'%' cannot be differentiated; use it on detach x", at: loc)
        default: break
        }
        let a: Variable, b: Variable
        do throws(RuntimeError) {
            a = try Interpreter.toVariable(x, what: "operand of \(describe(op))")
            b = try Interpreter.toVariable(y, what: "operand of \(describe(op))")
        } catch {
            throw error.located(loc)
        }
        if op == .matmul, a.rank == 2, b.rank == 2 {
            do throws(RuntimeError) { _ = try Limits.checkTensor([a.value.shape[0], b.value.shape[1]], "the matrix product") }
            catch { throw error.located(loc) }
        }
        do throws(TensorError) {
            switch op {
            case .add: return Value(try a + b)
            case .subtract: return Value(try a - b)
            case .multiply: return Value(try a * b)
            case .divide: return Value(try a / b)
            case .power: return Value(try Variable.power(a, b))
            case .matmul: return Value(try a.matmul(b))
            default: break
            }
        } catch {
            throw RuntimeError(error, at: loc)
        }
        throw RuntimeError("\(describe(op)) cannot be applied to tensors that carry gradients", at: loc)
    }
}

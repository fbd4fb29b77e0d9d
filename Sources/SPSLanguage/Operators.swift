import SPSAutodiff
import SPSNumeric

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pow` from the C library.
@inline(__always) func cPow(_ a: Double, _ b: Double) -> Double { pow(a, b) }

/// The general (slow-path) semantics of operators, members and indexing for every value type.
enum Operators {
    /// Python-style modulo: the result takes the sign of the divisor.
    @inline(__always) static func modulo(_ a: Double, _ b: Double) -> Double {
        // Whole numbers (the usual `i % n`) by integer division, which gives the same remainder exactly (with the
        // sign of a zero remainder kept, as `truncatingRemainder` keeps it) in a fraction of `fmod`'s time.
        if a.magnitude < 0x1p53, b.magnitude < 0x1p53, let x = Int(exactly: a), let y = Int(exactly: b), y != 0 {
            let r = x % y
            if r == 0 { return a.sign == .minus ? -0.0 : 0.0 }
            return Double((r < 0) != (y < 0) ? r + y : r)
        }
        let r = a.truncatingRemainder(dividingBy: b)
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }

    /// `a ** b`.
    @inline(__always) static func power(_ a: Double, _ b: Double) -> Double {
        if b == 2 { return a * a }
        return cPow(a, b)
    }

    static func describe(_ op: BinaryOperator) -> String { "'\(op.rawValue)'" }

    /// Applies a binary operator to any two values.
    /// An arithmetic operator on two numbers (what `binary` gives for them); nil for the other operators.
    @inline(__always) static func arithmetic(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double? {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .remainder: modulo(a, b)
        case .power: power(a, b)
        default: nil
        }
    }

    static func binary(_ op: BinaryOperator, _ x: Value, _ y: Value, at loc: SourceLocation) throws(RuntimeError) -> Value {
        switch (x, y) {
        case (.number(let a), .number(let b)):
            switch op {
            case .add: return .number(a + b)
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide: return .number(a / b)
            case .remainder: return .number(modulo(a, b))
            case .power: return .number(power(a, b))
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterEqual: return .bool(a >= b)
            case .matmul: throw RuntimeError("'@' is the matrix product and needs tensors, got two numbers; use '*'", at: loc)
            case .and, .or: break
            }
        case (.native(let o), _) where o is Variable:
            return try variableBinary(op, x, y, at: loc)
        case (_, .native(let o)) where o is Variable:
            return try variableBinary(op, x, y, at: loc)
        case (.tensor, _), (_, .tensor):
            let other = x.tensor == nil ? x : y
            switch other {
            case .tensor, .number, .list, .range: return try tensorBinary(op, x, y, at: loc)
            default:
                if op == .equal || op == .notEqual { return .bool(op == .notEqual) }
                throw RuntimeError("\(describe(op)) cannot be applied to \(x.typeName) and \(y.typeName)", at: loc)
            }
        case (.string(let a), .string(let b)):
            switch op {
            case .add:
                do throws(RuntimeError) { try Limits.checkString(a.utf8.count + b.utf8.count, "the joined string") } catch { throw error.located(loc) }
                return .string(a + b)
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterEqual: return .bool(a >= b)
            default: break
            }
        case (.list(let a), .list(let b)) where op == .add:
            do throws(RuntimeError) { try Limits.checkList(a.count + b.count, "the joined list") } catch { throw error.located(loc) }
            return .list(a + b)
        case (.string(let s), .number), (.number, .string(let s)):
            if op == .add {
                throw RuntimeError("cannot add a string and a number; write \"…{x}…\" to put a number into a string, or str x", at: loc)
            }
            if op == .multiply, let n = (x.integer ?? y.integer), n >= 0 {
                let (bytes, overflow) = s.utf8.count.multipliedReportingOverflow(by: n)
                do throws(RuntimeError) { try Limits.checkString(overflow ? -1 : bytes, "the repeated string") } catch { throw error.located(loc) }
                return .string(String(repeating: s, count: n))
            }
        default:
            break
        }
        switch op {
        case .equal: return .bool(equal(x, y))
        case .notEqual: return .bool(!equal(x, y))
        default:
            throw RuntimeError("\(describe(op)) cannot be applied to \(x.typeName) and \(y.typeName)", at: loc)
        }
    }

    /// The value of `place`, moved out of it (which is left nil): when `place` was its only owner, the caller now
    /// is, and changing it changes it in place. Copying it and then setting `place = .nil` is not the same: the
    /// compiler may join that store with the one that puts the value back, and the copy is then a second owner
    /// for the whole change (an optimized build copied the whole list on every `xs[i][j] = v`).
    @inline(__always) static func moveOut(_ place: inout Value) -> Value {
        var moved = Value.nil
        swap(&moved, &place)
        return moved
    }

    /// `x += y` for two lists or two strings, in place: the value is moved out of `x` while it grows, so when `x`
    /// was its only owner Swift appends without copying and a loop of `xs += [i]` takes linear time. Another
    /// owner (`ys = xs`) keeps the storage shared, so the append copies first and `ys` does not change. Returns
    /// false, changing nothing, for other operands (the caller then uses `binary`); an error (too long) leaves `x`
    /// as it was.
    static func addInPlace(_ x: inout Value, _ y: Value, at loc: SourceLocation) throws(RuntimeError) -> Bool {
        if case .list = x, case .list(let b) = y {
            guard case .list(var a) = moveOut(&x) else { preconditionFailure("the variable changed while it was read") }
            do throws(RuntimeError) { try checkAppend(a, adding: b.count, "the joined list") } catch {
                x = .list(a)
                throw error.located(loc)
            }
            a.append(contentsOf: b)
            x = .list(a)
            return true
        }
        if case .string = x, case .string(let b) = y {
            // The string is moved out of `x` (so that it has one owner and grows in place) and back.
            guard case .string(var a) = moveOut(&x) else { preconditionFailure("the variable changed while it was read") }
            do throws(RuntimeError) { try Limits.checkString(a.utf8.count + b.utf8.count, "the joined string") } catch {
                x = .string(a)
                throw error.located(loc)
            }
            a += b
            x = .string(a)
            return true
        }
        return false
    }

    /// Throws unless `count` more elements may be appended to `xs`. The length limit is checked every time; the
    /// memory check (which reads /proc for large sizes) only when the storage must grow, which happens a
    /// logarithmic number of times over a loop of appends.
    @inline(__always) static func checkAppend(_ xs: ListValue, adding count: Int, _ what: @autoclosure () -> String) throws(RuntimeError) {
        let total = xs.count + count
        if total > Limits.maxListCount || total > xs.capacity { try Limits.checkList(total, what()) }
    }

    /// Elementwise operators with broadcasting; numbers and lists of numbers act as tensors.
    static func tensorBinary(_ op: BinaryOperator, _ x: Value, _ y: Value, at loc: SourceLocation) throws(RuntimeError) -> Value {
        let what = "operand of \(describe(op))"
        let a: Tensor, b: Tensor
        do throws(RuntimeError) {
            a = try Interpreter.toTensor(x, what: what)
            b = try Interpreter.toTensor(y, what: what)
        } catch {
            throw error.located(loc)
        }
        // A matrix product's size is checked before it is allocated (an n×1 times 1×n product has n² elements).
        if op == .matmul, a.rank == 2, b.rank == 2 {
            do throws(RuntimeError) { _ = try Limits.checkTensor([a.shape[0], b.shape[1]], "the matrix product") }
            catch { throw error.located(loc) }
        }
        do throws(TensorError) {
            switch op {
            case .add: return .tensor(try a.adding(b))
            case .subtract: return .tensor(try a.subtracting(b))
            case .multiply: return .tensor(try a.multiplying(b))
            case .divide: return .tensor(try a.dividing(b))
            case .power: return .tensor(try a.raised(to: b))
            case .remainder: return .tensor(try a.zipWith(b) { Float(modulo(Double($0), Double($1))) })
            case .matmul: return .tensor(try a.matmul(b))
            case .equal: return .tensor(try a.compare(b, .equal))
            case .notEqual: return .tensor(try a.compare(b, .notEqual))
            case .less: return .tensor(try a.compare(b, .less))
            case .lessEqual: return .tensor(try a.compare(b, .lessEqual))
            case .greater: return .tensor(try a.compare(b, .greater))
            case .greaterEqual: return .tensor(try a.compare(b, .greaterEqual))
            case .and, .or: break
            }
        } catch {
            throw RuntimeError(error, at: loc)
        }
        throw RuntimeError("'\(op.rawValue)' needs true or false, got tensor", at: loc)
    }

    /// Deep equality (identity for closures, commands and native objects).
    ///
    /// Iterative, with its own work list: values nested hundreds of thousands deep (`x = [x]` in a loop) must not
    /// overflow the stack.
    static func equal(_ x: Value, _ y: Value) -> Bool {
        var pending: [(Value, Value)] = [(x, y)]
        while let (a, b) = pending.popLast() {
            switch (a, b) {
            case (.list(let p), .list(let q)):
                guard p.count == q.count else { return false }
                // The same storage is the same list: without this, comparing a list that shares its parts
                // (`x = [x, x]` in a loop) would take exponential time.
                if p.identity == q.identity { continue }
                for i in p.indices.reversed() { pending.append((p[i], q[i])) }
            case (.record(let p), .record(let q)):
                guard p.keys == q.keys else { return false }
                pending.append(contentsOf: zip(p.values, q.values).reversed())
            default:
                if !shallowEqual(a, b) { return false }
            }
        }
        return true
    }

    /// Equality of two values that are not both lists or both records.
    static func shallowEqual(_ x: Value, _ y: Value) -> Bool {
        switch (x, y) {
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.nil, .nil): return true
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.range(let a), .range(let b)): return a == b
        case (.record(let a), .record(let b)):
            return a.keys == b.keys && zip(a.values, b.values).allSatisfy { equal($0, $1) }
        case (.tensor(let a), .tensor(let b)): return a == b
        case (.closure(let a), .closure(let b)): return a === b
        case (.command(let a), .command(let b)): return a === b
        case (.native(let a), .native(let b)): return a === b
        default: return false
        }
    }

    // MARK: - Members

    static let tensorMembers = ["shape", "T", "rank", "count", "rows", "cols"]
    static let listMembers = ["count", "first", "last"]

    /// Reads `value.name`.
    static func member(_ v: Value, _ name: String, _ ip: Interpreter, at loc: SourceLocation) throws(RuntimeError) -> Value {
        switch v {
        case .record(let r):
            if let x = r[name] { return x }
            throw RuntimeError("record has no field '\(name)'\(Suggestions.hint(for: name, in: r.keys))\(r.keys.isEmpty ? "" : " (fields: \(fieldList(r)))")", at: loc)
        case .tensor(let t):
            switch name {
            case "shape": return .list(t.shape.map { .number(Double($0)) })
            case "T":
                guard t.rank <= 2 else { throw RuntimeError("'.T' needs a vector or matrix, got shape \(Tensor.format(shape: t.shape))", at: loc) }
                return .tensor(t.transposed())
            case "rank": return .number(Double(t.rank))
            case "count": return .number(Double(t.count))
            case "rows": return .number(Double(t.rowCount))
            case "cols": return .number(Double(t.columnCount))
            default: break
            }
            throw RuntimeError("tensor has no member '\(name)'\(Suggestions.hint(for: name, in: tensorMembers)) (members: \(tensorMembers.joined(separator: ", ")))", at: loc)
        case .list(let xs):
            switch name {
            case "count": return .number(Double(xs.count))
            case "first": return xs.first ?? .nil
            case "last": return xs.last ?? .nil
            default:
                throw RuntimeError("list has no member '\(name)'\(Suggestions.hint(for: name, in: listMembers)) (members: \(listMembers.joined(separator: ", ")))", at: loc)
            }
        case .native(let v as Variable):
            if let x = try variableMember(v, name, ip, at: loc) { return x }
            let names = v.memberNames
            throw RuntimeError("tensor has no member '\(name)'\(Suggestions.hint(for: name, in: names)) (members: \(names.joined(separator: ", ")))", at: loc)
        case .native(let o):
            do throws(RuntimeError) {
                if let x = try o.member(name, in: ip) { return x }
            } catch {
                throw error.located(loc)
            }
            let names = o.memberNames
            throw RuntimeError("\(o.typeName) has no member '\(name)'\(Suggestions.hint(for: name, in: names))\(names.isEmpty ? "" : " (members: \(names.joined(separator: ", ")))")", at: loc)
        default:
            throw RuntimeError("a \(v.typeName) has no members (looking for '.\(name)')", at: loc)
        }
    }

    /// A record's field names for an error message: all of them, or the first 20 and how many there are.
    static func fieldList(_ r: Record) -> String {
        let shown = 20
        if r.count <= shown { return r.keys.joined(separator: ", ") }
        return r.keys.prefix(shown).joined(separator: ", ") + ", … (\(r.count) fields)"
    }

    /// Sets `container.name = value` in place.
    static func setMember(_ container: inout Value, _ name: String, _ value: Value, _ ip: Interpreter,
                          at loc: SourceLocation) throws(RuntimeError) {
        // `if case`, not `switch`: a switch keeps its own copy of the subject for the whole case, so the record
        // would have two owners and every set would copy all of its fields (quadratic growth).
        if case .record = container {
            if value.isContainer { try Limits.checkNesting(value, extra: 1, "this assignment", at: loc) }
            guard case .record(var r) = moveOut(&container) else { preconditionFailure("the record changed while it was set") }
            r[name] = value
            container = .record(r)
            return
        }
        switch container {
        case .native(let o as any MemberReplacing):
            let replacement: (any NativeObject)?
            do throws(RuntimeError) { replacement = try o.replacingMember(name, with: value, in: ip) } catch { throw error.located(loc) }
            guard let replacement else { throw RuntimeError("member '\(name)' of \(o.typeName) cannot be set", at: loc) }
            container = .native(replacement)
        case .native(let o):
            let ok: Bool
            do throws(RuntimeError) { ok = try o.setMember(name, to: value, in: ip) } catch { throw error.located(loc) }
            if !ok {
                let names = o.memberNames
                if names.contains(name) { throw RuntimeError("member '\(name)' of \(o.typeName) cannot be set", at: loc) }
                throw RuntimeError("\(o.typeName) has no member '\(name)'\(Suggestions.hint(for: name, in: names))", at: loc)
            }
        default:
            throw RuntimeError("cannot set member '\(name)' of a \(container.typeName)", at: loc)
        }
    }

    // MARK: - Indexing

    /// A list/string index, allowing negative positions from the end.
    static func position(_ i: Value, count: Int, what: String, at loc: SourceLocation) throws(RuntimeError) -> Int {
        guard let n = i.integer else {
            throw RuntimeError("\(what) index must be an integer, got \(i.typeName) \(Interpreter.short(i))", at: loc)
        }
        let p = n < 0 ? n + count : n
        guard p >= 0 && p < count else {
            throw RuntimeError("index \(n) is out of range for \(what) of length \(count)", at: loc)
        }
        return p
    }

    /// The positions of a list or string that an index selects (`IndexRule`: integers, ranges, gathers, masks).
    static func selection(_ i: Value, count: Int, what: String, at loc: SourceLocation) throws(RuntimeError) -> AxisSelection {
        do throws(RuntimeError) {
            return try IndexRule.selection(i, count: count, noun: what, what: "\(what) of length \(count)")
        } catch {
            throw error.located(loc)
        }
    }

    /// Reads `v[idx]`. An index that selects nothing valid is reported where it is written (`indexAt`, one location
    /// per index, when given), other errors at `loc`.
    static func index(_ v: Value, _ idx: [Value], _ ip: Interpreter, at loc: SourceLocation,
                      indexAt: [SourceLocation] = []) throws(RuntimeError) -> Value {
        switch v {
        case .list(let xs):
            guard idx.count == 1 else { throw RuntimeError("a list takes one index, got \(idx.count)", at: loc) }
            switch try selection(idx[0], count: xs.count, what: "list", at: indexAt.first ?? loc) {
            case .single(let p): return xs[p]
            case .span(let r): return .list(Array(xs[r]))
            case .positions(let ps): return .list(ps.map { xs[$0] })
            }
        case .string(let s):
            guard idx.count == 1 else { throw RuntimeError("a string takes one index, got \(idx.count)", at: loc) }
            let chars = Array(s)
            switch try selection(idx[0], count: chars.count, what: "string", at: indexAt.first ?? loc) {
            case .single(let p): return .string(String(chars[p]))
            case .span(let r): return .string(String(chars[r]))
            case .positions(let ps): return .string(String(ps.map { chars[$0] }))
            }
        case .range(let r):
            guard idx.count == 1 else { throw RuntimeError("a range takes one index, got \(idx.count)", at: loc) }
            return .number(Double(r.lower + (try position(idx[0], count: r.count, what: "range", at: indexAt.first ?? loc))))
        case .record(let r):
            guard idx.count == 1, case .string(let k) = idx[0] else {
                throw RuntimeError("a record is indexed by a field name string, e.g. r[\"name\"]", at: loc)
            }
            if let x = r[k] { return x }
            throw RuntimeError("record has no field '\(k)'\(Suggestions.hint(for: k, in: r.keys))", at: indexAt.first ?? loc)
        case .tensor(let t):
            return try TensorIndexing.get(t, idx, at: loc, indexAt: indexAt)
        case .native(let v as Variable):
            return try variableIndex(v, idx, at: loc)
        case .native(let o):
            do throws(RuntimeError) { return try o.index(idx, in: ip) } catch { throw error.located(loc) }
        default:
            throw RuntimeError("a \(v.typeName) cannot be indexed", at: loc)
        }
    }

    /// `container[idx]` moved out of the list or record that holds it (nil left in its place), for a change that
    /// `setIndex` puts back: the element then has one owner while it changes (a copy made every `xs[i][j] = v`
    /// copy the whole inner list). Nil, changing nothing, when the element is not held that way (a typed list's, a
    /// tensor's, several positions, an index that is an error): the caller then changes a copy.
    static func moveOutIndexed(_ container: inout Value, _ idx: [Value], at loc: SourceLocation) -> Value? {
        guard idx.count == 1 else { return nil }
        if case .list = container {
            guard case .list(var xs) = moveOut(&container) else { preconditionFailure("the list changed while it was read") }
            defer { container = .list(xs) }
            guard case .single(let p)? = try? selection(idx[0], count: xs.count, what: "list", at: loc) else { return nil }
            return xs.moveOut(p)
        }
        if case .record = container, case .string(let key) = idx[0] {
            guard case .record(var r) = moveOut(&container) else { preconditionFailure("the record changed while it was read") }
            defer { container = .record(r) }
            return r.moveOut(key)
        }
        return nil
    }

    /// `container.name` moved out of the record that holds it, as `moveOutIndexed` does for `setMember`; nil when
    /// `container` is not a record with that field.
    static func moveOutMember(_ container: inout Value, _ name: String) -> Value? {
        guard case .record = container else { return nil }
        guard case .record(var r) = moveOut(&container) else { preconditionFailure("the record changed while it was read") }
        defer { container = .record(r) }
        return r.moveOut(name)
    }

    /// Sets `container[idx] = value` in place; an index that selects nothing valid is reported where it is written
    /// (`indexAt`, when given), other errors at `loc`.
    static func setIndex(_ container: inout Value, _ idx: [Value], _ value: Value, _ ip: Interpreter,
                         at loc: SourceLocation, indexAt: [SourceLocation] = []) throws(RuntimeError) {
        if value.isContainer { try Limits.checkNesting(value, extra: 1, "this assignment", at: loc) }
        // Each container is moved out of `container` while it changes (`moveOut`), so that (when the variable was
        // its only owner) Swift changes it in place, and put back on every way out, an error included.
        if case .list = container {
            guard idx.count == 1 else { throw RuntimeError("a list takes one index, got \(idx.count)", at: loc) }
            guard case .list(var xs) = moveOut(&container) else { preconditionFailure("the list changed while it was set") }
            defer { container = .list(xs) }
            let chosen = try selection(idx[0], count: xs.count, what: "list", at: indexAt.first ?? loc)
            if case .single(let p) = chosen {
                xs[p] = value
                return
            }
            let positions = IndexRule.positions(chosen)
            let items = try listItems(value, for: positions.count, at: loc)
            for (k, p) in positions.enumerated() { xs[p] = items?[k] ?? value }
            return
        }
        if case .record = container {
            guard idx.count == 1, case .string(let k) = idx[0] else {
                throw RuntimeError("a record is indexed by a field name string, e.g. r[\"name\"]", at: indexAt.first ?? loc)
            }
            guard case .record(var r) = moveOut(&container) else { preconditionFailure("the record changed while it was set") }
            r[k] = value
            container = .record(r)
            return
        }
        if case .tensor = container {
            guard case .tensor(var t) = moveOut(&container) else { preconditionFailure("the tensor changed while it was set") }
            defer { container = .tensor(t) }
            try TensorIndexing.set(&t, idx, value, at: loc, indexAt: indexAt)
            return
        }
        switch container {
        case .native(let v as Variable):
            try variableSetIndex(v, idx, value, at: loc)
        case .native(let o):
            do throws(RuntimeError) { try o.setIndex(idx, to: value, in: ip) } catch { throw error.located(loc) }
        default:
            throw RuntimeError("cannot assign to an index of a \(container.typeName)", at: loc)
        }
    }

    /// The values assigned one by one to `count` selected items of a list: a list or tensor with one item per
    /// selected position, or nil when `value` fills every position (anything else: a number, a string …).
    static func listItems(_ value: Value, for count: Int, at loc: SourceLocation) throws(RuntimeError) -> [Value]? {
        let items: [Value]
        switch value {
        case .list(let xs): items = xs.values
        case .tensor(let t) where t.rank >= 1: items = tensorItems(t)
        default: return nil
        }
        guard items.count == count else {
            throw RuntimeError("cannot assign \(items.count) values to \(count) selected items; give one value for each, or a single value for all", at: loc)
        }
        return items
    }

    /// The items a `for` loop visits in a tensor: numbers for a vector, rows for a matrix.
    static func tensorItems(_ t: Tensor) -> [Value] {
        if t.rank <= 1 { return t.storage.map { .number(Double.shortest($0)) } }
        return (0..<t.rowCount).compactMap { i in (try? t.row(i)).map { .tensor($0) } }
    }
}


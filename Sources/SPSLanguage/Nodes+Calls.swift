import SPSNumeric

/// Application: calling defs, blocks, native commands and callable objects.

/// A bare identifier (or list of them) written as an argument, kept for column-name parameters.
enum BareName {
    case one(String)
    case many([String])

    var value: Value {
        switch self {
        case .one(let s): return .string(s)
        case .many(let xs): return .list(xs.map { .string($0) })
        }
    }
}

/// An argument not yet evaluated (or already a value, when Swift code calls).
enum PendingArgument {
    case value(Value)
    case node(ExprNode, BareName?)
}

/// `f a b k=v`, `f(a, b)`, `f()`.
final class CallNode: ExprNode {
    let head: ExprNode
    let headName: String
    let positional: [ExprNode]
    let positionalNames: [BareName?]
    let keywordNames: [String]
    let keywordValues: [ExprNode]
    let keywordBareNames: [BareName?]
    /// Where each keyword is written (`epochs` in `epochs=3`), for errors about the keyword itself.
    let keywordLocations: [SourceLocation]
    /// The slot of the global the head reads (`fib` in `fib n`), or -1.
    let headGlobal: Int
    /// The slot of the local variable the head reads (`f` in `f x`), or -1.
    let headLocal: Int

    init(head: ExprNode, headName: String, positional: [(ExprNode, BareName?)], keywords: [(String, ExprNode, BareName?)],
         keywordLocations: [SourceLocation] = [], _ loc: SourceLocation) {
        self.head = head
        self.headName = headName
        self.positional = positional.map(\.0)
        self.positionalNames = positional.map(\.1)
        self.keywordNames = keywords.map(\.0)
        self.keywordValues = keywords.map(\.1)
        self.keywordBareNames = keywords.map(\.2)
        self.keywordLocations = keywordLocations.count == keywords.count ? keywordLocations : keywords.map(\.1.loc)
        headGlobal = (head as? GlobalGet)?.slot ?? -1
        headLocal = (head as? LocalGet)?.slot ?? -1
        super.init(loc)
    }

    override func eval(_ f: Frame) throws(RuntimeError) -> Value {
        if headLocal >= 0, let c = Closure.unretained(in: f.fp + headLocal) {
            // `f x` with `f` a local variable: the caller's frame holds the closure for the call (only statements of
            // that frame can assign the variable, and none runs before the call returns).
            return try c.guaranteed { c throws(RuntimeError) in try callClosure(c, f) }
        }
        if headGlobal >= 0 {
            // `fib n`: the global holds the closure for the call (see `Globals.withCallee`), which counts no
            // reference to it.
            let slot = headGlobal
            let result = try f.withGlobals { g throws(RuntimeError) in
                try g.withCallee(slot) { c throws(RuntimeError) in try callClosure(c, f) }
            }
            if let result { return result }
        }
        let callee = try head.eval(f)
        switch callee {
        case .closure(let c):
            return try callClosure(c, f)
        case .command(let cmd):
            if let fn = cmd.numberFunction, positional.count == 1, keywordNames.isEmpty {
                let v = try evaluate(positional, 0, f)
                if case .number(let x) = v { return .number(fn(x)) }
                return try f.ip.callCommand(cmd, [.value(v)], [], frame: f, at: loc)
            }
            return try f.ip.callCommand(cmd, pendingPositional(), pendingKeywords(), keywordLocations: keywordLocations, frame: f, at: loc)
        case .native(let o):
            var args: [Value] = []
            for p in positional { args.append(try p.eval(f)) }
            var kws: [(String, Value)] = []
            for (k, v) in zip(keywordNames, keywordValues) { kws.append((k, try v.eval(f))) }
            do throws(RuntimeError) {
                if let r = try o.call(args, keywords: kws, in: f.ip) { return r }
            } catch {
                throw error.located(loc)
            }
            throw RuntimeError("'\(headName)' is a \(o.typeName), which cannot be applied to arguments", at: loc)
        case let other:
            var hint = ""
            if positional.count == 1, let first = positional.first, first is NegateNode || isNegativeLiteral(first) {
                hint = "; to subtract, put spaces on both sides of '-' (a - 1)"
            }
            throw RuntimeError("'\(headName)' is a \(other.typeName), not a command, and cannot be applied to arguments\(hint)", at: loc)
        }
    }

    func isNegativeLiteral(_ n: ExprNode) -> Bool {
        if let c = n as? ConstNode, case .number(let x) = c.value { return x < 0 }
        return false
    }

    func pendingPositional() -> [PendingArgument] {
        var out: [PendingArgument] = []
        out.reserveCapacity(positional.count)
        for i in positional.indices { out.append(.node(positional[i], positionalNames[i])) }
        return out
    }

    func pendingKeywords() -> [(String, PendingArgument)] {
        var out: [(String, PendingArgument)] = []
        for i in keywordNames.indices { out.append((keywordNames[i], .node(keywordValues[i], keywordBareNames[i]))) }
        return out
    }

    /// Calls a closure, evaluating arguments straight into the new frame.
    @inline(__always) func callClosure(_ c: Closure, _ f: Frame) throws(RuntimeError) -> Value {
        try f.withInterpreter { ip throws(RuntimeError) in try callClosure(c, f, ip) }
    }

    /// `callClosure` with the interpreter at hand.
    @inline(__always) func callClosure(_ c: Closure, _ f: Frame, _ ip: Interpreter) throws(RuntimeError) -> Value {
        // The proto is read through a reference that is not counted, and only its plain fields on the way in: the
        // runs of a `repeat` share protos, and counting references to one (or to its arrays) from two threads makes
        // them contend for its cache line. The closure, held by the caller, keeps it alive.
        unowned(unsafe) let proto = c.proto
        let n = proto.parameterCount
        let argc = positional.count
        if argc > n || ip.depth >= Interpreter.maxCallDepth { try ip.checkCall(proto, positional: argc, at: loc) }
        let base = ip.sp
        let localCount = proto.localCount, cellCount = proto.cellCount
        if base + localCount > ip.initializedSlots { try ip.reserve(localCount, at: loc) }
        let fp = ip.stack + base
        // Evaluate arguments into the new frame, moving the stack top past each so nested calls don't clobber it.
        var i = 0
        while i < argc {
            let v: Value
            do throws(RuntimeError) { v = try evaluate(positional, i, f) } catch {
                ip.release(fp, i)
                ip.sp = base
                throw error
            }
            (fp + i).initialize(to: v)  // the slot holds nil, as every slot above the stack top does
            i += 1
            ip.sp = base + i
        }
        ip.sp = base + localCount
        let cells = ip.makeCells(cellCount)
        let frame = Frame(ip: ip, fp: fp, closure: c, cells: cells)
        ip.depth += 1
        defer {
            ip.depth -= 1
            ip.release(fp, localCount)
            ip.sp = base
            ip.freeCells(cells, cellCount)
        }
        do throws(RuntimeError) {
            if argc < n || !keywordNames.isEmpty || cellCount > 0 {
                var given = [Bool](filling: false, count: n)
                for j in 0..<argc { given[j] = true }
                for (k, name) in keywordNames.enumerated() {
                    let j = try ip.keywordSlot(c.proto, name, &given, at: keywordLocations[k])
                    fp[j] = try keywordValues[k].eval(f)
                }
                try ip.finishArguments(c.proto, frame, given, at: loc)
            }
            try ip.checkpoint(at: loc)
            return try ip.runBody(proto.guardReturn, proto.bodyNodes, proto.finalReturn, frame)
        } catch {
            throw ip.addTrace(error, c.proto, loc)
        }
    }
}

extension Interpreter {
    /// Checks arguments against a native command's parameters and calls it.
    ///
    /// `keywordLocations` (one per keyword, when known) is where each keyword is written: an unknown keyword or one
    /// given twice is reported there; other errors about an argument point at its value.
    func callCommand(_ cmd: Command, _ positional: [PendingArgument], _ keywords: [(String, PendingArgument)],
                     keywordLocations: [SourceLocation] = [], frame: Frame?, at loc: SourceLocation?) throws(RuntimeError) -> Value {
        let params = cmd.parameters
        // A parameter is set once its value is (an explicit nil is `.nil`, not Swift's nil).
        var values = [Value?](filling: nil, count: params.count)
        var locations = [SourceLocation?](filling: nil, count: params.count)
        // The positions of a variadic parameter's values, for pointing at the one of the wrong type.
        var restLocations: [SourceLocation?] = []

        func evaluate(_ p: PendingArgument, for param: Parameter) throws(RuntimeError) -> Value {
            switch p {
            case .value(let v): return v
            case .node(let node, let bare):
                if param.takesNames, let bare {
                    // A local variable passes its value; any other bare name is the name itself (see `BareName`).
                    guard let frame else { return bare.value }
                    return try bare.columnNames(node, for: param, of: cmd, in: frame)
                }
                guard let frame else { return .nil }
                return try node.eval(frame)
            }
        }

        // Positional arguments fill positional parameters in order; a variadic one takes the rest.
        let positionalParams = cmd.positionalIndices
        var rest: [Value] = []
        var restIndex: Int?
        for (k, arg) in positional.enumerated() {
            if k < positionalParams.count && !params[positionalParams[k]].isVariadic {
                let pi = positionalParams[k]
                values[pi] = try evaluate(arg, for: params[pi])
                locations[pi] = argLocation(arg)
            } else if let last = positionalParams.last, params[last].isVariadic {
                restIndex = last
                rest.append(try evaluate(arg, for: params[last]))
                restLocations.append(argLocation(arg))
                if locations[last] == nil { locations[last] = argLocation(arg) }
            } else {
                let n = positionalParams.count
                throw RuntimeError("\(cmd.name) takes \(n == 0 ? "no" : "at most \(n)") positional argument\(n == 1 ? "" : "s"), got \(positional.count); usage: \(cmd.usage)", at: argLocation(arg) ?? loc)
            }
        }
        if let restIndex { values[restIndex] = .list(rest) }
        var extras: [(String, Value)] = []
        for (k, (name, arg)) in keywords.enumerated() {
            let keywordLocation = k < keywordLocations.count ? keywordLocations[k] : argLocation(arg) ?? loc
            if cmd.acceptsExtraKeywords && !params.contains(where: { $0.name == name }) {
                if extras.contains(where: { $0.0 == name }) { throw RuntimeError("argument '\(name)' of \(cmd.name) given twice", at: keywordLocation) }
                switch arg {
                case .value(let v): extras.append((name, v))
                case .node(let node, _):
                    guard let frame else { extras.append((name, .nil)); continue }
                    extras.append((name, try node.eval(frame)))
                }
                continue
            }
            guard let pi = params.firstIndex(where: { $0.name == name }) else {
                let hint = Suggestions.hint(for: name, in: params.map(\.name))
                throw RuntimeError("unknown argument '\(name)' for \(cmd.name)\(hint.isEmpty ? "; usage: \(cmd.usage)" : hint)", at: keywordLocation)
            }
            if values[pi] != nil { throw RuntimeError("argument '\(name)' of \(cmd.name) given twice", at: keywordLocation) }
            values[pi] = try evaluate(arg, for: params[pi])
            locations[pi] = argLocation(arg)
        }
        for (i, p) in params.enumerated() {
            // An explicit nil for an optional parameter means "not given" (`aug=nil` passes no augmentation).
            if p.isOptional, p.defaultValue == nil, case .nil? = values[i] { values[i] = nil; continue }
            if let v = values[i] {
                if case .native(let refused as RefusedObject) = v { throw RuntimeError(refused.message, at: locations[i] ?? loc) }
                if !p.type.accepts(v) && !(p.isVariadic && (v.elements ?? []).allSatisfy { p.type.accepts($0) }) {
                    // For the values a variadic parameter collected, the error names and points at the one that
                    // does not fit.
                    if p.isVariadic, i == restIndex, let k = rest.firstIndex(where: { !p.type.accepts($0) }) {
                        if case .native(let refused as RefusedObject) = rest[k] { throw RuntimeError(refused.message, at: restLocations[k] ?? loc) }
                        throw RuntimeError("argument '\(p.name)' of \(cmd.name) must be \(Interpreter.article(p.type.description)), got \(rest[k].described)", at: restLocations[k] ?? loc)
                    }
                    throw RuntimeError("argument '\(p.name)' of \(cmd.name) must be \(Interpreter.article(p.type.description)), got \(v.described)", at: locations[i] ?? loc)
                }
            } else if let d = p.defaultValue {
                values[i] = d
            } else if p.isVariadic {
                values[i] = .list([])
            } else if !p.isOptional {
                throw RuntimeError("\(cmd.name) is missing argument '\(p.name)'\(p.summary.isEmpty ? "" : " (\(p.summary))"); usage: \(cmd.usage)", at: loc)
            }
        }
        var args = Arguments(command: cmd, values: values, interpreter: self, location: loc)
        args.extraKeywords = extras
        args.locations = locations
        args.variadicLocations = restLocations
        do throws(RuntimeError) {
            let result = try cmd.body(&args)
            // Commands build lists from their arguments (zip, append …): the one place their results pass through.
            if result.isContainer { try Limits.checkNesting(result, "the result of \(cmd.name)") }
            return result
        } catch {
            throw loc.map { error.located($0) } ?? error
        }
    }

    func argLocation(_ a: PendingArgument) -> SourceLocation? {
        if case .node(let n, _) = a { return n.loc }
        return nil
    }

    static func article(_ s: String) -> String {
        if s.hasPrefix("any") { return s }
        return (s.first.map { "aeiouAEIOU".contains($0) } ?? false ? "an " : "a ") + s
    }

    /// A short rendering of a value for error messages, written after its type name (`got \(v.typeName) \(short)`,
    /// or `Value.described`): one line, at most 40 characters, never repeating the type — `3.5`, `"a"`,
    /// `[3, 64, 64, 1]`, `of shape [2, 3]` for a tensor, `(epoch 2, step 32)` for an object, `f a b` for a def.
    public static func short(_ v: Value) -> String {
        func clipped(_ r: String) -> String {
            let line = r.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? r
            let text = line.count < r.count ? line + " …" : line
            return text.count > 40 ? String(text.prefix(37)) + "…" : text
        }
        switch v {
        case .tensor(let t): return t.rank == 0 ? t.description : "of shape \(Tensor.format(shape: t.shape))"
        case .native(let o):
            // An object named by its shape, else by its description when that is one line (a drawing is not).
            var text = o.shape.isEmpty ? (o.description.contains("\n") ? "" : o.description) : o.shape
            if text.hasPrefix(o.typeName) { text = String(text.dropFirst(o.typeName.count).drop { $0 == ":" || $0 == " " }) }
            return text.isEmpty ? "object" : "(\(clipped(text)))"
        case .closure(let c):
            return c.proto.kind == .block ? "{ … }" : clipped(c.proto.signature.hasPrefix("def ") ? String(c.proto.signature.dropFirst(4)) : c.proto.signature)
        case .command(let c): return c.name
        default: return clipped(v.repr)
        }
    }
}

import SPSNumeric

/// The language's own built-in commands: values, math and tensors. The training core adds more from outside.
enum Builtins {
    static func registerAll(in ip: Interpreter) {
        ip.register(valueCommands)
        ip.register(mathCommands)
        ip.register(tensorCommands)
        ip.register(arrayCommands)
        ip.register(reductionCommands)
        ip.register(randomCommands)
        ip.register(linalgCommands)
        ip.register(autodiffCommands)
        ip.register(functionalCommands)
        ip.register(statisticsCommands)
    }

    /// Wraps a Swift tensor error as a runtime error.
    static func tensorOp<T>(_ body: () throws(TensorError) -> T) throws(RuntimeError) -> T {
        do throws(TensorError) { return try body() } catch { throw RuntimeError(error) }
    }

    // MARK: - Values

    static let valueCommands: [Command] = [
        Command("print", topic: "values", summary: "print values separated by spaces, then a newline",
                help: "Strings print without quotes; everything else prints as the prompt would show it.",
                example: "print \"loss\" 0.25", parameters: [.variadic("values", .any, "what to print")]) { args throws(RuntimeError) in
            args.interpreter.output.write(args.rest("values").map(\.description).joined(separator: " ") + "\n")
            return .nil
        },
        Command("len", topic: "values", summary: "the number of elements of a list, string, record, range or tensor, or the rows of a dataset or table",
                example: "len [1, 2, 3]", parameters: [.positional("value", .any)]) { args throws(RuntimeError) in
            switch try args.value("value") {
            case .list(let xs): return .number(Double(xs.count))
            case .string(let s): return .number(Double(Builtins.characterCount(s)))
            case .record(let r): return .number(Double(r.keys.count))
            case .range(let r): return .number(Double(r.count))
            case .tensor(let t): return .number(Double(t.rank == 0 ? 1 : t.shape[0]))
            case .native(let o as any RowCounted): return .number(Double(o.rowCount))
            case let v: throw RuntimeError("len needs a list, string, record, range, tensor, dataset or table, got \(v.described)", at: args.location(of: "value"))
            }
        },
        Command("range", topic: "values", summary: "integers from start up to (not including) stop",
                help: "`range n` is 0..<n; `range a b` is a..<b; with a step the result is a list.",
                example: "range 2 10 2",
                parameters: [.positional("start", .integer), .positional("stop", .integer, optional: true),
                             .positional("step", .integer, optional: true)]) { args throws(RuntimeError) in
            var lower = 0, upper = try args.integer("start")
            if args["stop"] != nil {
                lower = upper
                upper = try args.integer("stop")
            }
            guard args["step"] != nil else { return .range(RangeValue(lower: lower, upper: upper, inclusive: false)) }
            let step = try args.integer("step")
            guard step != 0 else { throw RuntimeError("range step must not be 0") }
            // The number of elements, checked against the list limit before the list is made (bounds and step are
            // at most 2^53 in size, so nothing here overflows).
            let span = upper - lower
            let count = span == 0 || (span > 0) != (step > 0) ? 0 : (span.magnitude - 1) / step.magnitude + 1
            guard count <= UInt(Limits.maxListCount) else {
                throw RuntimeError("range is too long: range \(lower) \(upper) \(step) would have \(count) elements; lists hold at most \(Limits.maxListCount)")
            }
            try Limits.checkList(Int(count), "range \(lower) \(upper) \(step)")
            return .list(stride(from: lower, to: upper, by: step).map { .number(Double($0)) })
        },
        Command("str", topic: "values", summary: "a value as text (what print shows)", example: "str 3.5",
                parameters: [.positional("value", .any)]) { args throws(RuntimeError) in
            .string(try args.value("value").description)
        },
        Command("type", topic: "values", summary: "the name of a value's type", example: "type [1, 2]",
                parameters: [.positional("value", .any)]) { args throws(RuntimeError) in
            .string((args["value"] ?? .nil).typeName)
        },
        Command("keys", topic: "values", summary: "the field names of a record", example: "keys {a: 1, b: 2}",
                parameters: [.positional("record", .record)]) { args throws(RuntimeError) in
            guard case .record(let r) = try args.value("record") else { return .nil }
            return .list(r.keys.map { .string($0) })
        },
        Command("append", topic: "values", summary: "a list with values added at the end", example: "xs = append xs 4",
                parameters: [.positional("list", .list), .variadic("values", .any)]) { args throws(RuntimeError) in
            guard case .list(var xs) = try args.value("list") else { return .nil }
            let rest = args.rest("values")
            try Operators.checkAppend(xs, adding: rest.count, "the result of append")
            xs += rest
            return .list(xs)
        },
        Command("reverse", topic: "values", summary: "a list in reverse order", example: "reverse [1, 2, 3]",
                parameters: [.positional("list", .sequence)]) { args throws(RuntimeError) in
            .list(try elements(try args.value("list"), "reverse").reversed())
        },
        Command("format", topic: "values", summary: "format values printf-style: %d %f %.3f %e %g %s %%",
                help: "Each % directive takes the next value. Widths and flags work as in C: %8.3f, %-6s, %05d.",
                example: "format \"%.3f ± %.2f\" 1.23456 0.1",
                parameters: [.positional("format", .string), .variadic("values", .any)]) { args throws(RuntimeError) in
            let spec = try args.string("format"), values = args.rest("values")
            try checkFormatSize(spec, values)
            return .string(try Formatter.format(spec, values))
        },
        Command("assert", topic: "values", summary: "stop with an error unless the condition is true",
                example: "assert (x > 0) \"x must be positive\"",
                parameters: [.positional("condition", .bool), .positional("message", .string, default: .string("assertion failed"))]) { args throws(RuntimeError) in
            if try !args.bool("condition") { throw RuntimeError(try args.string("message")) }
            return .nil
        },
        Command("error", topic: "values", summary: "stop with an error message", example: "error \"bad input\"",
                parameters: [.positional("message", .string)]) { args throws(RuntimeError) in
            throw RuntimeError(try args.string("message"))
        },
    ]

    /// Throws unless what `format spec values…` makes may be a string, before it is made: at most the format's
    /// own text, plus each value's text (a string as it is; anything else prints at most about 1 MiB, measured) and
    /// the room the widest directive could pad or extend it by.
    static func checkFormatSize(_ spec: String, _ values: [Value]) throws(RuntimeError) {
        // A directive's field width or precision is at most `maxFormatWidth` (Formatter checks); a number prints in
        // at most a few hundred characters before that (%f of 1e308).
        let room = Limits.maxFormatWidth + 400
        var sizes = [spec.utf8.count]
        for value in values {
            switch value {
            case .string(let s): sizes.append(s.utf8.count + room)
            case .number, .bool, .nil: sizes.append(room)
            default: sizes.append(value.description.utf8.count + room)
            }
        }
        var total = 0
        for size in sizes { total = total.addingReportingOverflow(size).overflow ? Int.max : total + size }
        guard total <= Limits.maxStringBytes else {
            throw RuntimeError("format's result could be \(total == Int.max ? "too many" : "up to \(total)") bytes long; strings hold at most \(Limits.maxStringBytes) bytes")
        }
        try Limits.checkString(total, "the formatted string")
    }

    /// The elements of a list, range or vector.
    static func elements(_ v: Value, _ command: String) throws(RuntimeError) -> [Value] {
        switch v {
        case .list(let xs): return xs.values
        case .range(let r):
            try Limits.checkList(r.count, "\(command) of the range \(v.repr)")
            return r.map { .number(Double($0)) }
        case .tensor(let t):
            try Limits.checkList(t.shape.first ?? 1, "\(command) of a tensor")
            return Operators.tensorItems(t)
        default: throw RuntimeError("\(command) needs a list, range or tensor, got \(v.typeName)")
        }
    }

    /// The numbers in a list or range.
    static func numbers(_ v: Value, _ command: String) throws(RuntimeError) -> [Double] {
        var out: [Double] = []
        for x in try elements(v, command) {
            guard let n = x.number else { throw RuntimeError("\(command) needs numbers, found \(x.typeName) \(Interpreter.short(x))") }
            out.append(n)
        }
        return out
    }
}

extension Builtins {
    /// The number of characters of `s`, as `s.count` counts them: an ASCII string is counted from its bytes (a
    /// "\r\n" pair is one character), which takes a scan of the bytes instead of Unicode's rules for each one.
    static func characterCount(_ s: String) -> Int {
        let ascii = s.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let base = bytes.baseAddress else { return 0 }
            let n = bytes.count
            var pairs = 0
            var i = 0
            // Eight bytes at a time while none is past ASCII and none is a carriage return (the usual case) …
            let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & high != 0 { return nil }
                let x = w ^ (0x0D &* ones)
                if (x &- ones) & ~x & high != 0 { break }  // a byte of `w` is "\r"
                i += 8
            }
            // … then byte by byte.
            while i < n {
                let b = base[i]
                if b >= 0x80 { return nil }
                if b == 0x0D, i + 1 < n, base[i + 1] == 0x0A { pairs += 1 }
                i += 1
            }
            return n - pairs
        }
        return (ascii ?? nil) ?? s.count
    }
}

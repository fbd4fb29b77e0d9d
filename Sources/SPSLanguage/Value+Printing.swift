import SPSNumeric

extension Value: CustomStringConvertible {
    /// How `print` shows the value: strings without quotes, everything else as `repr`.
    public var description: String {
        if case .string(let s) = self { return s }
        return repr
    }

    /// How the prompt echoes the value and how it appears inside lists and records: strings quoted.
    ///
    /// A list or record prints on one line unless an element takes several lines (a large tensor, a table, a
    /// model of several layers): then each element gets its own line, indented under the bracket, as numpy and
    /// PyTorch print nested arrays. Small tensors inside a list or record print in one-line constructor form
    /// (`tensor [1, 2, 3]`).
    public var repr: String {
        var budget = Value.maxPrintBytes
        return text(depth: 0, budget: &budget)
    }

    /// A value as an error message names it, on one line: its type, then a short rendering (`Interpreter.short`)
    /// — `number 3.5`, `string "a"`, `list [3, 64, 64, 1]`, `tensor of shape [2, 3]`, `Loop (epoch 2, step 32)`.
    public var described: String {
        if case .nil = self { return "nil" }
        return "\(typeName) \(Interpreter.short(self))"
    }

    /// A value as a message quotes it, on one line: a number, string or bool as written (`2.5`, `"a"`), anything
    /// else as `described` (`tensor of shape [3]`, `Model (4 parameters)`, `list [1, 2]`).
    public var quotedInMessage: String {
        switch self {
        case .number, .string, .bool, .nil: return Interpreter.short(self)
        default: return described
        }
    }

    /// Levels of nesting printed before `…`.
    static let maxPrintDepth = 64
    /// Bytes printed before `…`: a list that contains itself many times over (`x = [x, x]` in a loop) shares its
    /// storage, so it is small in memory but exponentially long in print.
    static let maxPrintBytes = 1 << 20

    /// The printed text, spending at most `budget` bytes on leaves (each byte is copied once per enclosing
    /// level, and levels are at most `maxPrintDepth`, so the work stays bounded).
    func text(depth: Int, budget: inout Int) -> String {
        if depth > Value.maxPrintDepth || budget <= 0 { return "…" }
        let leaf: String
        switch self {
        case .number(let n): leaf = Value.format(n)
        case .string(let s): leaf = Value.quote(s)
        case .bool(let b): leaf = b ? "true" : "false"
        case .nil: leaf = "nil"
        case .list(let xs):
            return Value.layout(keys: nil, values: xs.values, open: "[", close: "]", depth: depth, budget: &budget)
        case .range(let r): leaf = "\(r.lower)\(r.inclusive ? ".." : "..<")\(r.upper)"
        case .record(let r):
            return Value.layout(keys: r.keys, values: r.values, open: "{", close: "}", depth: depth, budget: &budget)
        case .closure(let c): leaf = c.proto.signature
        case .command(let c): leaf = "<command \(c.name)>"
        case .tensor(let t): leaf = depth == 0 ? t.description : t.inlineDescription ?? t.description
        case .native(let o): leaf = o.description
        }
        budget -= leaf.utf8.count
        return leaf
    }

    /// A list's elements (`keys` nil) or a record's fields: `[a, b]` on one line, or one entry per line when any
    /// entry takes several lines.
    static func layout(keys: [String]?, values: [Value], open: String, close: String, depth: Int,
                       budget: inout Int) -> String {
        var texts: [String] = []
        var multiLine = false
        for (i, value) in values.enumerated() {
            if budget <= 0 { texts.append("…"); break }
            let text = (keys.map { $0[i] + ": " } ?? "") + value.text(depth: depth + 1, budget: &budget)
            budget -= 2
            multiLine = multiLine || text.contains("\n")
            texts.append(text)
        }
        guard multiLine else { return open + texts.joined(separator: ", ") + close }
        // One entry per line, indented under the bracket. The later lines of a record entry's tensor (or object) go
        // 2 further in than its key; a nested list or record closes under its key.
        var out = open
        for (i, text) in texts.enumerated() {
            let nested = i < values.count && values[i].isContainer
            let more = keys != nil && !nested ? "    " : "  "
            for (j, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                out += "\n" + (j == 0 ? "  " : more) + line
            }
        }
        return out + "\n" + close
    }

    /// Formats a number: integral values without a decimal point, others in the shortest form that reads back.
    public static func format(_ n: Double) -> String {
        if n.isNaN { return "nan" }
        if n.isInfinite { return n < 0 ? "-inf" : "inf" }
        if n == n.rounded(), abs(n) < 1e16 {
            if n == 0 { return "0" }
            return String(Int64(n))
        }
        return n.description
    }

    /// A string in double quotes with `"`, `\`, `{`, `}` and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "{": out += "\\{"
            case "}": out += "\\}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}

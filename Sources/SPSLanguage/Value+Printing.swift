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
        var out = ""
        write(into: &out, depth: 0, budget: &budget)
        return out
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

    /// Appends the printed text to `out`, spending at most `budget` bytes on leaves; true when it took several
    /// lines. One line is written in place, so each byte is written once; only a list or record that turns out to
    /// take several lines is laid out again (its entries copied once more, at most `maxPrintDepth` times in all).
    @discardableResult
    func write(into out: inout String, depth: Int, budget: inout Int) -> Bool {
        if depth > Value.maxPrintDepth || budget <= 0 {
            out += "…"
            return false
        }
        let leaf: String
        switch self {
        case .number(let n): leaf = Value.format(n)
        case .string(let s): leaf = Value.quote(s)
        case .bool(let b): leaf = b ? "true" : "false"
        case .nil: leaf = "nil"
        case .list(let xs):
            return Value.layout(keys: nil, values: xs.values, open: "[", close: "]", depth: depth, budget: &budget, into: &out)
        case .range(let r): leaf = "\(r.lower)\(r.inclusive ? ".." : "..<")\(r.upper)"
        case .record(let r):
            return Value.layout(keys: r.keys, values: r.values, open: "{", close: "}", depth: depth, budget: &budget, into: &out)
        case .closure(let c): leaf = c.proto.signature
        case .command(let c): leaf = "<command \(c.name)>"
        case .tensor(let t): leaf = depth == 0 ? t.description : t.inlineDescription ?? t.description
        case .native(let o): leaf = o.description
        }
        budget -= leaf.utf8.count
        out += leaf
        return leaf.utf8.contains(UInt8(ascii: "\n"))
    }

    /// Appends a list's elements (`keys` nil) or a record's fields: `[a, b]` on one line, or one entry per line when
    /// any entry takes several lines; true in that case.
    static func layout(keys: [String]?, values: [Value], open: String, close: String, depth: Int,
                       budget: inout Int, into out: inout String) -> Bool {
        let start = out.utf8.count
        out += open
        // Where each entry's text lies in `out` (UTF-8 offsets), kept in case the entries go one per line.
        var entries: [Range<Int>] = []
        var multiLine = false
        for (i, value) in values.enumerated() {
            if i > 0 { out += ", " }
            let from = out.utf8.count
            if budget <= 0 {
                out += "…"
                entries.append(from..<out.utf8.count)
                break
            }
            if let keys {
                out += Value.fieldName(keys[i])
                out += ": "
            }
            let lines = value.write(into: &out, depth: depth + 1, budget: &budget)
            multiLine = multiLine || lines
            budget -= 2
            entries.append(from..<out.utf8.count)
        }
        guard multiLine else {
            out += close
            return false
        }
        // One entry per line, indented under the bracket. The later lines of a record entry's tensor (or object) go
        // 2 further in than its key; a nested list or record closes under its key.
        let utf8 = out.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let texts = entries.map { String(out[index($0.lowerBound)..<index($0.upperBound)]) }
        out.removeSubrange(index(start)...)
        out += open
        for (i, text) in texts.enumerated() {
            let nested = i < values.count && values[i].isContainer
            let more = keys != nil && !nested ? "    " : "  "
            for (j, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                out += "\n"
                out += j == 0 ? "  " : more
                out += line
            }
        }
        out += "\n"
        out += close
        return true
    }

    /// A record's field name as a record literal writes it: bare when it is a name (`loss`), quoted otherwise
    /// (`"a b"`, `"1x"`, `"if"`, `""`), so what prints reads back.
    static func fieldName(_ key: String) -> String {
        Lexer.isName(key) && TokenKind.keywords[key] == nil ? key : quote(key)
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

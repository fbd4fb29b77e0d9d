import SPSNumeric

extension Value: CustomStringConvertible {
    /// How `print` shows the value: strings without quotes, everything else as `repr`.
    public var description: String {
        if case .string(let s) = self { return s }
        return repr
    }

    /// How the prompt echoes the value and how it appears inside lists and records: strings quoted.
    public var repr: String {
        var out = ""
        write(to: &out, depth: 0)
        return out
    }

    /// Levels of nesting printed before `…`.
    static let maxPrintDepth = 64
    /// Bytes printed before `…`: a list that contains itself many times over (`x = [x, x]` in a loop) shares its
    /// storage, so it is small in memory but exponentially long in print.
    static let maxPrintBytes = 1 << 20

    func write(to out: inout String, depth: Int) {
        if depth > Value.maxPrintDepth || out.utf8.count > Value.maxPrintBytes {
            out += "…"
            return
        }
        switch self {
        case .number(let n): out += Value.format(n)
        case .string(let s): out += Value.quote(s)
        case .bool(let b): out += b ? "true" : "false"
        case .nil: out += "nil"
        case .list(let xs):
            out += "["
            for (i, x) in xs.enumerated() {
                if i > 0 { out += ", " }
                if out.utf8.count > Value.maxPrintBytes { out += "…"; break }
                x.write(to: &out, depth: depth + 1)
            }
            out += "]"
        case .range(let r): out += "\(r.lower)\(r.inclusive ? ".." : "..<")\(r.upper)"
        case .record(let r):
            out += "{"
            for (i, k) in r.keys.enumerated() {
                if i > 0 { out += ", " }
                if out.utf8.count > Value.maxPrintBytes { out += "…"; break }
                out += k + ": "
                r.values[i].write(to: &out, depth: depth + 1)
            }
            out += "}"
        case .closure(let c): out += c.proto.signature
        case .command(let c): out += "<command \(c.name)>"
        case .tensor(let t): out += t.description
        case .native(let o): out += o.description
        }
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

/// Prints syntax trees as S-expressions, so parser tests can compare text: `x = 1 + 2 * 3` prints
/// `(= x (+ 1 (* 2 3)))`.
public enum ASTPrinter {
    /// One line per statement.
    public static func print(_ statements: [Stmt]) -> String {
        statements.map(print).joined(separator: "\n")
    }

    /// A statement.
    public static func print(_ s: Stmt) -> String {
        switch s.kind {
        case .expression(let e): return print(e)
        case .assign(let t, let op, let v): return "(\(op.map { $0.rawValue } ?? "")= \(print(t)) \(print(v)))"
        case .def(let f):
            let params = f.parameters.map { p in p.defaultValue.map { "\(p.name)=\(print($0))" } ?? p.name }
            return "(def \(f.name) (\(params.joined(separator: " "))) \(print(f.body)))"
        case .if(let c, let then, let other):
            return "(if \(print(c)) \(print(then))\(other.map { " " + print($0) } ?? ""))"
        case .for(let name, let seq, let body): return "(for \(name) \(print(seq)) \(print(body)))"
        case .while(let c, let body): return "(while \(print(c)) \(print(body)))"
        case .break: return "(break)"
        case .continue: return "(continue)"
        case .return(let v): return v.map { "(return \(print($0)))" } ?? "(return)"
        case .block(let b): return print(b)
        }
    }

    /// A block.
    public static func print(_ b: Block) -> String {
        let head = b.parameters.isEmpty ? "block" : "block (\(b.parameters.joined(separator: " ")))"
        return b.statements.isEmpty ? "(\(head))" : "(\(head) \(b.statements.map(print).joined(separator: " ")))"
    }

    /// An expression.
    public static func print(_ e: Expr) -> String {
        switch e.kind {
        case .number(let n): return Value.format(n)
        case .string(let s): return Value.quote(s)
        case .interpolation(let pieces):
            let parts = pieces.map { p -> String in
                switch p {
                case .text(let t): return Value.quote(t)
                case .expr(let x): return print(x)
                }
            }
            return "(str \(parts.joined(separator: " ")))"
        case .bool(let b): return b ? "true" : "false"
        case .nil: return "nil"
        case .name(let n): return n
        case .list(let xs): return xs.isEmpty ? "(list)" : "(list \(xs.map(print).joined(separator: " ")))"
        case .record(let fields):
            return fields.isEmpty ? "(record)" : "(record \(fields.map { "\($0.0): \(print($0.1))" }.joined(separator: " ")))"
        case .block(let b): return print(b)
        case .range(let a, let b, let inclusive): return "(\(inclusive ? ".." : "..<") \(print(a)) \(print(b)))"
        case .unary(let op, let x): return "(\(op.rawValue) \(print(x)))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(print(a)) \(print(b)))"
        case .member(let x, let name): return "(. \(print(x)) \(name))"
        case .index(let x, let idx): return "(index \(print(x)) \(idx.map(print).joined(separator: " ")))"
        case .apply(let f, let args, let parens):
            let a = args.map { arg in arg.label.map { "\($0)=\(print(arg.value))" } ?? print(arg.value) }
            return "(\(parens ? "call" : "apply") \(print(f))\(a.isEmpty ? "" : " " + a.joined(separator: " ")))"
        }
    }
}

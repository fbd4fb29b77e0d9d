import SPSLanguage
import SPSNumeric

/// Interventions on an scm block, written as a block of assignments: `do={ x3 = 5 }` (a value),
/// `do={ x3 = normal 0 1 }` (a distribution), `do={ x3 = x3 + 1 }` (a shift of the node's own value),
/// `do={ x3 = y / 0.1 + normal 0 3 }` (a new mechanism), or a parameter (`do={ f = 0.1 }`).
///
/// The model block is not rewritten: it runs as written, and right after the last assignment of an intervened
/// name, the intervention's statement for that name runs and replaces the value (see
/// `Interpreter.runDefinitions(_:statements:seeds:after:)`). In the intervention, every name of the model reads
/// the model's value at that point — the intervened name its natural value. The intervention draws from its own
/// stream, so every other node keeps exactly the noise it has without the intervention (same seed, same draws).
struct Interventions {
    let block: Closure
    /// The statements of `block` for each intervened name.
    let statementsByName: [String: Set<Int>]
    /// The intervened names, in the intervention's order.
    let names: [String]

    /// Reads `block` as interventions on `model`: each top-level statement must assign a name the model defines.
    init(_ block: Closure, known: [String], what: String) throws(RuntimeError) {
        self.block = block
        var byName: [String: Set<Int>] = [:]
        var names: [String] = []
        for (i, s) in block.proto.topStatements.enumerated() {
            guard s.kind == .assignment, let name = s.name else {
                throw RuntimeError("\(what): each statement must assign a node of the model (x3 = 0, x3 = x3 + 1, x3 = normal 0 1)", at: s.location)
            }
            guard known.contains(name) else {
                throw RuntimeError("\(what): the model has no node '\(name)'; it defines \(known.joined(separator: ", "))\(Suggestions.hint(for: name, in: known))", at: s.location)
            }
            if byName[name] == nil { names.append(name) }
            byName[name, default: []].insert(i)
        }
        self.statementsByName = byName
        self.names = names
    }

    /// What runs after each assignment of the model: the intervention's value for an intervened name.
    func hook(interpreter: Interpreter, rows: Int, stream: Box<RandomStream>, what: String) -> Interpreter.AfterDefinition {
        { (name: String, natural: Value, defined: [(String, Value)]) throws(RuntimeError) -> Value? in
            guard let statements = statementsByName[name] else { return nil }
            let saved = interpreter.random
            interpreter.random = stream.value
            defer {
                stream.value = interpreter.random
                interpreter.random = saved
            }
            let seeds = defined.filter { $0.0 != name } + [(name, natural)]
            let values = try interpreter.runDefinitions(block, statements: statements, seeds: seeds)
            guard let value = values.last(where: { $0.0 == name })?.1 else { return nil }
            return try Interventions.conform(value, to: natural, rows: rows, interpreter: interpreter, what: "\(what) '\(name)'")
        }
    }

    /// An intervention's value in the shape of the node it replaces: a number or a distribution becomes a column
    /// for a column node; a parameter takes the value as it is.
    static func conform(_ value: Value, to natural: Value, rows: Int, interpreter: Interpreter, what: String) throws(RuntimeError) -> Value {
        guard case .tensor(let t) = natural, t.count > 0, t.shape[0] == rows else { return value }
        let width = t.rank == 2 ? t.shape[1] : 1
        switch value {
        case .number(let x):
            try Limits.checkTensor(t.shape, "\(what): a column")
            return .tensor(try converting { try Tensor(shape: t.shape, storage: [Float](repeating: Float(x), count: t.count)) })
        case .native(let d as DistributionObject):
            try Limits.checkTensor(t.shape, "\(what): a column")
            var draws = [Float](repeating: 0, count: t.count)
            for i in draws.indices { draws[i] = Float(d.distribution.sample(&interpreter.random)) }
            return .tensor(try converting { try Tensor(shape: t.shape, storage: draws) })
        case .tensor(let u) where u.count == t.count && (u.shape[0] == rows || u.rank == 1 && width == 1):
            return .tensor(try converting { try u.reshaped(t.shape) })
        default:
            throw RuntimeError("\(what) must be a number, a distribution or \(width == 1 ? "a column of \(rows) values" : "an n×\(width) block"), got \(value.typeName)\(value.tensor.map { " of shape \(Tensor.format(shape: $0.shape))" } ?? "")")
        }
    }
}

/// A mutable value shared by closures (the intervention's random stream across the model's statements).
final class Box<T> {
    var value: T
    init(_ value: T) { self.value = value }
}

import SPSLanguage
import SPSNumeric
import SPSTraining

/// Structural causal models: `scm n=… target=… { … }`, the general data generator, and `sample`.
///
/// How a block becomes data:
/// - While the block runs, the distribution commands (`normal 0 1`, `uniform …`) return their draws for the
///   block's rows (a column, or an n×k block with `cols=k`) instead of a Distribution value, and the session's
///   user stream (`randn`, `rand`) is replaced by the scm's own data stream, so the data reproduce under `seed`.
/// - Every top-level assignment of the block defines a node of the block's own, even when a global or a variable
///   of the enclosing def has that name (`Interpreter.runDefinitions`); the compiled block lists its top-level
///   statements (`FunctionProto.topStatements`), which give each node's line. Tensors with one value per row
///   (`[n]`) are columns; `[n, k]` tensors are blocks of k columns named `x1 … xk` after the node `x`. Everything
///   else — numbers, weight vectors and matrices (`randn 5`), lists — is a parameter of the block, never exported.
/// - Nodes whose name starts with `_` are hidden (confounders), as are nodes left out of `features=`; a number
///   listed in `features=` becomes a constant column.
/// - With `envs=k` the block runs once per environment block of rows, so parameters drawn in it
///   (`f = sample (uniform 0.02 1)`) take one value per environment; rows are tagged with their environment.
extension DataCommands {

    /// `scm n=… target=… [features=[…]] [envs=k] { … }`: data from a structural causal model.
    static let scm = Command(
        "scm", topic: "data", summary: "data from a structural causal model: one assignment per column, in causal order",
        help: """
        Runs the block to draw n rows. Each assignment defines a node from earlier nodes, constants and distributions;
        a distribution in an expression is drawn per row (`normal 0 1` is a column of n draws, `normal 0 1 cols=5` an
        n×5 block whose columns are named x1 … x5 after its node x). Blocks combine with matrices: `y = x @ w` with a
        weight vector `w = tensor [1, 2, 0, 0, 0]` or `w = randn 5`.
        Values that are not one-per-row — numbers, weight vectors, matrices — are parameters of the block, not columns.
        Nodes named `_u` (a leading underscore) are hidden: confounders that shape the data but are not exported.
        `features=[…]` picks and orders the exported columns (default: every visible node except the target); a
        number listed there becomes a constant column (e.g. the environment's factor).
        `envs=k` runs the block once per environment (k equal blocks of rows, tagged 0 … k-1), so a parameter drawn
        in the block — `f = sample (uniform 0.02 1)` — takes a new value in each environment.
        Every assignment at the block's top level is a node, even one named like a variable outside the block (a
        global, a parameter of the enclosing def); that variable keeps its value.
        `target=` and `features=` take column names: a bare name is the node's own name (`target=y`), except a local
        variable, which passes its value — in `def world t { scm n=100 target=t { … } }` the parameter t gives the
        target — so inside a def, write a node named like one of the def's variables as a string (`target="n"`).
        `do={ … }` intervenes without rewriting the block: after a node's assignment, the intervention's assignment
        for that node replaces its value — a number (`do={ x3 = 5 }`, Pearl's do(x3 = 5)), a distribution
        (`{ x3 = normal 0 1 }`), a shift of its natural value (`{ x3 = x3 + 1 }`) or a new mechanism
        (`{ x3 = y / 0.05 + normal 0 3 }`); it may also set a parameter (`{ f = 0.1 }`). Names in the intervention
        read the model's values. Nodes downstream follow; the others keep exactly their draws (same seed, same data).
        `envs=[nil, { f = 0.1 }, { x3 = 0 }]` makes one environment per intervention (nil: none), rows tagged 0, 1, ….
        A statement that reads a node before the block defines it is an error (causes come first; a cycle cannot).
        `graph`, `counterfactual` and the other commands of `help causal` read the same block.
        Random draws come from the session's data stream: `seed 0` reproduces the data exactly.
        Errors name the node and its line.
        """,
        example: """
        d = scm n=2000 target=y {
          x1 = normal 0 1
          x2 = normal 0 1
          y  = x1 + 2*x2 + 3 + normal 0 1
          x3 = y / 0.2 + normal 0 3
        }
        """,
        parameters: [
            .positional("model", .block, "the model: one assignment per node, causes before effects"),
            .keyword("n", .integer, default: .number(1000), unit: "rows", "number of rows"),
            .keyword("target", .columnName, "the node to predict"),
            .keyword("features", .columnNames, optional: true, "the exported feature columns, in order (default: every visible node but the target)"),
            .keyword("envs", .oneOf([.integer, .list]), default: .number(0), "run the block once per environment (k equal blocks of rows) and tag rows; or a list of interventions, one environment each"),
            .keyword("do", .block, optional: true, "interventions on the model's nodes: { x3 = 0 }, { x3 = normal 0 1 }, { x3 = x3 + 1 }"),
        ]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard case .closure(let block) = try args.value("model") else {
            throw RuntimeError("scm needs a block { … } with one assignment per node")
        }
        let rows = try checkedRows(args.integer("n"))
        let model = SCMModel(block: block, interpreter: args.interpreter, location: args.location)
        let outline = try model.outline()
        // Environments: a count, or a list of interventions (nil or {} for none), one environment each.
        var perEnvironment: [Interventions?] = []
        let environments: Int
        if case .list(let items) = try args.value("envs") {
            guard !items.isEmpty else { throw RuntimeError("envs= needs at least one environment, got []") }
            for (e, item) in items.enumerated() {
                switch item {
                case .nil: perEnvironment.append(nil)
                case .closure(let b): perEnvironment.append(try Interventions(b, known: outline.definedNames, what: "scm envs[\(e)]"))
                default: throw RuntimeError("envs= takes a count or a list of interventions ({ x3 = 0 }, or nil for none); item \(e) is \(item.typeName)")
                }
            }
            environments = items.count
        } else {
            environments = try args.integer("envs")
        }
        guard environments >= 0 && environments <= max(rows, 1) else {
            throw RuntimeError("envs must be between 0 and n (\(rows)), got \(environments)")
        }
        var common: Interventions?
        if let value = args["do"], case .closure(let b) = value {
            common = try Interventions(b, known: outline.definedNames, what: "scm do=")
        }
        let target = try args.string("target")
        var features: [String]?
        if let value = args["features"], !value.isNil { features = try args.names("features") }
        var rng = args.interpreter.nextStream(.data)
        // Interventions draw from a stream of their own, so the other nodes keep the draws they have without them.
        let interventionStream = Box(common == nil && perEnvironment.allSatisfy({ $0 == nil }) ? rng : args.interpreter.nextStream(.data))
        func hook(_ e: Int?, rows: Int) -> Interpreter.AfterDefinition? {
            let own = e.flatMap { perEnvironment.indices.contains($0) ? perEnvironment[$0] : nil }
            let what = e.map { "scm envs[\($0)]" } ?? "scm do="
            let hooks = [common.map { $0.hook(interpreter: model.interpreter, rows: rows, stream: interventionStream, what: "scm do=") },
                         own.map { $0.hook(interpreter: model.interpreter, rows: rows, stream: interventionStream, what: what) }].compactMap { $0 }
            guard !hooks.isEmpty else { return nil }
            return { (name: String, value: Value, defined: [(String, Value)]) throws(RuntimeError) -> Value? in
                var current = value
                var replaced = false
                for h in hooks {
                    if let v = try h(name, current, defined) {
                        current = v
                        replaced = true
                    }
                }
                return replaced ? current : nil
            }
        }
        if environments == 0 {
            let nodes = try model.run(rows: rows, rng: &rng, after: hook(nil, rows: rows))
            return .dataset(try model.dataset(nodes, rows: rows, target: target, features: features))
        }
        var parts: [Dataset] = []
        var firstColumns: [String]?
        for e in 0..<environments {
            let count = rows / environments + (e < rows % environments ? 1 : 0)
            let nodes = try model.run(rows: count, rng: &rng, environment: e, after: hook(e, rows: count))
            let part = try model.dataset(nodes, rows: count, target: target, features: features)
            if let firstColumns, firstColumns != part.columnNames {
                throw RuntimeError("scm: environment \(e) has the columns \(part.columnNames.joined(separator: ", ")) but environment 0 has \(firstColumns.joined(separator: ", "))", at: args.location)
            }
            if e == 0 {
                // The environments together make one dataset of n rows: checked once its width is known.
                try Limits.checkDataset(rows: rows, width: part.width, "the scm dataset (\(rows) rows of \(part.width) features)")
            }
            firstColumns = part.columnNames
            parts.append(part)
        }
        return .dataset(try converting { try Dataset.concat(parts) })
    }

    /// `sample d`: one draw.
    static let sample = Command(
        "sample", topic: "data", summary: "one number drawn from a distribution (or one element of a tensor or list)",
        help: """
        `sample (uniform 0.02 1)` draws one number. Inside `scm … envs=k { … }` this is how a parameter varies per
        environment: `f = sample (uniform 0.02 1)` is drawn once each time the block runs, i.e. once per environment.
        Given a tensor or list, picks one of its elements at random.
        """,
        example: "f = sample (uniform 0.02 1)\nscm n=1000 envs=4 target=y { f = sample (uniform 0.02 1); y = normal 0 1; x = y / f + normal 0 3 }",
        parameters: [.positional("from", .any, "a distribution, a tensor or a list of numbers")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let value = try args.value("from")
        let interpreter = args.interpreter
        switch value {
        case .number: return value
        case .native(let object as DistributionObject): return .number(object.distribution.sample(&interpreter.random))
        case .tensor(let t):
            guard t.count > 0 else { throw RuntimeError("sample: the tensor is empty") }
            return .number(Double.shortest(t.storage[interpreter.random.nextInt(below: t.count)]))
        case .list, .range:
            let numbers = (value.elements ?? []).compactMap(\.number)
            guard !numbers.isEmpty, numbers.count == value.elements?.count else {
                throw RuntimeError("sample needs a distribution, a tensor or a non-empty list of numbers, got \(value.quotedInMessage)")
            }
            return .number(numbers[interpreter.random.nextInt(below: numbers.count)])
        default:
            throw RuntimeError("sample needs a distribution (normal, uniform, …), a tensor or a list of numbers, got \(value.typeName)")
        }
    }

    /// A distribution command's result: a Distribution value, or inside an scm block its draws for the block's rows.
    static func drawOrValue(_ distribution: Distribution, _ args: Arguments) throws(RuntimeError) -> Value {
        let columns = args["cols"].flatMap { $0.isNil ? nil : $0 }.flatMap(\.integer)
        guard let rows = args.interpreter.context.scmRows else {
            if columns != nil {
                throw RuntimeError("cols= draws a block of columns inside scm { … }; outside scm, \(args.command.name) is a distribution value (draw k values with (\(args.command.name) …) k)")
            }
            return .native(DistributionObject(distribution))
        }
        if let columns, columns < 1 || columns > 100_000 {
            throw RuntimeError("cols must be between 1 and 100000, got \(columns)")
        }
        let width = columns ?? 1
        let interpreter = args.interpreter
        // n×cols draws in one tensor: checked against the tensor limit before the memory is asked for.
        try Limits.checkTensor(columns == nil ? [rows] : [rows, width], "\(args.command.name) … cols=\(width) for n=\(rows) rows: a block")
        var draws = [Float](repeating: 0, count: rows * width)
        for i in draws.indices { draws[i] = Float(distribution.sample(&interpreter.random)) }
        return .tensor(columns == nil ? Tensor(draws) : try converting { try Tensor(shape: [rows, width], storage: draws) })
    }
}

// MARK: - Running a model

/// One run of an scm block: its nodes by name, in definition order.
struct SCMNode {
    /// What a variable of the block is.
    enum Kind {
        /// One value per row.
        case column(Tensor)
        /// An n×k block of columns.
        case block(Tensor)
        /// Anything else: a number, a weight vector or matrix, a list.
        case parameter(Value)
    }
    let name: String
    let kind: Kind

    /// The exported column names (none for a parameter).
    var columnNames: [String] {
        switch kind {
        case .column: return [name]
        case .block(let t): return (1...max(t.shape[1], 1)).map { "\(name)\($0)" }
        case .parameter: return []
        }
    }

    /// Hidden nodes (a leading underscore) are left out of the default features.
    var isHidden: Bool { name.hasPrefix("_") }

    /// How the node is described in errors.
    var what: String {
        switch kind {
        case .column: return "a column"
        case .block(let t): return "a block of \(t.shape[1]) columns"
        case .parameter(.tensor(let t)): return "a parameter (a tensor of shape \(Tensor.format(shape: t.shape)))"
        case .parameter(let v): return "a parameter (a \(v.typeName))"
        }
    }
}

/// An scm block and what its compiled form says about it: its top-level statements, and where each node is
/// assigned.
struct SCMModel {
    let block: Closure
    let interpreter: Interpreter
    /// Where `scm` was called, for errors that belong to no node.
    let location: SourceLocation?
    /// The block's top-level statements, in source order (kept by the compiler).
    let statements: [FunctionProto.TopStatement]

    /// Prepares to run `block`.
    init(block: Closure, interpreter: Interpreter, location: SourceLocation?) {
        self.block = block
        self.interpreter = interpreter
        self.location = location
        self.statements = block.proto.topStatements
    }

    /// Runs the block for `rows` rows, returning its nodes in definition order.
    ///
    /// The nodes are the block's own top-level assignments, whatever names exist outside it: a node named like a
    /// global or a variable of the enclosing def is still a node, and the outer variable keeps its value (see
    /// `Interpreter.runDefinitions`).
    func run(rows: Int, rng: inout RandomStream, environment: Int? = nil,
             after: Interpreter.AfterDefinition? = nil) throws(RuntimeError) -> [SCMNode] {
        let savedRows = interpreter.context.scmRows
        let savedRandom = interpreter.random
        interpreter.context.scmRows = rows
        interpreter.random = rng
        defer {
            rng = interpreter.random
            interpreter.random = savedRandom
            interpreter.context.scmRows = savedRows
        }
        let defined: [(String, Value)]
        do throws(RuntimeError) {
            if let after {
                defined = try interpreter.runDefinitions(block, after: after)
            } else {
                defined = try interpreter.runDefinitions(block)
            }
        } catch {
            throw annotate(error, environment: environment)
        }
        var nodes: [SCMNode] = []
        for (name, value) in defined {
            nodes.append(try node(name, value, rows: rows))
        }
        return nodes
    }

    /// Classifies one variable of the block: a column, a block of columns, or a parameter.
    func node(_ name: String, _ value: Value, rows: Int) throws(RuntimeError) -> SCMNode {
        switch value {
        case .tensor(let t) where t.rank == 1 && t.count == rows:
            return SCMNode(name: name, kind: .column(t))
        case .tensor(let t) where t.rank == 2 && t.shape[0] == rows:
            if t.shape[1] == rows && rows > 16 {
                throw nodeError(name, "has shape \(Tensor.format(shape: t.shape)): an [n, 1] column was probably combined with an [n] column, which broadcasts to n×n; use a weight vector (x @ (randn 5)) so products stay [n]")
            }
            if t.shape[1] == 1 { return SCMNode(name: name, kind: .column(Tensor(t.storage))) }
            return SCMNode(name: name, kind: .block(t))
        case .native(let object as DistributionObject):
            try Limits.checkTensor([rows], "the scm node '\(name)': a column")
            var draws = [Float](repeating: 0, count: rows)
            for i in draws.indices { draws[i] = Float(object.distribution.sample(&interpreter.random)) }
            return SCMNode(name: name, kind: .column(Tensor(draws)))
        default:
            return SCMNode(name: name, kind: .parameter(value))
        }
    }

    /// Assembles one run's nodes into a dataset.
    func dataset(_ nodes: [SCMNode], rows: Int, target: String, features: [String]?) throws(RuntimeError) -> Dataset {
        // Every exported column name must be unique.
        var owner: [String: String] = [:]
        for node in nodes {
            for column in node.columnNames {
                if let other = owner[column], other != node.name {
                    throw nodeError(node.name, "and the node '\(other)' both make a column named '\(column)' (a block x of k columns is named x1 … xk); rename one of them")
                }
                owner[column] = node.name
            }
        }
        let nodeNames = nodes.filter { !$0.columnNames.isEmpty }.map(\.name)
        let allNames = nodes.map(\.name) + owner.keys.filter { !nodes.map(\.name).contains($0) }.sorted()

        /// The columns a name given by the user stands for: a node's columns, or one column of a block.
        func columns(for name: String, role: String) throws(RuntimeError) -> [(String, Tensor)] {
            if let node = nodes.first(where: { $0.name == name }) {
                switch node.kind {
                case .column(let t): return [(name, t)]
                case .block(let t):
                    return node.columnNames.enumerated().map { j, column in (column, (try? t.column(j)) ?? Tensor([])) }
                case .parameter(.number(let x)) where role == "features":
                    // A number listed explicitly becomes a constant column: e.g. a per-environment factor.
                    try Limits.checkTensor([rows], "the constant column '\(name)'")
                    return [(name, Tensor([Float](repeating: Float(x), count: rows)))]
                case .parameter:
                    let allowed = role == "features" ? "a node with one value per row (n=\(rows)) or a number" : "a node with one value per row (n=\(rows))"
                    throw nodeError(name, "is \(node.what), not a column: \(role) must be \(allowed)")
                }
            }
            if let blockName = owner[name], let node = nodes.first(where: { $0.name == blockName }),
               case .block(let t) = node.kind, let j = node.columnNames.firstIndex(of: name) {
                return [(name, (try? t.column(j)) ?? Tensor([]))]
            }
            let listed = nodeNames.isEmpty ? "the block defines no columns" : "the nodes are \(nodeNames.joined(separator: ", "))"
            throw RuntimeError("scm: no node named '\(name)' for \(role); \(listed)\(Suggestions.hint(for: name, in: allNames))", at: location)
        }

        let targetColumns = try columns(for: target, role: "the target")
        guard targetColumns.count == 1 else {
            throw nodeError(target, "is a block of \(targetColumns.count) columns; the target must be one column, e.g. \(targetColumns[0].0)")
        }
        var featureColumns: [(String, Tensor)] = []
        if let features {
            for name in features {
                for column in try columns(for: name, role: "features") {
                    if column.0 == targetColumns[0].0 {
                        throw RuntimeError("scm: '\(name)' is the target; it cannot also be a feature", at: location)
                    }
                    if featureColumns.contains(where: { $0.0 == column.0 }) {
                        throw RuntimeError("scm: the feature '\(column.0)' is listed twice in features=", at: location)
                    }
                    featureColumns.append(column)
                }
            }
        } else {
            for node in nodes where !node.isHidden && !node.columnNames.isEmpty {
                for column in try columns(for: node.name, role: "features") where column.0 != targetColumns[0].0 {
                    featureColumns.append(column)
                }
            }
        }
        let width = featureColumns.count
        try Limits.checkDataset(rows: rows, width: width, "the scm dataset (\(rows) rows of \(width) features)")
        var storage = [Float](repeating: 0, count: rows * width)
        for (j, column) in featureColumns.enumerated() {
            let values = column.1.storage
            for i in 0..<rows { storage[i * width + j] = values[i] }
        }
        return try converting {
            try Dataset(features: Tensor(shape: [rows, width], storage: storage), target: targetColumns[0].1,
                        featureNames: featureColumns.map(\.0), targetName: targetColumns[0].0)
        }
    }

    /// An error about a node, located at the line that assigns it.
    func nodeError(_ name: String, _ message: String) -> RuntimeError {
        let at = statements.last { $0.kind == .assignment && $0.name == name }
        let line = at.map { " (line \($0.location.line))" } ?? ""
        return RuntimeError("scm node '\(name)'\(line) \(message)", at: at?.location ?? location)
    }

    /// Names the node whose statement raised an error inside the block.
    func annotate(_ error: RuntimeError, environment: Int?) -> RuntimeError {
        guard !error.isInterrupt, let at = error.location, at.file === block.proto.location.file,
              let statement = statements.last(where: { $0.contains(at.offset) }) else { return error }
        var annotated = error
        let env = environment.map { " (environment \($0))" } ?? ""
        if statement.kind == .assignment, let name = statement.name {
            annotated.message = "scm node '\(name)'\(env): \(error.message)"
        } else if !env.isEmpty {
            annotated.message = "scm\(env): \(error.message)"
        }
        return annotated
    }
}

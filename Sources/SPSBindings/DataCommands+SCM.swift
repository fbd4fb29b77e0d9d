import SPSLanguage
import SPSNumeric
import SPSTraining

/// Structural causal models: `scm n=… target=… { … }`, the general data generator, and `sample`.
///
/// How a block becomes data:
/// - While the block runs, the distribution commands (`normal 0 1`, `uniform …`) return their draws for the
///   block's rows (a column, or an n×k block with `cols=k`) instead of a Distribution value, and the session's
///   user stream (`randn`, `rand`) is replaced by the scm's own data stream, so the data reproduce under `seed`.
/// - Every top-level assignment of the block defines a variable. Tensors with one value per row (`[n]`) are
///   columns; `[n, k]` tensors are blocks of k columns named `x1 … xk` after the node `x`. Everything else —
///   numbers, weight vectors and matrices (`randn 5`), lists — is a parameter of the block, never exported.
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
            .keyword("envs", .integer, default: .number(0), "run the block once per environment (k equal blocks of rows) and tag rows"),
        ]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard case .closure(let block) = try args.value("model") else {
            throw RuntimeError("scm needs a block { … } with one assignment per node")
        }
        let rows = try checkedRows(args.integer("n"))
        let environments = try args.integer("envs")
        guard environments >= 0 && environments <= max(rows, 1) else {
            throw RuntimeError("envs must be between 0 and n (\(rows)), got \(environments)")
        }
        let target = try args.string("target")
        var features: [String]?
        if let value = args["features"], !value.isNil { features = try args.names("features") }
        let model = SCMModel(block: block, interpreter: args.interpreter, location: args.location)
        var rng = args.interpreter.nextStream(.data)
        if environments == 0 {
            let nodes = try model.run(rows: rows, rng: &rng)
            return .dataset(try model.dataset(nodes, rows: rows, target: target, features: features))
        }
        var parts: [Dataset] = []
        var firstColumns: [String]?
        for e in 0..<environments {
            let count = rows / environments + (e < rows % environments ? 1 : 0)
            let nodes = try model.run(rows: count, rng: &rng, environment: e)
            let part = try model.dataset(nodes, rows: count, target: target, features: features)
            if let firstColumns, firstColumns != part.columnNames {
                throw RuntimeError("scm: environment \(e) has the columns \(part.columnNames.joined(separator: ", ")) but environment 0 has \(firstColumns.joined(separator: ", "))", at: args.location)
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
            return .number(Double(t.storage[interpreter.random.nextInt(below: t.count)]))
        case .list, .range:
            let numbers = (value.elements ?? []).compactMap(\.number)
            guard !numbers.isEmpty, numbers.count == value.elements?.count else {
                throw RuntimeError("sample needs a distribution, a tensor or a non-empty list of numbers, got \(value.repr)")
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

/// An scm block and what is known about its source: where each node is assigned.
struct SCMModel {
    let block: Closure
    let interpreter: Interpreter
    /// Where `scm` was called, for errors that belong to no node.
    let location: SourceLocation?
    let source: SCMSource

    /// Prepares to run `block`, scanning its source once.
    init(block: Closure, interpreter: Interpreter, location: SourceLocation?) {
        self.block = block
        self.interpreter = interpreter
        self.location = location
        self.source = SCMSource(block.proto.location)
    }

    /// Runs the block for `rows` rows, returning its nodes in definition order.
    func run(rows: Int, rng: inout RandomStream, environment: Int? = nil) throws(RuntimeError) -> [SCMNode] {
        let savedRows = interpreter.context.scmRows
        let savedRandom = interpreter.random
        // Top-level names of the block that already exist as globals are rebound by the block (the language's
        // scope rule); keep the user's values and read the node values from the globals afterwards.
        let userGlobals = Set(interpreter.variables.map(\.0))
        let rebound = source.assignedNames.filter { userGlobals.contains($0) }
        let savedGlobals = rebound.map { ($0, interpreter.global($0) ?? .nil) }
        interpreter.context.scmRows = rows
        interpreter.random = rng
        for name in rebound { interpreter.setGlobal(name, .nil) }
        defer {
            rng = interpreter.random
            interpreter.random = savedRandom
            interpreter.context.scmRows = savedRows
            for (name, value) in savedGlobals { interpreter.setGlobal(name, value) }
        }
        var captured: [(String, Value)]
        do {
            captured = try interpreter.runCapturingLocals(block)
        } catch {
            throw annotate(error, environment: environment)
        }
        for name in rebound {
            let value = interpreter.global(name) ?? .nil
            if !value.isNil { captured.append((name, value)) }
        }
        let order = source.assignedNames
        captured.sort { (order.firstIndex(of: $0.0) ?? Int.max) < (order.firstIndex(of: $1.0) ?? Int.max) }
        var nodes: [SCMNode] = []
        for (name, value) in captured {
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
        let at = source.assignments.last { $0.name == name }
        let line = at.map { " (line \($0.line))" } ?? ""
        return RuntimeError("scm node '\(name)'\(line) \(message)", at: at?.location ?? location)
    }

    /// Names the node whose statement raised an error inside the block.
    func annotate(_ error: RuntimeError, environment: Int?) -> RuntimeError {
        guard !error.isInterrupt, let at = error.location, at.file === source.file,
              let statement = source.statement(containing: at.offset) else { return error }
        var annotated = error
        let env = environment.map { " (environment \($0))" } ?? ""
        if let name = statement.name {
            annotated.message = "scm node '\(name)'\(env): \(error.message)"
        } else if !env.isEmpty {
            annotated.message = "scm\(env): \(error.message)"
        }
        return annotated
    }
}

// MARK: - The block's source

/// Where an scm block assigns its nodes, found by scanning the block's source text.
///
/// The compiled block keeps no statement list, so this reads the text between the block's braces: top-level
/// statements end at `;` or a newline outside brackets (not after `\`); a statement that starts with
/// `name =` (or `name += …`) assigns the node `name`.
struct SCMSource {
    /// A top-level statement of the block.
    struct Statement {
        /// The node it assigns, if it is an assignment to a plain name.
        let name: String?
        /// Where the statement starts.
        let location: SourceLocation
        /// Byte offsets of the statement.
        let start: Int, end: Int
        var line: Int { location.line }
    }

    let file: SourceFile
    let statements: [Statement]

    /// The assignments, in source order.
    var assignments: [Statement] { statements.filter { $0.name != nil } }

    /// The names assigned at the top level, in order of first assignment.
    var assignedNames: [String] {
        var seen: [String] = []
        for s in statements { if let n = s.name, !seen.contains(n) { seen.append(n) } }
        return seen
    }

    /// The top-level statement containing a byte offset.
    func statement(containing offset: Int) -> Statement? {
        statements.last { $0.start <= offset && offset <= $0.end }
    }

    /// Scans the block whose opening brace is at (or after) `start`.
    init(_ start: SourceLocation) {
        file = start.file
        let bytes = Array(start.file.text.utf8)
        var i = start.offset, line = start.line, column = start.column
        var found: [Statement] = []
        var depth = 0
        var statementStart: (offset: Int, line: Int, column: Int)?
        var statementName: String?
        var lastSignificant: UInt8 = 0

        func isIdentifierStart(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 }
        func isIdentifier(_ b: UInt8) -> Bool { isIdentifierStart(b) || (b >= 48 && b <= 57) }
        func advance() {
            if bytes[i] == 10 { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        func finishStatement() {
            if let s = statementStart {
                found.append(Statement(name: statementName, location: SourceLocation(file: start.file, line: s.line, column: s.column, offset: s.offset),
                                       start: s.offset, end: i))
            }
            statementStart = nil
            statementName = nil
        }

        while i < bytes.count && bytes[i] != UInt8(ascii: "{") { advance() }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "["):
                if depth == 1 && statementStart == nil { statementStart = (i, line, column) }
                depth += 1
                advance()
            case UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { finishStatement(); i = bytes.count; break }
                advance()
            case UInt8(ascii: "#"):
                while i < bytes.count && bytes[i] != 10 { advance() }
                continue
            case UInt8(ascii: "\""):
                if depth == 1 && statementStart == nil { statementStart = (i, line, column) }
                advance()
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") && i + 1 < bytes.count { advance() }
                    advance()
                }
                if i < bytes.count { advance() }
            case 10, UInt8(ascii: ";"):
                if depth == 1 && !(b == 10 && lastSignificant == UInt8(ascii: "\\")) { finishStatement() }
                advance()
            case 32, 9, 13:
                advance()
                continue
            default:
                if depth == 1 && statementStart == nil {
                    statementStart = (i, line, column)
                    if isIdentifierStart(b) {
                        var j = i
                        while j < bytes.count && isIdentifier(bytes[j]) { j += 1 }
                        let name = String(decoding: bytes[i..<j], as: UTF8.self)
                        var k = j
                        while k < bytes.count && (bytes[k] == 32 || bytes[k] == 9) { k += 1 }
                        if k < bytes.count {
                            let next = k + 1 < bytes.count ? bytes[k + 1] : 0
                            let plain = bytes[k] == UInt8(ascii: "=") && next != UInt8(ascii: "=")
                            let compound = "+-*/%".utf8.contains(bytes[k]) && next == UInt8(ascii: "=")
                            if plain || compound { statementName = name }
                        }
                    }
                }
                advance()
            }
            if i < bytes.count, bytes[i - 1] != 32 { lastSignificant = bytes[i - 1] }
        }
        statements = found
    }
}

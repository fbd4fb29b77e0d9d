import Glibc
import SPSLanguage
import SPSNumeric
import SPSTraining

/// Causal models as objects to question: the graph of an `scm` block and what it implies — ancestry,
/// d-separation, adjustment sets, testable independencies and their tests against data.
///
/// The graph comes from the block itself (`graph { … }` or `graph world` for a block value `world`), so the
/// same block gives data (`scm n=… target=y world`), interventional data (`scm … do={ x3 = 0 } world`) and
/// counterfactuals (`counterfactual world d do={ … }`).
enum CausalCommands {
    static func all() -> [Command] {
        [graph, parents, children, ancestors, descendants, dsep, adjustment, independencies, citest, dot, counterfactual]
    }

    /// The graph argument of a question.
    static func graphObject(_ args: Arguments) throws(RuntimeError) -> CausalGraphObject {
        guard let g = try args.value("graph").object as? CausalGraphObject else {
            throw RuntimeError("\(args.command.name) needs a CausalGraph (g = graph { … })")
        }
        return g
    }

    /// `graph model`: the causal graph of an scm block.
    static let graph = Command(
        "graph", topic: "causal", summary: "the causal graph of an scm block: its nodes and the edges from the nodes each assignment reads",
        help: """
        Reads the model block (the one `scm` samples) without drawing its data: each assignment of a column or a block
        of columns is a node, and its parents are the nodes the assignment reads (through parameters too:
        `w = mean x; y = w * z` makes x a parent of y). Numbers, weight vectors and matrices are parameters, not nodes.
        Nodes named `_u` are hidden: drawn dashed, never adjusted for nor tested. A block of k columns is one node.
        A node read before it is defined is an error: a causal model lists causes first, and a cycle cannot.
        `draw g` draws it (to="g.svg" for SVG), `dot g` gives Graphviz's DOT; members: g.nodes, g.edges, g.hidden,
        g.dot.
        """,
        example: """
        world = {
          x1 = normal 0 1
          x2 = normal 0 1
          y  = x1 + 2*x2 + 3 + normal 0 1
          x3 = y / 0.2 + normal 0 3
        }
        g = graph world
        parents g x3
        """,
        parameters: [.positional("model", .block, "the scm block: one assignment per node, causes before effects")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard case .closure(let block) = try args.value("model") else {
            throw RuntimeError("graph needs an scm block { … } with one assignment per node")
        }
        let model = SCMModel(block: block, interpreter: args.interpreter, location: args.location)
        return .native(CausalGraphObject(try model.structure().graph))
    }

    /// One ancestry question: `parents g x` and its siblings.
    static func relation(_ name: String, summary: String, _ answer: @escaping @Sendable (CausalGraph, Int) -> Set<Int>) -> Command {
        Command(
            name, topic: "causal", summary: summary,
            help: "Returns the names in the model's order. Ancestors and descendants leave out the node itself (dagitty's `proper=TRUE`).",
            example: "\(name) g y",
            parameters: [.positional("graph", .object("CausalGraph"), "the graph (g = graph { … })"),
                         .positional("node", .columnName, "a node of the graph")]
        ) { (args: inout Arguments) throws(RuntimeError) in
            let g = try graphObject(args)
            let i = try g.node(try args.string("node"), name)
            return .list(g.graph.names(answer(g.graph, i)).map { .string($0) })
        }
    }

    static let parents = relation("parents", summary: "the parents of a node in a causal graph (its direct causes)") { g, i in Set(g.parents[i]) }
    static let children = relation("children", summary: "the children of a node in a causal graph (its direct effects)") { g, i in Set(g.children[i]) }
    static let ancestors = relation("ancestors", summary: "the ancestors of a node in a causal graph (everything that causes it)") { g, i in
        g.ancestors(of: [i]).subtracting([i])
    }
    static let descendants = relation("descendants", summary: "the descendants of a node in a causal graph (everything it causes)") { g, i in
        g.descendants(of: [i]).subtracting([i])
    }

    /// The nodes named by a `.columnNames` argument.
    static func nodes(_ args: Arguments, _ key: String, _ g: CausalGraphObject) throws(RuntimeError) -> Set<Int> {
        guard let value = args[key], !value.isNil else { return [] }
        var out: Set<Int> = []
        for name in try args.names(key) { out.insert(try g.node(name, "\(args.command.name) \(key)=")) }
        return out
    }

    /// `dsep g x y given=[z]`: d-separation.
    static let dsep = Command(
        "dsep", topic: "causal", summary: "true when x and y are d-separated given a set of nodes (every path between them is blocked)",
        help: """
        A path is blocked by the set when it passes through a non-collider in the set, or through a collider (→ c ←)
        that is not in the set and has no descendant in it. d-separated nodes are independent given the set in every
        distribution the graph allows (dagitty's `dseparated`). x and y may be lists of nodes.
        """,
        example: "dsep g x1 x2\ndsep g x1 x3 given=[y]",
        parameters: [.positional("graph", .object("CausalGraph"), "the graph"),
                     .positional("x", .columnNames, "a node (or a list of nodes)"),
                     .positional("y", .columnNames, "a node (or a list of nodes)"),
                     .keyword("given", .columnNames, optional: true, "the conditioning set")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let g = try graphObject(args)
        let x = try nodes(args, "x", g), y = try nodes(args, "y", g), z = try nodes(args, "given", g)
        if let both = x.intersection(y).first {
            throw RuntimeError("dsep: '\(g.graph.nodes[both].name)' is on both sides")
        }
        return .bool(g.graph.dSeparated(x, y, given: z))
    }

    /// `adjustment g x y`: back-door adjustment sets.
    static let adjustment = Command(
        "adjustment", topic: "causal", summary: "the covariate sets that identify the causal effect of x on y (every minimal set, or the canonical one)",
        help: """
        A set Z identifies the total effect of x on y (adjusting for Z — regressing y on x and Z — estimates it) when
        no member descends from a node on a causal path from x to y, and Z blocks every non-causal path between
        them: the adjustment criterion (Shpitser et al. 2010; Perković et al. 2015), which extends Pearl's back-door
        criterion. Hidden nodes are never used.
        type="minimal" (default) lists every minimal set, smallest first, as dagitty's `adjustmentSets`; [] means
        no set works; [[]] means none is needed. type="canonical" gives one set — the observed ancestors of x and y
        that are not forbidden — which works whenever any set does (nil when none does).
        include=[…] asks only for sets that contain those nodes.
        """,
        example: "adjustment g x y\nadjustment g x y type=\"canonical\"",
        parameters: [.positional("graph", .object("CausalGraph"), "the graph"),
                     .positional("x", .columnNames, "the exposure (cause)"),
                     .positional("y", .columnNames, "the outcome (effect)"),
                     .keyword("type", .string, default: .string("minimal"), "\"minimal\" or \"canonical\""),
                     .keyword("include", .columnNames, optional: true, "nodes every set must contain")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let g = try graphObject(args)
        let x = try nodes(args, "x", g), y = try nodes(args, "y", g), include = try nodes(args, "include", g)
        if let both = x.intersection(y).first {
            throw RuntimeError("adjustment: '\(g.graph.nodes[both].name)' is both the exposure and the outcome")
        }
        if let hidden = include.first(where: { g.graph.nodes[$0].hidden }) {
            throw RuntimeError("adjustment: include= names the hidden node '\(g.graph.nodes[hidden].name)', which the data cannot adjust for")
        }
        func list(_ set: Set<Int>) -> Value { .list(g.graph.names(set).map { .string($0) }) }
        switch try args.string("type") {
        case "minimal":
            do throws(CausalGraphError) {
                return .list(try g.graph.minimalAdjustmentSets(x, y, include: include).map(list))
            } catch {
                throw RuntimeError("adjustment: \(error.message)")
            }
        case "canonical":
            guard include.isEmpty else { throw RuntimeError("adjustment: include= applies to type=\"minimal\"") }
            return g.graph.canonicalAdjustmentSet(x, y).map(list) ?? .nil
        case let other:
            throw RuntimeError("adjustment: type must be \"minimal\" or \"canonical\", got \"\(other)\"\(Suggestions.hint(for: other, in: ["minimal", "canonical"]))")
        }
    }

    /// `independencies g`: the testable implications.
    static let independencies = Command(
        "independencies", topic: "causal", summary: "the conditional independencies a causal graph implies, one per missing edge (x _||_ y | z)",
        help: """
        For every pair of observed nodes with no edge between them, each minimal set of observed nodes that
        d-separates them: `x _||_ y | z` reads "x is independent of y given z" in every distribution the graph allows.
        The same list as dagitty's `impliedConditionalIndependencies` (type "missing.edge"); a pair that only a hidden
        node could separate gives none. `citest g data` tests them.
        """,
        example: "independencies g",
        parameters: [.positional("graph", .object("CausalGraph"), "the graph")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let g = try graphObject(args)
        do throws(CausalGraphError) {
            return .list(try g.graph.impliedIndependencies().map { .string(g.graph.describe($0)) })
        } catch {
            throw RuntimeError("independencies: \(error.message)")
        }
    }

    /// `citest g data`: partial-correlation tests of the implied independencies.
    static let citest = Command(
        "citest", topic: "causal", summary: "test a causal graph's implied independencies against data (partial correlations, p-values)",
        help: """
        For each implication x _||_ y | z of `independencies g`, the partial correlation of x and y given z in the
        data (from the inverse of their correlation matrix), its p-value for "zero" (Fisher's z: z = atanh(r),
        z·sqrt(n - |z| - 3) is standard normal under independence) and a confidence interval, as dagitty's
        `localTests(type = "cis")`. (The interval here is tanh(z ± q/sqrt(n - |z| - 3)), Fisher's back-transform;
        dagitty 0.3 writes atan, which gives nearly the same bounds for small correlations.)
        A small p-value and an interval far from 0 say the data contradict the graph. Columns are found by node name;
        a block node of k columns conditions on all k. level= sets the interval's coverage.
        """,
        example: "t = citest g d\nprint t",
        parameters: [.positional("graph", .object("CausalGraph"), "the graph"),
                     .positional("data", .object("Dataset"), "data with a column per observed node"),
                     .keyword("level", .number, default: .number(0.95), "the confidence level of the interval")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let g = try graphObject(args)
        guard let data = try args.value("data").object as? DatasetObject else { throw RuntimeError("citest needs a Dataset") }
        let level = try args.number("level")
        guard level > 0 && level < 1 else { throw RuntimeError("citest: level must be between 0 and 1, got \(level)") }
        let implications: [CausalGraph.Independence]
        do throws(CausalGraphError) { implications = try g.graph.impliedIndependencies() } catch { throw RuntimeError("citest: \(error.message)") }
        var names: [String] = [], estimates: [Double] = [], pValues: [Double] = [], lows: [Double] = [], highs: [Double] = []
        for imp in implications {
            let result = try PartialCorrelation.test(imp, graph: g.graph, data: data.data, level: level)
            names.append(g.graph.describe(imp))
            estimates.append(result.estimate)
            pValues.append(result.pValue)
            lows.append(result.low)
            highs.append(result.high)
        }
        return .native(TableObject(Table([
            Table.Column("test", strings: names), Table.Column("estimate", numbers: estimates),
            Table.Column("p_value", numbers: pValues), Table.Column("ci_low", numbers: lows),
            Table.Column("ci_high", numbers: highs),
        ])))
    }

    /// `dot g`: Graphviz DOT text, or a file.
    static let dot = Command(
        "dot", topic: "causal", summary: "a causal graph in Graphviz's DOT language (to=\"g.dot\" writes it, atomically)",
        help: "Hidden nodes are dashed; a block of k columns is one node labelled with k. `save g \"g.dot\"` writes the same file. Render with `dot -Tsvg g.dot`, or draw in sps with `draw g`.",
        example: "dot g\ndot g to=\"world.dot\"",
        parameters: [.positional("graph", .object("CausalGraph"), "the graph"),
                     .keyword("to", .string, optional: true, "write the DOT text to this file instead")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        let g = try graphObject(args)
        guard let to = args["to"], !to.isNil else { return .string(g.dot) }
        let path = try args.string("to")
        try g.save(to: path)
        return .nil
    }
}

extension CausalCommands {
    /// `counterfactual model data do={ … }`: each row as it would have been under an intervention.
    static let counterfactual = Command(
        "counterfactual", topic: "causal", summary: "each observed row as it would have been under an intervention (additive-noise models)",
        help: """
        Pearl's three steps, for models whose nodes are x = f(parents) + noise: recover each row's noise from its
        observed values (abduction), apply the intervention (action), and recompute the nodes downstream with the
        same noise (prediction). Nodes upstream of the intervention keep their observed values. The data must have a
        column for every node (an scm dataset with the default features does). The intervention is written as for
        `scm … do={ … }`: { x1 = 0 }, { x1 = x1 + 1 }, { x3 = y / 0.1 }.
        The noise cannot be recovered — an error names the node — when it enters other than as an added term
        (y = x * normal 1 0.1), when a node depends on a hidden one (_u), or when a parameter is drawn at random.
        """,
        example: """
        d = scm n=100 target=y world
        cf = counterfactual world d do={ x1 = x1 + 1 }
        print (mean (cf.y - d.y))
        """,
        parameters: [.positional("model", .block, "the scm block that made the data"),
                     .positional("data", .object("Dataset"), "the observed rows, a column per node"),
                     .keyword("do", .block, "the intervention: a block of assignments to nodes")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard case .closure(let block) = try args.value("model") else {
            throw RuntimeError("counterfactual needs the scm block { … } that made the data")
        }
        guard let data = try args.value("data").object as? DatasetObject else { throw RuntimeError("counterfactual needs a Dataset") }
        guard case .closure(let intervention) = try args.value("do") else {
            throw RuntimeError("counterfactual needs do={ … }: the intervention, e.g. do={ x1 = 0 }")
        }
        let model = SCMModel(block: block, interpreter: args.interpreter, location: args.location)
        let outline = try model.outline()
        let interventions = try Interventions(intervention, known: outline.definedNames, what: "counterfactual do=")
        return .dataset(try model.counterfactual(data.data, interventions: interventions))
    }
}

extension CausalGraphObject {
    /// Writes the DOT text atomically (`save g "g.dot"`, `dot g to="g.dot"`).
    func save(to path: String) throws(RuntimeError) {
        do throws(FileWriteError) { try AtomicFile.write(dot, to: path) } catch { throw RuntimeError(error.message) }
    }
}

// MARK: - Partial correlations

/// The partial-correlation test of one implied independence (dagitty's `.ci.test.covmat`).
enum PartialCorrelation {
    struct Result { var estimate, pValue, low, high: Double }

    static func test(_ imp: CausalGraph.Independence, graph: CausalGraph, data: Dataset, level: Double) throws(RuntimeError) -> Result {
        func columns(_ node: Int, single: Bool) throws(RuntimeError) -> [[Double]] {
            let n = graph.nodes[node]
            let names = n.width == 1 ? [n.name] : (1...n.width).map { "\(n.name)\($0)" }
            if single && names.count > 1 {
                throw RuntimeError("citest: '\(n.name)' is a block of \(n.width) columns; a partial correlation tests one column against one")
            }
            var out: [[Double]] = []
            for name in names {
                guard let t = try? data.column(named: name) else {
                    throw RuntimeError("citest: the data has no column '\(name)' for the node '\(n.name)'; its columns are \(data.columnNames.joined(separator: ", "))\(Suggestions.hint(for: name, in: data.columnNames))")
                }
                out.append(t.storage.map(Double.init))
            }
            return out
        }
        var variables = try columns(imp.x, single: true) + columns(imp.y, single: true)
        for z in imp.z.sorted() { variables += try columns(z, single: false) }
        let n = data.count
        let conditioning = variables.count - 2
        let df = Double(n - conditioning - 3)
        guard df > 0 else {
            throw RuntimeError("citest: \(n) rows are too few to test \(graph.describe(imp)) (need more than \(conditioning + 3))")
        }
        guard let r = partialCorrelation(variables) else {
            throw RuntimeError("citest: the columns in \(graph.describe(imp)) are collinear or constant; their correlation matrix has no inverse")
        }
        let clipped = min(max(r, -1 + 1e-15), 1 - 1e-15)
        let z = atanh(clipped)
        let crit = normalQuantile(1 - (1 - level) / 2)
        return Result(estimate: r, pValue: erfc(abs(z) * df.squareRoot() / 2.0.squareRoot()),
                      low: tanh(z - crit / df.squareRoot()), high: tanh(z + crit / df.squareRoot()))
    }

    /// The partial correlation of the first two variables given the rest: -P01 / sqrt(P00 P11), P the inverse of
    /// the correlation matrix; nil when it has no inverse.
    static func partialCorrelation(_ variables: [[Double]]) -> Double? {
        let k = variables.count
        guard let n = variables.first?.count, n > 1 else { return nil }
        let centred = variables.map { v -> [Double] in
            let mean = v.reduce(0, +) / Double(n)
            return v.map { $0 - mean }
        }
        var c = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in i..<k {
                var s = 0.0
                for t in 0..<n { s += centred[i][t] * centred[j][t] }
                c[i][j] = s
                c[j][i] = s
            }
        }
        for i in 0..<k where c[i][i] <= 0 { return nil }
        let d = (0..<k).map { c[$0][$0].squareRoot() }
        for i in 0..<k { for j in 0..<k { c[i][j] /= d[i] * d[j] } }
        guard let p = invert(c) else { return nil }
        return -p[0][1] / (p[0][0] * p[1][1]).squareRoot()
    }

    /// Gauss–Jordan inversion with partial pivoting; nil for a (numerically) singular matrix.
    static func invert(_ m: [[Double]]) -> [[Double]]? {
        let k = m.count
        var a = m.enumerated().map { i, row in row + (0..<k).map { $0 == i ? 1.0 : 0.0 } }
        for col in 0..<k {
            guard let pivot = (col..<k).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-12 else { return nil }
            a.swapAt(col, pivot)
            let scale = a[col][col]
            for j in 0..<(2 * k) { a[col][j] /= scale }
            for i in 0..<k where i != col {
                let f = a[i][col]
                if f != 0 { for j in 0..<(2 * k) { a[i][j] -= f * a[col][j] } }
            }
        }
        return a.map { Array($0[k...]) }
    }

    /// The standard normal quantile (Acklam's rational approximation refined by one Halley step; |error| < 1e-12).
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}

import SPSLanguage
import SPSNumeric
import SPSTraining

/// Counterfactuals for additive-noise models: given observed rows, what each row would have been under an
/// intervention (Pearl's three steps: abduction, action, prediction).
///
/// For a node x = f(parents) + noise, the noise of a row is x − f(observed parents). The model runs twice on one
/// copy of a random stream, so each statement draws the same numbers both times: first with every node held
/// at its observed value (each statement's result there is f(observed parents) + draws), then with the
/// intervention (each result f(counterfactual parents) + the same draws). The counterfactual is
/// observed − first + second: the draws cancel, and what remains is f(counterfactual parents) + the row's noise.
/// This is exact for additive noise and wrong for any other, so the model is checked first: noise (a
/// distribution, randn, rand) may enter a node only as a term added or subtracted at the top of its
/// expression, no node may depend on a hidden one, and parameters must not be drawn at random.
extension SCMModel {
    /// The rows of `data` as they would have been under `interventions`.
    func counterfactual(_ data: Dataset, interventions: Interventions) throws(RuntimeError) -> Dataset {
        let structure = try structure()
        let graph = structure.graph
        try checkRecoverable(structure)
        let rows = data.count
        guard rows > 0 else { throw RuntimeError("counterfactual: the data has no rows", at: location) }

        // The observed value of every node, from the data's columns.
        var observed: [String: Tensor] = [:]
        for node in graph.nodes {
            let names = node.width == 1 ? [node.name] : (1...node.width).map { "\(node.name)\($0)" }
            var columns: [Tensor] = []
            for name in names {
                guard let column = try? data.column(named: name) else {
                    throw RuntimeError("counterfactual: the data has no column '\(name)' for the node '\(node.name)'; the noise of each node is recovered from its observed value, so the data needs every node of the model (its columns are \(data.columnNames.joined(separator: ", ")); scm … features=[…] picks exported nodes)", at: location)
                }
                columns.append(column)
            }
            if node.width == 1 {
                observed[node.name] = columns[0]
            } else {
                var storage = [Float](repeating: 0, count: rows * node.width)
                for (j, c) in columns.enumerated() { for i in 0..<rows { storage[i * node.width + j] = c.storage[i] } }
                observed[node.name] = try converting { try Tensor(shape: [rows, node.width], storage: storage) }
            }
        }
        let isNode = Set(graph.nodes.map(\.name))

        // Abduction: every node held at its observed value; remember what each statement made of its parents.
        var first: [String: Tensor] = [:]
        let stream = RandomStream(seed: 0xCF, key: "counterfactual")
        var rng = stream
        _ = try run(rows: rows, rng: &rng) { (name: String, value: Value, _: [(String, Value)]) throws(RuntimeError) -> Value? in
            guard isNode.contains(name), let seen = observed[name] else { return nil }
            guard case .tensor(let t) = value, t.count == seen.count else {
                throw self.nodeError(name, "is not a column of \(rows) values when run on the observed rows")
            }
            first[name] = t
            return .tensor(seen)
        }

        // Action and prediction: the same draws, the intervention, and each row's noise added back.
        rng = stream
        let interventionStream = Box(RandomStream(seed: 0xCF, key: "counterfactual-intervention"))
        let intervene = interventions.hook(interpreter: interpreter, rows: rows, stream: interventionStream, what: "counterfactual do=")
        let nodes = try run(rows: rows, rng: &rng) { (name: String, value: Value, defined: [(String, Value)]) throws(RuntimeError) -> Value? in
            // The node as it would have been without the intervention on it (its parents counterfactual), then
            // the intervention on that value (a shift `x1 = x1 + 1` shifts the row's own x1).
            var natural = value
            if isNode.contains(name), let seen = observed[name], let before = first[name],
               case .tensor(let now) = value, now.count == seen.count {
                var out = [Float](repeating: 0, count: seen.count)
                for i in out.indices {
                    out[i] = Float(Double(seen.storage[i]) - Double(before.storage[i]) + Double(now.storage[i]))
                }
                natural = .tensor(try converting { try Tensor(shape: seen.shape, storage: out) })
            }
            let seeds = defined.map { $0.0 == name ? (name, natural) : $0 }
            return try intervene(name, natural, seeds) ?? natural
        }

        // The data's columns, counterfactual.
        var byColumn: [String: Tensor] = [:]
        for node in nodes {
            switch node.kind {
            case .column(let t): byColumn[node.name] = t
            case .block(let t):
                for (j, name) in node.columnNames.enumerated() { byColumn[name] = (try? t.column(j)) ?? Tensor([]) }
            case .parameter: break
            }
        }
        let width = data.width
        var features = [Float](repeating: 0, count: rows * width)
        for (j, name) in data.featureNames.enumerated() {
            let column: Tensor
            if let c = byColumn[name] { column = c } else { column = try converting { try data.column(named: name) } }
            for i in 0..<rows { features[i * width + j] = column.storage[i] }
        }
        let target: Tensor
        if let t = byColumn[data.targetName] { target = t } else { target = try converting { try data.column(named: data.targetName) } }
        return try converting {
            try Dataset(features: Tensor(shape: [rows, width], storage: features), target: target,
                        featureNames: data.featureNames, targetName: data.targetName, environment: data.environment)
        }
    }

    /// Checks that each node's noise can be recovered from the data: additive noise, no hidden parents, fixed
    /// parameters, one assignment per node.
    func checkRecoverable(_ structure: SCMStructure) throws(RuntimeError) {
        let graph = structure.graph
        let noise: Set<String> = ["normal", "uniform", "loguniform", "randn", "rand", "randint", "sample"]
        for (i, node) in graph.nodes.enumerated() {
            let hiddenParents = graph.parents[i].filter { graph.nodes[$0].hidden }
            if !node.hidden, let h = hiddenParents.first {
                throw nodeError(node.name, "depends on the hidden node '\(graph.nodes[h].name)': its noise cannot be recovered from the data (a hidden parent is part of it, and shared with other nodes); counterfactuals need every parent observed")
            }
            let assignments = structure.assignments(of: node.name)
            if assignments.count > 1 {
                throw nodeError(node.name, "is assigned \(assignments.count) times; counterfactuals read each node as one equation x = f(parents) + noise")
            }
            for k in assignments {
                guard case .assign(_, let op, let value) = statements[k].syntax.kind else { continue }
                if op != nil {
                    throw nodeError(node.name, "is updated in place; counterfactuals read each node as one equation x = f(parents) + noise")
                }
                if let bad = SCMNoise.nonAdditive(value, noise: noise) {
                    throw RuntimeError("counterfactual: the noise of scm node '\(node.name)' (line \(statements[k].location.line)) is not added to the rest (`\(bad.name)` inside \(bad.context)), so it cannot be recovered from the data; counterfactuals need additive noise: \(node.name) = f(parents) + noise", at: bad.at)
                }
            }
        }
        if let random = structure.randomParameters.first {
            throw nodeError(random, "is a parameter drawn at random; the data does not say which value it took, so counterfactuals need fixed parameters")
        }
    }
}

/// Where noise enters an expression other than as an added term.
enum SCMNoise {
    /// The first noise call that is not a top-level added or subtracted term of `e`, with what it sits inside.
    static func nonAdditive(_ e: Expr, noise: Set<String>) -> (name: String, at: SourceLocation, context: String)? {
        switch e.kind {
        case .binary(.add, let a, let b), .binary(.subtract, let a, let b):
            return nonAdditive(a, noise: noise) ?? nonAdditive(b, noise: noise)
        case .unary(.negate, let a):
            return nonAdditive(a, noise: noise)
        default:
            if isNoiseCall(e, noise) { return nil }
            return firstNoise(e, noise).map { ($0.0, $0.1, context(e)) }
        }
    }

    static func isNoiseCall(_ e: Expr, _ noise: Set<String>) -> Bool {
        switch e.kind {
        case .name(let n): return noise.contains(n)
        case .apply(let f, let args, _):
            guard case .name(let n) = f.kind, noise.contains(n) else { return false }
            return args.allSatisfy { firstNoise($0.value, noise) == nil }
        default: return false
        }
    }

    static func firstNoise(_ e: Expr, _ noise: Set<String>) -> (String, SourceLocation)? {
        var reads: [(String, SourceLocation)] = []
        SCMReads.expression(e, &reads)
        return reads.first { noise.contains($0.0) }
    }

    static func context(_ e: Expr) -> String {
        switch e.kind {
        case .binary(let op, _, _): return "a `\(op.rawValue)`"
        case .unary(let op, _): return "a `\(op.rawValue)`"
        case .apply(let f, _, _):
            if case .name(let n) = f.kind { return "a call of `\(n)`" }
            return "a call"
        default: return "an expression"
        }
    }
}

/// The causal graph of a structural causal model: named nodes, directed edges, hidden nodes.
///
/// Plain typed adjacency lists (node indices in definition order, which is a causal order). The questions —
/// ancestry, d-separation, adjustment sets, implied conditional independencies — follow the definitions dagitty
/// uses (Textor et al., "Robust causal inference using directed acyclic graphs: the R package dagitty", 2016;
/// its `GraphAnalyzer.js`), so their answers can be checked against dagitty's documented outputs.
struct CausalGraph: Sendable, Equatable {
    /// One node: a column or a block of columns of the model.
    struct Node: Sendable, Equatable {
        /// The node's name in the model.
        var name: String
        /// Hidden (a leading `_`): not in the data, never adjusted for, never tested.
        var hidden: Bool
        /// How many columns the node makes (1, or k for an n×k block).
        var width: Int
        /// The line that defines the node, when known.
        var line: Int?
    }

    /// The nodes, in definition order (causes before effects).
    let nodes: [Node]
    /// The parents of each node, sorted.
    let parents: [[Int]]
    /// The children of each node, sorted.
    let children: [[Int]]

    /// Makes a graph from nodes and edges (from, to); edges must point forward in the node order.
    init(nodes: [Node], edges: [(Int, Int)]) {
        self.nodes = nodes
        var parents = [[Int]](repeating: [], count: nodes.count)
        var children = [[Int]](repeating: [], count: nodes.count)
        for (a, b) in edges where !parents[b].contains(a) {
            parents[b].append(a)
            children[a].append(b)
        }
        self.parents = parents.map { $0.sorted() }
        self.children = children.map { $0.sorted() }
    }

    /// The edges (from, to), ordered by target then source.
    var edges: [(Int, Int)] {
        parents.enumerated().flatMap { b, ps in ps.map { ($0, b) } }
    }

    /// The index of a node by name.
    func index(_ name: String) -> Int? { nodes.firstIndex { $0.name == name } }

    /// Names of nodes, in node order.
    func names(_ set: Set<Int>) -> [String] { set.sorted().map { nodes[$0].name } }

    // MARK: - Ancestry

    /// The ancestors of `set` (its members included).
    func ancestors(of set: Set<Int>, in parents: [[Int]]? = nil) -> Set<Int> {
        let parents = parents ?? self.parents
        var seen = set
        var stack = Array(set)
        while let v = stack.popLast() {
            for p in parents[v] where seen.insert(p).inserted { stack.append(p) }
        }
        return seen
    }

    /// The descendants of `set` (its members included).
    func descendants(of set: Set<Int>) -> Set<Int> {
        var seen = set
        var stack = Array(set)
        while let v = stack.popLast() {
            for c in children[v] where seen.insert(c).inserted { stack.append(c) }
        }
        return seen
    }

    // MARK: - d-separation

    /// True when every path between `x` and `y` is blocked by `z` (Pearl's d-separation), in the graph with the
    /// given parent lists (default: this graph's).
    ///
    /// Uses the moral graph of the ancestors of x ∪ y ∪ z (Lauritzen et al., 1990): x and y are d-separated by z
    /// exactly when z separates them there.
    func dSeparated(_ x: Set<Int>, _ y: Set<Int>, given z: Set<Int>, parents: [[Int]]? = nil) -> Bool {
        let parents = parents ?? self.parents
        if !x.isDisjoint(with: y) { return false }
        let keep = ancestors(of: x.union(y).union(z), in: parents)
        var neighbours = [Set<Int>](repeating: [], count: nodes.count)
        for v in keep {
            let ps = parents[v].filter(keep.contains)
            for p in ps {
                neighbours[v].insert(p)
                neighbours[p].insert(v)
            }
            for (i, a) in ps.enumerated() {
                for b in ps[(i + 1)...] {
                    neighbours[a].insert(b)
                    neighbours[b].insert(a)
                }
            }
        }
        var seen = x
        var stack = Array(x.subtracting(z))
        while let v = stack.popLast() {
            for w in neighbours[v] where !z.contains(w) && seen.insert(w).inserted {
                if y.contains(w) { return false }
                stack.append(w)
            }
        }
        return true
    }

    // MARK: - Adjustment

    /// The nodes on proper causal paths from x to y, x and y included (dagitty's `properPossibleCausalPaths`).
    func causalPathNodes(_ x: Set<Int>, _ y: Set<Int>) -> Set<Int> {
        var seen: Set<Int> = []
        var stack = Array(y)
        while let v = stack.popLast() {
            guard seen.insert(v).inserted else { continue }
            if !x.contains(v) { stack.append(contentsOf: parents[v]) }
        }
        return seen.intersection(descendants(of: x))
    }

    /// The forbidden nodes: descendants of the nodes on proper causal paths, except x (dagitty's `dpcp`).
    func forbidden(_ x: Set<Int>, _ y: Set<Int>) -> Set<Int> {
        descendants(of: causalPathNodes(x, y).subtracting(x))
    }

    /// The proper back-door graph's parent lists: the first edge of every proper causal path removed.
    func backDoorParents(_ x: Set<Int>, _ y: Set<Int>) -> [[Int]] {
        let onPath = causalPathNodes(x, y).subtracting(x)
        return parents.enumerated().map { v, ps in onPath.contains(v) ? ps.filter { !x.contains($0) } : ps }
    }

    /// True when `z` is a valid adjustment set for the total effect of x on y (the adjustment criterion of
    /// Shpitser et al. 2010 / Perković et al. 2015, as dagitty's `isAdjustmentSet`).
    func isAdjustmentSet(_ z: Set<Int>, _ x: Set<Int>, _ y: Set<Int>) -> Bool {
        guard z.isDisjoint(with: forbidden(x, y)), z.isDisjoint(with: x.union(y)) else { return false }
        return dSeparated(x, y, given: z, parents: backDoorParents(x, y))
    }

    /// The canonical adjustment set (van der Zander et al. 2014): the ancestors of x and y minus x, y, hidden
    /// nodes and forbidden nodes — valid whenever any set is; nil when none is.
    func canonicalAdjustmentSet(_ x: Set<Int>, _ y: Set<Int>) -> Set<Int>? {
        let z = ancestors(of: x.union(y)).subtracting(x.union(y)).subtracting(hiddenSet).subtracting(forbidden(x, y))
        return isAdjustmentSet(z, x, y) ? z : nil
    }

    /// Every minimal adjustment set for the total effect of x on y that contains `include` and avoids hidden
    /// nodes and `exclude` (dagitty's `adjustmentSets(type = "minimal")`), smallest first.
    func minimalAdjustmentSets(_ x: Set<Int>, _ y: Set<Int>, include: Set<Int> = [], exclude: Set<Int> = []) throws(CausalGraphError) -> [Set<Int>] {
        let bd = backDoorParents(x, y)
        let forbidden = forbidden(x, y)
        guard include.isDisjoint(with: forbidden), include.isDisjoint(with: x.union(y)) else { return [] }
        let candidates = ancestors(of: x.union(y).union(include), in: bd)
            .subtracting(x).subtracting(y).subtracting(forbidden).subtracting(hiddenSet).subtracting(exclude).subtracting(include)
        return try minimalSeparators(x, y, candidates: candidates, include: include, parents: bd)
    }

    /// All minimal d-separating sets of x and y (containing `include`, drawn from `candidates`), smallest first.
    func minimalSeparators(_ x: Set<Int>, _ y: Set<Int>, candidates: Set<Int>, include: Set<Int> = [],
                           parents: [[Int]]? = nil) throws(CausalGraphError) -> [Set<Int>] {
        let pool = candidates.sorted()
        guard pool.count <= CausalGraph.maxCandidates else {
            throw CausalGraphError("\(pool.count) candidate nodes are too many to list every minimal set (at most \(CausalGraph.maxCandidates))")
        }
        var found: [Set<Int>] = []
        // Sets by increasing size: a set is minimal when it separates and contains no smaller separating set.
        for size in 0...pool.count {
            var chosen: [Int] = []
            func visit(_ start: Int) {
                if chosen.count == size {
                    let z = Set(chosen).union(include)
                    if !found.contains(where: { $0.isSubset(of: z) }), dSeparated(x, y, given: z, parents: parents) {
                        found.append(z)
                    }
                    return
                }
                guard start < pool.count, pool.count - start >= size - chosen.count else { return }
                for i in start..<pool.count {
                    chosen.append(pool[i])
                    visit(i + 1)
                    chosen.removeLast()
                }
            }
            visit(0)
        }
        return found
    }

    /// The most candidate nodes `minimalSeparators` enumerates subsets of.
    static let maxCandidates = 16

    /// The hidden nodes.
    var hiddenSet: Set<Int> { Set(nodes.indices.filter { nodes[$0].hidden }) }

    // MARK: - Implied independencies

    /// One implied conditional independence: x ⊥ y | z.
    struct Independence: Sendable, Equatable {
        var x: Int
        var y: Int
        var z: Set<Int>
    }

    /// The conditional independencies the graph implies, as dagitty's `impliedConditionalIndependencies` with
    /// type "missing.edge": for every pair of visible nodes without an edge, each minimal set of visible nodes
    /// that d-separates them (none when the pair cannot be separated without a hidden node).
    func impliedIndependencies() throws(CausalGraphError) -> [Independence] {
        var result: [Independence] = []
        let hidden = hiddenSet
        for a in nodes.indices where !hidden.contains(a) {
            for b in (a + 1)..<max(nodes.count, a + 1) where !hidden.contains(b) {
                if parents[a].contains(b) || parents[b].contains(a) { continue }
                let candidates = ancestors(of: [a, b]).subtracting([a, b]).subtracting(hidden)
                for z in try minimalSeparators([a], [b], candidates: candidates) {
                    result.append(Independence(x: a, y: b, z: z))
                }
            }
        }
        return result
    }

    /// `x _||_ y | a, b` (dagitty's notation; the conditioning set in node order).
    func describe(_ i: Independence) -> String {
        let base = "\(nodes[i.x].name) _||_ \(nodes[i.y].name)"
        return i.z.isEmpty ? base : base + " | " + names(i.z).joined(separator: ", ")
    }
}

/// A question the graph cannot answer as asked.
struct CausalGraphError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A directed acyclic graph to draw: labelled nodes (some hidden, drawn dashed) and edges between them.
public struct GraphDrawing: Sendable, Equatable {
    /// One node.
    public struct Node: Sendable, Equatable {
        /// What the node shows.
        public var label: String
        /// Hidden nodes are drawn dashed (`┄` in the terminal).
        public var hidden: Bool
        public init(label: String, hidden: Bool = false) {
            self.label = label
            self.hidden = hidden
        }
    }

    public var nodes: [Node]
    /// Edges (from, to) by node index.
    public var edges: [Edge]

    /// An edge.
    public struct Edge: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public init(_ from: Int, _ to: Int) {
            self.from = from
            self.to = to
        }
    }

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges.filter { $0.from != $0.to && nodes.indices.contains($0.from) && nodes.indices.contains($0.to) }
    }
}

/// A layered (Sugiyama-style) layout of a `GraphDrawing`, top to bottom: each node on the layer of its longest
/// path from a root, long edges broken by dummy points on the layers they cross, and the order within each layer
/// improved by barycentre sweeps so that edges cross less.
struct GraphLayout: Sendable {
    /// A slot in a layer: a node, or a dummy point of a long edge.
    enum Slot: Sendable, Equatable {
        case node(Int)
        case dummy(edge: Int, layer: Int)
    }
    /// The slots of each layer, left to right.
    var layers: [[Slot]]
    /// Segments between consecutive layers: (layer, index of the upper slot, index of the lower slot, ends at a
    /// real node).
    var segments: [(layer: Int, upper: Int, lower: Int, arrow: Bool)]

    init(_ graph: GraphDrawing) {
        let n = graph.nodes.count
        var parents = [[Int]](repeating: [], count: n)
        for e in graph.edges { parents[e.to].append(e.from) }
        // Longest-path layering in a topological order (Kahn); any nodes left on a cycle go to the bottom.
        var indegree = parents.map(\.count)
        var children = [[Int]](repeating: [], count: n)
        for e in graph.edges { children[e.from].append(e.to) }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var order: [Int] = []
        while !queue.isEmpty {
            let v = queue.removeFirst()
            order.append(v)
            for c in children[v] {
                indegree[c] -= 1
                if indegree[c] == 0 { queue.append(c) }
            }
        }
        var layer = [Int](repeating: 0, count: n)
        for v in order { layer[v] = parents[v].map { layer[$0] + 1 }.max() ?? 0 }
        let placed = Set(order)
        let bottom = (layer.max() ?? 0) + 1
        for v in 0..<n where !placed.contains(v) { layer[v] = bottom }
        let depth = (layer.max() ?? -1) + 1

        // Slots: nodes in index order, then a dummy per crossed layer of each long edge.
        var layers = [[Slot]](repeating: [], count: depth)
        for v in 0..<n { layers[layer[v]].append(.node(v)) }
        var chains: [[(Int, Slot)]] = []  // each edge as its (layer, slot) points from top to bottom
        for (k, e) in graph.edges.enumerated() {
            var (a, b) = (e.from, e.to)
            if layer[a] > layer[b] { swap(&a, &b) }
            guard layer[a] != layer[b] else { continue }
            var chain: [(Int, Slot)] = [(layer[a], .node(a))]
            if layer[b] - layer[a] > 1 {
                for l in (layer[a] + 1)..<layer[b] {
                    let d = Slot.dummy(edge: k, layer: l)
                    layers[l].append(d)
                    chain.append((l, d))
                }
            }
            chain.append((layer[b], .node(b)))
            chains.append(chain)
        }
        // Barycentre sweeps: order each layer by the mean position of its neighbours in the layer above (down
        // sweeps) or below (up sweeps).
        var up: [Slot: [Slot]] = [:], down: [Slot: [Slot]] = [:]
        for chain in chains {
            for (p, q) in zip(chain, chain.dropFirst()) {
                down[p.1, default: []].append(q.1)
                up[q.1, default: []].append(p.1)
            }
        }
        func reorder(_ l: Int, by neighbours: [Slot: [Slot]], in reference: [Slot]) {
            let position = Dictionary(uniqueKeysWithValues: reference.enumerated().map { ($1, Double($0)) })
            let current = Dictionary(uniqueKeysWithValues: layers[l].enumerated().map { ($1, Double($0)) })
            layers[l].sort { x, y in
                func key(_ s: Slot) -> Double {
                    let ps = (neighbours[s] ?? []).compactMap { position[$0] }
                    return ps.isEmpty ? current[s]! : ps.reduce(0, +) / Double(ps.count)
                }
                let (kx, ky) = (key(x), key(y))
                return kx != ky ? kx < ky : current[x]! < current[y]!
            }
        }
        for _ in 0..<4 {
            for l in layers.indices.dropFirst() { reorder(l, by: up, in: layers[l - 1]) }
            for l in layers.indices.dropLast().reversed() { reorder(l, by: down, in: layers[l + 1]) }
        }
        self.layers = layers
        var segments: [(Int, Int, Int, Bool)] = []
        for chain in chains {
            for (p, q) in zip(chain, chain.dropFirst()) {
                guard let i = layers[p.0].firstIndex(of: p.1), let j = layers[q.0].firstIndex(of: q.1) else { continue }
                var arrow = false
                if case .node = q.1 { arrow = true }
                segments.append((p.0, i, j, arrow))
            }
        }
        self.segments = segments.map { (layer: $0.0, upper: $0.1, lower: $0.2, arrow: $0.3) }
    }
}

extension GraphLayout.Slot: Hashable {}

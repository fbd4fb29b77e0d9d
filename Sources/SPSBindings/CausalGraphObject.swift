import SPSLanguage
import SPSNumeric

/// A causal graph at the prompt: what `graph` returns for an scm block.
package final class CausalGraphObject: NativeObject {
    let graph: CausalGraph
    init(_ graph: CausalGraph) { self.graph = graph }

    package var typeName: String { "CausalGraph" }
    /// A graph never changes once made: runs share it.
    package var isolation: IsolationPolicy { .immutable }
    package var shape: String { "\(graph.nodes.count) nodes, \(graph.edges.count) edges" }

    /// The nodes and each edge, one a line (`draw g` draws it).
    package var description: String {
        var lines = ["CausalGraph: \(graph.nodes.map(label).joined(separator: ", ")) (\(shape))"]
        for (a, b) in graph.edges { lines.append("  \(graph.nodes[a].name) → \(graph.nodes[b].name)") }
        return lines.joined(separator: "\n")
    }

    /// `x`, `_u (hidden)`, `x (5 columns)`.
    func label(_ node: CausalGraph.Node) -> String {
        var notes: [String] = []
        if node.hidden { notes.append("hidden") }
        if node.width > 1 { notes.append("\(node.width) columns") }
        return notes.isEmpty ? node.name : "\(node.name) (\(notes.joined(separator: ", ")))"
    }

    package var memberNames: [String] { ["nodes", "edges", "hidden", "dot"] }

    package func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "nodes": return .list(graph.nodes.map { .string($0.name) })
        case "edges":
            return .list(graph.edges.map { .list([.string(graph.nodes[$0.0].name), .string(graph.nodes[$0.1].name)]) })
        case "hidden": return .list(graph.nodes.filter(\.hidden).map { .string($0.name) })
        case "dot": return .string(dot)
        default: return nil
        }
    }

    /// The graph in Graphviz's DOT language: hidden nodes dashed, blocks of columns labelled with their width.
    package var dot: String {
        func quoted(_ s: String) -> String {
            var out = "\""
            for c in s {
                if c == "\"" || c == "\\" { out.append("\\") }
                out.append(c)
            }
            return out + "\""
        }
        var lines = ["digraph scm {", "  rankdir=TB;", "  node [shape=box];"]
        for node in graph.nodes {
            var attributes: [String] = []
            if node.width > 1 { attributes.append("label=\(quoted("\(node.name) (\(node.width) columns)"))") }
            if node.hidden { attributes.append("style=dashed") }
            lines.append("  \(quoted(node.name))" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";")
        }
        for (a, b) in graph.edges {
            lines.append("  \(quoted(graph.nodes[a].name)) -> \(quoted(graph.nodes[b].name));")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The node named `name`, or an error that lists the nodes and suggests the closest.
    func node(_ name: String, _ role: String) throws(RuntimeError) -> Int {
        if let i = graph.index(name) { return i }
        let names = graph.nodes.map(\.name)
        throw RuntimeError("\(role): the graph has no node '\(name)'; its nodes are \(names.joined(separator: ", "))\(Suggestions.hint(for: name, in: names))")
    }
}

extension CausalGraphObject {
    /// The nodes as a drawing shows them: the name (a block of k columns as `x[k]`) and whether it is hidden.
    package var drawingNodes: [(label: String, hidden: Bool)] {
        graph.nodes.map { ($0.width > 1 ? "\($0.name)[\($0.width)]" : $0.name, $0.hidden) }
    }

    /// The edges (from, to) by node index.
    package var drawingEdges: [(Int, Int)] { graph.edges }
}

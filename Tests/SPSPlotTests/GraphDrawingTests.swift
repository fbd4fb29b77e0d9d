import SPSPlot
import Testing

/// The layered drawing of a causal graph: terminal text and SVG.
@Suite struct GraphDrawingTests {
    /// x -> m -> y with a hidden u -> y: three layers, the long edge routed beside m, arrows into each target.
    static let chain = GraphDrawing(
        nodes: [.init(label: "x"), .init(label: "_u", hidden: true), .init(label: "m"), .init(label: "y")],
        edges: [.init(0, 2), .init(2, 3), .init(1, 3)])

    @Test func terminalChainReadsTopToBottom() {
        #expect(GraphDrawingTests.chain.renderTerminal() == """
        x   (_u)
        │    │
        └┐   │
         ▼   │
         m   │
         │   │
         └─┐ │
           ├─┘
           ▼
           y
        """)
    }

    @Test func everyEdgeEndsInAnArrowAboveItsTarget() {
        // A diamond: a -> b, a -> c, b -> d, c -> d.
        let diamond = GraphDrawing(nodes: ["a", "b", "c", "d"].map { .init(label: $0) },
                                   edges: [.init(0, 1), .init(0, 2), .init(1, 3), .init(2, 3)])
        let lines = diamond.renderTerminal().split(separator: "\n").map(String.init)
        #expect(lines.first == "  a")
        #expect(lines.joined().filter { $0 == "▼" }.count == 3)  // into b, c and d
        #expect(lines.last == "  d")
    }

    @Test func svgIsWellFormedWithDashedHiddenNodes() {
        let svg = SVGDocument(GraphDrawingTests.chain.renderSVG())
        #expect(svg.isWellFormed)
        #expect(svg.elements("text", in: "nodes").map(\.text) == ["x", "_u", "m", "y"])
        #expect(svg.elements("line", in: "nodes").filter { $0.attributes["stroke-dasharray"] != nil }.count == 4)
        #expect(svg.elements("line", in: "edges").filter { $0.attributes["class"] == "edge" }.count == 4)  // the long edge in two pieces
    }

    @Test func emptyGraph() {
        #expect(GraphDrawing(nodes: [], edges: []).renderTerminal() == "(an empty graph)")
    }
}

/// Draws a `GraphDrawing` as an SVG document with the same layered layout as the terminal: boxes for nodes
/// (dashed for hidden ones), edges as lines through the dummy points of long edges, ending in an arrowhead.
extension GraphDrawing {
    /// The SVG document.
    public func renderSVG() -> String {
        let layout = GraphLayout(self)
        let charWidth = 7.5, boxHeight = 26.0, layerGap = 70.0, slotGap = 28.0, margin = 20.0
        func width(_ slot: GraphLayout.Slot) -> Double {
            guard case .node(let v) = slot else { return 0 }
            return Double(nodes[v].label.count) * charWidth + 20
        }
        let rowWidths = layout.layers.map { l in l.map(width).reduce(0, +) + slotGap * Double(max(l.count - 1, 0)) }
        let total = max(rowWidths.max() ?? 0, 40)
        var centres: [[Double]] = []
        for (l, slots) in layout.layers.enumerated() {
            var x = margin + (total - rowWidths[l]) / 2
            var cs: [Double] = []
            for s in slots {
                cs.append(x + width(s) / 2)
                x += width(s) + slotGap
            }
            centres.append(cs)
        }
        func y(_ l: Int) -> Double { margin + Double(l) * (boxHeight + layerGap) + boxHeight / 2 }
        var svg = SVGWriter(width: total + 2 * margin, height: 2 * margin + Double(max(layout.layers.count, 1)) * (boxHeight + layerGap) - layerGap)

        svg.open("edges")
        for s in layout.segments {
            let upperSlot = layout.layers[s.layer][s.upper], lowerSlot = layout.layers[s.layer + 1][s.lower]
            let x1 = centres[s.layer][s.upper], x2 = centres[s.layer + 1][s.lower]
            let y1 = y(s.layer) + (upperSlot.isNode ? boxHeight / 2 : 0)
            let y2 = y(s.layer + 1) - (lowerSlot.isNode ? boxHeight / 2 : 0)
            svg.line(x1, y1, x2, y2, stroke: "#444444", width: 1.3, className: "edge")
            if s.arrow {
                // An arrowhead: two short strokes back along the edge.
                let dx = x2 - x1, dy = y2 - y1
                let length = max((dx * dx + dy * dy).squareRoot(), 1)
                let (ux, uy) = (dx / length, dy / length)
                for side in [-1.0, 1.0] {
                    let hx = x2 - 9 * ux + side * 4.5 * uy, hy = y2 - 9 * uy - side * 4.5 * ux
                    svg.line(x2, y2, hx, hy, stroke: "#444444", width: 1.3, className: "arrowhead")
                }
            }
        }
        svg.close()

        svg.open("nodes")
        for (l, slots) in layout.layers.enumerated() {
            for (i, slot) in slots.enumerated() {
                guard case .node(let v) = slot else { continue }
                let w = width(slot), cx = centres[l][i], cy = y(l)
                let (x0, y0) = (cx - w / 2, cy - boxHeight / 2)
                if nodes[v].hidden {
                    svg.rect(x: x0, y: y0, width: w, height: boxHeight, fill: "#f4f4f4", className: "node hidden")
                    for (a, b, c, d) in [(x0, y0, x0 + w, y0), (x0 + w, y0, x0 + w, y0 + boxHeight),
                                         (x0 + w, y0 + boxHeight, x0, y0 + boxHeight), (x0, y0 + boxHeight, x0, y0)] {
                        svg.line(a, b, c, d, stroke: "#666666", width: 1.2, dash: "4 3")
                    }
                } else {
                    svg.rect(x: x0, y: y0, width: w, height: boxHeight, fill: "#eef3fb", stroke: "#2b5797", strokeWidth: 1.2, className: "node")
                }
                svg.text(nodes[v].label, x: cx, y: cy + 4.5, anchor: "middle", size: 13,
                         fill: nodes[v].hidden ? "#666666" : "#222222", className: "label")
            }
        }
        svg.close()
        return svg.document()
    }
}

extension GraphLayout.Slot {
    /// True for a node (false for a dummy point of a long edge).
    var isNode: Bool {
        if case .node = self { return true }
        return false
    }
}

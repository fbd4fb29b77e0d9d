import SPSBindings
import SPSLanguage
import SPSNumeric
import SPSPlot

/// `draw g`: a causal graph drawn in the terminal or as SVG.
enum GraphCommands {
    static func all() -> [Command] { [draw] }

    static let draw = Command(
        "draw", topic: "causal", summary: "draw a causal graph: layers top to bottom, causes above effects (to=\"g.svg\" for SVG)",
        help: """
        Each node sits on the layer of its longest chain of causes, so every arrow points down; hidden nodes are in
        parentheses (dashed in SVG), a block of k columns is one node `x[k]`. The drawing shows itself when echoed or
        printed; members: d.text, d.svg. `to="g.svg"` writes the SVG file instead (atomically).
        """,
        example: "g = graph world\ndraw g\ndraw g to=\"world.svg\"",
        parameters: [.positional("graph", .object("CausalGraph"), "the graph (g = graph { … })"),
                     .keyword("to", .string, optional: true, "write an SVG file instead")]
    ) { (args: inout Arguments) throws(RuntimeError) in
        guard let g = try args.value("graph").object as? CausalGraphObject else {
            throw RuntimeError("draw needs a CausalGraph (g = graph { … })")
        }
        let drawing = GraphDrawing(nodes: g.drawingNodes.map { GraphDrawing.Node(label: $0.label, hidden: $0.hidden) },
                                   edges: g.drawingEdges.map { GraphDrawing.Edge($0.0, $0.1) })
        let object = GraphDrawingObject(drawing)
        guard let path = try PlotCommands.optionalString("to", args) else { return .native(object) }
        guard path.lowercased().hasSuffix(".svg") else {
            throw RuntimeError("draw: to= writes an SVG file, so the name must end in .svg, got \"\(path)\"")
        }
        do throws(FileWriteError) {
            try AtomicFile.write(drawing.renderSVG(), to: path)
        } catch {
            throw RuntimeError("draw: \(error.message)")
        }
        args.interpreter.output.write("wrote the graph to \(path)\n")
        return .nil
    }
}

/// A drawn causal graph: shows its terminal drawing when echoed or printed.
final class GraphDrawingObject: NativeObject {
    let drawing: GraphDrawing
    init(_ drawing: GraphDrawing) { self.drawing = drawing }

    var typeName: String { "GraphDrawing" }
    /// A drawing never changes once made: runs share it.
    var isolation: IsolationPolicy { .immutable }
    var description: String { drawing.renderTerminal() }
    var memberNames: [String] { ["text", "svg"] }

    func member(_ name: String, in interpreter: Interpreter) throws(RuntimeError) -> Value? {
        switch name {
        case "text": return .string(drawing.renderTerminal())
        case "svg": return .string(drawing.renderSVG())
        default: return nil
        }
    }
}

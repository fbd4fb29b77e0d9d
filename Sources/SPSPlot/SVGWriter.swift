/// Builds an SVG document element by element, escaping text and attribute values.
struct SVGWriter: Sendable {
    /// The document width in pixels.
    let width: Double
    /// The document height in pixels.
    let height: Double
    private var body: String = ""

    /// An empty document of `width × height` pixels.
    init(width: Double, height: Double) {
        self.width = width
        self.height = height
        body.reserveCapacity(1 << 14)
    }

    /// The complete document: XML declaration, `<svg>` with a viewBox and a white background, the elements.
    func document() -> String {
        let w = Self.number(width), h = Self.number(height)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
        font-family="Helvetica, Arial, 'DejaVu Sans', sans-serif" font-size="12">
        <rect class="background" x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>

        """ + body + "</svg>\n"
    }

    // MARK: - Elements

    /// Opens a `<g>` group with a class and optional extra attributes; close it with ``close()``.
    mutating func open(_ className: String, _ attributes: [(String, String)] = []) {
        body += "<g class=\"\(Self.escape(className))\""
        for (k, v) in attributes { body += " \(k)=\"\(Self.escape(v))\"" }
        body += ">\n"
    }

    /// Closes the innermost open group.
    mutating func close() { body += "</g>\n" }

    /// A straight line.
    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                       dash: String = "", className: String = "") {
        body += "<line"
        classAttribute(className)
        body += " x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\""
        body += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
        if !dash.isEmpty { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>\n"
    }

    /// A rectangle; the corner may be given in any order (negative sizes are normalised).
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "none",
                       strokeWidth: Double = 1, fillOpacity: Double = 1, className: String = "") {
        body += "<rect"
        classAttribute(className)
        body += " x=\"\(Self.number(min(x, x + width)))\" y=\"\(Self.number(min(y, y + height)))\""
        body += " width=\"\(Self.number(abs(width)))\" height=\"\(Self.number(abs(height)))\" fill=\"\(fill)\""
        if fillOpacity < 1 { body += " fill-opacity=\"\(Self.number(fillOpacity))\"" }
        if stroke != "none" { body += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(strokeWidth))\"" }
        body += "/>\n"
    }

    /// A circle; `fill` "none" draws an outline in `stroke`.
    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String = "none",
                         fillOpacity: Double = 1) {
        body += "<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(fill)\""
        if fillOpacity < 1 { body += " fill-opacity=\"\(Self.number(fillOpacity))\"" }
        if stroke != "none" { body += " stroke=\"\(stroke)\" stroke-width=\"1.2\"" }
        body += "/>\n"
    }

    /// An open polyline through points.
    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double, dash: String) {
        guard !points.isEmpty else { return }
        body += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
        body += " stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if !dash.isEmpty { body += " stroke-dasharray=\"\(dash)\"" }
        body += " points=\""
        for (i, p) in points.enumerated() {
            if i > 0 { body += " " }
            body += Self.number(p.0) + "," + Self.number(p.1)
        }
        body += "\"/>\n"
    }

    /// A text label; `rotate` turns it about its anchor point (e.g. -90 for a vertical axis label).
    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       weight: String = "normal", fill: String = "#222222", rotate: Double = 0, className: String = "") {
        body += "<text"
        classAttribute(className)
        body += " x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.number(size))\""
        if weight != "normal" { body += " font-weight=\"\(weight)\"" }
        body += " fill=\"\(fill)\""
        if rotate != 0 { body += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        body += ">\(Self.escape(content))</text>\n"
    }

    private mutating func classAttribute(_ className: String) {
        if !className.isEmpty { body += " class=\"\(Self.escape(className))\"" }
    }

    // MARK: - Text

    /// `text` safe inside XML content and attribute values: markup characters escaped, characters XML does not
    /// allow (most control characters) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(" ")
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most two decimals and no trailing zeros (`12`, `3.5`, `-0.25`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG parsed with Foundation's XMLParser into a flat list of elements, for counting and label checks.
final class SVGDocument: NSObject, XMLParserDelegate {
    /// One element: its name, attributes, the classes of the groups around it, and its text.
    struct Element {
        var name: String
        var attributes: [String: String]
        var groupClasses: [String]
        var text: String
    }

    /// Every element in document order.
    private(set) var elements: [Element] = []
    /// The parse error, if the XML is not well-formed.
    private(set) var error: Error?
    private var stack: [Int] = []
    private var classes: [String] = []

    /// Parses `svg`; check ``isWellFormed``.
    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    /// Whether the whole document parsed.
    var isWellFormed: Bool { error == nil }

    /// The root element's attributes.
    var root: [String: String] { elements.first?.attributes ?? [:] }

    /// Elements named `name` inside a group with class `group` (anywhere when nil).
    func elements(_ name: String, in group: String? = nil) -> [Element] {
        elements.filter { e in e.name == name && (group.map { e.groupClasses.contains($0) } ?? true) }
    }

    /// The texts of `<text>` elements with class `className`.
    func texts(_ className: String) -> [String] {
        elements.filter { $0.name == "text" && $0.attributes["class"] == className }.map(\.text)
    }

    // MARK: - XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, groupClasses: classes, text: ""))
        stack.append(elements.count - 1)
        if name == "g" { classes.append(attributes["class"] ?? "") }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        if name == "g" { classes.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }
}

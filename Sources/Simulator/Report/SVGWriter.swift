/// A value an SVG attribute can take: text is escaped, numbers are written as coordinates.
protocol SVGValue {
    var attributeText: String { get }
}

extension String: SVGValue {
    var attributeText: String { HTMLText.escape(self) }
}

extension Double: SVGValue {
    var attributeText: String { ReportNumbers.coordinate(self) }
}

extension Int: SVGValue {
    var attributeText: String { String(self) }
}

/// Builds SVG markup element by element, escaping every attribute and text, so a figure is
/// well-formed by construction rather than by care at each string interpolation.
struct SVG {
    private(set) var text = ""
    private var openElements: [String] = []

    mutating func open(_ name: String, _ attributes: [String: any SVGValue] = [:]) {
        text += "<\(name)\(Self.render(attributes))>"
        openElements.append(name)
    }

    mutating func close(_ name: String) {
        precondition(openElements.last == name, "SVG: closing \(name) but \(openElements.last ?? "nothing") is open")
        openElements.removeLast()
        text += "</\(name)>"
    }

    mutating func empty(_ name: String, _ attributes: [String: any SVGValue] = [:]) {
        text += "<\(name)\(Self.render(attributes))/>"
    }

    /// A `<text>` element with `words` escaped.
    mutating func text(_ words: String, x: Double, y: Double, class cls: String, extra: [String: any SVGValue] = [:]) {
        var attributes: [String: any SVGValue] = ["x": x, "y": y, "class": cls]
        attributes.merge(extra) { a, _ in a }
        text += "<text\(Self.render(attributes))>\(HTMLText.escape(words))</text>"
    }

    /// Markup the caller has already made safe.
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// Attributes in name order, so the same report always renders the same bytes.
    private static func render(_ attributes: [String: any SVGValue]) -> String {
        attributes.keys.sorted().map { " \($0)=\"\(attributes[$0]!.attributeText)\"" }.joined()
    }
}

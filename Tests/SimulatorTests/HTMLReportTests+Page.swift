import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The report page read back with an XML parser: if a stray `<` or `&` from a transcript had
/// reached the markup, parsing fails, and what the parser sees as text is what a reader sees.
extension HTMLReportTests {
    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        /// This element's text, its descendants' included.
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
        var descendants: [Node] { children.flatMap { [$0] + $0.descendants } }
        func all(_ name: String) -> [Node] { descendants.filter { $0.name == name } }
        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    struct Page {
        let root: Node

        init(_ html: String) throws {
            let reader = Reader()
            let parser = XMLParser(data: Data(html.utf8))
            parser.delegate = reader
            // On Linux parse() still says true after a mismatched end tag; the error it kept does not.
            guard parser.parse(), parser.parserError == nil, let root = reader.root else {
                throw ParseFailure(description: "the page is not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root") "
                    + "at line \(parser.lineNumber), column \(parser.columnNumber)")
            }
            self.root = root
        }

        func all(_ name: String) -> [Node] { root.all(name) }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var root: Node?
        private var open: [Node] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = Node(name: name, attributes: attributes)
            open.last?.children.append(node)
            if root == nil { root = node }
            open.append(node)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for node in open { node.text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}

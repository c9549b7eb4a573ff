import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the simulator needs from a TwiML answer, read as Twilio reads it: where to stream,
/// with which parameters, where to go when the stream ends, and whether the call is refused,
/// handed on (`<Dial>`) or ended (`<Hangup/>`).
public struct TwiMLReading: Sendable, Equatable {
    public var streamURL: String?
    public var parameters: [String: String] = [:]
    /// `<Connect action>`: fetched when the server closes the stream.
    public var action: String?
    /// `<Reject reason>`.
    public var rejected: String?
    /// `<Dial>`'s number or `<Sip>`/`<Client>` address.
    public var dial: String?
    public var hangup = false

    public struct ReadingError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ document: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = delegate
        // On Linux `parse()` can return true after a mismatched tag; `parserError` tells.
        guard parser.parse(), parser.parserError == nil else {
            let line = parser.lineNumber
            throw ReadingError(description: "the server's TwiML is not well-formed (line \(line)): \(document.prefix(200))")
        }
        self = delegate.reading
    }

    private init() {}

    private final class Delegate: NSObject, XMLParserDelegate {
        var reading = TwiMLReading()
        var inDial = false
        var dialText = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "Stream": reading.streamURL = attributes["url"]
            case "Parameter": if let key = attributes["name"] { reading.parameters[key] = attributes["value"] ?? "" }
            case "Connect": reading.action = attributes["action"]
            case "Reject": reading.rejected = attributes["reason"] ?? "rejected"
            case "Hangup": reading.hangup = true
            case "Dial":
                inDial = true
                dialText = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inDial { dialText += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "Dial" {
                inDial = false
                let target = dialText.trimmingCharacters(in: .whitespacesAndNewlines)
                reading.dial = target.isEmpty ? "" : target
            }
        }
    }
}

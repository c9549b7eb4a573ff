/// The TwiML documents the server answers Twilio with (reference §1, §8), built as strings.
///
/// Every attribute value and text node is escaped, because parts of them come from dialogue
/// scripts and call parameters: a `&` or `"` there must not break the document or add markup.
public enum TwiML {
    /// Why a call is refused; Twilio plays a busy tone or a "not in service" message.
    public enum RejectReason: String, Sendable {
        case busy
        case rejected
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

    /// `<Connect><Stream>`: a bidirectional media stream to `url` (a `wss://` URL without a query
    /// string; Twilio refuses those). `parameters` become `<Parameter>` children and arrive in the
    /// `start` message's `customParameters`. `statusCallback` gets the stream's lifecycle POSTs;
    /// `action` is fetched for what to do when the server closes the stream (a transfer or a
    /// goodbye). Absent attributes are left out.
    public static func connectStream(url: String, parameters: [(String, String)] = [], statusCallback: String? = nil, action: String? = nil) -> String {
        var stream = "<Stream" + attribute("url", url)
        if let statusCallback {
            stream += attribute("statusCallback", statusCallback) + attribute("statusCallbackMethod", "POST")
        }
        if parameters.isEmpty {
            stream += "/>"
        } else {
            stream += ">"
            for (name, value) in parameters {
                stream += "<Parameter" + attribute("name", name) + attribute("value", value) + "/>"
            }
            stream += "</Stream>"
        }
        let connect = "<Connect" + (action.map { attribute("action", $0) } ?? "") + ">" + stream + "</Connect>"
        return response(connect)
    }

    /// `<Reject>`: refuses the call before it is answered (nothing is billed), e.g. when the
    /// server is at its call limit or draining.
    public static func reject(reason: RejectReason) -> String {
        response("<Reject" + attribute("reason", reason.rawValue) + "/>")
    }

    /// `<Hangup>`: ends the call, e.g. as the `<Connect action>` answer after a goodbye.
    public static func hangup() -> String {
        response("<Hangup/>")
    }

    /// `<Dial>`: transfers the caller. A target starting with `sip:` is dialled as `<Sip>`, anything
    /// else as a number. Check script-supplied targets with `isDialTarget` first; escaping keeps
    /// the document well-formed either way, but Twilio would still try to dial junk.
    public static func dial(_ target: String) -> String {
        if target.hasPrefix("sip:") {
            return response("<Dial><Sip>" + escaped(target) + "</Sip></Dial>")
        }
        return response("<Dial>" + escaped(target) + "</Dial>")
    }

    /// Whether `target` is something a transfer may dial: an E.164 number (`+`, a non-zero digit,
    /// up to 15 digits in all) or a `sip:user@host[:port]` URI with optional `;parameters` or
    /// `?headers`. Refuses spaces, quotes, angle brackets and other characters that have no place
    /// in either, so a typo or injected text in a script is reported instead of dialled.
    public static func isDialTarget(_ target: String) -> Bool {
        let bytes = Array(target.utf8)
        if bytes.first == UInt8(ascii: "+") { return isE164(bytes.dropFirst()) }
        let prefix = Array("sip:".utf8)
        guard bytes.count <= 512, bytes.starts(with: prefix) else { return false }
        return isSIPAddress(bytes.dropFirst(prefix.count))
    }

    /// Escapes `& < > " '` and writes tab, newline and carriage return as character references
    /// (an attribute value's parser would turn them into spaces). Other control characters
    /// cannot appear in XML 1.0 at all, even as references, so they are dropped.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func response(_ body: String) -> String {
        declaration + "<Response>" + body + "</Response>"
    }

    private static func attribute(_ name: String, _ value: String) -> String {
        " " + name + "=\"" + escaped(value) + "\""
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isE164(_ digits: ArraySlice<UInt8>) -> Bool {
        guard let first = digits.first, first != UInt8(ascii: "0") else { return false }
        return digits.count >= 2 && digits.count <= 15 && digits.allSatisfy(isDigit)
    }

    /// `user@host[:port]` then anything from `;` or `?` on made of URI characters.
    private static func isSIPAddress(_ address: ArraySlice<UInt8>) -> Bool {
        guard let at = address.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let user = address[..<at]
        let afterAt = address[(at + 1)...]
        let hostEnd = afterAt.firstIndex { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "?") } ?? afterAt.endIndex
        let hostPort = afterAt[..<hostEnd]
        let tail = afterAt[hostEnd...]
        guard !user.isEmpty, user.allSatisfy(isUserCharacter) else { return false }
        let colon = hostPort.firstIndex(of: UInt8(ascii: ":"))
        let host = hostPort[..<(colon ?? hostPort.endIndex)]
        guard isHostName(host) else { return false }
        if let colon {
            let port = hostPort[(colon + 1)...]
            guard (1...5).contains(port.count), port.allSatisfy(isDigit) else { return false }
        }
        return tail.allSatisfy(isParameterCharacter)
    }

    private static func isHostName(_ host: ArraySlice<UInt8>) -> Bool {
        guard let first = host.first, let last = host.last,
              first != UInt8(ascii: "."), first != UInt8(ascii: "-"), last != UInt8(ascii: "."), last != UInt8(ascii: "-")
        else { return false }
        return host.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// RFC 3261's user part: unreserved characters, escapes and a few marks (no `@`, `:`, `;`).
    private static func isUserCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || userMarks.contains(byte)
    }

    private static let userMarks = Set("-_.!~*()%&=+$,/".utf8)

    /// What may follow the host: parameters and headers, printable ASCII without spaces, quotes,
    /// angle brackets or backslashes.
    private static func isParameterCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || parameterMarks.contains(byte)
    }

    private static let parameterMarks = Set("-_.!~*()%&=+$,/;?:@[]".utf8)
}

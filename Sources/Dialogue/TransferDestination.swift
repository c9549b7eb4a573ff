/// Where a `transfer:` state hands the caller: a phone number in E.164 form (`+15551234567`)
/// or a SIP URI (`sip:frontdesk@pbx.example.com`). Checked when the script loads, so a typo in
/// the number is a line in an error message rather than a call that fails to connect.
///
/// The rule is at least as strict as the server's check before it dials (`TwiML.isDialTarget`),
/// so whatever a script loads with is dialled.
public struct TransferDestination: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case phoneNumber
        case sip
    }

    /// As written in the script.
    public let text: String
    public let kind: Kind

    /// Nil unless `text` is `+` and 6 to 15 digits, the first not 0 (E.164 allows at most 15),
    /// or `sip:user@host[:port]` (port 1 to 65535) with optional `;parameters` or `?headers`: what Twilio's
    /// `<Dial>` and `<Sip>` take.
    public init?(_ text: String) {
        if text.hasPrefix("+") {
            let digits = text.utf8.dropFirst()
            guard (6...15).contains(digits.count), digits.first != UInt8(ascii: "0"), digits.allSatisfy(Self.isDigit) else { return nil }
            kind = .phoneNumber
        } else {
            guard text.hasPrefix("sip:"), Self.isSIPAddress(text.utf8.dropFirst(4)) else { return nil }
            kind = .sip
        }
        self.text = text
    }

    public var description: String { text }

    /// How the rule reads in an error message.
    static let expected = "a phone number as + and 6 to 15 digits (+15551234567) or a SIP URI (sip:desk@pbx.example.com)"

    /// `user@host[:port]`, then parameters or headers from the first `;` or `?` on.
    private static func isSIPAddress(_ address: Substring.UTF8View) -> Bool {
        guard let at = address.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let user = address[..<at]
        let rest = address[address.index(after: at)...]
        let tailStart = rest.firstIndex { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        let hostAndPort = rest[..<tailStart].split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
        guard !user.isEmpty, user.allSatisfy({ isAlphanumeric($0) || userMarks.contains($0) }),
            let host = hostAndPort.first, !host.isEmpty,
            host.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
            isAlphanumeric(host.first!), isAlphanumeric(host.last!),
            rest[tailStart...].allSatisfy({ isAlphanumeric($0) || tailMarks.contains($0) })
        else { return false }
        if hostAndPort.count == 2 {
            let port = hostAndPort[1]
            guard (1...5).contains(port.count), port.allSatisfy(isDigit),
                let number = Int(String(decoding: port, as: UTF8.self)), (1...65535).contains(number) else { return false }
        }
        return true
    }

    /// Characters of a SIP user part besides letters and digits (RFC 3261: unreserved, escapes, a few marks).
    private static let userMarks = Array("-_.!~*()%&=+$,/".utf8)
    /// Characters of parameters and headers besides letters and digits: no spaces, quotes or angle brackets.
    private static let tailMarks = Array("-_.!~*()%&=+$,/;?:@[]".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}

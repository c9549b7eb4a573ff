/// The name/value pairs of an `application/x-www-form-urlencoded` body: what Twilio POSTs to
/// webhooks and status callbacks, and what its REST API takes.
///
/// Pairs stay in body order and repeated names are all kept, because the request signature
/// (`TwilioSignature`) covers every value, not just the first.
public struct FormParameters: Sendable, Equatable {
    public struct Pair: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) { self.name = name; self.value = value }
    }

    /// A body that cannot be decoded. `part` is the offending `name=value` piece (shortened), so a
    /// log line says what was wrong without dumping the whole body.
    public struct DecodingError: Error, Equatable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            /// A `%` not followed by two hexadecimal digits.
            case badPercentEscape
            /// The decoded bytes are not UTF-8.
            case invalidUTF8
        }

        public let reason: Reason
        public let part: String

        public init(reason: Reason, part: String) { self.reason = reason; self.part = part }

        public var description: String {
            switch reason {
            case .badPercentEscape: "form body: bad percent escape in \"\(part)\" (want % and two hex digits)"
            case .invalidUTF8: "form body: \"\(part)\" does not decode to UTF-8"
            }
        }
    }

    public var pairs: [Pair]

    public init(_ pairs: [Pair] = []) { self.pairs = pairs }

    public init(_ pairs: [(String, String)]) {
        self.pairs = pairs.map { Pair(name: $0.0, value: $0.1) }
    }

    /// Parses a body: `&` separates pairs, `+` is a space, `%XX` is a byte. Empty pieces (`a=1&&b=2`,
    /// a trailing `&`) are skipped and a piece without `=` is a name with an empty value, as
    /// browsers do; a broken escape or non-UTF-8 bytes throw instead of guessing, because a
    /// guessed value would fail the signature check later with a far less useful message.
    public init(parsing body: some Collection<UInt8>) throws(DecodingError) {
        var pairs: [Pair] = []
        for piece in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = piece[..<(equals ?? piece.endIndex)]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            pairs.append(Pair(name: try Self.decode(rawName, in: piece), value: try Self.decode(rawValue, in: piece)))
        }
        self.pairs = pairs
    }

    public init(parsing body: String) throws(DecodingError) {
        try self.init(parsing: Array(body.utf8))
    }

    /// The first value given for `name`; nil when there is none.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value given for `name`, in body order.
    public func values(named name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The pairs as `(name, value)` tuples, the shape `TwilioSignature` takes.
    public var tuples: [(String, String)] { pairs.map { ($0.name, $0.value) } }

    /// The body for a request: `name=value` joined by `&`, each side `percentEncoded`.
    public var encoded: String {
        pairs.map { Self.percentEncoded($0.name) + "=" + Self.percentEncoded($0.value) }.joined(separator: "&")
    }

    /// Percent-encodes every UTF-8 byte except RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`).
    /// A space becomes `%20`, not `+`: Twilio accepts both in a form body, and `%20` also means a
    /// space in a URL's query, so one encoder serves both.
    public static func percentEncoded(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func decode(_ raw: some Collection<UInt8>, in piece: some Collection<UInt8>) throws(DecodingError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index != raw.endIndex {
            let byte = raw[index]
            raw.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != raw.endIndex, let high = hexValue(raw[index]) else {
                    throw DecodingError(reason: .badPercentEscape, part: shown(piece))
                }
                raw.formIndex(after: &index)
                guard index != raw.endIndex, let low = hexValue(raw[index]) else {
                    throw DecodingError(reason: .badPercentEscape, part: shown(piece))
                }
                raw.formIndex(after: &index)
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DecodingError(reason: .invalidUTF8, part: shown(piece))
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The raw piece for an error message: still percent-encoded (so it is printable ASCII unless
    /// the sender put raw bytes in), at most 60 bytes so a hostile body cannot flood the log.
    private static func shown(_ piece: some Collection<UInt8>) -> String {
        let limit = 60
        let head = String(decoding: piece.prefix(limit), as: UTF8.self)
        return piece.count > limit ? head + "…" : head
    }
}

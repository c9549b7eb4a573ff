/// One Server-Sent Event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field; nil for the default type ("message").
    public var event: String?
    /// Every `data:` line of the event, joined with "\n".
    public var data: String
    public var id: String?
    /// The `retry:` field, in milliseconds.
    public var retry: Int?

    public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }

    /// OpenAI-style streams end with `data: [DONE]`.
    public var isDone: Bool { data.hasPrefix("[DONE]") }
}

/// Incremental parser for `text/event-stream` (the WHATWG framing the OpenAI SDKs decode).
///
/// Feed it bytes as they arrive, cut anywhere — inside a field name, between the `\r` and
/// `\n` of a line end, inside a multi-byte character — and take out complete events. Lines
/// end with `\n`, `\r\n` or `\r`; a blank line ends an event; lines starting with `:` are
/// comments (keep-alives); `field: value` loses one optional space after the colon; unknown
/// fields are ignored; an event without data is not dispatched.
public struct SSEParser {
    private var line: [UInt8] = []
    /// The previous chunk ended with `\r`: a `\n` opening the next one belongs to that line end.
    private var afterCR = false
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var lastID: String?
    private var retry: Int?
    private var ready: [SSEEvent] = []

    public init() {}

    /// Parses `bytes` and returns the events they completed.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [SSEEvent] {
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0A:
                endLine()
            case 0x0D:
                endLine()
                afterCR = true
            default:
                line.append(byte)
            }
        }
        defer { ready.removeAll() }
        return ready
    }

    /// At end of stream: a final event not followed by a blank line is dropped (the spec
    /// says so: it may be incomplete).
    public mutating func finish() -> [SSEEvent] {
        line.removeAll()
        data.removeAll()
        hasData = false
        return []
    }

    private mutating func endLine() {
        defer { line.removeAll(keepingCapacity: true) }
        guard !line.isEmpty else {
            dispatch()
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let name = String(decoding: line[..<(colon ?? line.endIndex)], as: UTF8.self)
        var value = colon.map { line[($0 + 1)...] } ?? []
        if value.first == 0x20 { value = value.dropFirst() }
        switch name {
        case "data":
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) { lastID = String(decoding: value, as: UTF8.self) }
        case "retry":
            if let number = Int(String(decoding: value, as: UTF8.self)) { retry = number }
        default:
            break
        }
    }

    private mutating func dispatch() {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
            retry = nil
        }
        guard hasData else { return }
        ready.append(SSEEvent(event: eventType, data: String(decoding: data, as: UTF8.self), id: lastID, retry: retry))
    }
}

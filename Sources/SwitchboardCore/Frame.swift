/// One unit of a Switchboard stream: audio or an event (DESIGN §1).
public enum Frame: Sendable, Equatable {
    case audio(AudioFrame)
    case event(Event)

    public var type: String {
        switch self {
        case .audio: "audio"
        case .event(let event): event.type
        }
    }

    public var event: Event? { if case .event(let e) = self { e } else { nil } }
    public var audio: AudioFrame? { if case .audio(let a) = self { a } else { nil } }
}

public enum AudioCodec: String, Sendable, Equatable, CaseIterable {
    /// Signed 16-bit little-endian PCM.
    case pcm16
    /// G.711 µ-law, one byte per sample.
    case mulaw

    public var bytesPerSample: Int { self == .pcm16 ? 2 : 1 }
}

/// Mono audio with its media time. Keys a stage does not know travel on in `extra`.
public struct AudioFrame: Sendable, Equatable {
    public var codec: AudioCodec
    public var rate: Int
    /// Media time of the first sample, in milliseconds since the stream's start.
    public var ts: Int
    /// On agent audio only: the response turn it belongs to.
    public var turn: Int?
    public var payload: [UInt8]
    public var extra: JSONObject

    public init(codec: AudioCodec, rate: Int, ts: Int, turn: Int? = nil, payload: [UInt8], extra: JSONObject = [:]) {
        self.codec = codec
        self.rate = rate
        self.ts = ts
        self.turn = turn
        self.payload = payload
        self.extra = extra
    }

    public var sampleCount: Int { payload.count / codec.bytesPerSample }
    public var durationMs: Double { rate > 0 ? Double(sampleCount) * 1000 / Double(rate) : 0 }
}

/// A JSON event. `fields` holds every key but `type` (and the payload keys `len`/`b64`),
/// in the order they arrived, unknown ones included, so a stage passes them on unchanged.
public struct Event: Sendable, Equatable {
    public var type: String
    public var fields: JSONObject
    /// Frames of unknown types may carry a payload; it travels with them.
    public var payload: [UInt8]?

    public init(_ type: String, _ fields: JSONObject = [:], payload: [UInt8]? = nil) {
        self.type = type
        self.fields = fields
        self.payload = payload
    }

    public subscript(key: String) -> JSON? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    /// The `error` event of DESIGN §1.
    public static func error(stage: String, message: String, fatal: Bool = false, offset: Int? = nil) -> Event {
        var fields: JSONObject = ["stage": .string(stage), "message": .string(message), "fatal": .bool(fatal)]
        if let offset { fields["offset"] = .int(offset) }
        return Event("error", fields)
    }

    /// A bare text line, as typed by a person.
    public static func text(_ text: String) -> Event { Event("text", ["text": .string(text)]) }
}

extension Frame {
    public static func error(stage: String, message: String, fatal: Bool = false, offset: Int? = nil) -> Frame {
        .event(.error(stage: stage, message: message, fatal: fatal, offset: offset))
    }
}

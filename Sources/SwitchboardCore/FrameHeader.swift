/// Turning a parsed header (plus its payload) into a `Frame`, and the reverse.
public struct FrameError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Frame {
    /// Builds a frame from a header whose `len`/`b64` keys have already been taken out.
    /// The header is consumed: its storage becomes the event's fields without a copy.
    public init(header: consuming JSONObject, payload: [UInt8]?) throws(FrameError) {
        guard let typeValue = header["type"] else { throw FrameError(#"frame header has no "type""#) }
        guard let type = typeValue.string else { throw FrameError(#""type" must be a string"#) }
        if type == "audio" {
            self = .audio(try AudioFrame(fields: header, payload: payload ?? []))
        } else {
            header["type"] = nil
            self = .event(Event(type, header, payload: payload))
        }
    }

    /// The header of this frame without its payload keys.
    public var header: JSONObject {
        switch self {
        case .event(let event):
            var header: JSONObject = ["type": .string(event.type)]
            for (key, value) in event.fields { header.appendUnchecked(key, value) }
            return header
        case .audio(let audio):
            var header: JSONObject = [
                "type": "audio", "codec": .string(audio.codec.rawValue), "rate": .int(audio.rate), "ts": .int(audio.ts),
            ]
            if let turn = audio.turn { header["turn"] = .int(turn) }
            for (key, value) in audio.extra { header.appendUnchecked(key, value) }
            return header
        }
    }

    public var payload: [UInt8]? {
        switch self {
        case .audio(let audio): audio.payload
        case .event(let event): event.payload
        }
    }
}

extension AudioFrame {
    /// `fields` may still hold `"type"`; it is not kept.
    init(fields: JSONObject, payload: [UInt8]) throws(FrameError) {
        guard let codecName = fields["codec"]?.string else { throw FrameError(#"audio frame has no "codec" (pcm16 or mulaw)"#) }
        guard let codec = AudioCodec(rawValue: codecName) else {
            throw FrameError("audio frame has unknown codec \"\(codecName)\" (expected pcm16 or mulaw)")
        }
        guard let rateValue = fields["rate"] else { throw FrameError(#"audio frame has no "rate""#) }
        guard let rate = rateValue.int, rate > 0, rate <= 384_000 else {
            throw FrameError("audio frame has bad \"rate\" \(JSONWriter.string(rateValue)): expected a sample rate in Hz")
        }
        var ts = 0
        if let tsValue = fields["ts"] {
            guard let value = tsValue.double, value.isFinite, abs(value) < 1e15 else {
                throw FrameError("audio frame has bad \"ts\" \(JSONWriter.string(tsValue)): expected milliseconds")
            }
            ts = Int(value.rounded())
        }
        var turn: Int?
        if let turnValue = fields["turn"], turnValue != .null {
            guard let value = turnValue.int else { throw FrameError("audio frame has bad \"turn\" \(JSONWriter.string(turnValue))") }
            turn = value
        }
        if codec == .pcm16, payload.count % 2 != 0 {
            throw FrameError("pcm16 audio payload has an odd length (\(payload.count) bytes)")
        }
        var extra = JSONObject()
        for (key, value) in fields {
            switch key {
            case "type", "codec", "rate", "ts", "turn": continue
            default: extra.appendUnchecked(key, value)
            }
        }
        self.init(codec: codec, rate: rate, ts: ts, turn: turn, payload: payload, extra: extra)
    }
}

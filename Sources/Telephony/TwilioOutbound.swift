import ExtrasBase64
import SwitchboardCore

/// A message sent to Twilio on a bidirectional stream (reference §4). Every one carries the
/// `streamSid` of the stream's `start`.
public enum TwilioOutbound: Sendable, Equatable {
    /// µ-law 8 kHz mono, no file header; any length.
    case media(streamSid: String, payload: [UInt8])
    /// Echoed back by Twilio once the audio sent before it has played.
    case mark(streamSid: String, name: String)
    /// Drops audio not yet played; Twilio then echoes every pending mark.
    case clear(streamSid: String)

    public var json: JSONObject {
        switch self {
        case .media(let sid, let payload):
            ["event": "media", "streamSid": .string(sid), "media": ["payload": .string(Base64.encodeToString(bytes: payload))]]
        case .mark(let sid, let name):
            ["event": "mark", "streamSid": .string(sid), "mark": ["name": .string(name)]]
        case .clear(let sid):
            ["event": "clear", "streamSid": .string(sid)]
        }
    }

    /// The WebSocket text message.
    public var text: String { JSONWriter.string(json) }
}

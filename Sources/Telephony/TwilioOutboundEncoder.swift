import SwitchboardCore

/// Translates the frames a call sends to the caller into Twilio Media Streams messages
/// (reference §4): µ-law audio → `media`, `mark` → `mark`, `interrupt` → `clear`, each
/// stamped with the stream SID.
///
/// Pure: it writes nothing and logs nothing, so the `mulaw-encode` tool (messages as lines on
/// stdout) and the supervisor (messages on the WebSocket) share it. What has no Twilio form is
/// handed back with the reason, for the caller to report or ignore.
public struct TwilioOutboundEncoder: Sendable {
    /// What became of one frame.
    public enum Outcome: Sendable, Equatable {
        case send(TwilioOutbound)
        /// A `start` event: nothing to send; its `stream` SID stamps the messages that follow.
        case tookStreamSid
        case dropped(Drop)
    }

    /// Why a frame has no message.
    public enum Drop: Sendable, Equatable, CustomStringConvertible {
        /// Twilio plays 8 kHz µ-law only.
        case audioNotMuLaw8k(codec: AudioCodec, rate: Int)
        case markWithoutName
        /// An event Twilio has no message for (`error`, `spoken`, `trace`, …).
        case noTwilioForm(type: String)

        public var description: String {
            switch self {
            case .audioNotMuLaw8k(let codec, let rate): "Twilio needs 8 kHz µ-law; dropped \(codec.rawValue)/\(rate) audio"
            case .markWithoutName: #"mark event without a "name" string: dropped"#
            case .noTwilioForm(let type): "\(type) event has no Twilio message"
            }
        }
    }

    /// A SID given up front (`--stream-sid`) wins over the one a `start` event carries.
    private let fixedStreamSid: String?
    private var startStreamSid: String?

    public init(streamSid: String? = nil) { fixedStreamSid = streamSid }

    /// The SID messages are stamped with; nil until given or seen on a `start` event (the
    /// messages then carry an empty SID, which Twilio ignores).
    public var streamSid: String? { fixedStreamSid ?? startStreamSid }

    public mutating func encode(_ frame: Frame) -> Outcome {
        switch frame {
        case .audio(let audio):
            guard audio.codec == .mulaw, audio.rate == 8000 else {
                return .dropped(.audioNotMuLaw8k(codec: audio.codec, rate: audio.rate))
            }
            return .send(.media(streamSid: streamSid ?? "", payload: audio.payload))
        case .event(let event):
            switch event.type {
            case "start":
                startStreamSid = event["stream"]?.string
                return .tookStreamSid
            case "mark":
                guard let name = event["name"]?.string else { return .dropped(.markWithoutName) }
                return .send(.mark(streamSid: streamSid ?? "", name: name))
            case "interrupt":
                return .send(.clear(streamSid: streamSid ?? ""))
            default:
                return .dropped(.noTwilioForm(type: event.type))
            }
        }
    }
}

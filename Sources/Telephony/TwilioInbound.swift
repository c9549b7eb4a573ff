import ExtrasBase64
import SwitchboardCore

/// A message Twilio sends over a Media Streams WebSocket
/// (`shared/reference/twilio-media-streams.md` §3).
public enum TwilioInbound: Sendable, Equatable {
    case connected(protocol: String, version: String)
    case start(TwilioStart)
    case media(TwilioMedia)
    case mark(name: String, streamSid: String)
    case dtmf(digit: String, track: String, streamSid: String)
    case stop(callSid: String, accountSid: String, streamSid: String)

    public var event: String {
        switch self {
        case .connected: "connected"
        case .start: "start"
        case .media: "media"
        case .mark: "mark"
        case .dtmf: "dtmf"
        case .stop: "stop"
        }
    }
}

public struct TwilioStart: Sendable, Equatable {
    public var streamSid: String
    public var accountSid: String
    public var callSid: String
    public var tracks: [String]
    public var customParameters: [(name: String, value: String)]
    public var encoding: String
    public var sampleRate: Int
    public var channels: Int

    public static func == (a: TwilioStart, b: TwilioStart) -> Bool {
        a.streamSid == b.streamSid && a.accountSid == b.accountSid && a.callSid == b.callSid && a.tracks == b.tracks
            && a.customParameters.map(\.name) == b.customParameters.map(\.name)
            && a.customParameters.map(\.value) == b.customParameters.map(\.value)
            && a.encoding == b.encoding && a.sampleRate == b.sampleRate && a.channels == b.channels
    }
}

public struct TwilioMedia: Sendable, Equatable {
    public var streamSid: String
    public var track: String
    public var chunk: Int
    /// Presentation time of the payload's first sample, ms since the stream started. Twilio
    /// always sends it; messages written for Twilio (outbound media) have none.
    public var timestamp: Int?
    /// Raw µ-law bytes (8 kHz mono).
    public var payload: [UInt8]
}

public struct TwilioMessageError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension TwilioInbound {
    /// Parses one WebSocket text message.
    public init(json text: some Collection<UInt8>) throws(TwilioMessageError) {
        let value: JSON
        do { value = try JSONParser.parse(text) } catch { throw TwilioMessageError("malformed Twilio message: \(error)") }
        guard let message = value.object else { throw TwilioMessageError("Twilio message is not a JSON object") }
        try self.init(message: message)
    }

    public init(message: JSONObject) throws(TwilioMessageError) {
        let fields = Fields(object: message, path: "")
        let event = try fields.string("event")
        switch event {
        case "connected":
            self = .connected(protocol: fields.optionalString("protocol") ?? "", version: fields.optionalString("version") ?? "")
        case "start":
            let start = try fields.object("start")
            let format = try start.object("mediaFormat")
            var parameters: [(name: String, value: String)] = []
            if let custom = start.object["customParameters"]?.object {
                for (name, value) in custom {
                    parameters.append((name, value.string ?? JSONWriter.string(value)))
                }
            }
            var streamSid = start.optionalString("streamSid")
            if streamSid == nil { streamSid = try fields.string("streamSid") }
            self = .start(
                TwilioStart(
                    streamSid: streamSid ?? "",
                    accountSid: start.optionalString("accountSid") ?? "",
                    callSid: try start.string("callSid"),
                    tracks: start.object["tracks"]?.array?.compactMap(\.string) ?? [],
                    customParameters: parameters,
                    encoding: format.optionalString("encoding") ?? "audio/x-mulaw",
                    sampleRate: try format.int("sampleRate"),
                    channels: format.optionalInt("channels") ?? 1))
        case "media":
            let media = try fields.object("media")
            let encoded = try media.string("payload")
            guard let payload = try? Base64.decode(string: encoded) else {
                throw TwilioMessageError("bad base64 in media.payload")
            }
            self = .media(
                TwilioMedia(
                    streamSid: fields.optionalString("streamSid") ?? "",
                    track: media.optionalString("track") ?? "inbound",
                    chunk: media.optionalInt("chunk") ?? 0,
                    timestamp: try media.optionalTimestamp(),
                    payload: payload))
        case "mark":
            self = .mark(name: try fields.object("mark").string("name"), streamSid: fields.optionalString("streamSid") ?? "")
        case "dtmf":
            let dtmf = try fields.object("dtmf")
            self = .dtmf(
                digit: try dtmf.string("digit"), track: dtmf.optionalString("track") ?? "inbound_track",
                streamSid: fields.optionalString("streamSid") ?? "")
        case "stop":
            let stop = fields.object["stop"]?.object.map { Fields(object: $0, path: "stop.") }
            self = .stop(
                callSid: stop?.optionalString("callSid") ?? "", accountSid: stop?.optionalString("accountSid") ?? "",
                streamSid: fields.optionalString("streamSid") ?? "")
        default:
            throw TwilioMessageError("unknown Twilio event \"\(event)\"")
        }
    }
}

/// Typed access to a message's keys, with errors that name the key path.
/// Twilio sends numbers such as `timestamp` as JSON strings; both forms are accepted.
private struct Fields {
    let object: JSONObject
    let path: String

    func string(_ key: String) throws(TwilioMessageError) -> String {
        guard let value = object[key] else { throw TwilioMessageError("Twilio message has no \(path)\(key)") }
        guard let string = value.string else { throw TwilioMessageError("\(path)\(key) must be a string") }
        return string
    }

    func optionalString(_ key: String) -> String? { object[key]?.string }

    func int(_ key: String) throws(TwilioMessageError) -> Int {
        guard let value = object[key] else { throw TwilioMessageError("Twilio message has no \(path)\(key)") }
        guard let int = Self.int(value) else { throw TwilioMessageError("\(path)\(key) must be a whole number") }
        return int
    }

    func optionalInt(_ key: String) -> Int? { object[key].flatMap(Self.int) }

    func optionalTimestamp() throws(TwilioMessageError) -> Int? {
        guard object["timestamp"] != nil else { return nil }
        return try int("timestamp")
    }

    func object(_ key: String) throws(TwilioMessageError) -> Fields {
        guard let value = object[key] else { throw TwilioMessageError("Twilio message has no \(path)\(key)") }
        guard let object = value.object else { throw TwilioMessageError("\(path)\(key) must be an object") }
        return Fields(object: object, path: "\(path)\(key).")
    }

    static func int(_ value: JSON) -> Int? { value.int ?? value.string.flatMap { Int($0) } }
}

import Foundation
import SwitchboardCore

/// The JSON messages Twilio sends on a Media Streams socket, as the virtual caller writes
/// them (`../shared/reference/twilio-media-streams.md` §3): numbers that look numeric are JSON
/// strings; every message after `connected` carries the stream SID and a sequence number.
struct CallerLineMessages {
    let callSid: String
    let streamSid: String
    let accountSid: String
    private var sequence = 0
    private var chunk = 0

    init(callSid: String, streamSid: String, accountSid: String) {
        self.callSid = callSid
        self.streamSid = streamSid
        self.accountSid = accountSid
    }

    /// `connected` has no sequence number or stream SID.
    static let connected = #"{"event":"connected","protocol":"Call","version":"1.0.0"}"#

    private mutating func message(_ event: String, _ fields: JSONObject) -> String {
        sequence += 1
        var message = fields
        message["event"] = .string(event)
        message["sequenceNumber"] = .string("\(sequence)")
        message["streamSid"] = .string(streamSid)
        return JSONWriter.string(message)
    }

    mutating func start(parameters: [String: String]) -> String {
        var custom = JSONObject()
        for (name, value) in parameters { custom[name] = .string(value) }
        return message("start", ["start": .object([
            "accountSid": .string(accountSid), "streamSid": .string(streamSid), "callSid": .string(callSid),
            "tracks": ["inbound"], "customParameters": .object(custom),
            "mediaFormat": ["encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1],
        ])])
    }

    /// One inbound frame; `timestamp` is its presentation time, ms since the stream began.
    mutating func media(_ payload: [UInt8], timestampMs: Int) -> String {
        chunk += 1
        return message("media", ["media": .object([
            "track": "inbound", "chunk": .string("\(chunk)"), "timestamp": .string("\(timestampMs)"),
            "payload": .string(Data(payload).base64EncodedString()),
        ])])
    }

    mutating func mark(_ name: String) -> String {
        message("mark", ["mark": .object(["name": .string(name)])])
    }

    mutating func dtmf(_ digit: String) -> String {
        message("dtmf", ["dtmf": .object(["track": "inbound_track", "digit": .string(digit)])])
    }

    mutating func stop() -> String {
        message("stop", ["stop": .object(["accountSid": .string(accountSid), "callSid": .string(callSid)])])
    }

    /// A fresh SID: two letters and 32 hex digits, as Twilio's.
    static func sid(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}

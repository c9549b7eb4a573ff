import ExtrasBase64
import SwitchboardCore
import Testing
@testable import Telephony

/// The examples of shared/reference/twilio-media-streams.md §3 and §4.
@Suite struct TwilioInboundTests {
    @Test func connected() throws {
        let message = try TwilioInbound(json: Array(#"{"event": "connected", "protocol": "Call", "version": "1.0.0"}"#.utf8))
        #expect(message == .connected(protocol: "Call", version: "1.0.0"))
    }

    @Test func start() throws {
        let text = """
            {
              "event": "start",
              "sequenceNumber": "1",
              "start": {
                "accountSid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "callSid": "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "tracks": ["inbound"],
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
                "customParameters": {"tenant": "acme", "sessionToken": "abc123"}
              },
              "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
            }
            """
        guard case .start(let start) = try TwilioInbound(json: Array(text.utf8)) else {
            Issue.record("not a start")
            return
        }
        #expect(start.streamSid == "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(start.callSid == "CAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(start.accountSid == "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(start.tracks == ["inbound"])
        #expect(start.encoding == "audio/x-mulaw")
        #expect(start.sampleRate == 8000)
        #expect(start.channels == 1)
        #expect(start.customParameters.map(\.name) == ["tenant", "sessionToken"])
        #expect(start.customParameters.map(\.value) == ["acme", "abc123"])
    }

    @Test func media() throws {
        let text = #"""
            {"event": "media", "sequenceNumber": "4",
             "media": {"track": "inbound", "chunk": "2", "timestamp": "25", "payload": "/////////w=="},
             "streamSid": "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"}
            """#
        let message = try TwilioInbound(json: Array(text.utf8))
        #expect(message == .media(TwilioMedia(streamSid: "MZXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", track: "inbound", chunk: 2,
            timestamp: 25, payload: [UInt8](repeating: 0xFF, count: 7))))
    }

    @Test func dtmfMarkStop() throws {
        #expect(try TwilioInbound(json: Array(#"""
            {"event": "dtmf", "streamSid": "MZ1", "sequenceNumber": "5", "dtmf": {"track": "inbound_track", "digit": "1"}}
            """#.utf8)) == .dtmf(digit: "1", track: "inbound_track", streamSid: "MZ1"))
        #expect(try TwilioInbound(json: Array(#"""
            {"event": "mark", "sequenceNumber": "6", "streamSid": "MZ1", "mark": {"name": "utt-7"}}
            """#.utf8)) == .mark(name: "utt-7", streamSid: "MZ1"))
        #expect(try TwilioInbound(json: Array(#"""
            {"event": "stop", "sequenceNumber": "7", "stop": {"accountSid": "AC1", "callSid": "CA1"}, "streamSid": "MZ1"}
            """#.utf8)) == .stop(callSid: "CA1", accountSid: "AC1", streamSid: "MZ1"))
    }

    @Test(arguments: [
        (#"{"event":"media","media":{"timestamp":"5","payload":"@@"}}"#, "bad base64 in media.payload"),
        (#"{"event":"media","media":{"timestamp":"five","payload":""}}"#, "media.timestamp must be a whole number"),
        (#"{"event":"media"}"#, "Twilio message has no media"),
        (#"{"event":"mark","mark":{}}"#, "Twilio message has no mark.name"),
        (#"{"event":"start","start":{"callSid":"CA","mediaFormat":{"sampleRate":8000}}}"#, "Twilio message has no streamSid"),
        (#"{"event":"sparkle"}"#, "unknown Twilio event \"sparkle\""),
        (#"{"sequenceNumber":"1"}"#, "Twilio message has no event"),
        (#"{"event":"media""#, "malformed Twilio message"),
        (#"[1]"#, "not a JSON object"),
    ])
    func badMessagesNameTheProblem(text: String, expected: String) {
        do {
            _ = try TwilioInbound(json: Array(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(expected), "\(error)")
        }
    }
}

@Suite struct TwilioOutboundTests {
    @Test func mediaMarkClearHaveTheReferenceShape() throws {
        let silence = [UInt8](repeating: 0xFF, count: 160)
        let media = try JSONParser.parse(TwilioOutbound.media(streamSid: "MZ1", payload: silence).text)
        #expect(media == ["event": "media", "streamSid": "MZ1", "media": ["payload": .string(String(repeating: "/", count: 213) + "w==")]])
        #expect(try JSONParser.parse(TwilioOutbound.mark(streamSid: "MZ1", name: "t1.s0").text)
            == ["event": "mark", "streamSid": "MZ1", "mark": ["name": "t1.s0"]])
        #expect(try JSONParser.parse(TwilioOutbound.clear(streamSid: "MZ1").text) == ["event": "clear", "streamSid": "MZ1"])
    }
}

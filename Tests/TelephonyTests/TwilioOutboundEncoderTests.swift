import SwitchboardCore
import Telephony
import Testing

@Suite struct TwilioOutboundEncoderTests {
    let silence = [UInt8](repeating: 0xFF, count: 160)

    func mulaw(_ payload: [UInt8], turn: Int? = 1) -> Frame {
        .audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 0, turn: turn, payload: payload))
    }

    @Test func audioMarksAndInterruptsBecomeMessagesStampedWithTheStartsSid() {
        var encoder = TwilioOutboundEncoder()
        #expect(encoder.encode(.event(Event("start", ["stream": "MZ7", "call": "CA1"]))) == .tookStreamSid)
        #expect(encoder.streamSid == "MZ7")
        #expect(encoder.encode(mulaw(silence)) == .send(.media(streamSid: "MZ7", payload: silence)))
        #expect(encoder.encode(.event(Event("mark", ["name": "t1.end", "turn": 1]))) == .send(.mark(streamSid: "MZ7", name: "t1.end")))
        #expect(encoder.encode(.event(Event("interrupt", ["turn": 1, "ts": 900]))) == .send(.clear(streamSid: "MZ7")))
    }

    /// `--stream-sid` wins over the call's `start`; a later `start` (a new call) is taken in
    /// when nothing was given.
    @Test func aGivenSidWinsAndANewStartReplacesTheLast() {
        var given = TwilioOutboundEncoder(streamSid: "MZfixed")
        _ = given.encode(.event(Event("start", ["stream": "MZ1"])))
        #expect(given.encode(mulaw([1])) == .send(.media(streamSid: "MZfixed", payload: [1])))

        var seen = TwilioOutboundEncoder()
        #expect(seen.streamSid == nil)
        #expect(seen.encode(mulaw([1])) == .send(.media(streamSid: "", payload: [1])), "Twilio ignores it; the writer warns")
        _ = seen.encode(.event(Event("start", ["stream": "MZ1"])))
        _ = seen.encode(.event(Event("start", ["stream": "MZ2"])))
        #expect(seen.encode(.event(Event("interrupt", ["turn": 1]))) == .send(.clear(streamSid: "MZ2")))
    }

    @Test func whatTwilioCannotTakeIsDroppedWithTheReason() {
        var encoder = TwilioOutboundEncoder(streamSid: "MZ1")
        let pcm = Frame.audio(AudioFrame(codec: .pcm16, rate: 16000, ts: 0, payload: [0, 0]))
        #expect(encoder.encode(pcm) == .dropped(.audioNotMuLaw8k(codec: .pcm16, rate: 16000)))
        let mulaw16k = Frame.audio(AudioFrame(codec: .mulaw, rate: 16000, ts: 0, payload: [0]))
        #expect(encoder.encode(mulaw16k) == .dropped(.audioNotMuLaw8k(codec: .mulaw, rate: 16000)))
        #expect(encoder.encode(.event(Event("mark", ["name": 5]))) == .dropped(.markWithoutName))
        for type in ["spoken", "error", "response.end", "vendor.custom"] {
            #expect(encoder.encode(.event(Event(type))) == .dropped(.noTwilioForm(type: type)))
        }
        #expect(TwilioOutboundEncoder.Drop.audioNotMuLaw8k(codec: .pcm16, rate: 16000).description.contains("pcm16/16000"))
    }
}

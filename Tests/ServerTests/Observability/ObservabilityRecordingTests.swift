import Foundation
import Server
import SwitchboardCore
import Testing

/// A call's stereo recording and transcript, from a synthetic call whose every frame has a
/// known time: caller audio where its media time says, agent audio where Twilio would play it.
@Suite("Observability: recording")
struct ObservabilityRecordingTests {
    static let callerCode: UInt8 = 0x20
    static let agentCode: UInt8 = 0xA0
    static let secondSentence: UInt8 = 0xB0

    private func observer(_ directory: String, id: String = "CA-rec", clock: ObservedCallClock) -> CallObserver {
        CallObserver(call: CallIdentity(id: id, tenant: nil, startedAtMs: 0), recordDirectory: directory, traceDirectory: nil,
                     metrics: ServeMetrics(), logger: ObservedLogs().logger(), elapsedMs: clock.reader)
    }

    @Test("caller on the left at their media time, agent on the right from when it was sent, gaps silent")
    func alignment() async throws {
        let directory = observabilityDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = ObservedCallClock()
        let observer = observer(directory, clock: clock)
        // The caller's first packet is at 200 ms; nothing between 1200 and 1400 (a lost stretch).
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 200, to: 1200, by: 20))
        // At media 1000 (clock 1005) the agent sends two sentences at once, faster than real
        // time: 500 ms, then 300 ms, which Twilio plays one after the other.
        clock.set(1005)
        for _ in 0..<25 { observer.leaving(ObservedFrames.agentAudio(turn: 1, ms: 20, code: Self.agentCode)) }
        observer.leaving(ObservedFrames.event("spoken", ["turn": 1, "index": 0, "text": "Hello there."]))
        for _ in 0..<15 { observer.leaving(ObservedFrames.agentAudio(turn: 1, ms: 20, code: Self.secondSentence)) }
        observer.leaving(ObservedFrames.event("spoken", ["turn": 1, "index": 1, "text": "How can I help?"]))
        observer.leaving(ObservedFrames.event("transcript", ["text": "book a table", "final": true, "endpoint": true, "ts": 200, "end": 1100]))
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 1400, to: 2400, by: 20))
        await observer.close()

        let wav = try ObservedWAV(path: "\(directory)/CA-rec.wav")
        #expect(wav.formatTag == 7)  // WAVE_FORMAT_MULAW
        #expect(wav.channels == 2)
        #expect(wav.rate == 8000)
        #expect(wav.left.count == 2400 * 8)
        #expect(ObservedWAV.codes(wav.left, ms: 0..<200) == [0xFF])
        #expect(ObservedWAV.codes(wav.left, ms: 200..<1200) == [Self.callerCode])
        #expect(ObservedWAV.codes(wav.left, ms: 1200..<1400) == [0xFF])
        #expect(ObservedWAV.codes(wav.left, ms: 1400..<2400) == [Self.callerCode])
        #expect(ObservedWAV.codes(wav.right, ms: 0..<1000) == [0xFF])
        #expect(ObservedWAV.codes(wav.right, ms: 1000..<1500) == [Self.agentCode])
        #expect(ObservedWAV.codes(wav.right, ms: 1500..<1800) == [Self.secondSentence])
        #expect(ObservedWAV.codes(wav.right, ms: 1800..<2400) == [0xFF])

        let lines = try observedLines("\(directory)/CA-rec.transcript.jsonl")
        #expect(lines.count == 3)
        #expect(lines[0]["who"] as? String == "agent" && lines[0]["text"] as? String == "Hello there." && lines[0]["ms"] as? Int == 1000)
        #expect(lines[1]["who"] as? String == "agent" && lines[1]["text"] as? String == "How can I help?" && lines[1]["ms"] as? Int == 1500)
        #expect(lines[2]["who"] as? String == "caller" && lines[2]["text"] as? String == "book a table" && lines[2]["ms"] as? Int == 200)
    }

    @Test("where no transcript reaches the end (llm-stream takes them in), the turn's text is the caller's line")
    func callerFromResponseStart() async throws {
        let directory = observabilityDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = ObservedCallClock()
        let observer = observer(directory, clock: clock)
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 0, to: 2000, by: 20))
        observer.leaving(ObservedFrames.event("vad", ["event": "start", "ts": 640]))
        observer.leaving(ObservedFrames.event("vad", ["event": "end", "ts": 1500]))
        observer.leaving(ObservedFrames.event("response.start", ["turn": 1, "text": "I'd like a table for two"]))
        observer.leaving(ObservedFrames.agentAudio(turn: 1, ms: 200, code: Self.agentCode))
        observer.leaving(ObservedFrames.event("spoken", ["turn": 1, "index": 0, "text": "For when?"]))
        observer.leaving(ObservedFrames.event("spoken", ["turn": 1, "index": 0, "text": "For when?", "looped": true]))  // not twice
        await observer.close()
        let lines = try observedLines("\(directory)/CA-rec.transcript.jsonl")
        #expect(lines.map { $0["who"] as? String } == ["caller", "agent"])
        #expect(lines[0]["text"] as? String == "I'd like a table for two" && lines[0]["ms"] as? Int == 640)
        #expect(lines[1]["ms"] as? Int == 1980)
    }

    @Test("an interrupt drops the agent audio not yet played; the next answer starts when sent")
    func interruptTruncates() async throws {
        let directory = observabilityDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = ObservedCallClock()
        let observer = observer(directory, clock: clock)
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 0, to: 1000, by: 20))
        // Two seconds of answer sent at media 1000…
        clock.set(1005)
        for _ in 0..<100 { observer.leaving(ObservedFrames.agentAudio(turn: 1, ms: 20, code: Self.agentCode)) }
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 1000, to: 1600, by: 20))
        // …barged in on at media 1600: 1.4 s of it were never heard.
        clock.set(1605)
        observer.leaving(ObservedFrames.event("interrupt", ["turn": 1, "ts": 1600]))
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 1600, to: 2000, by: 20))
        clock.set(2005)
        for _ in 0..<10 { observer.leaving(ObservedFrames.agentAudio(turn: 2, ms: 20, code: Self.secondSentence)) }
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 2000, to: 3000, by: 20))
        await observer.close()

        let wav = try ObservedWAV(path: "\(directory)/CA-rec.wav")
        #expect(ObservedWAV.codes(wav.left, ms: 0..<3000) == [Self.callerCode])
        #expect(ObservedWAV.codes(wav.right, ms: 1000..<1600) == [Self.agentCode])
        #expect(ObservedWAV.codes(wav.right, ms: 1600..<2000) == [0xFF])
        #expect(ObservedWAV.codes(wav.right, ms: 2000..<2200) == [Self.secondSentence])
        #expect(ObservedWAV.codes(wav.right, ms: 2200..<3000) == [0xFF])
    }

    @Test("agent audio still queued when the caller hangs up was never heard and is not recorded")
    func hangUpMidSentence() async throws {
        let directory = observabilityDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = ObservedCallClock()
        let observer = observer(directory, clock: clock)
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 0, to: 500, by: 20))
        clock.set(505)
        for _ in 0..<100 { observer.leaving(ObservedFrames.agentAudio(turn: 1, ms: 20, code: Self.agentCode)) }
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 500, to: 1000, by: 20))
        clock.set(1005)
        await observer.close()
        await observer.close()  // twice is harmless

        let wav = try ObservedWAV(path: "\(directory)/CA-rec.wav")
        #expect(wav.left.count == 1000 * 8)
        #expect(ObservedWAV.codes(wav.right, ms: 500..<1000) == [Self.agentCode])
    }

    @Test("bad reports are counted, never crash, and a hostile call id stays inside the directory")
    func badInput() async throws {
        let directory = observabilityDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = ObservedCallClock()
        let metrics = ServeMetrics()
        let observer = CallObserver(call: CallIdentity(id: "../../escape", tenant: "t", startedAtMs: 0), recordDirectory: directory,
                                    traceDirectory: directory, metrics: metrics, logger: ObservedLogs().logger(), elapsedMs: clock.reader)
        clock.set(100)
        observer.callerAudio([0x20], mediaMs: -5)                 // before the stream began
        observer.callerAudio([0x20], mediaMs: 1_000_000_000)      // far in the future
        observer.callerAudio([UInt8](repeating: 0x20, count: 1 << 20), mediaMs: 80)  // a huge packet
        observer.callerAudio([], mediaMs: 90)
        observer.leaving(.audio(AudioFrame(codec: .pcm16, rate: 16000, ts: 0, turn: 1, payload: [1, 2, 3])))  // odd rate and length
        observer.leaving(ObservedFrames.event("trace"))
        observer.leaving(ObservedFrames.event("response.start"))
        observer.leaving(ObservedFrames.event("spoken"))
        observer.leaving(ObservedFrames.event("interrupt", ["turn": "x"]))
        observer.entering(ObservedFrames.event("mark"))
        clock.set(3000)
        feedCaller(observer, clock: clock, code: Self.callerCode, media: stride(from: 100, to: 400, by: 20), delay: 2900)
        await observer.close()
        observer.callerAudio([0x20], mediaMs: 500)  // after close: ignored

        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["______escape.trace.jsonl", "______escape.transcript.jsonl", "______escape.wav"])
        let wav = try ObservedWAV(path: "\(directory)/______escape.wav")
        #expect(wav.left.count < 5000 * 8)  // the far-future packet left no hours of silence
        let text = metrics.render()
        #expect(text.contains(#"switchboard_observer_dropped_total{what="caller_audio_bad"} 3"#))
    }
}

import Audio
import Foundation
import SwitchboardCore
import Testing
@testable import Stages

@Suite struct MuLawDecoderTests {
    @Test func decodesMuLawAndResamples() async throws {
        let mulaw = (0..<8).map { i in
            Frame.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: i * 20, payload: MuLaw.encode(tone(160, rate: 8000))))
        }
        let out = try await MuLawDecoder(outputRate: 16000).output(for: mulaw)
        let audio = out.compactMap(\.audio)
        #expect(audio.allSatisfy { $0.codec == .pcm16 && $0.rate == 16000 })
        let totalBytes = audio.map(\.payload.count).reduce(0, +)
        #expect(abs(totalBytes - 8 * 160 * 2 * 2) <= 4)
        let expectedTs: [Int] = (0..<8).map { $0 * 20 }
        let ts: [Int] = Array(audio.map(\.ts).prefix(8))
        #expect(ts == expectedTs)
    }

    @Test func atTheSameRateItOnlyDecodes() async throws {
        let bytes: [UInt8] = [0x00, 0x7F, 0x80, 0xFF, 0x5A]
        let out = try await MuLawDecoder(outputRate: 8000).output(for: [.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 7, payload: bytes))])
        #expect(out == [.audio(AudioFrame(codec: .pcm16, rate: 8000, ts: 7, payload: PCM16.bytes([-32124, 0, 32124, 0, -556])))])
    }

    @Test func eventsPassThroughAndStartDescribesTheOutput() async throws {
        let start = Frame.event(Event("start", ["v": 1, "call": "CA1", "codec": "mulaw", "rate": 8000, "x": [1]]))
        let unknown = Frame.event(Event("vendor.thing", ["a": 1.50], payload: [1, 2, 3]))
        let error = Frame.error(stage: "upstream", message: "bad", offset: 3)
        let out = try await MuLawDecoder(outputRate: 16000).output(for: [start, unknown, error, .event(Event("stop")), .event(Event("late"))])
        #expect(out[0] == .event(Event("start", ["v": 1, "call": "CA1", "codec": "pcm16", "rate": 16000, "x": [1]])))
        #expect(Array(out[1...]) == [unknown, error, .event(Event("stop"))])
    }

    /// Resampled audio goes out in whole 20 ms frames (the resampler's delay would make the
    /// first one 14 ms), stamped with true media time; a new call's times start from its own.
    @Test func resampledFramesAreWholeAndANewCallRestartsTheirTime() async throws {
        func call(from ts: Int) -> [Frame] {
            [.event(Event("start"))] + (0..<10).map { pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: ts + $0 * 20) }
        }
        let out = try await MuLawDecoder(outputRate: 16000).output(for: call(from: 0) + call(from: 5000))
        let second = try #require(out.lastIndex { $0.type == "start" })
        let first = out[..<second].compactMap(\.audio)
        // The last piece before the next call's `start` goes out as it is.
        #expect(first.dropLast().map(\.sampleCount).allSatisfy { $0 == 320 } && first.count >= 8, "\(first.map(\.sampleCount))")
        #expect(first.map(\.ts) == (0..<first.count).map { $0 * 20 })
        #expect(out[second...].compactMap(\.audio).first?.ts == 5000)
    }

    /// The samples held inside the resampler's filter come out before `stop`.
    @Test func filterTailIsFlushedBeforeStop() async throws {
        let frames = [pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 0), .event(Event("stop", ["reason": "hangup"]))]
        let out = try await MuLawDecoder(outputRate: 16000).output(for: frames)
        #expect(out.last?.type == "stop")
        let samples = out.compactMap(\.audio).map(\.sampleCount).reduce(0, +)
        #expect(abs(samples - 320) <= 2)
    }
}

@Suite struct SourceTests {
    @Test func twilioLinesBecomeFrames() async throws {
        let payload = [UInt8](repeating: 0xFF, count: 160)
        let b64 = "/////w=="
        let lines = [
            #"{"event":"connected","protocol":"Call","version":"1.0.0"}"#,
            #"{"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ1","callSid":"CA1","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},"customParameters":{"tenant":"acme"}},"streamSid":"MZ1"}"#,
            #"{"event":"media","media":{"track":"inbound","chunk":"1","timestamp":"0","payload":"\#(String(repeating: "/", count: 213))w=="}}"#,
            #"{"event":"media","media":{"payload":"\#(b64)"},"streamSid":"MZ1"}"#,
            "{broken",
            #"{"event":"dtmf","dtmf":{"track":"inbound_track","digit":"5"}}"#,
            #"{"event":"mark","mark":{"name":"t1.s0"}}"#,
            #"{"event":"stop","stop":{"accountSid":"AC1","callSid":"CA1"}}"#,
        ]
        let text = lines.joined(separator: "\n") + "\n"
        let chunks = ChunkList([Array(text.utf8)])
        var frames: [Frame] = []
        for await frame in TwilioMessageFrames(chunks: chunks) { frames.append(frame) }
        #expect(frames.map(\.type) == ["start", "audio", "audio", "error", "dtmf", "mark", "stop"])
        #expect(frames[0].event?["call"] == "CA1")
        #expect(frames[0].event?["stream"] == "MZ1")
        #expect(frames[0].event?["tenant"] == "acme")
        #expect(frames[0].event?["params"] == ["tenant": "acme"])
        #expect(frames[1] == .audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 0, payload: payload)))
        // No timestamp: the next one follows from the sample count.
        #expect(frames[2].audio?.ts == 20)
        let offset = lines[0..<4].map { $0.utf8.count + 1 }.reduce(0, +)
        #expect(frames[3].event?["offset"]?.int == offset)
        #expect(frames[4].event?["digit"] == "5")
        #expect(frames[5].event?["name"] == "t1.s0")
        #expect(frames[6].event?["reason"] == "hangup")
    }

    @Test func rawMuLawIsCutInto20msFrames() async throws {
        let bytes = [UInt8](repeating: 0xFF, count: 8000 + 40)
        var frames: [Frame] = []
        let chunks = ChunkList([Array(bytes[0..<3333]), Array(bytes[3333...])])
        for await frame in FramedAudio(bytes: chunks, codec: .mulaw, rate: 8000, source: "stdin") { frames.append(frame) }
        #expect(frames.first?.type == "start")
        #expect(frames.last?.type == "stop")
        let audio = frames.compactMap(\.audio)
        #expect(audio.count == 51)
        #expect(audio.dropLast().allSatisfy { $0.payload.count == 160 })
        #expect(audio.last?.payload.count == 40)
        #expect(audio.last?.ts == 1000)
    }
}

/// Fixed byte chunks as an async sequence.
struct ChunkList: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    typealias Failure = Never
    let chunks: [[UInt8]]
    init(_ chunks: [[UInt8]]) { self.chunks = chunks }
    func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks[...]) }
    struct Iterator: AsyncIteratorProtocol {
        var chunks: ArraySlice<[UInt8]>
        mutating func next() async -> [UInt8]? { chunks.popFirst() }
        mutating func next(isolation actor: isolated (any Actor)?) async -> [UInt8]? { chunks.popFirst() }
    }
}

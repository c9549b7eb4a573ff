import Audio
import Foundation
import SwitchboardCore
import Testing
@testable import Stages

@Suite struct MuLawEncoderTests {
    @Test func resamplesAndCutsInto20msMuLaw() async throws {
        let frames = (0..<10).map { pcm16Frame(tone(330, rate: 16500), rate: 16500, ts: $0 * 20) }
        let out = try await MuLawEncoder().output(for: frames).compactMap(\.audio)
        #expect(out.allSatisfy { $0.codec == .mulaw && $0.rate == 8000 })
        #expect(out.dropLast().allSatisfy { $0.payload.count == 160 })
        #expect(out.map(\.ts) == (0..<out.count).map { $0 * 20 })
        #expect(abs(out.map(\.payload.count).reduce(0, +) - 1600) <= 2)
    }

    /// The mark of a sentence follows that sentence's audio, partial frame included.
    @Test func spokenBecomesAMarkAfterItsAudio() async throws {
        let frames: [Frame] = [
            pcm16Frame(tone(200, rate: 8000), rate: 8000, ts: 0, turn: 1),
            .event(Event("spoken", ["turn": 1, "index": 0, "text": "Hello."])),
            pcm16Frame(tone(100, rate: 8000), rate: 8000, ts: 25, turn: 1),
            .event(Event("spoken", ["turn": 1, "index": 1, "text": "Bye."])),
        ]
        let out = try await MuLawEncoder().output(for: frames)
        #expect(out.map(\.type) == ["audio", "audio", "spoken", "mark", "audio", "spoken", "mark"])
        #expect(out.compactMap(\.audio).map(\.payload.count) == [160, 40, 100])
        #expect(out[3].event?["name"] == "t1.s0")
        #expect(out[6].event?["name"] == "t1.s1")
    }

    @Test func unknownEventsPassThroughInOrder() async throws {
        let custom = Frame.event(Event("x.custom", ["k": [1, 2]], payload: [9]))
        let out = try await MuLawEncoder().output(for: [.event(Event("start", ["stream": "MZ1"])), custom, .event(Event("stop"))])
        let start = Frame.event(Event("start", ["stream": "MZ1", "codec": "mulaw", "rate": 8000]))
        #expect(out == [start, custom, .event(Event("stop"))])
    }

    /// Paced: an interrupt removes the queued audio and marks of turns ≤ N at once, audio of
    /// those turns that still arrives is dropped, and later turns play.
    @Test func interruptDropsQueuedAudioOfEarlierTurns() async throws {
        let feed = FrameFeed()
        let sink = CollectingSink()
        let encoder = MuLawEncoder(pace: true, leadMs: 0)
        let running = Task { try await encoder.run(feed, to: sink) }
        // Two seconds of turn 1: at real time, most of it is still queued when playing has begun.
        for i in 0..<100 { feed.send(pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: i * 20, turn: 1)) }
        feed.send(.event(Event("spoken", ["turn": 1, "index": 0])))
        let playing = try await sink.wait { $0.contains { $0.audio?.turn == 1 } }
        #expect(playing, "no audio of turn 1 was sent within 10 s")
        feed.send(.event(Event("interrupt", ["turn": 1, "ts": 200])))
        feed.send(pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 2000, turn: 1))  // late audio of turn 1
        feed.send(pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 0, turn: 2))
        feed.send(.event(Event("spoken", ["turn": 2, "index": 0])))
        feed.finish()
        try await running.value

        let frames = sink.frames
        let interruptAt = try #require(frames.firstIndex { $0.type == "interrupt" })
        let turn1Audio = frames.compactMap(\.audio).filter { $0.turn == 1 }
        #expect(turn1Audio.count < 50, "sent \(turn1Audio.count) frames of the interrupted turn")
        #expect(!frames.contains { $0.event?["name"] == "t1.s0" })
        #expect(frames[..<interruptAt].allSatisfy { $0.turn != 2 })
        #expect(frames[interruptAt...].compactMap(\.audio).allSatisfy { $0.turn == 2 })
        #expect(frames.last?.event?["name"] == "t2.s0")
    }

    @Test func stopEndsTheStageAfterItsAudio() async throws {
        let frames: [Frame] = [
            pcm16Frame(tone(100, rate: 8000), rate: 8000, ts: 0),
            .event(Event("stop", ["reason": "hangup"])),
            .event(Event("after.stop")),
        ]
        let out = try await MuLawEncoder().output(for: frames)
        #expect(out.map(\.type) == ["audio", "stop"])
        #expect(out[0].audio?.payload.count == 100)
    }

    @Test func spokenWithoutIndexIsReported() async throws {
        let out = try await MuLawEncoder().output(for: [.event(Event("spoken", ["text": "?"]))])
        #expect(out.contains { $0.type == "error" })
        #expect(out.contains { $0.type == "spoken" })
    }
}

@Suite struct FrameDumpTests {
    @Test func summarisesAudioAndShowsEvents() async throws {
        let frames: [Frame] = [
            pcm16Frame([Int16](repeating: 0, count: 320), rate: 16000, ts: 40, turn: 2),
            pcm16Frame([Int16](repeating: 16384, count: 160), rate: 8000, ts: 60),
            .event(Event("blob", ["a": 1], payload: [1, 2, 3])),
        ]
        let out = try await FrameDump().output(for: frames).compactMap(\.event)
        #expect(out[0] == Event("audio", ["codec": "pcm16", "rate": 16000, "ts": 40, "turn": 2, "ms": 20, "bytes": 640, "rms_dbfs": -120]))
        #expect(out[1]["rms_dbfs"]?.double == -6)
        #expect(out[2] == Event("blob", ["a": 1, "payload_bytes": 3]))
        #expect(try await FrameDump(showAudio: false).output(for: frames).count == 1)
    }
}

import Audio
import Foundation
import Resilience
import SwitchboardCore
import Synchronization
import ResilienceTesting
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

    /// An interrupt of turn N drops what is held back and what still arrives of every turn up
    /// to N, not only of turn N, and leaves audio without a turn (the caller's) alone.
    @Test func interruptDropsEarlierTurnsAndKeepsCallerAudio() async throws {
        let frames: [Frame] = [
            pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 0, turn: 2),
            pcm16Frame(tone(100, rate: 8000), rate: 8000, ts: 20, turn: 2),  // held back: less than a frame
            .event(Event("interrupt", ["turn": 3, "ts": 900])),
            pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 40, turn: 2),  // late audio of turn 2
            .event(Event("spoken", ["turn": 2, "index": 0, "text": "Late."])),
            .event(Event("response.end", ["turn": 2, "reason": "done"])),
            pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 0),  // the caller
            pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 0, turn: 4),
        ]
        let out = try await MuLawEncoder().output(for: frames)
        #expect(out.map(\.type) == ["audio", "interrupt", "response.end", "audio", "audio"])
        #expect(out.compactMap(\.audio).map(\.turn) == [2, nil, 4])
        #expect(out.compactMap(\.audio).map(\.payload.count) == [160, 160, 160])
    }

    /// `t<N>.end` follows the turn's last audio, the part held back included; an interrupted
    /// turn gets none.
    @Test func responseEndBecomesAnEndMarkAfterTheTurnsAudio() async throws {
        let frames: [Frame] = [
            pcm16Frame(tone(200, rate: 8000), rate: 8000, ts: 0, turn: 1),
            .event(Event("spoken", ["turn": 1, "index": 0, "text": "Hello."])),
            pcm16Frame(tone(100, rate: 8000), rate: 8000, ts: 25, turn: 1),
            .event(Event("response.end", ["turn": 1, "reason": "done"])),
            pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 0, turn: 2),
            .event(Event("response.end", ["turn": 2, "reason": "interrupted"])),
            .event(Event("response.end", ["reason": "done"])),
        ]
        let out = try await MuLawEncoder().output(for: frames)
        #expect(out.map(\.type) == ["audio", "audio", "spoken", "mark", "audio", "mark", "response.end", "audio", "response.end", "error", "response.end"])
        #expect(out.compactMap(\.audio).map(\.payload.count) == [160, 40, 100, 160])
        #expect(out[5].event == Event("mark", ["name": "t1.end", "turn": 1]))
        #expect(out[9].event?["message"]?.string?.contains("response.end") == true)
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

/// `mulaw-encode --pace` on a clock the test moves: what leaves when, what an interrupt takes
/// back, back-pressure, and the pacer ending with the stage.
@Suite struct MuLawEncoderPacingTests {
    let clock = ManualClock()
    let feed = CountingFeed()
    let sink = CollectingSink()

    func paced(leadMs: Int = 0, limits: BoundedChannel<PlayoutQueue.Entry>.Limits? = nil) -> MuLawEncoder {
        var encoder = MuLawEncoder(pace: true, leadMs: leadMs, clock: clock)
        if let limits { encoder.playoutLimits = limits }
        return encoder
    }

    /// `count` 20 ms frames of 8 kHz audio.
    func audio(turn: Int?, count: Int) -> [Frame] {
        (0..<count).map { pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: $0 * 20, turn: turn) }
    }

    @Test func audioLeavesAtRealTimePlusTheLead() async throws {
        let running = Task { [feed, sink] in try await paced(leadMs: 100).run(feed, to: sink) }
        feed.send(audio(turn: 1, count: 50))
        try await clock.waitForSleepers()
        #expect(sink.audio.map(\.ts) == [0, 20, 40, 60, 80, 100], "at 0 ms, audio up to 100 ms ahead")
        clock.advance(by: .milliseconds(20))
        #expect(try await sink.wait { $0.count == 7 })
        try await clock.waitForSleepers()
        #expect(sink.audio.count == 7)
        feed.finish()
        try await playOut(running).get()
        #expect(sink.audio.map(\.ts) == (0..<50).map { $0 * 20 })
        #expect(clock.now() == .milliseconds(880), "the last frame left 100 ms before it plays")
    }

    /// An interrupt of turn N takes every queued frame of turns up to N out at once: with N the
    /// turn playing, and with N a later turn whose audio has not come yet. Turns after N play.
    @Test(arguments: [(playing: 1, interrupted: 1), (playing: 2, interrupted: 3)])
    func interruptTakesBackQueuedAudioOfTurnsUpToN(playing: Int, interrupted: Int) async throws {
        let running = Task { [feed, sink] in try await paced().run(feed, to: sink) }
        feed.send(audio(turn: playing, count: 100))
        feed.send(.event(Event("spoken", ["turn": .int(playing), "index": 0])))
        #expect(try await feed.waitUntilTaken(101))
        try await clock.waitForSleepers()
        #expect(sink.audio.count == 1, "one frame out, the next held back to real time")

        let next = interrupted + 1
        feed.send(.event(Event("interrupt", ["turn": .int(interrupted), "ts": 20])))
        feed.send(pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: 2000, turn: playing))  // late audio
        feed.send(audio(turn: next, count: 2))
        feed.send(.event(Event("spoken", ["turn": .int(next), "index": 0])))
        feed.finish()
        #expect(try await feed.waitUntilTaken(103), "the interrupt was dealt with before the held frame's time came")
        try await playOut(running).get()

        let frames = sink.frames
        let interruptAt = try #require(frames.firstIndex { $0.type == "interrupt" })
        #expect(frames.compactMap(\.audio).filter { $0.turn == playing }.count == 1)
        #expect(!frames.contains { $0.event?["name"]?.string == "t\(playing).s0" })
        #expect(frames[..<interruptAt].allSatisfy { $0.turn != next })
        #expect(frames[interruptAt...].compactMap(\.audio).map(\.turn) == [next, next])
        #expect(frames.last?.event?["name"]?.string == "t\(next).s0")
    }

    /// Audio without a turn is the caller's, not an answer to take back: an interrupt leaves it
    /// queued, the frame held back included.
    @Test func callerAudioSurvivesAnInterrupt() async throws {
        let running = Task { [feed, sink] in try await paced().run(feed, to: sink) }
        let agent = audio(turn: 1, count: 10)
        let caller = audio(turn: nil, count: 10)
        feed.send(zip(agent, caller).flatMap { [$0, $1] })
        #expect(try await feed.waitUntilTaken(20))
        try await clock.waitForSleepers()
        feed.send(.event(Event("interrupt", ["turn": 1, "ts": 20])))
        feed.send(audio(turn: nil, count: 3))
        feed.finish()
        #expect(try await feed.waitUntilTaken(22))
        try await playOut(running).get()
        #expect(sink.audio.filter { $0.turn == 1 }.count == 1)
        #expect(sink.audio.filter { $0.turn == nil }.count == 13)
    }

    /// The mark goes in order with the audio (it must not be echoed before the audio plays);
    /// the `response.end` itself is passed on at once.
    @Test func endMarkWaitsForTheAudioBeforeIt() async throws {
        let running = Task { [feed, sink] in try await paced().run(feed, to: sink) }
        feed.send(audio(turn: 1, count: 5))
        #expect(try await feed.waitUntilTaken(5))
        try await clock.waitForSleepers()
        feed.send(.event(Event("response.end", ["turn": 1, "reason": "done"])), .event(Event("x.next")))
        feed.finish()
        #expect(try await feed.waitUntilTaken(7))
        try await playOut(running).get()
        #expect(sink.frames.map(\.type).filter { $0 != "x.next" } == ["audio", "audio", "response.end", "audio", "audio", "audio", "mark"])
        #expect(sink.frames.last?.event?["name"] == "t1.end")
    }

    /// A producer faster than real time is held back once the queue is full, instead of the
    /// whole answer piling up in memory.
    @Test func aFullQueueHoldsTheProducerBack() async throws {
        let running = Task { [feed, sink] in try await paced(limits: .init(count: 8)).run(feed, to: sink) }
        feed.send(audio(turn: 1, count: 200))
        try await clock.waitForSleepers()
        var taken = -1
        while taken != feed.taken {  // until the stage stops taking input
            taken = feed.taken
            try await Task.sleep(for: .milliseconds(50))
        }
        // One frame sent, one held by the pacer, 8 queued, one waiting to go in.
        #expect(taken <= 12, "took \(taken) frames with 8 places in the queue")
        clock.advance(by: .milliseconds(20))
        #expect(try await feed.waitUntilTaken(taken + 1), "room made by playing lets more in")
        running.cancel()
        _ = await playOut(running)
    }

    /// The pacer is a child of the stage's `run`: cancelling the stage stops it at once, and
    /// nothing is left asleep on the clock or sending afterwards.
    @Test func cancellingTheStageStopsThePacer() async throws {
        let running = Task { [feed, sink] in try await paced().run(feed, to: sink) }
        feed.send(audio(turn: 1, count: 100))
        #expect(try await feed.waitUntilTaken(100))
        try await clock.waitForSleepers()
        running.cancel()
        let result = await playOut(running)
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(clock.sleeping == 0)
        #expect(sink.audio.count == 1, "nothing was sent after the cancellation")
        let sent = sink.frames.count
        clock.advance(by: .seconds(5))
        try await Task.sleep(for: .milliseconds(20))
        #expect(sink.frames.count == sent)
    }

    /// An output that fails ends the stage with its error, even while the encoder waits for
    /// input or for room in the queue.
    @Test func aFailingOutputEndsTheStage() async throws {
        let failing = FailingSink(after: 3)
        let running = Task { [feed] in try await paced(leadMs: 1000, limits: .init(count: 4)).run(feed, to: failing) }
        feed.send(audio(turn: 1, count: 20))
        await #expect(throws: FailingSink.Failed.self) { try await playOut(running).get() }
    }

    /// Moves the clock a frame at a time whenever something sleeps on it, until `running`
    /// ends (or ten real seconds pass: it is then cancelled), and returns how it ended.
    func playOut(_ running: Task<Void, any Error>) async -> Result<Void, any Error> {
        let ended = CountingFeed.Counter()
        let watcher = Task {
            let result = await running.result
            ended.increment()
            return result
        }
        // A guard against a hang, not a timing bound: a loaded machine may take a while.
        let deadline = ContinuousClock.now + .seconds(60)
        while ended.value == 0 {
            if ContinuousClock.now > deadline {
                running.cancel()
                break
            }
            if clock.sleeping > 0 { clock.advance(by: .milliseconds(20)) } else { try? await Task.sleep(for: .milliseconds(1)) }
        }
        return await watcher.value
    }
}

/// An output that breaks after some frames, like a closed socket.
final class FailingSink: FrameSink {
    struct Failed: Error {}
    private let sent = Mutex(0)
    let limit: Int

    init(after limit: Int) { self.limit = limit }

    func send(_ frame: Frame) async throws {
        let count = sent.withLock { sent in
            sent += 1
            return sent
        }
        if count > limit { throw Failed() }
    }

    func finish() async throws {}
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

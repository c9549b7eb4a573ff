import Foundation
import ResilienceTesting
@testable import Stages
import SwitchboardCore
import Testing

/// Barge-in: caller speech over the agent interrupts it; backchannels do not. Time is the
/// tests': the stage's barge-in timer runs on `clock`, and the engine's pause mid-answer on
/// `engineClock`, so nothing here depends on how fast the machine is.
@Suite struct LLMBargeInTests {
    let clock = ManualClock()
    let engineClock = ManualClock()

    /// A long answer that stops after three words until `engineClock` moves a second on: still
    /// generating when the caller speaks.
    func slowStage(_ configure: (inout LLMStream.Configuration) -> Void = { _ in }) -> (RecordingEngine, RunningStage) {
        let engine = RecordingEngine(clock: engineClock, pauseAfter: 3) { _ in
            "First sentence here. Second sentence follows. " + String(repeating: "and more words ", count: 40) + "end."
        }
        return (engine, RunningStage(stage([engine], clock: clock, configure: configure)))
    }

    /// Lets a paused answer run to its end.
    func finishAnswer() async throws {
        try await engineClock.waitForSleepers()
        engineClock.advance(by: .seconds(1))
    }

    @Test func speechLongerThanTheThresholdInterrupts() async throws {
        let (_, running) = slowStage()
        running.send(.text("tell me everything"))
        try await running.waitFor("token", count: 3)
        running.send(vad("start", ts: 5000))
        try await clock.waitForSleepers()  // the barge-in timer is armed
        clock.advance(by: .milliseconds(149))
        try await running.probe()
        #expect(!running.sink.events.contains { $0.type == "interrupt" }, "149 ms of speech is not yet an interruption (default --barge-in-ms 150)")
        clock.advance(by: .milliseconds(1))
        let interrupt = try await running.waitFor("interrupt")
        #expect(interrupt == Event("interrupt", ["turn": 1, "ts": 5000]))
        let end = try await running.waitFor("response.end")
        #expect(end["reason"] == "interrupted")
        let events = try await running.finish()
        // Nothing of the turn after the interrupt.
        let cut = try #require(events.firstIndex { $0.type == "interrupt" })
        #expect(!events[cut...].contains { $0.type == "token" })
        // Without marks, history keeps what was sent before the interrupt.
        let heard = try #require(events.lastContext.last)
        #expect(heard == ["assistant", "First sentence here."])
        #expect(heard[1] == events.tokens(turn: 1))
    }

    /// Media time decides when the stream carries it: audio frames after the vad start. The
    /// stage's clock never moves, so the timer cannot be what decides.
    @Test func mediaTimeDecidesWhenAudioFlows() async throws {
        let (_, running) = slowStage()
        running.send(.text("go"))
        try await running.waitFor("token")
        running.send(vad("start", ts: 1000))
        running.feed.send(pcm16Frame(tone(8 * 100, rate: 8000), rate: 8000, ts: 1000))  // 100 ms of audio: not yet
        try await running.probe()
        #expect(!running.sink.events.contains { $0.type == "interrupt" })
        running.feed.send(pcm16Frame(tone(8 * 50, rate: 8000), rate: 8000, ts: 1100))  // reaches 150 ms
        #expect(try await running.waitFor("interrupt")["ts"] == 1000)
        _ = try await running.finish()
    }

    /// "mm-hm": a vad start and end closer than the threshold, and a one-word transcript.
    @Test func backchannelsDoNotInterrupt() async throws {
        let (engine, running) = slowStage()
        running.send(.text("go on"))
        try await running.waitFor("token")
        running.send(vad("start", ts: 3000), vad("end", ts: 3100), transcript("mm-hm", final: false, ts: 3000),
            transcript("mm-hm", final: true, endpoint: true, ts: 3000))
        try await running.probe()
        clock.advance(by: .seconds(1))  // well past the 150 ms timer
        try await running.probe()
        #expect(!running.sink.events.contains { $0.type == "interrupt" })
        try await finishAnswer()
        let events = try await running.finish()
        #expect(events.of("response.end").map { $0["reason"] } == ["done"])
        #expect(engine.prompts.count == 1, "a backchannel is not a turn")
    }

    /// An interim transcript with enough words interrupts at once; its final becomes the next turn.
    @Test func interimWithEnoughWordsInterrupts() async throws {
        let (engine, running) = slowStage()
        running.send(.text("go on"))
        try await running.waitFor("token")
        running.send(transcript("no wait", final: false, ts: 4000))
        try await running.probe()
        #expect(!running.sink.events.contains { $0.type == "interrupt" }, "two words are below --barge-in-words 3")
        running.send(transcript("no wait stop", final: false, ts: 4000))
        #expect(try await running.waitFor("interrupt")["ts"] == 4000)
        running.send(transcript("no wait stop please", final: true, endpoint: true, ts: 4000))
        let second = try await running.waitFor("response.start", count: 2)
        #expect(second == Event("response.start", ["turn": 2, "text": "no wait stop please"]))
        try await finishAnswer()
        _ = try await running.finish()
        #expect(engine.prompts.map(\.user) == ["go on", "no wait stop please"])
    }

    /// With marks flowing, the agent speaks until its last sentence's mark returns, and history
    /// keeps only the sentences whose marks came back.
    @Test func historyKeepsOnlyWhatWasHeard() async throws {
        let engine = RecordingEngine { _ in "Our hours are nine to five. We are closed on Sunday. Anything else?" }
        let running = RunningStage(stage([engine], clock: clock))
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]), .text("when are you open"))
        try await running.waitFor("response.end")
        #expect(try await running.waitFor("context").lastMessage == ["assistant", "Our hours are nine to five. We are closed on Sunday. Anything else?"])
        running.send(Event("mark", ["name": "t1.s0"]))
        running.send(vad("start", ts: 7000))
        try await clock.waitForSleepers()
        clock.advance(by: .milliseconds(200))
        #expect(try await running.waitFor("interrupt") == Event("interrupt", ["turn": 1, "ts": 7000]))
        let corrected = try await running.waitFor("context", count: 2)
        #expect(corrected.lastMessage == ["assistant", "Our hours are nine to five."])
        _ = try await running.finish()
    }

    /// `spoken` events, when they come back, give the sentences' exact text; the last mark ends
    /// the speaking, after which caller speech is a new turn, not an interruption.
    @Test func lastMarkEndsSpeaking() async throws {
        let engine = RecordingEngine { _ in "Dr. Rao sees patients today. Goodbye." }
        let running = RunningStage(stage([engine], clock: clock))
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]), .text("who is in"))
        try await running.waitFor("response.end")
        running.send(Event("spoken", ["turn": 1, "index": 0, "text": "Dr. Rao sees patients today."]),
            Event("spoken", ["turn": 1, "index": 1, "text": "Goodbye."]), Event("mark", ["name": "t1.s0"]))
        running.send(vad("start", ts: 100), vad("end", ts: 900))
        try await running.waitFor("interrupt")
        #expect(try await running.waitFor("context", count: 2).lastMessage == ["assistant", "Dr. Rao sees patients today."])

        running.send(.text("thanks"))
        try await running.waitFor("response.end", count: 2)
        running.send(Event("mark", ["name": "t2.s0"]), Event("mark", ["name": "t2.s1"]))
        running.send(vad("start", ts: 2000), vad("end", ts: 3000))
        try await running.probe()
        clock.advance(by: .seconds(1))
        try await running.probe()
        #expect(running.sink.events.of("interrupt").count == 1, "speech after the last mark is not a barge-in")
        _ = try await running.finish()
    }
}

extension Event {
    /// The last message of a `context` event, as [role, content].
    var lastMessage: [String]? {
        self["messages"]?.array?.last.map { [$0.object?["role"]?.string ?? "", $0.object?["content"]?.string ?? ""] }
    }
}

import Foundation
import ResilienceTesting
@testable import Stages
import SwitchboardCore
import Testing

/// `--speculate`: an answer started on a settled interim is kept when the final matches. The
/// engine's time to first token and the stage's timings run on one manual clock.
@Suite struct LLMSpeculationTests {
    let clock = ManualClock()

    /// The speculative answer is ready before the final arrives: it goes out at once, while
    /// the final is handled (before the next input), without a second request.
    @Test func matchingFinalKeepsTheHeadStart() async throws {
        let engine = RecordingEngine(delay: .milliseconds(100), clock: clock)
        let running = RunningStage(stage([engine], clock: clock) { $0.speculate = true })
        running.send(transcript("what are your hours", final: false), transcript("What are your hours", final: false))
        try await clock.waitForSleepers()  // the engine has been asked and takes 100 ms to its first token
        #expect(engine.prompts.count == 1)
        clock.advance(by: .milliseconds(100))
        try await running.waitUntilHandled { if case .generationEnded = $0 { true } else { false } }
        #expect(running.sink.events.isEmpty, "a speculative answer is held back")
        clock.advance(by: .milliseconds(400))  // the final comes later: only the 100 ms to the first token are saved
        running.send(transcript("What are your hours?", final: true, endpoint: true), Event("x.marker"))
        let events = try await running.finish()
        #expect(engine.prompts.count == 1, "the final reused the speculative request")
        #expect(events.of("response.start").first?["text"] == "What are your hours?")
        #expect(events.tokens(turn: 1) == "You said: What are your hours.")
        let marker = try #require(events.firstIndex { $0.type == "x.marker" })
        #expect(Array(events[..<marker]).of("token").count == 6, "every token was out before the next input was read")
        let saved = try #require(events.of("trace").first { $0["name"] == "llm.speculation" }?["ms"]?.double)
        #expect(saved == 100)
    }

    /// A final that says something else cancels the speculation and asks again.
    @Test func differentFinalRegenerates() async throws {
        let engine = RecordingEngine(delay: .milliseconds(50), clock: clock)
        let running = RunningStage(stage([engine], clock: clock) { $0.speculate = true })
        running.send(transcript("book for monday", final: false), transcript("book for monday", final: false))
        try await clock.waitForSleepers()  // the speculation is waiting for its first token
        running.send(transcript("book for monday at ten", final: true, endpoint: true))
        try await running.waitFor("response.start")
        // The speculation's request was cancelled with it; the new one is the only sleeper.
        #expect(try await eventually(timeout: .seconds(30)) { engine.prompts.count == 2 && clock.sleeping == 1 })
        clock.advance(by: .milliseconds(50))
        let events = try await running.finish()
        #expect(engine.prompts.map(\.user) == ["book for monday", "book for monday at ten"])
        #expect(events.tokens(turn: 1) == "You said: book for monday at ten.")
        #expect(events.of("trace").first { $0["name"] == "llm.speculation" }?["ms"] == 0)
    }

    @Test func withoutTheFlagNothingStartsEarly() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine], clock: clock))
        running.send(transcript("hello there", final: false), transcript("hello there", final: false))
        try await running.probe()
        #expect(engine.prompts.isEmpty)
        _ = try await running.finish()
    }
}

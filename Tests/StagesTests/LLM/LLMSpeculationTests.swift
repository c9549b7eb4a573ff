import Foundation
@testable import Stages
import SwitchboardCore
import Testing

/// `--speculate`: an answer started on a settled interim is kept when the final matches.
@Suite struct LLMSpeculationTests {
    /// The speculative answer is ready before the final arrives: it goes out at once, while
    /// the final is handled (before the next input), without a second request.
    @Test func matchingFinalKeepsTheHeadStart() async throws {
        let engine = RecordingEngine(delay: .milliseconds(100))
        let running = RunningStage(stage([engine]) { $0.speculate = true })
        running.send(transcript("what are your hours", final: false), transcript("What are your hours", final: false))
        #expect(try await eventually { engine.prompts.count == 1 })
        try await Task.sleep(for: .seconds(1))  // generous: the answer is buffered by now
        #expect(running.sink.events.isEmpty, "a speculative answer is held back")
        running.send(transcript("What are your hours?", final: true, endpoint: true), Event("x.marker"))
        let events = try await running.finish()
        #expect(engine.prompts.count == 1, "the final reused the speculative request")
        #expect(events.of("response.start").first?["text"] == "What are your hours?")
        #expect(events.tokens(turn: 1) == "You said: What are your hours.")
        let marker = try #require(events.firstIndex { $0.type == "x.marker" })
        #expect(Array(events[..<marker]).of("token").count == 6, "every token was out before the next input was read")
        let saved = try #require(events.of("trace").first { $0["name"] == "llm.speculation" }?["ms"]?.double)
        #expect(saved >= 100, "the engine's 100 ms to first token was saved, got \(saved)")
    }

    /// A final that says something else cancels the speculation and asks again.
    @Test func differentFinalRegenerates() async throws {
        let engine = RecordingEngine(delay: .milliseconds(50))
        let running = RunningStage(stage([engine]) { $0.speculate = true })
        running.send(transcript("book for monday", final: false), transcript("book for monday", final: false))
        try await Task.sleep(for: .milliseconds(100))
        running.send(transcript("book for monday at ten", final: true, endpoint: true))
        let events = try await running.finish()
        #expect(engine.prompts.map(\.user) == ["book for monday", "book for monday at ten"])
        #expect(events.tokens(turn: 1) == "You said: book for monday at ten.")
        #expect(events.of("trace").first { $0["name"] == "llm.speculation" }?["ms"] == 0)
    }

    @Test func withoutTheFlagNothingStartsEarly() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine]))
        running.send(transcript("hello there", final: false), transcript("hello there", final: false))
        try await Task.sleep(for: .milliseconds(50))
        #expect(engine.prompts.isEmpty)
        _ = try await running.finish()
    }
}

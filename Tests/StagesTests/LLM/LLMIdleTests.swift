import Foundation
@testable import Stages
import SwitchboardCore
import Testing

/// The supervisor's `idle` event (the caller has been silent): the agent says its `say` as a
/// turn of its own, and only when it is not speaking and a conversation is under way.
@Suite struct LLMIdleTests {
    func callStage() -> LLMStream {
        stage([RecordingEngine()]) {
            $0.greeting = .text("Welcome to the clinic.")
            $0.greetingWordsPerSecond = 0
        }
    }

    static let idle = Event("idle", ["silent_ms": 8000, "say": "Are you still there?"])

    @Test func silenceAfterTheGreetingIsAskedAbout() async throws {
        let running = RunningStage(callStage())
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]))
        try await running.waitFor("response.end")
        running.send(Event("mark", ["name": "t1.end"]))
        try await running.probe()
        running.send(Self.idle)
        try await running.waitFor("response.end", count: 2)
        let events = try await running.finish()
        #expect(events.tokens(turn: 2) == "Are you still there?")
        #expect(events.of("response.start").map { $0["text"] } == ["", ""], "no caller words in the prompt's turn")
        #expect(events.of("idle").count == 1, "passed on")
    }

    @Test func notWhileTheAgentIsSpeaking() async throws {
        let running = RunningStage(callStage())
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]))
        try await running.waitFor("response.end")
        // The greeting's mark has not come back: it is still being played.
        running.send(Self.idle)
        let events = try await running.finish()
        #expect(events.of("response.start").count == 1)
    }

    @Test func notBeforeAConversationBegins() async throws {
        let running = RunningStage(callStage())
        running.send(Self.idle)
        let events = try await running.finish()
        #expect(events.of("response.start").isEmpty)
    }
}

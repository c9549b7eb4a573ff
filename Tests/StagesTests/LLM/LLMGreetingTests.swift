import Foundation
import Providers
@testable import Stages
import SwitchboardCore
import Testing

/// A conversation that begins without a `start` (lines typed at a terminal, a recognizer run
/// on its own) is greeted before its first caller turn is answered; one begun by a `start` or
/// carried over by a `context` is not greeted again.
@Suite struct LLMGreetingTests {
    func greetingStage(_ engine: RecordingEngine) -> LLMStream {
        stage([engine]) {
            $0.greeting = .text("Welcome to the clinic.")
            $0.greetingWordsPerSecond = 0
        }
    }

    @Test func typedConversationIsGreetedFirst() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(greetingStage(engine))
        running.send(.text("hello"), .text("and again"))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["", "hello", "and again"])
        #expect(events.tokens(turn: 1) == "Welcome to the clinic.")
        #expect(events.tokens(turn: 2) == "You said: hello.")
        #expect(engine.prompts.first?.history == [ChatMessage(role: "assistant", content: "Welcome to the clinic.")],
            "the first answer knows it was greeted")
    }

    @Test func transcribedConversationIsGreetedFirst() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(greetingStage(engine))
        running.send(transcript("i need an appointment", final: true, endpoint: true))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["", "i need an appointment"])
        #expect(events.of("response.end").map { $0["reason"] } == ["done", "done"])
    }

    @Test func startGreetsOnce() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(greetingStage(engine))
        running.send(Event("start", ["call": "CA1"]))
        try await running.waitFor("response.end")
        running.send(.text("hello"))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["", "hello"])
    }

    /// A node restored from `context` carries on a conversation under way.
    @Test func restoredConversationIsNotGreeted() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(greetingStage(engine))
        running.send(Event("context", ["messages": [["role": "user", "content": "earlier"], ["role": "assistant", "content": "answer"]]]))
        running.send(.text("and now?"))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["and now?"])
    }

    /// With no greeting configured (an LLM engine without --greeting), the first line is
    /// answered at once.
    @Test func withoutAGreetingTheFirstLineIsAnsweredAtOnce() async throws {
        let running = RunningStage(stage([RecordingEngine()]))
        running.send(.text("hello"))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["hello"])
    }
}

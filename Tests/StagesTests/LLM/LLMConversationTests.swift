import Foundation
import Providers
@testable import Stages
import SwitchboardCore
import Testing

/// The conversation side of `llm-stream`, with engines that answer locally.
@Suite struct LLMConversationTests {
    @Test func typedTextIsAnsweredAsOneTurn() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine]) { $0.system = "Be brief." })
        running.send(.text("What time do you open?"), Event("x.custom", ["k": 1]))
        let events = try await running.finish()
        #expect(events.map(\.type).filter { $0 != "x.custom" } == ["response.start"] + Array(repeating: "token", count: 7)
            + ["response.end", "trace", "trace", "trace", "context"])
        #expect(events.of("response.start").first == Event("response.start", ["turn": 1, "text": "What time do you open?"]))
        #expect(events.tokens(turn: 1) == "You said: What time do you open?.")
        #expect(events.of("response.end").first?["reason"] == "done")
        #expect(events.of("response.end").first?["engine"] == "recording")
        #expect(Set(events.of("trace").compactMap { $0["name"]?.string }) == ["llm.ttft", "llm.tokens_per_s", "llm.total"])
        #expect(events.of("x.custom").count == 1)
        #expect(!events.contains { $0.type == "text" }, "typed input must not reach tts-cache downstream")
        #expect(events.lastContext == [["system", "Be brief."], ["user", "What time do you open?"],
            ["assistant", "You said: What time do you open?."]])
        #expect(engine.prompts.first?.messages.map(\.role) == ["system", "user"])
    }

    /// Finals without an endpoint are collected; the endpoint makes them one user message.
    @Test func finalsOfOneTurnAreMerged() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine]))
        running.send(transcript("i need", final: false), transcript("i need an appointment", final: true),
            transcript("for tomorrow", final: true), transcript("", final: true, endpoint: true))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["i need an appointment for tomorrow"])
        #expect(engine.prompts.map(\.user) == ["i need an appointment for tomorrow"])
    }

    /// Only the last `historyTurns` exchanges are sent and kept.
    @Test func historyWindowKeepsTheLastTurns() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine]) { $0.historyTurns = 2 })
        for line in ["one", "two", "three", "four"] { running.send(.text(line)) }
        let events = try await running.finish()
        #expect(events.of("response.end").count == 4)
        #expect(engine.prompts.map(\.history.count) == [0, 2, 4, 4])
        #expect(engine.prompts.last?.history.map(\.content) == ["two", "You said: two.", "three", "You said: three."])
        #expect(events.lastContext.map { $0[1] } == ["three", "You said: three.", "four", "You said: four."])
    }

    /// A `context` event (a restarted node) restores history, system prompt and engine state.
    @Test func contextRestoresTheConversation() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine]))
        running.send(Event("context", ["messages": [["role": "system", "content": "Restored prompt."],
            ["role": "user", "content": "earlier"], ["role": "assistant", "content": "answer"]], "engine_state": ["state": "confirm"]]))
        running.send(.text("and now?"))
        let events = try await running.finish()
        let prompt = try #require(engine.prompts.first)
        #expect(prompt.system == "Restored prompt.")
        #expect(prompt.history == [ChatMessage(role: "user", content: "earlier"), ChatMessage(role: "assistant", content: "answer")])
        #expect(prompt.engineState == ["state": "confirm"])
        #expect(!events.contains { $0.type == "context" && $0["messages"]?.array?.count == 3 }, "the restoring event is consumed")
        let bad = RunningStage(stage([engine]))
        bad.send(Event("context", ["messages": "nope"]))
        #expect(try await bad.finish().of("error").count == 1)
    }

    /// A tenant's prompt comes from `start.params.system`, or the prompts by tenant.
    @Test func tenantOverridesTheSystemPrompt() async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine]) { $0.system = "Default."; $0.tenantPrompts = ["acme": "You are Acme's agent."] })
        running.send(Event("start", ["call": "CA1", "tenant": "acme", "params": [:]]), .text("hi"))
        running.send(Event("start", ["call": "CA2", "params": ["system": "Inline prompt."]]), .text("hi"))
        let events = try await running.finish()
        // The second `start` ends the first call's turn while its request may still be starting:
        // the engine can see the two requests in either order.
        #expect(engine.prompts.compactMap(\.system).sorted() == ["Inline prompt.", "You are Acme's agent."])
        #expect(engine.prompts.map(\.history.count) == [0, 0], "a new call starts a new conversation")
        #expect(events.of("response.start").compactMap { $0["turn"]?.int } == [1, 2], "turn numbers keep rising")
    }

    @Test func greetingIsSpokenWhenTheCallStarts() async throws {
        let running = RunningStage(stage([RecordingEngine()]) { $0.greeting = .text("Hello, Sunrise Clinic.") })
        running.send(Event("start", ["call": "CA1"]))
        let events = try await running.finish()
        #expect(events.of("response.start").first == Event("response.start", ["turn": 1, "text": ""]))
        #expect(events.tokens(turn: 1) == "Hello, Sunrise Clinic.")
        #expect(events.lastContext == [["assistant", "Hello, Sunrise Clinic."]])
    }

    /// Typed input while the agent talks waits for it, in order; transcripts never queue.
    @Test func typedInputDuringAnAnswerIsQueued() async throws {
        let running = RunningStage(stage([RecordingEngine(wordsPerSecond: 200)]))
        running.send(.text("first"), .text("second"))
        let events = try await running.finish()
        #expect(events.of("response.start").compactMap { $0["text"]?.string } == ["first", "second"])
        let firstEnd = try #require(events.firstIndex { $0.type == "response.end" })
        let secondStart = try #require(events.lastIndex { $0.type == "response.start" })
        #expect(firstEnd < secondStart)
    }

    @Test func badEventsAreReportedAndTheStreamContinues() async throws {
        let running = RunningStage(stage([RecordingEngine()]))
        running.send(Event("text", ["text": 3]), Event("transcript", ["final": true]), .text("still here"))
        let events = try await running.finish()
        #expect(events.of("error").count == 2)
        #expect(events.of("error").allSatisfy { $0["stage"] == "llm-stream" && $0["fatal"] == false })
        #expect(events.of("response.start").count == 1)
    }

    /// Engines that all fail: an `error` event and `response.end` with reason `error`; a run in
    /// which no turn was ever answered fails with exit status 69.
    @Test func everyEngineFailing() async throws {
        struct Broken: ResponseEngine {
            let name = "broken"
            func respond(to prompt: Prompt) async throws -> AsyncThrowingStream<ResponseChunk, any Error> {
                throw HarnessError("no route to host")
            }
        }
        let running = RunningStage(stage([Broken()]))
        running.send(.text("hello"))
        await #expect(throws: StageFailure.self) { _ = try await running.finish() }
        let events = running.sink.events
        #expect(events.of("response.end").first?["reason"] == "error")
        #expect(events.of("error").first?["message"]?.string?.contains("no route to host") == true)
    }
}

import Foundation
import Dialogue
@testable import Stages
import SwitchboardCore
import Testing

/// When the receptionist's dialogue reaches an end state: its last answer says so
/// (`"last":true`), a call hangs up once that answer has been heard, and the next caller turn
/// begins a new conversation, greeted, with nothing of the old one.
@Suite struct LLMConversationEndTests {
    static let fallback = "Sorry, I can book an appointment or tell you our opening hours. What would you like?"
    static let greeting = "Good morning, Sunrise Clinic. How can I help you?"
    static let goodbye = "Thank you for calling Sunrise Clinic. Goodbye!"

    func receptionist() throws -> LLMStream {
        let engine = ScriptEngine(script: try DialogueScript(contentsOf: LLMScriptEngineTests.receptionist), wordsPerSecond: 0,
            today: CalendarDay(year: 2026, month: 11, day: 21))
        return stage([engine]) { $0.greeting = .engines }
    }

    @Test func lastAnswerSaysTheConversationHasEnded() async throws {
        let running = RunningStage(try receptionist())
        running.send(.text("goodbye"))
        let events = try await running.finish()
        #expect(events.tokens(turn: 2) == Self.goodbye)
        #expect(events.of("response.end").map { $0["last"] } == [nil, true])
        #expect(events.of("context").last?["ended"] == true, "a node restored from it knows")
        #expect(events.of("hangup").isEmpty, "no call to hang up")
    }

    @Test func nextLineBeginsANewGreetedConversation() async throws {
        let running = RunningStage(try receptionist())
        running.send(.text("I need an appointment tomorrow at ten"), .text("goodbye"), .text("hello"))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["", "I need an appointment tomorrow at ten", "goodbye", "", "hello"])
        #expect(events.tokens(turn: 4) == Self.greeting)
        #expect(events.tokens(turn: 5) == Self.fallback, "answered from the start state, not with silence")
        let context = try #require(events.of("context").last)
        #expect(events.lastContext == [["assistant", Self.greeting], ["user", "hello"], ["assistant", Self.fallback]])
        #expect(context["engine_state"]?.object?["slots"] == .object([:]), "the old booking is forgotten")
        #expect(context["ended"] == nil)
    }

    @Test func callHangsUpOnceTheLastAnswerHasBeenHeard() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]))
        try await running.waitFor("response.end")
        running.send(Event("mark", ["name": "t1.end"]), transcript("goodbye", final: true, endpoint: true))
        try await running.waitFor("response.end", count: 2)
        try await running.probe()
        #expect(running.sink.events.of("hangup").isEmpty, "not over the goodbye")
        running.send(Event("mark", ["name": "t2.end"]))
        let hangup = try await running.waitFor("hangup")
        #expect(hangup == Event("hangup", ["turn": 2, "reason": "ended"]))
        let events = try await running.finish()
        #expect(events.of("hangup").count == 1)
    }

    /// A sound file's call (`"stream": null`) is no telephone call: nothing to hang up.
    @Test func fileCallDoesNotHangUp() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("start", ["call": "CA1", "stream": .null]), .text("goodbye"))
        let events = try await running.finish()
        #expect(events.of("response.end").last?["last"] == true)
        #expect(events.of("hangup").isEmpty)
    }

    /// The caller who cuts the goodbye short is still talking: no hangup, and what they say
    /// begins a new conversation.
    @Test func cutShortGoodbyeDoesNotHangUp() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]))
        try await running.waitFor("response.end")
        running.send(Event("mark", ["name": "t1.end"]), transcript("goodbye", final: true, endpoint: true))
        try await running.waitFor("response.end", count: 2)
        running.send(transcript("wait one more thing", final: false), transcript("wait one more thing", final: true, endpoint: true))
        try await running.waitFor("interrupt")
        try await running.waitFor("response.end", count: 3)
        running.send(Event("mark", ["name": "t3.end"]))
        try await running.waitFor("response.start", count: 4)
        let events = try await running.finish()
        #expect(events.of("hangup").isEmpty)
        #expect(events.tokens(turn: 3) == Self.greeting)
        #expect(events.of("response.start").last?["text"] == "wait one more thing")
    }

    /// In a ring the stage's own `context` comes back to it (`looped`), possibly after the next
    /// conversation has begun: it must not bring the ended one back.
    @Test func loopedContextOfTheEndedConversationIsNotRestored() async throws {
        let running = RunningStage(try receptionist())
        running.send(.text("goodbye"))
        try await running.waitFor("response.end", count: 2)
        var looped = try await running.waitFor("context", count: 2)
        looped["looped"] = true
        running.send(.text("hello"), looped)
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["", "goodbye", "", "hello"], "one greeting for the new conversation")
        #expect(events.tokens(turn: 4) == Self.fallback)
        #expect(events.of("context").contains { $0["looped"] == true }, "passed on")
    }

    /// A node restored from the `context` of an ended conversation begins a new one.
    @Test func restoredEndedConversationBeginsANewOne() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("context", ["messages": [["role": "user", "content": "goodbye"], ["role": "assistant", "content": .string(Self.goodbye)]],
            "engine_state": ["state": "goodbye", "slots": [:], "ended": true], "ended": true]))
        running.send(.text("hello"))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["", "hello"])
        #expect(events.tokens(turn: 2) == Self.fallback)
    }

    /// A context from before the stage said `ended` still holds an ended dialogue: the line
    /// gets an answer that says the conversation has ended, and the one after begins anew.
    @Test func endedDialogueStateAloneIsSaidToHaveEnded() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("context", ["messages": [], "engine_state": ["state": "goodbye", "slots": [:], "ended": true]]))
        running.send(.text("hello"), .text("hello"))
        let events = try await running.finish()
        #expect(events.of("response.start").map { $0["text"] } == ["hello", "", "hello"])
        #expect(events.of("response.end").first?["last"] == true)
        #expect(events.tokens(turn: 1).isEmpty)
        #expect(events.tokens(turn: 3) == Self.fallback)
    }
}

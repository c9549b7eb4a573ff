import Dialogue
@testable import Stages
import SwitchboardCore
import Testing

/// A script that ends in a `transfer:` state: once the caller has heard "I'll put you
/// through", the stage emits `transfer` (where a plain end state emits `hangup`).
@Suite struct LLMTransferTests {
    static let putThrough = "Of course. I'll put you through to our front desk now, please hold."

    func receptionist() throws -> LLMStream {
        let engine = ScriptEngine(script: try DialogueScript(contentsOf: LLMScriptEngineTests.receptionist), wordsPerSecond: 0,
            today: CalendarDay(year: 2026, month: 11, day: 21))
        return stage([engine]) { $0.greeting = .engines }
    }

    @Test func callIsTransferredOnceTheAnswerHasBeenHeard() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]))
        try await running.waitFor("response.end")
        running.send(Event("mark", ["name": "t1.end"]), transcript("can i speak to a person", final: true, endpoint: true))
        try await running.waitFor("response.end", count: 2)
        try await running.probe()
        #expect(running.sink.events.of("transfer").isEmpty, "not over the answer")
        running.send(Event("mark", ["name": "t2.end"]))
        let transfer = try await running.waitFor("transfer")
        #expect(transfer == Event("transfer", ["turn": 2, "to": "+15555550100", "reason": "script"]))
        let events = try await running.finish()
        #expect(events.tokens(turn: 2) == Self.putThrough)
        #expect(events.of("response.end").last?["last"] == true)
        #expect(events.of("transfer").count == 1)
        #expect(events.of("hangup").isEmpty, "a transfer, not a hang-up")
    }

    /// The caller who talks over "I'll put you through" is not handed over mid-sentence: no
    /// transfer, and what they say begins a new conversation.
    @Test func cutShortTransferDoesNotTransfer() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]))
        try await running.waitFor("response.end")
        running.send(Event("mark", ["name": "t1.end"]), transcript("can i speak to a person", final: true, endpoint: true))
        try await running.waitFor("response.end", count: 2)
        running.send(transcript("wait one more thing", final: false), transcript("wait one more thing", final: true, endpoint: true))
        try await running.waitFor("interrupt")
        try await running.waitFor("response.end", count: 3)
        let events = try await running.finish()
        #expect(events.of("transfer").isEmpty && events.of("hangup").isEmpty)
    }

    /// Typed lines (no call) end the conversation but transfer nothing.
    @Test func typedConversationHasNothingToTransfer() async throws {
        let running = RunningStage(try receptionist())
        running.send(.text("can i speak to a person"))
        let events = try await running.finish()
        #expect(events.tokens(turn: 2) == Self.putThrough)
        #expect(events.of("response.end").last?["last"] == true)
        #expect(events.of("transfer").isEmpty)
    }

    /// The booking's end states still hang up.
    @Test func goodbyeStillHangsUp() async throws {
        let running = RunningStage(try receptionist())
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]))
        try await running.waitFor("response.end")
        running.send(Event("mark", ["name": "t1.end"]), transcript("goodbye", final: true, endpoint: true))
        try await running.waitFor("response.end", count: 2)
        running.send(Event("mark", ["name": "t2.end"]))
        #expect(try await running.waitFor("hangup") == Event("hangup", ["turn": 2, "reason": "ended"]))
        let events = try await running.finish()
        #expect(events.of("transfer").isEmpty)
    }
}

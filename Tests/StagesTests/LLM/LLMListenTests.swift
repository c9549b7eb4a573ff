import Foundation
import Dialogue
@testable import Stages
import SwitchboardCore
import Testing

/// `listen` events: after each answer of the script engine (the greeting too), what the
/// dialogue waits for next, for stt-stream to narrow recognition to.
@Suite struct LLMListenTests {
    func receptionistStage() throws -> LLMStream {
        let engine = ScriptEngine(script: try DialogueScript(contentsOf: LLMScriptEngineTests.receptionist), wordsPerSecond: 0,
            today: CalendarDay(year: 2026, month: 11, day: 21))
        var configuration = LLMStream.Configuration(engines: [engine.failoverEngine()])
        configuration.greeting = .engines
        return LLMStream(configuration: configuration)
    }

    @Test func eachAnswerIsFollowedByWhatTheDialogueWaitsFor() async throws {
        let running = RunningStage(try receptionistStage())
        running.send(Event("start", ["call": "CA1"]))
        try await running.waitFor("listen")
        for (index, line) in ["i need an appointment", "my name is asha", "tomorrow at ten"].enumerated() {
            running.send(transcript(line, final: true, endpoint: true))
            try await running.waitFor("listen", count: index + 2)
        }
        let events = try await running.finish()
        let listens = events.of("listen")
        #expect(listens.compactMap { $0["grammar"]?.string } == ["state_welcome", "state_booking_name", "state_booking_date", "state_confirm"])
        #expect(listens.compactMap { $0["turn"]?.int } == events.of("response.end").compactMap { $0["turn"]?.int }, "one per answer, with its turn")
        // Each comes after its turn's response.end.
        for listen in listens {
            let end = try #require(events.firstIndex { $0.type == "response.end" && $0["turn"] == listen["turn"] })
            #expect(end < events.firstIndex(of: listen)!)
        }
        let confirm = ListenContext(event: try #require(listens.last))
        #expect(confirm == ListenContext(state: "confirm", grammar: "state_confirm",
                                         slots: [.init(name: "confirm", type: "yesno")], intents: ["yes", "no", "hours", "goodbye"]))
        let name = ListenContext(event: listens[1])
        #expect(name.slots.first?.name == "name" && name.slots.first?.values.contains("Asha") == true)
    }

    @Test func anEngineWithoutAScriptSendsNoListen() async throws {
        let running = RunningStage(stage([RecordingEngine()]))
        running.send(.text("hello"))
        let events = try await running.finish()
        #expect(events.of("response.end").count == 1)
        #expect(events.of("listen").isEmpty)
    }

    @Test func anInterruptedAnswerStillSaysWhereTheDialogueIs() async throws {
        let engine = ScriptEngine(script: try DialogueScript(contentsOf: LLMScriptEngineTests.receptionist), wordsPerSecond: 5,
            today: CalendarDay(year: 2026, month: 11, day: 21))
        let running = RunningStage(stage([engine]))
        running.send(.text("i need an appointment"))
        try await running.waitFor("token")
        running.send(transcript("hang on a second", final: true))
        let end = try await running.waitFor("response.end")
        #expect(end["reason"] == "interrupted")
        let listen = try await running.waitFor("listen")
        #expect(listen["grammar"] == "state_booking_name" && listen["turn"] == end["turn"])
        _ = try await running.finish()
    }
}

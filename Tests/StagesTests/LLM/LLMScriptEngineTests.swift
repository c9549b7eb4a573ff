import Foundation
import Dialogue
@testable import Stages
import SwitchboardCore
import Testing

/// The receptionist script through the whole stage: greeting on `start`, a booking made from
/// recognizer transcripts (interims, finals, endpoints), state carried in `context`.
@Suite struct LLMScriptEngineTests {
    static let receptionist = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/receptionist.yaml").path

    func receptionistStage() throws -> LLMStream {
        let engine = ScriptEngine(script: try DialogueScript(contentsOf: Self.receptionist), wordsPerSecond: 0,
            today: CalendarDay(year: 2026, month: 11, day: 21))
        var configuration = LLMStream.Configuration(engines: [engine.failoverEngine()])
        configuration.greeting = .engines
        return LLMStream(configuration: configuration)
    }

    func replies(_ events: [Event]) -> [String] {
        events.of("response.end").compactMap { $0["turn"]?.int }.map { events.tokens(turn: $0) }
    }

    @Test func bookingFromTranscripts() async throws {
        let running = RunningStage(try receptionistStage())
        running.send(Event("start", ["call": "CA1"]))
        try await running.waitFor("response.end")
        let turns: [[Event]] = [
            [transcript("i need", final: false), transcript("i need an appointment", final: true, endpoint: true)],
            [transcript("my name is", final: false), transcript("my name is asha", final: true, endpoint: true)],
            [transcript("tomorrow", final: true), transcript("at ten thirty", final: true, endpoint: true)],
            [transcript("yes", final: true, endpoint: true)],
        ]
        for (index, turn) in turns.enumerated() {
            for event in turn { running.send(event) }
            try await running.waitFor("response.end", count: index + 2)
        }
        let events = try await running.finish()
        let said = replies(events)
        #expect(said.count == 5, "\(said)")
        #expect(said.first?.isEmpty == false, "the script's greeting")
        #expect(said.last == "You're booked, Asha. We'll see you on Sunday 22 November at 10:30 AM. Goodbye!")
        #expect(events.of("response.start").compactMap { $0["text"]?.string }.last == "yes")
        let state = try #require(events.of("context").last?["engine_state"])
        let slots = state.object?["slots"]?.object
        #expect(slots?["name"] == "Asha" && slots?["date"] == "2026-11-22" && slots?["time"] == "10:30", "\(state)")
        #expect(state.object?["ended"] == true)
    }

    /// A replacement stage restored from the last `context` carries on mid-booking.
    @Test func contextCarriesTheDialogueState() async throws {
        let first = RunningStage(try receptionistStage())
        first.send(.text("I need an appointment tomorrow at ten"))
        let context = try #require(try await first.finish().of("context").last)

        let second = RunningStage(try receptionistStage())
        second.send(context, .text("It's Asha"))
        let events = try await second.finish()
        #expect(replies(events) == ["So that is Asha on Sunday 22 November at 10 AM. Shall I book it?"])
    }
}

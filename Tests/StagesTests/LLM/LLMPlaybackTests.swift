import Foundation
import Providers
@testable import Stages
import SwitchboardCore
import Testing

/// Following playback through the stage: when marks come back, and what they say was heard.
@Suite struct LLMPlaybackTests {
    /// A call from a file (`mulaw-decode -i call.wav`) has no media stream: `"stream": null`
    /// (or empty) promises no marks. The agent stops speaking at `response.end`, the next
    /// caller turn is a turn (not a barge-in), and history keeps the whole answer.
    @Test(arguments: [JSON.null, ""])
    func startWithoutAStreamMeansNoMarks(stream: JSON) async throws {
        let engine = RecordingEngine()
        let running = RunningStage(stage([engine]))
        running.send(Event("start", ["call": "CA1", "stream": stream]), .text("hello"))
        try await running.waitFor("response.end")
        running.send(transcript("what are your hours", final: true, endpoint: true))
        try await running.waitFor("response.start", count: 2)
        let events = try await running.finish()
        #expect(!events.contains { $0.type == "interrupt" })
        #expect(engine.prompts.last?.history.last == ChatMessage(role: "assistant", content: "You said: hello."))
    }

    /// `t<N>.end` (mulaw-encode's mark after a turn's last audio) ends the agent's speaking even
    /// when sentence marks did not all come back: what the caller says next is a new turn, and
    /// the whole answer was heard.
    @Test func endMarkEndsSpeaking() async throws {
        let engine = RecordingEngine { _ in "Our hours are nine to five. We are closed on Sunday." }
        let running = RunningStage(stage([engine]))
        running.send(Event("start", ["call": "CA1", "stream": "MZ1"]), .text("when are you open"))
        try await running.waitFor("response.end")
        running.send(Event("mark", ["name": "t1.s0"]), Event("mark", ["name": "t1.end"]))
        running.send(transcript("and on saturday then", final: true, endpoint: true))
        let second = try await running.waitFor("response.start", count: 2)
        #expect(second["text"] == "and on saturday then")
        let events = try await running.finish()
        #expect(!events.contains { $0.type == "interrupt" })
        #expect(engine.prompts.last?.history.last
            == ChatMessage(role: "assistant", content: "Our hours are nine to five. We are closed on Sunday."))
    }
}

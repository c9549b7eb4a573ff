import Foundation
import Server
import SwitchboardCore
import Testing

/// The trace file and the per-turn breakdown, from a synthetic call with known times: the
/// numbers the log line, the trace file and `/metrics` report are the ones the frames imply.
@Suite("Observability: trace and turn breakdown")
struct ObservabilityTraceTests {
    private struct Call {
        let directory = observabilityDirectory()
        let clock = ObservedCallClock()
        let metrics = ServeMetrics()
        let logs = ObservedLogs()
        let observer: CallObserver

        init(id: String) {
            observer = CallObserver(call: CallIdentity(id: id, tenant: "acme", startedAtMs: 1_700_000_000_000), recordDirectory: nil,
                                    traceDirectory: directory, metrics: metrics, logger: logs.logger(), elapsedMs: clock.reader)
        }

        func at(_ ms: Double, leaving frames: Frame...) {
            clock.set(ms)
            for frame in frames { observer.leaving(frame) }
        }

        func lines(_ id: String) throws -> [[String: Any]] { try observedLines("\(directory)/\(id).trace.jsonl") }
    }

    @Test("a greeting and an answered turn: every trace, the frames' times, one breakdown line per turn")
    func breakdown() async throws {
        let call = Call(id: "CA-trace")
        defer { try? FileManager.default.removeItem(atPath: call.directory) }
        call.observer.entering(ObservedFrames.event("start", ["call": "CA-trace", "stream": "MZ1"]))
        // The greeting: no caller speech before it.
        call.at(10, leaving: ObservedFrames.event("response.start", ["turn": 1, "text": ""]))
        call.at(12, leaving: ObservedFrames.trace("sentence.first", stage: "sentence-split", turn: 1, ms: 2))
        call.at(60, leaving: ObservedFrames.agentAudio(turn: 1, ms: 20, code: 0xA0),
                ObservedFrames.trace("tts.first_byte", stage: "tts-cache", turn: 1, ms: 40))
        call.at(70, leaving: ObservedFrames.event("response.end", ["turn": 1, "reason": "done"]),
                ObservedFrames.trace("llm.ttft", stage: "llm-stream", turn: 1, ms: 1),
                ObservedFrames.trace("llm.total", stage: "llm-stream", turn: 1, ms: 5))
        // The caller speaks from 1000 to 1700 (media time; their packets arrive 5 ms later).
        feedCaller(call.observer, clock: call.clock, code: 0x20, media: stride(from: 0, to: 2000, by: 20))
        call.at(1105, leaving: ObservedFrames.event("vad", ["event": "start", "ts": 1000]))
        call.at(2005, leaving: ObservedFrames.event("vad", ["event": "end", "ts": 1700]))
        call.at(2125, leaving: ObservedFrames.trace("stt.final_latency", stage: "stt-stream", turn: 1, ms: 120))
        call.at(2126, leaving: ObservedFrames.event("transcript", ["text": "book a table", "final": true, "endpoint": true, "ts": 1000, "end": 1700]))
        call.at(2130, leaving: ObservedFrames.event("response.start", ["turn": 2, "text": "book a table"]))
        call.at(2530, leaving: ObservedFrames.trace("sentence.first", stage: "sentence-split", turn: 2, ms: 400))
        call.at(2596, leaving: ObservedFrames.agentAudio(turn: 2, ms: 20, code: 0xA0),
                ObservedFrames.trace("tts.first_byte", stage: "tts-cache", turn: 2, ms: 50))
        call.at(2600, leaving: ObservedFrames.agentAudio(turn: 2, ms: 20, code: 0xA0), ObservedFrames.event("mark", ["name": "t2.s0"]))
        call.at(2700, leaving: ObservedFrames.event("response.end", ["turn": 2, "reason": "done"]),
                ObservedFrames.trace("llm.ttft", stage: "llm-stream", turn: 2, ms: 300))
        #expect(call.logs.lines.count == 1)  // turn 2 still waits for llm.total
        call.at(2701, leaving: ObservedFrames.trace("llm.total", stage: "llm-stream", turn: 2, ms: 600))
        #expect(call.logs.lines.count == 2)
        call.clock.set(3000)
        call.observer.entering(ObservedFrames.event("stop"))
        await call.observer.close()

        let lines = try call.lines("CA-trace")
        #expect(lines.first?["type"] as? String == "call")
        #expect(lines.first?["call"] as? String == "CA-trace" && lines.first?["tenant"] as? String == "acme")
        let start = try #require(lines.first { $0["type"] as? String == "start" })
        #expect(start["dir"] as? String == "in" && start["stream"] as? String == "MZ1")
        let traces = lines.filter { $0["type"] as? String == "trace" }
        #expect(traces.count == 9)
        #expect(traces.allSatisfy { $0["dir"] as? String == "out" && $0["t"] is Double && $0["name"] is String })
        let ttft2 = try #require(traces.first { $0["name"] as? String == "llm.ttft" && $0["turn"] as? Int == 2 })
        #expect(ttft2["t"] as? Double == 2700 && ttft2["ms"] as? Double == 300)
        let firstAudio = lines.filter { $0["type"] as? String == "audio" && $0["dir"] as? String == "out" }
        #expect(firstAudio.map { $0["turn"] as? Int } == [1, 2])  // one line per turn, not per frame
        #expect(lines.contains { $0["type"] as? String == "audio" && $0["dir"] as? String == "in" })
        #expect(lines.contains { $0["type"] as? String == "stop" && $0["t"] as? Double == 3000 })

        let turns = lines.filter { $0["type"] as? String == "turn" }
        #expect(turns.count == 2)
        let greeting = try #require(turns.first)
        #expect(greeting["turn"] as? Int == 1 && greeting["latency"] == nil && greeting["caller"] == nil)
        let answer = try #require(turns.last)
        #expect(answer["turn"] as? Int == 2)
        #expect(answer["caller"] as? String == "book a table")
        #expect(answer["latency"] as? Double == 891)  // first audio 2596 − speech end (1700 + 5)
        let stages = try #require(answer["stages"] as? [String: Double])
        #expect(stages == ["endpointing": 300, "stt.final_latency": 120, "llm.ttft": 300, "sentence.first": 400, "tts.first_byte": 50, "overhead": 21])
        let at = try #require(answer["at"] as? [String: Double])
        #expect(at == ["speech_end": 1705, "endpoint": 2005, "final": 2126, "response_start": 2130, "first_audio": 2596])
        #expect(answer["interrupted"] as? Bool == false)

        let logs = call.logs.lines
        #expect(logs.allSatisfy { $0.metadata["call"] == "CA-trace" })
        #expect(logs[1].message == "turn 2: 891 ms from caller speech end to first audio (endpointing 300, stt.final_latency 120, llm.ttft 300, sentence.first 400, tts.first_byte 50, overhead 21)")
        #expect(logs[0].message.hasPrefix("turn 1: no caller speech before it, first audio at 60 ms"))

        let metrics = call.metrics.render()
        #expect(metrics.contains("switchboard_turn_latency_seconds_count 1"))
        #expect(metrics.contains("switchboard_turn_latency_seconds_sum 0.891"))
        #expect(metrics.contains(#"switchboard_turn_stage_seconds_count{stage="llm.ttft"} 2"#))
        #expect(metrics.contains(#"switchboard_turn_stage_seconds_count{stage="overhead"} 1"#))
        #expect(metrics.contains(#"switchboard_turn_stage_seconds_sum{stage="stt.final_latency"} 0.12"#))
    }

    @Test("a barged-in turn and one cut by the hang-up are reported as far as they got")
    func interruptedAndCut() async throws {
        let call = Call(id: "CA-cut")
        defer { try? FileManager.default.removeItem(atPath: call.directory) }
        feedCaller(call.observer, clock: call.clock, code: 0x20, media: stride(from: 0, to: 1000, by: 20))
        call.at(1005, leaving: ObservedFrames.event("response.start", ["turn": 1]))
        call.at(1200, leaving: ObservedFrames.agentAudio(turn: 1, ms: 500, code: 0xA0))
        call.at(1300, leaving: ObservedFrames.event("interrupt", ["turn": 1, "ts": 1295]))
        call.at(1310, leaving: ObservedFrames.event("response.end", ["turn": 1, "reason": "interrupted"]))
        call.at(1400, leaving: ObservedFrames.event("response.start", ["turn": 2]))  // finishes turn 1
        #expect(call.logs.lines.count == 1)
        call.at(1500, leaving: ObservedFrames.trace("llm.ttft", stage: "llm-stream", turn: 2, ms: 80))
        await call.observer.close()  // turn 2 never sent audio

        let turns = try call.lines("CA-cut").filter { $0["type"] as? String == "turn" }
        #expect(turns.map { $0["turn"] as? Int } == [1, 2])
        #expect(turns[0]["interrupted"] as? Bool == true)
        #expect((turns[0]["at"] as? [String: Double])?["first_audio"] == 1200)
        #expect(turns[1]["stages"] as? [String: Double] == ["llm.ttft": 80])
        #expect(call.logs.lines[1].message == "turn 2: no caller speech before it, no audio (llm.ttft 80)")
    }

    @Test("without VAD the endpointed transcript marks the speech end; competing engines: the final's engine's latency")
    func withoutVAD() async throws {
        let call = Call(id: "CA-novad")
        defer { try? FileManager.default.removeItem(atPath: call.directory) }
        feedCaller(call.observer, clock: call.clock, code: 0x20, media: stride(from: 0, to: 3000, by: 20), delay: 10)
        for (turn, base) in [(1, 3000.0), (2, 5000.0)] {
            call.at(base, leaving: ObservedFrames.trace("stt.final_latency", stage: "stt-stream", turn: turn, ms: 90),
                    ObservedFrames.trace("stt.final_latency", stage: "stt-stream", turn: turn, ms: 150))
            // Only the second engine's trace names it; the final is its answer.
            call.clock.set(base + 1)
            call.observer.leaving(.event(Event("trace", ["stage": "stt-stream", "name": "stt.final_latency", "turn": .int(turn), "ms": 150, "engine": "deepgram"])))
            call.at(base + 2, leaving: ObservedFrames.event("transcript", ["text": .string("utterance \(turn)"), "final": true, "endpoint": true,
                                                                             "ts": .int(Int(base) - 2000), "end": .int(Int(base) - 500), "engine": "deepgram"]))
            call.at(base + 10, leaving: ObservedFrames.event("response.start", ["turn": .int(turn)]))
            call.at(base + 100, leaving: ObservedFrames.agentAudio(turn: turn, ms: 20, code: 0xA0))
        }
        await call.observer.close()
        let turns = try call.lines("CA-novad").filter { $0["type"] as? String == "turn" }
        #expect(turns.map { $0["caller"] as? String } == ["utterance 1", "utterance 2"])
        #expect(turns.map { $0["latency"] as? Double } == [590, 590])  // base + 100 − (end + 10)
        #expect(turns.map { ($0["stages"] as? [String: Double])?["stt.final_latency"] } == [150, 150])
        #expect(turns.map { ($0["stages"] as? [String: Double])?["endpointing"] } == [492, 492])  // base + 2 − (end + 10)
    }
}

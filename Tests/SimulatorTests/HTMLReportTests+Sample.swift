import Simulator

/// A realistic booking call as the simulator reports it: a greeting and three answers of
/// ~450 ms (endpointing 270 + STT 160 + first token 5 + first sentence 6 + TTS 14 +
/// overhead 1), a backchannel talked through, and a barge-in that cut the second answer.
extension HTMLReportTests {
    static func bookingCall() -> CallReport {
        func stages(_ endpointing: Double, _ stt: Double, _ ttft: Double, _ sentence: Double, _ tts: Double, _ overhead: Double) -> [StageSpan] {
            [StageSpan(name: "endpointing", ms: endpointing), StageSpan(name: "stt.final_latency", ms: stt), StageSpan(name: "llm.ttft", ms: ttft),
             StageSpan(name: "sentence.first", ms: sentence), StageSpan(name: "tts.first_byte", ms: tts), StageSpan(name: "overhead", ms: overhead)]
        }
        let greeting = "Thanks for calling Riverside Dental. How can I help you today?"
        let ask = "I'd like to book a cleaning for next Tuesday, please."
        let offer = "Sure. On Tuesday I have nine, eleven thirty, or two o'clock. Which would you like?"
        let pick = "Eleven thirty works."
        let confirmAsk = "Eleven thirty on Tuesday. Can I have your name and a number to"
        let name = "It's Dana Whitfield, five five five, oh one nine two."
        let booked = "Thank you, Dana. You're booked for a cleaning on Tuesday at eleven thirty. Goodbye!"
        return CallReport(
            scenario: "booking", callSid: "CA5f0c2a91e4d74b1c", startedAtUnixMs: 1_796_165_185_000, durationMs: 24_350, passed: true,
            ending: "hangup",
            turns: [
                TurnReport(index: 0, agentText: greeting, agentAudioStartMs: 182, agentAudioEndMs: 3_610,
                           serverStages: [StageSpan(name: "llm.ttft", ms: 4), StageSpan(name: "sentence.first", ms: 5),
                                          StageSpan(name: "tts.first_byte", ms: 12), StageSpan(name: "overhead", ms: 1)]),
                TurnReport(index: 1, callerText: ask, agentText: offer, callerSpeechStartMs: 4_400, callerSpeechEndMs: 7_050,
                           agentAudioStartMs: 7_502, agentAudioEndMs: 12_930, latencyMs: 452,
                           serverStages: stages(270, 160, 5, 6, 14, 1), serverLatencyMs: 451),
                TurnReport(index: 2, callerText: pick, agentText: confirmAsk, callerSpeechStartMs: 13_900, callerSpeechEndMs: 15_100,
                           agentAudioStartMs: 15_548, agentAudioEndMs: 17_700, latencyMs: 448, interrupted: true,
                           serverStages: stages(268, 158, 5, 6, 13, 1), serverLatencyMs: 446),
                TurnReport(index: 3, callerText: name, agentText: booked, callerSpeechStartMs: 17_520, callerSpeechEndMs: 19_960,
                           agentAudioStartMs: 20_415, agentAudioEndMs: 24_180, latencyMs: 455,
                           serverStages: stages(271, 163, 6, 7, 14, 1), serverLatencyMs: 454),
            ],
            interruptions: [
                InterruptionReport(kind: .backchannel, line: 11, speechStartMs: 9_600, outcome: .ignored),
                InterruptionReport(kind: .bargeIn, line: 14, speechStartMs: 17_520, clearMs: 17_700, reactionMs: 180, outcome: .cleared),
            ],
            transcript: [
                TranscriptLine(who: "agent", text: greeting, ms: 182),
                TranscriptLine(who: "caller", text: ask, ms: 4_400),
                TranscriptLine(who: "agent", text: offer, ms: 7_502),
                TranscriptLine(who: "caller", text: "mm-hm", ms: 9_600),
                TranscriptLine(who: "caller", text: pick, ms: 13_900),
                TranscriptLine(who: "agent", text: confirmAsk, ms: 15_548),
                TranscriptLine(who: "caller", text: name, ms: 17_520),
                TranscriptLine(who: "agent", text: booked, ms: 20_415),
            ],
            recording: "out/booking.wav",
            jitter: JitterReport(frames: 1_196, p50Ms: 0.4, p99Ms: 3.1, maxMs: 6.2, underruns: 0))
    }

    static let load = LoadReport(
        calls: 25, passed: 24, failed: 1, peakConcurrency: 25, wallSeconds: 31.4,
        latency: Percentiles(count: 75, p50: 452, p95: 480, p99: 511, max: 530),
        overhead: Percentiles(count: 75, p50: 1, p95: 2, p99: 3, max: 4),
        bargeIn: Percentiles(count: 25, p50: 175, p95: 190, p99: 204, max: 210),
        falseInterruptions: 0, missedInterruptions: 1, jitterP99Ms: 3.1, underruns: 0,
        errors: ["barge-in missed (booking.yaml:9)": 1],
        server: ServerUsage(pid: 4242, cpuPercentPerCall: 1.2, kilobytesPerCall: 740, peakResidentMB: 61.5))
}

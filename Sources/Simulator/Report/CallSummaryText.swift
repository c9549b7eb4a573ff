import Foundation

/// A call as the terminal shows it: the conversation, then a table of turns (what the caller
/// waited, and the server's breakdown when its trace was read), then the cues spoken over
/// the agent, then the verdict.
public enum CallSummaryText {
    public static func render(_ call: CallReport) -> String {
        var out = "call \(call.callSid) — \(call.scenario)\n\n"
        for line in call.transcript {
            out += "  \(clock(line.ms))  \(line.who == "caller" ? "caller" : "agent ")  \(line.text)\n"
        }
        out += "\n  turn  latency  server  endpoint    stt    llm  sentence    tts  overhead  heard\n"
        for turn in call.turns {
            let stages = Dictionary(turn.serverStages.map { ($0.name, $0.ms) }, uniquingKeysWith: { a, _ in a })
            var row = pad("\(turn.index)", 6) + pad(ms(turn.latencyMs), 9) + pad(ms(turn.serverLatencyMs), 8)
            for (name, width) in [("endpointing", 10), ("stt.final_latency", 7), ("llm.ttft", 7), ("sentence.first", 10), ("tts.first_byte", 7), ("overhead", 10)] {
                row += pad(ms(stages[name]), width)
            }
            let heard = turn.agentAudioStartMs.map { start in ms((turn.agentAudioEndMs ?? start) - start) } ?? "-"
            out += row + pad(heard, 7) + (turn.interrupted ? "  cut" : "") + "\n"
        }
        if !call.interruptions.isEmpty {
            out += "\n"
            for cue in call.interruptions {
                let reaction = cue.reactionMs.map { ", clear after \(Int($0.rounded())) ms" } ?? ""
                out += "  line \(cue.line): \(cue.kind.rawValue) at \(clock(cue.speechStartMs)) → \(cue.outcome.rawValue)\(reaction)\n"
            }
        }
        out += "\n  ended: \(call.ending ?? "-")\(call.transferTo.map { " to \($0)" } ?? "")"
        out += "; jitter p99 \(String(format: "%.1f", call.jitter.p99Ms)) ms over \(call.jitter.frames) frames"
        out += call.recording.map { "; recording \($0)" } ?? ""
        out += "\n  " + (call.passed ? "PASS" : "FAIL") + "\n"
        for failure in call.failures { out += "  \(failure)\n" }
        return out
    }

    static func ms(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))" } ?? "-" }

    /// `m:ss.t` from ms.
    static func clock(_ ms: Double) -> String {
        let tenths = Int((ms / 100).rounded())
        return String(format: "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

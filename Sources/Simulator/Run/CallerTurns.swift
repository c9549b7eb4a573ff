/// The agent's turns as the caller lived them, read off the line's timeline.
///
/// A turn begins when agent audio arrives in an empty buffer after the caller has taken the
/// floor: after speech that did not overlap the agent, or speech that did and was answered by
/// a `clear` (a barge-in). Speech over the agent that drew no `clear` (a backchannel) leaves the
/// turn going, so its later sentences are not counted as a new turn with a tiny latency.
///
/// Worked example: greeting arrives at 300 (turn 0); the caller says "mm-hm" at 900–1300
/// while it plays, no clear; the greeting's second sentence arrives at 1500 into an empty
/// buffer — still turn 0. The caller says "a booking" at 4000–5100; audio arrives at 5560:
/// turn 1, latency 460.
enum CallerTurns {
    static func turns(_ events: [CallerLineEvent]) -> [TurnReport] {
        var turns: [TurnReport] = []
        var utterance: (start: Double, end: Double?)?
        var overlapped = false
        var cleared = false
        var agentPlaying = false
        /// The caller has taken the floor since the current turn began.
        var callerTookFloor = true

        for event in events {
            switch event.kind {
            case .callerSpeechStarted:
                utterance = (event.ms, nil)
                overlapped = agentPlaying
                cleared = false
            case .callerSpeechEnded:
                utterance?.end = event.ms
                if !overlapped || cleared { callerTookFloor = true }
            case .clearReceived:
                cleared = true
                if let last = turns.indices.last { turns[last].interrupted = true }
                // The agent yielded to the caller's latest words, whether still going or just done.
                if utterance != nil { callerTookFloor = true }
            case .agentAudioArrived:
                guard callerTookFloor || turns.isEmpty else { continue }
                callerTookFloor = false
                var turn = TurnReport(index: turns.count)
                if !turns.isEmpty, let utterance, let end = utterance.end {
                    turn.callerSpeechStartMs = utterance.start
                    turn.callerSpeechEndMs = end
                    turn.latencyMs = event.ms - end
                }
                turns.append(turn)
            case .agentAudioStarted:
                agentPlaying = true
                if let last = turns.indices.last, turns[last].agentAudioStartMs == nil { turns[last].agentAudioStartMs = event.ms }
            case .agentAudioEnded:
                agentPlaying = false
                if let last = turns.indices.last { turns[last].agentAudioEndMs = event.ms }
            default:
                break
            }
        }
        return turns
    }

    /// What became of speech the caller made over the agent, started at `speechStartMs`: a
    /// `clear` from then until `window` ms after the speech ended counts as the agent stopping.
    static func interruption(_ kind: InterruptionReport.Kind, line: Int, speechStartMs: Double, speechEndMs: Double,
                             events: [CallerLineEvent], window: Double = 1500) -> InterruptionReport {
        let clear = events.first { $0.kind == .clearReceived && $0.ms >= speechStartMs && $0.ms <= speechEndMs + window }
        let reaction = clear.map { $0.ms - speechStartMs }
        let outcome: InterruptionReport.Outcome = switch (kind, clear != nil) {
        case (.bargeIn, true): .cleared
        case (.bargeIn, false): .missed
        case (.backchannel, true): .falseInterruption
        case (.backchannel, false): .ignored
        }
        return InterruptionReport(kind: kind, line: line, speechStartMs: speechStartMs, clearMs: clear?.ms, reactionMs: reaction, outcome: outcome)
    }
}

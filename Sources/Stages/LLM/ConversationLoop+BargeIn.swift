import SwitchboardCore

/// Barge-in: caller speech while the agent speaks is judged (`BargeInDetector`, with the
/// wall-clock fallback of `BargeInTimer`) and, once it is an interruption, the agent stops at
/// once and history keeps only what the caller heard.
extension ConversationLoop {
    func vad(_ event: Event) async throws {
        guard isSpeaking, let ts = event["ts"]?.int else { return }
        switch event["event"]?.string {
        case "start": try await apply(bargeIn.vadStart(ts: ts))
        case "end": try await apply(bargeIn.vadEnd(ts: ts))
        case "murmur": try await apply(bargeIn.vadMurmur(ts: ts))
        case "voiced": try await apply(bargeIn.vadVoiced(ts: ts))
        default: break
        }
    }

    /// Media time has reached `ts` (the end of an audio frame).
    func mediaTime(reached ts: Int) async throws {
        guard isSpeaking else { return }
        try await apply(bargeIn.mediaTime(ts))
    }

    func judgeBargeInIfDue() async throws {
        guard bargeInTimer.deadline != nil, bargeInTimer.takeIfDue(now: clock.now()), isSpeaking else { return }
        try await apply(bargeIn.timerFired())
    }

    func apply(_ verdict: BargeInDetector.Verdict) async throws {
        switch verdict {
        case .none: break
        case .armTimer: bargeInTimer.arm(after: .milliseconds(configuration.bargeInMs), clock: clock, inbox: inbox)
        case .interrupt(let ts): try await interrupt(at: ts)
        }
    }

    /// The caller has barged in: stop the agent now, keep in history only what was heard.
    private func interrupt(at ts: Int) async throws {
        guard var agent else { return }
        bargeInTimer.disarm()
        bargeIn.reset()
        try await output.send(.event(Event("interrupt", ["turn": .int(agent.turn), "ts": .int(ts)])))
        if agent.generating {
            agent.task?.cancel()
            agent.playback.endGeneration()
            try await finish(agent, reason: "interrupted")
        } else {
            memory.correctLastAnswer(to: heard(agent))
            try await sendContext()
        }
        self.agent = nil
        try await answerQueued()
    }
}

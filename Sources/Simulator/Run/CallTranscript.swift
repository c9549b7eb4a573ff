/// The conversation in order of time: the caller's lines when they began going out, the
/// agent's turns when they began playing.
enum CallTranscript {
    static func lines(said: [TranscriptLine], turns: [TurnReport]) -> [TranscriptLine] {
        let agent = turns.compactMap { turn -> TranscriptLine? in
            guard let text = turn.agentText, let ms = turn.agentAudioStartMs ?? turn.callerSpeechEndMs else { return nil }
            return TranscriptLine(who: "agent", text: text, ms: ms)
        }
        return (said + agent).sorted { $0.ms < $1.ms }
    }
}

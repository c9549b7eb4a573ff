import Foundation
import Providers
import SwitchboardCore

/// One agent response, from `response.start` until the caller has heard it (or interrupted):
/// what was generated, what was played, and the timings its traces report (instants on the
/// stage's clock).
struct AgentTurn {
    let turn: Int
    /// Which generation task feeds it (tasks are numbered; stale output is ignored by number).
    let generation: Int
    /// What the caller said; nil for a greeting.
    let user: String?
    var task: Task<Void, Never>?
    var playback: PlaybackTracker
    /// `response.start` has gone out (a greeting announces itself with its first word).
    var announced = false
    var generating = true
    var engine: String?
    var usage: ChatUsage?
    /// State the engine handed back, kept once the turn ends.
    var engineState: JSON?
    /// The engine said this answer ends the conversation (`ResponseChunk.endsConversation`).
    var endsConversation = false
    /// Where the caller is handed once this last answer has been heard (`ResponseChunk.transfer`).
    var transferTo: String?
    /// What the dialogue waits for after this answer, when the engine says (`listen` event).
    var listen: ListenContext?
    let startedAt: Duration
    var firstTextAt: Duration?
    var lastTextAt: Duration?
    var pieces = 0

    init(turn: Int, generation: Int, user: String?, startedAt: Duration) {
        self.turn = turn
        self.generation = generation
        self.user = user
        self.playback = PlaybackTracker(turn: turn)
        self.startedAt = startedAt
    }

    mutating func received(_ text: String, at instant: Duration) {
        playback.append(text)
        firstTextAt = firstTextAt ?? instant
        lastTextAt = instant
        pieces += 1
    }

    var responseStart: Event { Event("response.start", ["turn": .int(turn), "text": .string(user ?? "")]) }

    func responseEnd(reason: String) -> Event {
        var fields: JSONObject = ["turn": .int(turn), "reason": .string(reason)]
        if let engine { fields["engine"] = .string(engine) }
        if endsConversation { fields["last"] = true }
        if let usage {
            fields["usage"] = ["prompt_tokens": .int(usage.promptTokens), "completion_tokens": .int(usage.completionTokens),
                "total_tokens": .int(usage.totalTokens)]
        }
        return Event("response.end", fields)
    }

    /// `llm.ttft` (turn start to first text), `llm.tokens_per_s` (after the first token) and
    /// `llm.total` (turn start to end), for this turn and engine.
    func traces(stage: String, endedAt: Duration) -> [Event] {
        var traces: [Event] = []
        if let firstTextAt { traces.append(trace(stage, "llm.ttft", ms: (firstTextAt - startedAt).milliseconds)) }
        if let firstTextAt, let lastTextAt, lastTextAt > firstTextAt {
            let tokens = usage?.completionTokens ?? pieces
            let ms = (lastTextAt - firstTextAt).milliseconds
            var event = trace(stage, "llm.tokens_per_s", ms: ms)
            event["value"] = .double(((Double(max(tokens - 1, 0)) * 1000 / ms) * 10).rounded() / 10)
            event["tokens"] = .int(tokens)
            traces.append(event)
        }
        traces.append(trace(stage, "llm.total", ms: (endedAt - startedAt).milliseconds))
        return traces
    }

    func trace(_ stage: String, _ name: String, ms: Double) -> Event {
        var event = Event.trace(stage: stage, name: name, turn: turn, ms: ms)
        if let engine { event["engine"] = .string(engine) }
        return event
    }
}

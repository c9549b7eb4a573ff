import SwitchboardCore

/// Builds each turn's `TurnBreakdown` from the frames leaving the graph, in the order they
/// leave.
///
/// A caller utterance runs from `vad start` to its final transcript; `response.start` of turn
/// N takes the utterance that has ended and no turn has answered yet (a greeting takes none).
/// STT's traces count utterances, not turns, so they go to the utterance they follow. A turn
/// is done once its first audio, `tts.first_byte` and `llm.total` (llm-stream's last trace,
/// sent after `response.end`) have all been seen; otherwise when a later turn starts or the
/// call ends.
struct TurnTracker {
    /// Turns open at once beyond this are finished early (the oldest): a bound, not a case.
    static let maxOpenTurns = 8

    private struct Utterance {
        var id: Int
        var speechEndMedia: Double?
        var endpointSeen: Double?
        var finalSeen: Double?
        var text: [String] = []
        var engine: String?
        var sttLatency: [(engine: String?, ms: Double)] = []
        var answered = false
        /// An endpointed final was seen: the utterance is over even without a `vad start`
        /// to begin the next (a graph without VAD).
        var endpointed = false

        var hasEnded: Bool { speechEndMedia != nil || finalSeen != nil }

        /// The final's engine's latency when engines competed, else the first reported.
        var sttFinalLatency: Double? {
            sttLatency.first(where: { $0.engine != nil && $0.engine == engine })?.ms ?? sttLatency.first?.ms
        }
    }

    private struct OpenTurn {
        var breakdown: TurnBreakdown
        var utterance: Utterance?
        var sawLLMTotal = false
        var complete: Bool { breakdown.firstAudio != nil && breakdown.traces["tts.first_byte"] != nil && sawLLMTotal }
    }

    private var utterance: Utterance?
    private var utterances = 0
    private var open: [OpenTurn] = []

    /// Takes in a frame leaving the graph at `callMs`; returns the turns this finishes.
    mutating func leaving(_ frame: Frame, at callMs: Double, clock: MediaClock) -> [TurnBreakdown] {
        switch frame {
        case .audio(let audio):
            guard let turn = audio.turn, let index = open.firstIndex(where: { $0.breakdown.turn == turn }),
                  open[index].breakdown.firstAudio == nil else { return [] }
            open[index].breakdown.firstAudio = callMs
            return finishComplete(clock: clock)
        case .event(let event):
            return leaving(event, at: callMs, clock: clock)
        }
    }

    /// The call ended: every open turn, finished as far as it got.
    mutating func finishAll(clock: MediaClock) -> [TurnBreakdown] {
        defer { open = [] }
        return open.map { finished($0, clock: clock) }
    }

    private mutating func leaving(_ event: Event, at callMs: Double, clock: MediaClock) -> [TurnBreakdown] {
        guard event["looped"]?.bool != true else { return [] }  // a fed-back copy, seen before
        switch event.type {
        case "vad":
            switch event["event"]?.string {
            case "start": utterance = newUtterance()
            case "end":
                var heard = current()
                heard.speechEndMedia = heard.speechEndMedia ?? event["ts"]?.double
                heard.endpointSeen = heard.endpointSeen ?? callMs
                update(heard)
            default: break
            }
        case "transcript" where event["final"]?.bool == true:
            var heard = current()
            heard.finalSeen = heard.finalSeen ?? callMs
            if let text = event["text"]?.string, !text.isEmpty { heard.text.append(text) }
            heard.engine = heard.engine ?? event["engine"]?.string
            if event["endpoint"]?.bool == true {
                heard.endpointed = true
                heard.endpointSeen = heard.endpointSeen ?? callMs
                heard.speechEndMedia = heard.speechEndMedia ?? event["end"]?.double
            }
            update(heard)
        case "trace":
            return trace(event, clock: clock)
        case "response.start":
            guard let turn = event["turn"]?.int, !open.contains(where: { $0.breakdown.turn == turn }) else { return [] }
            // A turn starting finishes the ones before it that were still waiting for a trace.
            var done = finish(where: { $0.breakdown.turn < turn }, clock: clock)
            var started = OpenTurn(breakdown: TurnBreakdown(turn: turn))
            started.breakdown.startSeen = callMs
            // What the caller said, when no final transcript reached the end (llm-stream takes them in).
            started.breakdown.callerText = event["text"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            if var heard = utterance, heard.hasEnded, !heard.answered {
                heard.answered = true
                utterance = heard
                started.utterance = heard
            }
            open.append(started)
            if open.count > Self.maxOpenTurns { done.append(finished(open.removeFirst(), clock: clock)) }
            return done
        case "interrupt":
            let upTo = event["turn"]?.int ?? .max
            for index in open.indices where open[index].breakdown.turn <= upTo { open[index].breakdown.interrupted = true }
        case "response.end" where event["reason"]?.string == "interrupted":
            if let turn = event["turn"]?.int, let index = open.firstIndex(where: { $0.breakdown.turn == turn }) {
                open[index].breakdown.interrupted = true
            }
        default: break
        }
        return []
    }

    private mutating func trace(_ event: Event, clock: MediaClock) -> [TurnBreakdown] {
        guard let name = event["name"]?.string, let ms = event["ms"]?.double else { return [] }
        if name == "stt.final_latency" {
            // STT numbers utterances: the latency belongs to the utterance it follows.
            var heard = current()
            heard.sttLatency.append((event["engine"]?.string, ms))
            update(heard)
            return []
        }
        guard let turn = event["turn"]?.int, let index = open.firstIndex(where: { $0.breakdown.turn == turn }) else { return [] }
        if TurnBreakdown.traceStages.contains(name), open[index].breakdown.traces[name] == nil {
            open[index].breakdown.traces[name] = ms
        }
        if name == "llm.total" { open[index].sawLLMTotal = true }
        return finishComplete(clock: clock)
    }

    /// The current utterance changed; an open turn that answers it sees the change (a final
    /// can come after a speculative `response.start`).
    private mutating func update(_ heard: Utterance) {
        utterance = heard
        guard heard.answered, let index = open.firstIndex(where: { $0.utterance?.id == heard.id }) else { return }
        open[index].utterance = heard
    }

    /// The utterance a result belongs to: the current one, unless it is over and answered.
    private mutating func current() -> Utterance {
        if let utterance, !(utterance.answered && utterance.endpointed) { return utterance }
        return newUtterance()
    }

    private mutating func newUtterance() -> Utterance {
        utterances += 1
        return Utterance(id: utterances)
    }

    private mutating func finishComplete(clock: MediaClock) -> [TurnBreakdown] {
        finish(where: \.complete, clock: clock)
    }

    private mutating func finish(where done: (OpenTurn) -> Bool, clock: MediaClock) -> [TurnBreakdown] {
        guard open.contains(where: done) else { return [] }
        let finishing = open.filter(done)
        open.removeAll(where: done)
        return finishing.map { finished($0, clock: clock) }
    }

    private func finished(_ turn: OpenTurn, clock: MediaClock) -> TurnBreakdown {
        var breakdown = turn.breakdown
        guard let heard = turn.utterance else { return breakdown }
        if !heard.text.isEmpty { breakdown.callerText = heard.text.joined(separator: " ") }
        breakdown.speechEnd = heard.speechEndMedia.map { clock.callMs(atMediaMs: $0) }
        breakdown.endpointSeen = heard.endpointSeen
        breakdown.finalSeen = heard.finalSeen
        if let stt = heard.sttFinalLatency { breakdown.traces["stt.final_latency"] = stt }
        return breakdown
    }
}

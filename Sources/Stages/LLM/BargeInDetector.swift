/// Tells an interruption from a backchannel while the agent is speaking.
///
/// Caller speech interrupts once it has lasted `minimumMs` — judged on media time when the
/// stream carries it (a `vad end`, later audio or events with a `ts`), or on the wall clock
/// when nothing arrives meanwhile (the stage arms a timer on `.armTimer`) — or as soon as a
/// transcript of it has `minimumWords` words. Shorter speech ("mm-hm") is a backchannel.
struct BargeInDetector {
    var minimumMs: Int
    var minimumWords: Int
    /// Media time at which the caller began speaking over the agent, while undecided.
    private(set) var speechStart: Int?

    enum Verdict: Equatable {
        case none
        /// Start a wall-clock timer of `minimumMs`; call `timerFired` when it runs out.
        case armTimer
        /// Interrupt; `ts` is where the caller's speech began.
        case interrupt(ts: Int)
    }

    init(minimumMs: Int, minimumWords: Int) {
        self.minimumMs = minimumMs
        self.minimumWords = minimumWords
    }

    mutating func vadStart(ts: Int) -> Verdict {
        speechStart = ts
        return minimumMs <= 0 ? decide() : .armTimer
    }

    /// Speech ended: an interruption if it lasted long enough, else a backchannel, forgotten.
    mutating func vadEnd(ts: Int) -> Verdict {
        guard let start = speechStart else { return .none }
        if ts - start >= minimumMs { return decide() }
        speechStart = nil
        return .none
    }

    /// Media time has reached `now` (an audio frame's end, an event's `ts`).
    mutating func mediaTime(_ now: Int) -> Verdict {
        guard let start = speechStart, now - start >= minimumMs else { return .none }
        return decide()
    }

    mutating func timerFired() -> Verdict { speechStart == nil ? .none : decide() }

    /// A transcript of caller speech while the agent speaks: enough words interrupt at once.
    mutating func transcript(words: Int, ts: Int) -> Verdict {
        guard words >= max(1, minimumWords) else { return .none }
        speechStart = speechStart ?? ts
        return decide()
    }

    mutating func reset() { speechStart = nil }

    private mutating func decide() -> Verdict {
        defer { speechStart = nil }
        return .interrupt(ts: speechStart ?? 0)
    }
}

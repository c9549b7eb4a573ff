/// Tells an interruption from a backchannel while the agent is speaking.
///
/// Caller speech interrupts once it has lasted `minimumMs` — judged on media time when the
/// stream carries it (a `vad end`, later audio or events with a `ts`), or on the wall clock
/// when nothing arrives meanwhile (the stage arms a timer on `.armTimer`) — or as soon as a
/// transcript of it has `minimumWords` words. Shorter speech ("yeah" said quickly) is a
/// backchannel. So is a hum ("mm-hm"), however long up to `longMurmurMs`: while the `vad` stage
/// says the speech so far is a murmur, the interruption waits until it says `voiced` (words
/// began: interrupt, at once if `minimumMs` have passed) or the speech ends (forgotten).
struct BargeInDetector {
    var minimumMs: Int
    var minimumWords: Int
    /// A murmur this long is not a backchannel any more: someone humming to be heard.
    static let longMurmurMs = 1000
    /// Media time at which the caller began speaking over the agent, while undecided.
    private(set) var speechStart: Int?
    /// The speech so far is a hum (`vad murmur`, until `vad voiced`).
    private(set) var isMurmur = false
    /// The latest media time seen while undecided.
    private var latest = 0

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
        isMurmur = false
        latest = ts
        return minimumMs <= 0 ? decide() : .armTimer
    }

    /// The speech just started is a hum so far: wait for words or its end.
    mutating func vadMurmur(ts: Int) -> Verdict {
        guard speechStart != nil else { return .none }
        isMurmur = true
        return .none
    }

    /// The hum turned into words at `ts`: judged as speech from its start.
    mutating func vadVoiced(ts: Int) -> Verdict {
        guard speechStart != nil, isMurmur else { return .none }
        isMurmur = false
        return mediaTime(max(ts, latest))
    }

    /// Speech ended: an interruption if it lasted long enough (a hum: `longMurmurMs`), else a
    /// backchannel, forgotten.
    mutating func vadEnd(ts: Int) -> Verdict {
        guard let start = speechStart else { return .none }
        if ts - start >= requiredMs { return decide() }
        speechStart = nil
        isMurmur = false
        return .none
    }

    /// Media time has reached `now` (an audio frame's end, an event's `ts`).
    mutating func mediaTime(_ now: Int) -> Verdict {
        guard let start = speechStart else { return .none }
        latest = max(latest, now)
        guard now - start >= requiredMs else { return .none }
        return decide()
    }

    /// The wall clock ran out with no media time: a hum is left to later media time.
    mutating func timerFired() -> Verdict { speechStart == nil || isMurmur ? .none : decide() }

    private var requiredMs: Int { isMurmur ? max(minimumMs, Self.longMurmurMs) : minimumMs }

    /// A transcript of caller speech while the agent speaks: enough words interrupt at once.
    mutating func transcript(words: Int, ts: Int) -> Verdict {
        guard words >= max(1, minimumWords) else { return .none }
        speechStart = speechStart ?? ts
        return decide()
    }

    mutating func reset() {
        speechStart = nil
        isMurmur = false
    }

    private mutating func decide() -> Verdict {
        defer { reset() }
        return .interrupt(ts: speechStart ?? 0)
    }
}

/// Turns a detector's per-frame speech decisions into utterances: `start` once enough speech has
/// been heard, `end` once enough silence has followed it.
///
/// Both events carry media time of the audio, not the moment of decision: `start` is the first
/// speech frame of the run that confirmed it (less the pre-roll), `end` the end of the last
/// speech frame. A detector may also say which frames might be speech (`mayBeSpeech`, a lower
/// threshold): they never start or hold an utterance, but a run of them right before the onset or
/// right after the last speech frame widens it, up to `edgeMs` — a voice fades in and out below
/// the level at which a detector dares to decide, and those edges are the first consonant and the
/// last syllable. Any detector that decides frame by frame can be put in front of it — `vad eval`
/// scores other detectors through this same endpointer, so they are compared on equal terms.
public struct Endpointer: Sendable {
    public struct Settings: Sendable, Equatable {
        /// Speech needed before `start` is decided: shorter bursts (clicks, a cough) are ignored.
        public var minSpeechMs: Int
        /// Silence after which the utterance ends.
        public var silenceMs: Int
        /// How far before the detected onset `start` is placed, to keep the first consonant.
        public var preRollMs: Int
        /// Gaps shorter than this inside an onset do not restart the count of `minSpeechMs`.
        public var onsetGapMs: Int
        /// How far frames that might be speech widen an utterance before its onset and after its
        /// last speech frame.
        public var edgeMs: Int

        public init(minSpeechMs: Int = 60, silenceMs: Int = 250, preRollMs: Int = 20, onsetGapMs: Int = 30, edgeMs: Int = 200) {
            self.minSpeechMs = minSpeechMs
            self.silenceMs = silenceMs
            self.preRollMs = preRollMs
            self.onsetGapMs = onsetGapMs
            self.edgeMs = edgeMs
        }
    }

    public enum Transition: Sendable, Equatable {
        case start(ts: Int)
        case end(ts: Int)
    }

    public let settings: Settings
    public private(set) var inSpeech = false
    /// Onset candidate: where the current run of speech began and how much speech it holds.
    private var runStart: Double?
    private var runSpeechMs: Double = 0
    private var lastSpeechEnd: Double = 0
    /// Where the current unbroken run of frames that might be speech began (before an onset).
    private var edgeRunStart: Double?
    /// The end of the utterance as it will be stamped: the last speech frame, or the end of the
    /// run of might-be-speech frames that followed it.
    private var tailEnd: Double = 0
    private var inTail = false
    /// Where the previous utterance ended: pre-roll never reaches back past it.
    private var previousEnd: Double = 0

    public init(_ settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Takes the decision for the frame [at, at + durationMs) and says whether an utterance
    /// started or ended with it. `mayBeSpeech` (nil: the same as `isSpeech`) is the weaker
    /// decision that only widens an utterance's edges.
    public mutating func push(isSpeech: Bool, at: Double, durationMs: Double, mayBeSpeech: Bool? = nil) -> Transition? {
        let end = at + durationMs
        let mayBe = isSpeech || mayBeSpeech == true
        let edge = Double(settings.edgeMs)
        if inSpeech {
            if isSpeech {
                lastSpeechEnd = end
                tailEnd = end
                inTail = true
            } else if mayBe, inTail, end - lastSpeechEnd <= edge {
                tailEnd = end
            } else {
                inTail = false
            }
            // Silence is counted from the widened end, so `end` still comes `silenceMs` after
            // the speech it stamps.
            if !isSpeech, end - tailEnd >= Double(settings.silenceMs) {
                return close()
            }
            return nil
        }
        if mayBe {
            if edgeRunStart == nil { edgeRunStart = at }
        } else {
            edgeRunStart = nil
        }
        guard isSpeech else {
            if runStart != nil, end - lastSpeechEnd >= Double(settings.onsetGapMs) {
                runStart = nil
                runSpeechMs = 0
            }
            return nil
        }
        if runStart == nil { runStart = at }
        runSpeechMs += durationMs
        lastSpeechEnd = end
        guard runSpeechMs >= Double(settings.minSpeechMs), var onset = runStart else { return nil }
        if let edgeStart = edgeRunStart { onset = max(min(edgeStart, onset), onset - edge) }
        inSpeech = true
        runStart = nil
        runSpeechMs = 0
        edgeRunStart = nil
        tailEnd = end
        inTail = true
        let start = max(onset - Double(settings.preRollMs), previousEnd, 0)
        return .start(ts: Int(start.rounded()))
    }

    /// The input ended (or the call stopped): ends an utterance still open.
    public mutating func finish() -> Transition? {
        runStart = nil
        runSpeechMs = 0
        edgeRunStart = nil
        guard inSpeech else { return nil }
        return close()
    }

    private mutating func close() -> Transition {
        inSpeech = false
        inTail = false
        previousEnd = tailEnd
        return .end(ts: Int(tailEnd.rounded()))
    }
}

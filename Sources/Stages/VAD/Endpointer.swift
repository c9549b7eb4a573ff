/// Turns a detector's per-frame speech decisions into utterances: `start` once enough speech has
/// been heard, `end` once enough silence has followed it.
///
/// Both events carry media time of the audio, not the moment of decision: `start` is the first
/// speech frame of the run that confirmed it (less the pre-roll), `end` the end of the last
/// speech frame. Any detector that decides frame by frame can be put in front of it — `vad eval`
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

        public init(minSpeechMs: Int = 60, silenceMs: Int = 250, preRollMs: Int = 20, onsetGapMs: Int = 30) {
            self.minSpeechMs = minSpeechMs
            self.silenceMs = silenceMs
            self.preRollMs = preRollMs
            self.onsetGapMs = onsetGapMs
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
    /// Where the previous utterance ended: pre-roll never reaches back past it.
    private var previousEnd: Double = 0

    public init(_ settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Takes the decision for the frame [at, at + durationMs) and says whether an utterance
    /// started or ended with it.
    public mutating func push(isSpeech: Bool, at: Double, durationMs: Double) -> Transition? {
        let end = at + durationMs
        if inSpeech {
            if isSpeech {
                lastSpeechEnd = end
            } else if end - lastSpeechEnd >= Double(settings.silenceMs) {
                inSpeech = false
                previousEnd = lastSpeechEnd
                return .end(ts: Int(lastSpeechEnd.rounded()))
            }
            return nil
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
        guard runSpeechMs >= Double(settings.minSpeechMs), let onset = runStart else { return nil }
        inSpeech = true
        runStart = nil
        runSpeechMs = 0
        let start = max(onset - Double(settings.preRollMs), previousEnd, 0)
        return .start(ts: Int(start.rounded()))
    }

    /// The input ended (or the call stopped): ends an utterance still open.
    public mutating func finish() -> Transition? {
        runStart = nil
        runSpeechMs = 0
        guard inSpeech else { return nil }
        inSpeech = false
        previousEnd = lastSpeechEnd
        return .end(ts: Int(lastSpeechEnd.rounded()))
    }
}

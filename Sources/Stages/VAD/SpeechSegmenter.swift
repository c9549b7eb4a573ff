import Audio

/// The built-in detector and an endpointer over a stream of pcm16 samples at one rate: cuts the
/// samples into the detector's hops, whatever size the audio frames come in, and keeps their
/// media time.
public struct SpeechSegmenter {
    public var detector: SpeechDetector
    public var endpointer: Endpointer
    private var murmur = MurmurTracker()
    /// The hop being filled: its first `pendingCount` samples.
    private var pending: [Float]
    private var pendingCount = 0
    /// Media time (ms) of the first pending sample.
    private var pendingStart: Double = 0

    public init(rate: Int, thresholdOffset: Float = 0, endpointing: Endpointer.Settings = .init()) {
        detector = SpeechDetector(rate: rate, thresholdOffset: thresholdOffset)
        endpointer = Endpointer(endpointing)
        pending = Array(repeating: 0, count: detector.hop)
    }

    public var rate: Int { detector.rate }

    static let endpointingStepMs = 10

    /// What the samples fed told about the utterances, in order.
    public enum Mark: Sendable, Equatable {
        case transition(Endpointer.Transition)
        /// The utterance just started is, so far, a murmur (a hum: "mm-hm").
        case murmur(ts: Int)
        /// The utterance that was a murmur stopped being one at `ts`: words began.
        case voiced(ts: Int)
    }

    /// Feeds samples whose first one is at media time `ts` (ms) and returns the utterance
    /// boundaries they completed, in order.
    public mutating func feed(_ samples: UnsafeBufferPointer<Int16>, ts: Double) -> [Endpointer.Transition] {
        mark(samples, ts: ts).compactMap { if case .transition(let t) = $0 { t } else { nil } }
    }

    /// Feeds samples as `feed` does, and also says whether each utterance is a murmur.
    public mutating func mark(_ samples: UnsafeBufferPointer<Int16>, ts: Double) -> [Mark] {
        if pendingCount == 0 { pendingStart = ts }
        var transitions: [Mark] = []
        let hop = detector.hop
        var next = 0
        while next < samples.count {
            let take = min(hop - pendingCount, samples.count - next)
            let from = pendingCount
            pending.withUnsafeMutableBufferPointer { pending in
                for n in 0..<take { pending[from + n] = Float(samples[next + n]) * (1 / 32768) }
            }
            pendingCount += take
            next += take
            guard pendingCount == hop else { break }
            let features = pending.withUnsafeBufferPointer { detector.process($0) }
            // The decision holds for the whole hop; the endpointer still counts in 10 ms steps,
            // so `--silence-ms` and the other settings keep their resolution.
            var startTs: Int?
            for step in stride(from: 0, to: SpeechDetector.hopMs, by: Self.endpointingStepMs) {
                if let transition = endpointer.push(isSpeech: features.isSpeech, at: pendingStart + Double(step),
                                                    durationMs: Double(Self.endpointingStepMs),
                                                    mayBeSpeech: features.mayBeSpeech) {
                    transitions.append(.transition(transition))
                    if case .start(let ts) = transition { startTs = ts }
                }
            }
            switch murmur.push(features, at: Int(pendingStart.rounded()), inSpeech: endpointer.inSpeech, startTs: startTs) {
            case .murmur(let ts): transitions.append(.murmur(ts: ts))
            case .voiced(let ts): transitions.append(.voiced(ts: ts))
            case nil: break
            }
            pendingCount = 0
            pendingStart += Double(SpeechDetector.hopMs)
        }
        return transitions
    }

    /// The stream ended: closes an utterance still open. Samples short of a hop are dropped.
    public mutating func finish() -> Endpointer.Transition? {
        pendingCount = 0
        return endpointer.finish()
    }
}

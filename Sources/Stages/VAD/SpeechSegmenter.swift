import Audio

/// The built-in detector and an endpointer over a stream of pcm16 samples at one rate: cuts the
/// samples into the detector's hops, whatever size the audio frames come in, and keeps their
/// media time.
public struct SpeechSegmenter {
    public var detector: SpeechDetector
    public var endpointer: Endpointer
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

    /// Feeds samples whose first one is at media time `ts` (ms) and returns the utterance
    /// boundaries they completed, in order.
    public mutating func feed(_ samples: UnsafeBufferPointer<Int16>, ts: Double) -> [Endpointer.Transition] {
        if pendingCount == 0 { pendingStart = ts }
        var transitions: [Endpointer.Transition] = []
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
            for step in stride(from: 0, to: SpeechDetector.hopMs, by: Self.endpointingStepMs) {
                if let transition = endpointer.push(isSpeech: features.isSpeech, at: pendingStart + Double(step),
                                                    durationMs: Double(Self.endpointingStepMs),
                                                    mayBeSpeech: features.mayBeSpeech) {
                    transitions.append(transition)
                }
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

import Audio
import Foundation

/// The built-in detector: says, for every 20 ms of audio, whether it holds speech.
///
/// It only looks at the telephone band (300–3400 Hz), at 8 and 16 kHz alike, through a 32 ms
/// Hann window that moves by 20 ms (a 10 ms hop bought no accuracy on the corpus for twice
/// the CPU):
/// - **band SNR** — the energy of 16 bands against each band's noise floor (`NoiseFloorTracker`),
///   averaged in dB over the bands. Stationary noise of any colour sits near 0 dB; speech rises
///   well above it in the bands its formants fall in.
/// - **tonality** — a pure tone or a DTMF pair puts nearly all of the band's energy into one or
///   two spectral peaks, which speech never does; such frames are not speech.
/// The threshold on band SNR rises with the 40th percentile of that measure over the last ten
/// seconds, so a call with fluctuating noise (babble, clicks) needs more evidence than a quiet
/// line; right after speech it is lower, so fading syllables are kept.
public struct SpeechDetector {
    /// What a frame looked like, for `vad features` and the tests.
    public struct Features: Sendable, Equatable {
        public var bandSNR: Float
        public var tonality: Float
        public var levelDB: Float
        public var threshold: Float
        public var isSpeech: Bool
        /// Over the lower edge threshold: not enough to decide, enough to widen an utterance
        /// at its edges (`Endpointer`).
        public var mayBeSpeech: Bool
        /// Energy over the noise floor under ~470 Hz and in 470–1010 Hz (`MurmurTracker`).
        public var murmurLow: Float = 0
        public var murmurMid: Float = 0
    }

    public static let hopMs = 20
    /// The sample rates it works at.
    public static let rates = [8000, 16000]
    static let lowHz = 300.0, highHz = 3400.0
    static let bandCount = 16
    /// Below this band level (dBFS) nothing is speech: digital silence and idle-line hiss.
    static let silenceLevel: Float = -70

    // Tuned on the corpus of scripts/vad-corpus.py (`vad eval`); see vad(1).
    /// Which percentile of recent band SNR stands for the noise: above a third, because
    /// babble and clicks put much of the noise well over the floor, and speech rarely fills more
    /// than half of the last 10 s.
    static let noisePercentile: Float = 0.4
    static let percentileMemoryFrames = Float(10_000 / hopMs)
    /// The most that percentile is believed (dB over the floor). Babble, the worst noise of the
    /// corpus, puts it at 5–7 dB; above that it is a caller who talked through most of the
    /// last ten seconds (a human does, from the first second of a call), whose words would
    /// otherwise become the line's noise and push the threshold into the middle of them.
    static let noiseCeiling: Float = 6.5
    static let minimumThreshold: Float = 1.5
    static let margin: Float = 2
    /// Must stay below `margin`, or the threshold could sink into the noise and stay there.
    static let hysteresis: Float = 1
    static let hysteresisFrames = 260 / hopMs
    /// The edge threshold's margin over the line's noise, and its own floor: a voice fading
    /// in or out sits this little above what the noise alone reaches.
    static let edgeMargin: Float = 0.75
    static let minimumEdgeThreshold: Float = 1
    /// A tone (even through µ-law) puts more than this share of the band's energy into one or
    /// two spectral peaks. A voice rarely does, but can come close: a high female voice's vowels
    /// put 90 % into two harmonics in a third of their frames, and 0.9 here lost them (measured on
    /// the Asterisk prompts, scripts/vad-human-corpus.py); 99 % is reached in about 2 %.
    static let tonalShare: Float = 0.99
    /// Right after `toneFrames` tonal frames (a tone, not a vowel's chance peak), a frame this
    /// tonal is the tone's end.
    static let toneEndShare: Float = 0.5
    static let toneFrames = 3
    /// The bands under ~470 Hz, and those from there to ~1010 Hz: where a hum's energy lies, and
    /// where an open vowel's first formant does (`MurmurTracker`).
    static let murmurLowBands = 0..<3, murmurMidBands = 3..<8

    public let rate: Int
    /// Samples per hop.
    public let hop: Int
    /// Added to the adaptive band-SNR threshold (dB): higher is stricter.
    public var thresholdOffset: Float

    private let windowLength: Int
    private let window: [Float]
    private let bandBins: [Range<Int>]
    /// All the bins of the bands: the telephone band, the only part of the spectrum looked at.
    private let band: Range<Int>
    private let bandFloorMinimum: [Float]
    private let levelScale: Float
    private var fft: RealFFT
    private var samples: [Float]
    private var windowed: [Float]
    private var power: [Float]
    private var bandEnergy: [Float]
    private var noise: NoiseFloorTracker
    /// Samples seen, up to a window: until the window is full its energy is not the line's.
    private var filled = 0
    /// Band SNR of the last ten seconds: its 40th percentile says how far the line's noise
    /// alone rises over the floor.
    private var recentSNR = DecayingHistogram(lower: 0, upper: 30, binWidth: 0.25, memory: Self.percentileMemoryFrames,
                                              percentile: Self.noisePercentile)
    /// Frames since the last speech frame: right after speech the threshold is lower, so a
    /// fading syllable is not cut off (hysteresis).
    private var framesSinceSpeech = Int.max
    private var previousWasTonal = false
    /// Frames in a row over `tonalShare`.
    private var tonalRun = 0

    /// - Parameters:
    ///   - rate: 8000 or 16000.
    ///   - thresholdOffset: dB added to the adaptive threshold (`--threshold`).
    public init(rate: Int, thresholdOffset: Float = 0) {
        precondition(Self.rates.contains(rate), "SpeechDetector works at \(Self.rates) Hz, not \(rate)")
        self.rate = rate
        self.thresholdOffset = thresholdOffset
        hop = rate * Self.hopMs / 1000
        windowLength = rate * 32 / 1000
        let fftSize = windowLength
        window = (0..<fftSize).map { Float(0.5 - 0.5 * cos(2 * Double.pi * (Double($0) + 0.5) / Double(fftSize))) }
        let w0 = window.reduce(0) { $0 + $1 * $1 }
        let binHz = Double(rate) / Double(fftSize)
        let ratio = pow(Self.highHz / Self.lowHz, 1 / Double(Self.bandCount))
        bandBins = (0..<Self.bandCount).map { b in
            let lo = Int((Self.lowHz * pow(ratio, Double(b)) / binHz).rounded())
            let hi = Int((Self.lowHz * pow(ratio, Double(b + 1)) / binHz).rounded())
            return lo..<max(hi, lo + 1)
        }
        band = bandBins.first!.lowerBound..<bandBins.last!.upperBound
        // Parseval: band mean square = 2 · Σ|X|² / (N · Σw²).
        levelScale = 2 / (Float(fftSize) * w0)
        // −75 dBFS of white noise spread over the band, so digital silence has a floor.
        let floorPerBin = Float(pow(10, -75.0 / 10)) / levelScale / Float(band.count)
        bandFloorMinimum = bandBins.map { Float($0.count) * floorPerBin }
        fft = RealFFT(size: fftSize)
        samples = Array(repeating: 0, count: fftSize)
        windowed = Array(repeating: 0, count: fftSize)
        power = Array(repeating: 0, count: fftSize / 2 + 1)
        bandEnergy = Array(repeating: 0, count: Self.bandCount)
        noise = NoiseFloorTracker(bands: Self.bandCount)
    }

    /// Classifies the next `hopMs`: exactly `hop` samples, scaled to ±1.
    public mutating func process(_ hopSamples: UnsafeBufferPointer<Float>) -> Features {
        precondition(hopSamples.count == hop)
        samples.withUnsafeMutableBufferPointer { buffer in
            let keep = windowLength - hop
            buffer.baseAddress!.update(from: buffer.baseAddress! + hop, count: keep)
            (buffer.baseAddress! + keep).update(from: hopSamples.baseAddress!, count: hop)
        }
        guard filled >= windowLength - hop else {
            filled += hop
            return Features(bandSNR: 0, tonality: 0, levelDB: -120, threshold: 0, isSpeech: false, mayBeSpeech: false)
        }
        windowed.withUnsafeMutableBufferPointer { windowed in
            samples.withUnsafeBufferPointer { samples in
                window.withUnsafeBufferPointer { window in
                    for n in 0..<windowLength { windowed[n] = samples[n] * window[n] }
                }
            }
        }
        windowed.withUnsafeBufferPointer { input in
            power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, bins: band, into: $0) }
        }

        let total = sumBands()
        let levelDB = Decibels.power(max(total * levelScale, 1e-12))
        // A tone (ringback, a DTMF digit, a test tone) is not the line's noise: while one lasts,
        // the floor keeps what it knew, so the hiss the tone masked is not news when it stops.
        if !previousWasTonal {
            bandEnergy.withUnsafeBufferPointer { energy in
                bandFloorMinimum.withUnsafeBufferPointer { noise.update(energy, minimum: $0) }
            }
        }

        let bandSNR = meanBandSNR()
        let noiseSNR = min(recentSNR.percentile ?? 0, Self.noiseCeiling)
        let lowered = framesSinceSpeech < Self.hysteresisFrames ? Self.hysteresis : 0
        // Never below the minimum: the end of a loud sound (a tone cut off, a door) must not
        // leave a threshold that the line's own hiss crosses.
        let threshold = max(Self.minimumThreshold, noiseSNR + Self.margin - lowered) + thresholdOffset
        let edgeThreshold = max(Self.minimumEdgeThreshold, noiseSNR + Self.edgeMargin) + thresholdOffset
        // Tonality can only veto, so it is measured only where it matters.
        let audible = levelDB > Self.silenceLevel
        let candidate = audible && bandSNR > threshold
        let edgeCandidate = audible && bandSNR > edgeThreshold
        let tonality = candidate || edgeCandidate ? measureTonality(total: total) : 0
        // The frame in which a tone stops holds its cut, which splatters over the band: still
        // the tone, not a caller, as long as the tone is most of it.
        let tonal = tonality >= Self.tonalShare || (tonalRun >= Self.toneFrames && tonality >= Self.toneEndShare)
        tonalRun = tonality >= Self.tonalShare ? tonalRun + 1 : 0
        let isSpeech = candidate && !tonal
        if !tonal { recentSNR.add(bandSNR) }
        previousWasTonal = tonal
        framesSinceSpeech = isSpeech ? 0 : framesSinceSpeech.saturatingIncrement()
        var features = Features(bandSNR: bandSNR, tonality: tonality, levelDB: levelDB, threshold: threshold,
                                isSpeech: isSpeech, mayBeSpeech: isSpeech || (edgeCandidate && !tonal))
        if isSpeech {
            features.murmurLow = energyOverFloor(Self.murmurLowBands)
            features.murmurMid = energyOverFloor(Self.murmurMidBands)
        }
        return features
    }

    /// The energy of `bands` above their noise floors: what the voice adds there.
    private func energyOverFloor(_ bands: Range<Int>) -> Float {
        var sum: Float = 0
        for b in bands { sum += max(bandEnergy[b] - noise.floor[b], 0) }
        return sum
    }

    /// Fills `bandEnergy` from `power`; returns the energy of the whole band.
    private mutating func sumBands() -> Float {
        var total: Float = 0
        power.withUnsafeBufferPointer { power in
            bandBins.withUnsafeBufferPointer { bands in
                bandEnergy.withUnsafeMutableBufferPointer { energy in
                    for b in 0..<Self.bandCount {
                        var sum: Float = 0
                        for k in bands[b] { sum += power[k] }
                        energy[b] = sum
                        total += sum
                    }
                }
            }
        }
        return total
    }

    /// The SNR of each band over its noise floor, clamped to 0–30 dB, averaged over the bands.
    private func meanBandSNR() -> Float {
        var sum = SIMD4<Float>()
        bandEnergy.withUnsafeBufferPointer { energy in
            noise.floor.withUnsafeBufferPointer { floor in
                // Clamping the ratio to 1…1000 clamps the dB to 0…30.
                let one = SIMD4<Float>(repeating: 1), thousand = SIMD4<Float>(repeating: 1000)
                for b in stride(from: 0, to: Self.bandCount, by: 4) {
                    let e = SIMD4<Float>(energy[b], energy[b + 1], energy[b + 2], energy[b + 3])
                    let f = SIMD4<Float>(floor[b], floor[b + 1], floor[b + 2], floor[b + 3])
                    sum += Decibels.power((e / f).clamped(lowerBound: one, upperBound: thousand))
                }
            }
        }
        return sum.sum() / Float(Self.bandCount)
    }

    /// The share of band energy in the two strongest spectral peaks (each ± the Hann main lobe).
    private func measureTonality(total: Float) -> Float {
        guard total > 0 else { return 0 }
        let lo = band.lowerBound, hi = band.upperBound
        // The main lobe of a Hann window is ±2 bins.
        let lobe = 2
        return power.withUnsafeBufferPointer { power in
            func strongest(excluding taken: Range<Int>) -> Range<Int>? {
                var peak = -1
                var peakPower: Float = 0
                for k in lo..<hi where power[k] > peakPower && !taken.contains(k) {
                    peak = k
                    peakPower = power[k]
                }
                return peak < 0 ? nil : max(lo, peak - lobe)..<min(hi, peak + lobe + 1)
            }
            guard let first = strongest(excluding: 0..<0) else { return 0 }
            var peaksEnergy: Float = 0
            for k in first { peaksEnergy += power[k] }
            if let second = strongest(excluding: first) {
                for k in second where !first.contains(k) { peaksEnergy += power[k] }
            }
            return peaksEnergy / total
        }
    }
}

private extension Int {
    func saturatingIncrement() -> Int { self == .max ? self : self + 1 }
}

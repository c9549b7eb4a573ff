import Audio
import Foundation

/// The built-in detector: says, for every 10 ms of audio, whether it holds speech.
///
/// It only looks at the telephone band (300–3400 Hz), at 8 and 16 kHz alike, through a 32 ms
/// Hann window that moves by 10 ms:
/// - **band SNR** — the energy of 16 bands against each band's noise floor (`NoiseFloorTracker`),
///   averaged in dB over the bands. Stationary noise of any colour sits near 0 dB; speech rises
///   well above it in the bands its formants fall in.
/// - **periodicity** — the highest normalised autocorrelation at pitch lags (70–400 Hz) of the
///   noise-subtracted spectrum: voiced speech is periodic, hiss, hum remainders and clicks are
///   not. A periodic frame needs less band SNR to count.
/// - **tonality** — a pure tone or a DTMF pair puts nearly all of the band's energy into one or
///   two spectral peaks, which speech never does; such frames are not speech.
/// The threshold on band SNR rises with the spread of that measure on recent non-speech frames,
/// so a call with fluctuating noise (babble, clicks) needs more evidence than a quiet line.
public struct SpeechDetector {
    /// What a frame looked like, for `vad eval --features` and the tests.
    public struct Features: Sendable, Equatable {
        public var bandSNR: Float
        public var periodicity: Float
        public var tonality: Float
        public var levelDB: Float
        public var threshold: Float
        public var isSpeech: Bool
    }

    public static let hopMs = 10
    static let lowHz = 300.0, highHz = 3400.0
    static let bandCount = 16
    static let minPitchHz = 70.0, maxPitchHz = 400.0
    /// Below this band level (dBFS) nothing is speech: digital silence and idle-line hiss.
    static let silenceLevel: Float = -60

    public let rate: Int
    /// Samples per 10 ms hop.
    public let hop: Int
    /// Added to the adaptive band-SNR threshold (dB): higher is stricter.
    public var thresholdOffset: Float

    private let windowLength: Int
    private let window: [Float]
    /// The window's own autocorrelation, normalised, to undo its taper at each lag.
    private let windowCorrelation: [Float]
    private let bandBins: [Range<Int>]
    private let bandFloorMinimum: [Float]
    private let lagRange: ClosedRange<Int>
    private let levelScale: Float
    private var fft: RealFFT
    private var samples: [Float]
    private var windowed: [Float]
    private var power: [Float]
    private var cleaned: [Float]
    private var correlation: [Float]
    private var bandEnergy: [Float]
    private var noise: NoiseFloorTracker
    private var nonSpeechMean: Float = 1.5
    private var nonSpeechSpread: Float = 0.6

    /// - Parameters:
    ///   - rate: 8000 or 16000.
    ///   - thresholdOffset: dB added to the adaptive threshold (`--threshold`).
    public init(rate: Int, thresholdOffset: Float = 0) {
        precondition(rate == 8000 || rate == 16000, "SpeechDetector works at 8000 or 16000 Hz")
        self.rate = rate
        self.thresholdOffset = thresholdOffset
        hop = rate * Self.hopMs / 1000
        windowLength = rate * 32 / 1000
        // Twice the window, so that the autocorrelation at pitch lags does not wrap around.
        let fftSize = 2 * windowLength
        let length = windowLength
        window = (0..<length).map { Float(0.5 - 0.5 * cos(2 * Double.pi * (Double($0) + 0.5) / Double(length))) }
        let w = window
        let w0 = w.reduce(0) { $0 + $1 * $1 }
        windowCorrelation = (0..<length).map { lag in
            var sum: Float = 0
            for n in 0..<(length - lag) { sum += w[n] * w[n + lag] }
            return sum / w0
        }
        let binHz = Double(rate) / Double(fftSize)
        let ratio = pow(Self.highHz / Self.lowHz, 1 / Double(Self.bandCount))
        bandBins = (0..<Self.bandCount).map { b in
            let lo = Int((Self.lowHz * pow(ratio, Double(b)) / binHz).rounded())
            let hi = Int((Self.lowHz * pow(ratio, Double(b + 1)) / binHz).rounded())
            return lo..<max(hi, lo + 1)
        }
        lagRange = Int(Double(rate) / Self.maxPitchHz)...Int(Double(rate) / Self.minPitchHz)
        // Parseval: band mean square = 2 · Σ|X|² / (N · Σw²).
        levelScale = 2 / (Float(fftSize) * w0)
        // −75 dBFS of white noise spread over the band, so digital silence has a floor.
        let floorPerBin = Float(pow(10, -75.0 / 10)) / levelScale / Float(bandBins.last!.upperBound - bandBins.first!.lowerBound)
        bandFloorMinimum = bandBins.map { Float($0.count) * floorPerBin }
        fft = RealFFT(size: fftSize)
        samples = Array(repeating: 0, count: length)
        windowed = Array(repeating: 0, count: length)
        power = Array(repeating: 0, count: fftSize / 2 + 1)
        cleaned = Array(repeating: 0, count: fftSize / 2 + 1)
        correlation = Array(repeating: 0, count: fftSize)
        bandEnergy = Array(repeating: 0, count: Self.bandCount)
        noise = NoiseFloorTracker(bands: Self.bandCount)
    }

    /// Classifies the next 10 ms: exactly `hop` samples, scaled to ±1.
    public mutating func process(_ hopSamples: UnsafeBufferPointer<Float>) -> Features {
        precondition(hopSamples.count == hop)
        samples.withUnsafeMutableBufferPointer { buffer in
            let keep = windowLength - hop
            buffer.baseAddress!.update(from: buffer.baseAddress! + hop, count: keep)
            (buffer.baseAddress! + keep).update(from: hopSamples.baseAddress!, count: hop)
        }
        for n in 0..<windowLength { windowed[n] = samples[n] * window[n] }
        windowed.withUnsafeBufferPointer { input in
            power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, into: $0) }
        }

        var total: Float = 0
        for (b, bins) in bandBins.enumerated() {
            var sum: Float = 0
            for k in bins { sum += power[k] }
            bandEnergy[b] = sum
            total += sum
        }
        let levelDB = 10 * log10(max(total * levelScale, 1e-12))
        bandEnergy.withUnsafeBufferPointer { energy in
            bandFloorMinimum.withUnsafeBufferPointer { noise.update(energy, minimum: $0) }
        }

        var snrSum: Float = 0
        for b in 0..<Self.bandCount {
            let snr = 10 * log10(max(bandEnergy[b], 1e-20) / noise.floor[b])
            snrSum += min(max(snr, 0), 30)
        }
        let bandSNR = snrSum / Float(Self.bandCount)
        let periodicity = measurePeriodicity()
        let tonality = measureTonality(total: total)

        var threshold = max(2.5, min(nonSpeechMean + 3 * nonSpeechSpread, 9)) + thresholdOffset
        if periodicity > 0.6 { threshold -= 1.5 }
        let isSpeech = levelDB > Self.silenceLevel && tonality < 0.9 && bandSNR > threshold
        if !isSpeech {
            // About one second of memory: long enough to be steady, short enough to follow the call.
            let a: Float = 0.99
            let deviation = abs(bandSNR - nonSpeechMean)
            nonSpeechMean = a * nonSpeechMean + (1 - a) * bandSNR
            nonSpeechSpread = a * nonSpeechSpread + (1 - a) * deviation
        }
        return Features(bandSNR: bandSNR, periodicity: periodicity, tonality: tonality,
                        levelDB: levelDB, threshold: threshold, isSpeech: isSpeech)
    }

    /// Normalised autocorrelation peak at pitch lags, of the band with its noise floor removed.
    private mutating func measurePeriodicity() -> Float {
        for k in cleaned.indices { cleaned[k] = 0 }
        for (b, bins) in bandBins.enumerated() {
            let floorPerBin = noise.floor[b] / Float(bins.count)
            for k in bins { cleaned[k] = max(power[k] - floorPerBin, 0) }
        }
        cleaned.withUnsafeBufferPointer { spectrum in
            correlation.withUnsafeMutableBufferPointer { fft.inverseOfRealEven(spectrum, into: $0) }
        }
        let r0 = correlation[0]
        guard r0 > 0 else { return 0 }
        var best: Float = 0
        for lag in lagRange {
            best = max(best, correlation[lag] / (r0 * windowCorrelation[lag]))
        }
        return min(best, 1)
    }

    /// The share of band energy in the two strongest spectral peaks (each ± the Hann main lobe).
    private func measureTonality(total: Float) -> Float {
        guard total > 0 else { return 0 }
        let lo = bandBins.first!.lowerBound, hi = bandBins.last!.upperBound
        // The main lobe of a Hann window is ±2 bins of the unpadded transform: ±4 here.
        let lobe = 4
        var peaksEnergy: Float = 0
        var taken = [Range<Int>]()
        for _ in 0..<2 {
            var peak = -1
            var peakPower: Float = 0
            for k in lo..<hi where power[k] > peakPower && !taken.contains(where: { $0.contains(k) }) {
                peak = k
                peakPower = power[k]
            }
            guard peak >= 0 else { break }
            let span = max(lo, peak - lobe)..<min(hi, peak + lobe + 1)
            for k in span where !taken.contains(where: { $0.contains(k) }) { peaksEnergy += power[k] }
            taken.append(span)
        }
        return peaksEnergy / total
    }
}

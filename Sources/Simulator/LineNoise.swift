import Foundation
import Audio

/// White hiss on the caller's line at a signal-to-noise ratio: mixed into every frame the
/// caller sends, silence included, as a poor telephone line sounds.
///
/// The noise level is set against the caller's speech: its RMS over the first utterance
/// queued (until then, 2600, about -22 dBFS, espeak-ng's usual level). The generator is
/// seeded, so a scenario sounds the same every run.
struct LineNoise: Sendable {
    let snrDecibels: Double
    private(set) var noiseRMS: Double
    private var speechMeasured = false
    private var random: SplitMix64

    static let defaultSpeechRMS = 2600.0

    init(snrDecibels: Double, seed: UInt64 = 0x5EED) {
        self.snrDecibels = snrDecibels
        noiseRMS = Self.defaultSpeechRMS / Self.ratio(snrDecibels)
        random = SplitMix64(seed: seed)
    }

    private static func ratio(_ decibels: Double) -> Double { pow10(decibels / 20) }

    private static func pow10(_ x: Double) -> Double { exp(x * log(10)) }

    /// Sets the level from the first utterance the caller says (its samples louder than a
    /// whisper, so pauses inside it do not lower the speech level).
    mutating func heard(speech mulaw: [UInt8]) {
        guard !speechMeasured else { return }
        var sum = 0.0, count = 0.0
        for byte in mulaw {
            let sample = Double(MuLaw.decode(byte))
            if abs(sample) > 100 { sum += sample * sample; count += 1 }
        }
        guard count > 0 else { return }
        speechMeasured = true
        noiseRMS = (sum / count).squareRoot() / Self.ratio(snrDecibels)
    }

    /// Adds noise to one µ-law frame.
    mutating func mix(_ frame: inout [UInt8]) {
        // Uniform noise in ±a has an RMS of a/√3.
        let amplitude = noiseRMS * 3.0.squareRoot()
        for index in frame.indices {
            let noise = (random.nextUnit() * 2 - 1) * amplitude
            let sample = Double(MuLaw.decode(frame[index])) + noise
            frame[index] = MuLaw.encode(Int16(max(-32768, min(32767, sample))))
        }
    }
}

/// A small, fast, seeded generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

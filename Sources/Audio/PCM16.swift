import Foundation

/// Signed 16-bit little-endian PCM, the audio every stage speaks internally.
public enum PCM16 {
    public static func samples(_ bytes: some Collection<UInt8>) -> [Int16] {
        var samples = [Int16]()
        samples.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let low = iterator.next(), let high = iterator.next() {
            samples.append(Int16(bitPattern: UInt16(low) | UInt16(high) << 8))
        }
        return samples
    }

    public static func bytes(_ samples: some Collection<Int16>) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(samples.count * 2)
        for sample in samples {
            let bits = UInt16(bitPattern: sample)
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
        }
        return bytes
    }

    /// Root-mean-square level relative to full scale (32768), in dB; nil for no samples, and
    /// -∞ is reported as `floor` for digital silence.
    public static func rmsDBFS(_ samples: some Collection<Int16>, floor: Double = -120) -> Double? {
        guard !samples.isEmpty else { return nil }
        var sum = 0.0
        for sample in samples { sum += Double(sample) * Double(sample) }
        let rms = (sum / Double(samples.count)).squareRoot() / 32768
        return rms > 0 ? max(20 * log10(rms), floor) : floor
    }

    /// Float samples in [-1, 1] → Int16, clipped and rounded.
    public static func fromFloat(_ value: Float) -> Int16 {
        let scaled = (value * 32768).rounded()
        return Int16(max(-32768, min(32767, scaled)))
    }
}

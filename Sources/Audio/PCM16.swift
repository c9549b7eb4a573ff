import Foundation

/// Signed 16-bit little-endian PCM, the audio every stage speaks internally.
public enum PCM16 {
    public static func samples(_ bytes: [UInt8]) -> [Int16] {
        let count = bytes.count / 2
        return [Int16](unsafeUninitializedCapacity: count) { out, initialized in
            bytes.withUnsafeBufferPointer { input in
                for i in 0..<count { out[i] = Int16(bitPattern: UInt16(input[2 * i]) | UInt16(input[2 * i + 1]) << 8) }
            }
            initialized = count
        }
    }

    public static func bytes(_ samples: [Int16]) -> [UInt8] {
        let count = samples.count
        return [UInt8](unsafeUninitializedCapacity: count * 2) { out, initialized in
            samples.withUnsafeBufferPointer { input in
                for i in 0..<count {
                    let bits = UInt16(bitPattern: input[i])
                    out[2 * i] = UInt8(truncatingIfNeeded: bits)
                    out[2 * i + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                }
            }
            initialized = count * 2
        }
    }

    /// Root-mean-square level relative to full scale (32768), in dB; nil for no samples, and
    /// -∞ is reported as `floor` for digital silence.
    public static func rmsDBFS(_ samples: [Int16], floor: Double = -120) -> Double? {
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

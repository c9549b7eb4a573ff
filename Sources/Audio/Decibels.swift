/// 10·log10 of a power ratio, without calling the C library: a detector takes one per band per
/// frame, and `log10f` was a tenth of its time.
///
/// The exponent comes straight from the float's bits; log2 of the mantissa (1 ≤ m < 2) from a
/// degree-5 polynomial in m − 1, least-squares fitted: at most 9·10⁻⁵ dB from the exact value.
public enum Decibels {
    @inlinable @inline(__always)
    public static func power(_ ratio: Float) -> Float {
        guard ratio > 0, ratio.isFinite else { return ratio == 0 ? -.infinity : 10 * log10Exact(ratio) }
        let bits = ratio.bitPattern
        let exponent = Float(Int32(bitPattern: (bits >> 23) & 0xFF) - 127)
        guard exponent > -127 else { return 10 * log10Exact(ratio) }  // subnormal
        return power(SIMD4(repeating: ratio))[0]
    }

    /// Four at a time, for ratios that are positive, finite and normal (clamp them first).
    @inlinable @inline(__always)
    public static func power(_ ratio: SIMD4<Float>) -> SIMD4<Float> {
        let bits = unsafeBitCast(ratio, to: SIMD4<UInt32>.self)
        let exponent = SIMD4<Float>(SIMD4<Int32>(truncatingIfNeeded: (bits &>> 23) & 0xFF)) - 127
        let t = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F80_0000, to: SIMD4<Float>.self) - 1
        var p = SIMD4<Float>(repeating: 0.045885527)
        p = p * t + SIMD4<Float>(repeating: -0.19442267)
        p = p * t + SIMD4<Float>(repeating: 0.41542195)
        p = p * t + SIMD4<Float>(repeating: -0.7086821)
        p = p * t + SIMD4<Float>(repeating: 1.4418258)
        // 10·log10(2) = 3.0103
        return (exponent + p * t) * SIMD4<Float>(repeating: 3.0102999566)
    }

    @usableFromInline
    static func log10Exact(_ x: Float) -> Float {
        Float(Foundation.log10(Double(x)))
    }
}

import Foundation

import Foundation

/// A radix-2 FFT for real signals of one fixed size, with its tables computed once.
///
/// A real sequence of N samples is transformed as N/2 complex samples (even samples as the real
/// part, odd ones as the imaginary part) and then untangled: half the work of a complex FFT of
/// size N. Nothing here allocates after `init`.
public struct RealFFT: Sendable {
    public let size: Int
    private let half: Int
    /// e^(-2πi k/half) for the half-size complex FFT, k < half/2.
    private let twiddleRe: [Float]
    private let twiddleIm: [Float]
    /// e^(-2πi k/size) for untangling the packed halves, k ≤ half.
    private let untangleRe: [Float]
    private let untangleIm: [Float]
    private let bitReversed: [Int]
    private var re: [Float]
    private var im: [Float]

    /// - Parameter size: a power of two, at least 4.
    public init(size: Int) {
        precondition(size >= 4 && size & (size - 1) == 0, "FFT size must be a power of two ≥ 4, not \(size)")
        self.size = size
        half = size / 2
        let half = size / 2
        twiddleRe = (0..<max(half / 2, 1)).map { Float(cos(-2 * Double.pi * Double($0) / Double(half))) }
        twiddleIm = (0..<max(half / 2, 1)).map { Float(sin(-2 * Double.pi * Double($0) / Double(half))) }
        untangleRe = (0...half).map { Float(cos(-2 * Double.pi * Double($0) / Double(size))) }
        untangleIm = (0...half).map { Float(sin(-2 * Double.pi * Double($0) / Double(size))) }
        let bits = half.trailingZeroBitCount
        bitReversed = (0..<half).map { index in
            var reversed = 0
            for bit in 0..<bits where index & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            return reversed
        }
        re = Array(repeating: 0, count: half)
        im = Array(repeating: 0, count: half)
    }

    /// |X[k]|² for k = 0 … size/2 of `input` (size samples; missing ones are zeros).
    public mutating func powerSpectrum(of input: UnsafeBufferPointer<Float>, into power: UnsafeMutableBufferPointer<Float>) {
        precondition(power.count >= half + 1)
        let half = self.half
        re.withUnsafeMutableBufferPointer { zr in
            im.withUnsafeMutableBufferPointer { zi in
                bitReversed.withUnsafeBufferPointer { order in
                    if input.count >= size {
                        for n in 0..<half {
                            zr[order[n]] = input[2 * n]
                            zi[order[n]] = input[2 * n + 1]
                        }
                    } else {
                        for n in 0..<half {
                            zr[order[n]] = 2 * n < input.count ? input[2 * n] : 0
                            zi[order[n]] = 2 * n + 1 < input.count ? input[2 * n + 1] : 0
                        }
                    }
                }
                Self.butterflies(zr, zi, twiddleRe, twiddleIm)
                untangleRe.withUnsafeBufferPointer { ur in
                    untangleIm.withUnsafeBufferPointer { ui in
                        for k in 0...half {
                            let a = k == half ? 0 : k, b = k == 0 ? 0 : half - k
                            // E = (Z[k] + conj Z[half-k]) / 2, O = (Z[k] - conj Z[half-k]) / 2i
                            let er = (zr[a] + zr[b]) * 0.5, ei = (zi[a] - zi[b]) * 0.5
                            let or = (zi[a] + zi[b]) * 0.5, oi = (zr[b] - zr[a]) * 0.5
                            let wr = ur[k], wi = ui[k]
                            let xr = er + wr * or - wi * oi
                            let xi = ei + wr * oi + wi * or
                            power[k] = xr * xr + xi * xi
                        }
                    }
                }
            }
        }
    }

    /// Iterative decimation-in-time butterflies over `xr`/`xi`, already in bit-reversed order.
    private static func butterflies(
        _ xr: UnsafeMutableBufferPointer<Float>, _ xi: UnsafeMutableBufferPointer<Float>, _ twiddleRe: [Float], _ twiddleIm: [Float]
    ) {
        let n = xr.count
        twiddleRe.withUnsafeBufferPointer { twr in
            twiddleIm.withUnsafeBufferPointer { twi in
                var span = 1
                while span < n {
                    let step = n / (2 * span)
                    var start = 0
                    while start < n {
                        for j in 0..<span {
                            let wr = twr[j * step], wi = twi[j * step]
                            let p = start + j, q = p + span
                            let tr = xr[q] * wr - xi[q] * wi
                            let ti = xr[q] * wi + xi[q] * wr
                            xr[q] = xr[p] - tr
                            xi[q] = xi[p] - ti
                            xr[p] += tr
                            xi[p] += ti
                        }
                        start += 2 * span
                    }
                    span *= 2
                }
            }
        }
    }
}

import Foundation

/// A radix-2 FFT for real signals of one fixed size, with its tables computed once.
///
/// A real sequence of N samples is transformed as N/2 complex samples (even samples as the real
/// part, odd ones as the imaginary part) and then untangled: half the work of a complex FFT of
/// size N. The first two stages need no multiplication (their twiddles are 1 and −i) and run as
/// one pass; the others run four butterflies at a time on SIMD vectors, their twiddles laid out
/// per stage so that they load as vectors too. Nothing here allocates after `init`.
public struct RealFFT: Sendable {
    public let size: Int
    private let half: Int
    /// For every stage from span 4 on: e^(−πi j/span) for j < span, one stage after another.
    private let stageTwiddleRe: [Float]
    private let stageTwiddleIm: [Float]
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
        var twiddleRe: [Float] = [], twiddleIm: [Float] = []
        var span = 4
        while span < half {
            for j in 0..<span {
                twiddleRe.append(Float(cos(-Double.pi * Double(j) / Double(span))))
                twiddleIm.append(Float(sin(-Double.pi * Double(j) / Double(span))))
            }
            span *= 2
        }
        stageTwiddleRe = twiddleRe
        stageTwiddleIm = twiddleIm
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
        powerSpectrum(of: input, bins: 0..<(half + 1), into: power)
    }

    /// |X[k]|² for the bins asked for only (the others in `power` are left alone).
    public mutating func powerSpectrum(of input: UnsafeBufferPointer<Float>, bins: Range<Int>, into power: UnsafeMutableBufferPointer<Float>) {
        precondition(power.count >= half + 1 && bins.lowerBound >= 0 && bins.upperBound <= half + 1)
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
                stageTwiddleRe.withUnsafeBufferPointer { twr in
                    stageTwiddleIm.withUnsafeBufferPointer { twi in
                        Self.butterflies(zr.baseAddress!, zi.baseAddress!, count: half, twr.baseAddress, twi.baseAddress)
                    }
                }
                untangleRe.withUnsafeBufferPointer { ur in
                    untangleIm.withUnsafeBufferPointer { ui in
                        Self.untangle(zr.baseAddress!, zi.baseAddress!, half: half, ur.baseAddress!, ui.baseAddress!,
                                      bins: bins, into: power.baseAddress!)
                    }
                }
            }
        }
    }

    /// Iterative decimation-in-time butterflies over `xr`/`xi` (`count` values, already in
    /// bit-reversed order).
    private static func butterflies(
        _ xr: UnsafeMutablePointer<Float>, _ xi: UnsafeMutablePointer<Float>, count n: Int,
        _ twiddleRe: UnsafePointer<Float>?, _ twiddleIm: UnsafePointer<Float>?
    ) {
        guard n >= 4 else {
            let ar = xr[0], ai = xi[0], br = xr[1], bi = xi[1]
            xr[0] = ar + br; xi[0] = ai + bi
            xr[1] = ar - br; xi[1] = ai - bi
            return
        }
        // Spans 1 and 2 in one pass over groups of four: their twiddles are 1 and −i.
        var p = 0
        while p < n {
            let s0r = xr[p] + xr[p + 1], s0i = xi[p] + xi[p + 1]
            let d0r = xr[p] - xr[p + 1], d0i = xi[p] - xi[p + 1]
            let s1r = xr[p + 2] + xr[p + 3], s1i = xi[p + 2] + xi[p + 3]
            let d1r = xr[p + 2] - xr[p + 3], d1i = xi[p + 2] - xi[p + 3]
            xr[p] = s0r + s1r; xi[p] = s0i + s1i
            xr[p + 2] = s0r - s1r; xi[p + 2] = s0i - s1i
            // d1 · (−i) = (d1i, −d1r)
            xr[p + 1] = d0r + d1i; xi[p + 1] = d0i - d1r
            xr[p + 3] = d0r - d1i; xi[p + 3] = d0i + d1r
            p += 4
        }
        guard let twiddleRe, let twiddleIm else { return }
        // Spans of 4 and more: four butterflies at a time.
        var span = 4
        var stage = 0
        while span < n {
            var start = 0
            while start < n {
                var j = 0
                while j < span {
                    let p = start + j, q = p + span
                    let wr = load(twiddleRe + stage + j), wi = load(twiddleIm + stage + j)
                    let qr = load(xr + q), qi = load(xi + q)
                    let pr = load(xr + p), pi = load(xi + p)
                    let tr = qr * wr - qi * wi
                    let ti = qr * wi + qi * wr
                    store(pr - tr, xr + q); store(pi - ti, xi + q)
                    store(pr + tr, xr + p); store(pi + ti, xi + p)
                    j += 4
                }
                start += 2 * span
            }
            stage += span
            span *= 2
        }
    }

    /// The spectrum of the real input from the half-size complex one: with
    /// E = (Z[k] + conj Z[half−k]) / 2 and O = (Z[k] − conj Z[half−k]) / 2i, X[k] = E + W^k·O.
    /// Four bins at a time where Z[half−k] can be loaded as a (reversed) vector.
    private static func untangle(
        _ zr: UnsafeMutablePointer<Float>, _ zi: UnsafeMutablePointer<Float>, half: Int,
        _ ur: UnsafePointer<Float>, _ ui: UnsafePointer<Float>, bins: Range<Int>, into power: UnsafeMutablePointer<Float>
    ) {
        func one(_ k: Int) {
            let a = k == half ? 0 : k, b = k == 0 ? 0 : half - k
            let er = (zr[a] + zr[b]) * 0.5, ei = (zi[a] - zi[b]) * 0.5
            let or = (zi[a] + zi[b]) * 0.5, oi = (zr[b] - zr[a]) * 0.5
            let xr = er + ur[k] * or - ui[k] * oi
            let xi = ei + ur[k] * oi + ui[k] * or
            power[k] = xr * xr + xi * xi
        }
        var k = bins.lowerBound
        if k == 0, k < bins.upperBound { one(0); k = 1 }
        // Lanes k … k+3 pair with half−k … half−k−3, all ≥ 1.
        while k + 4 <= bins.upperBound, k + 3 <= half - 1 {
            let ar = load(zr + k), ai = load(zi + k)
            let br = reversed(load(zr + half - k - 3)), bi = reversed(load(zi + half - k - 3))
            let er = (ar + br) * 0.5, ei = (ai - bi) * 0.5
            let or = (ai + bi) * 0.5, oi = (br - ar) * 0.5
            let wr = load(ur + k), wi = load(ui + k)
            let xr = er + wr * or - wi * oi
            let xi = ei + wr * oi + wi * or
            store(xr * xr + xi * xi, power + k)
            k += 4
        }
        while k < bins.upperBound { one(k); k += 1 }
    }

    @inline(__always)
    private static func reversed(_ v: SIMD4<Float>) -> SIMD4<Float> { SIMD4(v[3], v[2], v[1], v[0]) }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    private static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD4<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Float>.self)
    }
}

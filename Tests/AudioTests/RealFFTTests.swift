import Foundation
import Resilience
import Testing
@testable import Audio

@Suite struct RealFFTTests {
    /// A direct DFT, O(N²), as the reference.
    func naivePower(_ x: [Float]) -> [Float] {
        let n = x.count
        return (0...n / 2).map { k in
            var re = 0.0, im = 0.0
            for (i, v) in x.enumerated() {
                let angle = -2 * Double.pi * Double(k * i) / Double(n)
                re += Double(v) * cos(angle)
                im += Double(v) * sin(angle)
            }
            return Float(re * re + im * im)
        }
    }

    @Test(arguments: [8, 64, 512])
    func powerSpectrumMatchesTheDirectTransform(size: Int) {
        var random = SystemRandomNumberGenerator()
        let x = (0..<size).map { _ in Float.random(in: -1...1, using: &random) }
        var fft = RealFFT(size: size)
        var power = [Float](repeating: 0, count: size / 2 + 1)
        x.withUnsafeBufferPointer { input in power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, into: $0) } }
        for (got, want) in zip(power, naivePower(x)) {
            #expect(abs(got - want) <= 1e-3 * max(1, want), "\(got) vs \(want)")
        }
    }

    @Test(arguments: [(8, 0..<5), (64, 3..<30), (256, 10..<110), (512, 1..<257)])
    func someBinsOnly(size: Int, bins: Range<Int>) {
        var random = SplitMix(seed: UInt64(size))
        let x = (0..<size).map { _ in Float.random(in: -1...1, using: &random) }
        var fft = RealFFT(size: size)
        var power = [Float](repeating: -1, count: size / 2 + 1)
        x.withUnsafeBufferPointer { input in power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, bins: bins, into: $0) } }
        let want = naivePower(x)
        for k in 0...(size / 2) {
            if bins.contains(k) {
                #expect(abs(power[k] - want[k]) <= 1e-3 * max(1, want[k]), "bin \(k): \(power[k]) vs \(want[k])")
            } else {
                #expect(power[k] == -1, "bin \(k) outside \(bins) left alone")
            }
        }
    }

    @Test func aSineLandsInItsBin() {
        let size = 256
        let x = (0..<size).map { Float(sin(2 * Double.pi * 16 * Double($0) / Double(size))) }
        var fft = RealFFT(size: size)
        var power = [Float](repeating: 0, count: size / 2 + 1)
        x.withUnsafeBufferPointer { input in power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, into: $0) } }
        #expect(power.firstIndex(of: power.max()!) == 16)
        #expect(power[16] > 1e6 * power[40])
    }
}

@Suite struct DecibelsTests {
    @Test func matchesTheLibraryWithinATenThousandthOfADecibel() {
        var x: Float = 1e-30
        while x < 1e30 {
            #expect(abs(Decibels.power(x) - 10 * log10(x)) < 1e-4, "\(x)")
            x *= 1.37
        }
        #expect(Decibels.power(1) == 0)
        #expect(Decibels.power(0) == -.infinity)
        let subnormal = Float.leastNormalMagnitude / 1000  // about 1e-41
        #expect(abs(Decibels.power(subnormal) - 10 * log10(subnormal)) < 1e-3, "subnormal")
    }
}

import Foundation
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

    @Test func inverseOfAPowerSpectrumIsTheCircularAutocorrelation() {
        let size = 64
        let x: [Float] = (0..<size).map { n in
            let wave = sin(Double(n) * 0.7)
            let steps = (Double(n % 5) - 2) * 0.1
            return Float(wave + steps)
        }
        var fft = RealFFT(size: size)
        var power = [Float](repeating: 0, count: size / 2 + 1)
        var r = [Float](repeating: 0, count: size)
        x.withUnsafeBufferPointer { input in power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, into: $0) } }
        power.withUnsafeBufferPointer { p in r.withUnsafeMutableBufferPointer { fft.inverseOfRealEven(p, into: $0) } }
        // Unscaled: the inverse carries a factor of size/2 relative to Σ x[n]·x[n+τ].
        for lag in [0, 1, 5, 9, 31] {
            var want: Float = 0
            for n in 0..<size { want += x[n] * x[(n + lag) % size] }
            #expect(abs(r[lag] / Float(size / 2) - want) <= 1e-3 * max(1, abs(want)), "lag \(lag): \(r[lag] / Float(size / 2)) vs \(want)")
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

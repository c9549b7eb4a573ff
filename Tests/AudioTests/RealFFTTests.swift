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

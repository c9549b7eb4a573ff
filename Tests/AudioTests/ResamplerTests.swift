import Foundation
import Testing
@testable import Audio

func sine(hz: Double, rate: Int, seconds: Double, amplitude: Double = 0.5) -> [Int16] {
    (0..<Int(Double(rate) * seconds)).map { Int16((amplitude * 32767 * sin(2 * .pi * hz * Double($0) / Double(rate))).rounded()) }
}

/// SNR of `signal` against `reference`, after the best alignment within ±maxLag samples
/// (the filters delay the signal), ignoring `margin` samples at each end.
func alignedSNR(_ signal: [Int16], _ reference: [Int16], maxLag: Int = 200, margin: Int = 400) -> (snr: Double, lag: Int) {
    var best = (snr: -Double.infinity, lag: 0)
    for lag in -maxLag...maxLag {
        var signalPower = 0.0
        var noisePower = 0.0
        for i in margin..<(min(reference.count, signal.count) - margin - maxLag) where i + lag >= 0 && i + lag < signal.count {
            let r = Double(reference[i])
            let e = Double(signal[i + lag]) - r
            signalPower += r * r
            noisePower += e * e
        }
        let snr = 10 * log10(signalPower / max(noisePower, 1e-9))
        if snr > best.snr { best = (snr, lag) }
    }
    return best
}

@Suite struct ResamplerTests {
    /// A 1 kHz tone 8 k → 16 k → 8 k, converted in 20 ms frames, keeps an SNR above 40 dB.
    @Test(arguments: ResamplerQuality.allCases.filter { $0 != .zeroOrderHold && $0 != .linear })
    func sineRoundTripKeepsSNR(_ quality: ResamplerQuality) throws {
        let original = sine(hz: 1000, rate: 8000, seconds: 1)
        let up = try Resampler(from: 8000, to: 16000, quality: quality)
        let down = try Resampler(from: 16000, to: 8000, quality: quality)
        var result: [Int16] = []
        for start in stride(from: 0, to: original.count, by: 160) {
            result += down.process(up.process(Array(original[start..<min(start + 160, original.count)])))
        }
        result += down.process(up.flush())
        result += down.flush()
        let (snr, _) = alignedSNR(result, original)
        #expect(snr > 40, "SNR \(snr) dB with \(quality)")
        #expect(abs(result.count - original.count) <= 2)
    }

    /// Converting frame by frame gives the same samples as converting in one piece: the
    /// filter state carries over, so there is no click at the edges.
    @Test(arguments: [(8000, 16000), (16000, 8000), (22050, 8000), (24000, 16000), (8000, 44100)])
    func framesJoinSeamlessly(from: Int, to: Int) throws {
        let signal = sine(hz: 440, rate: from, seconds: 0.5)
        let whole = try Resampler(from: from, to: to)
        let reference = whole.process(signal) + whole.flush()
        let streaming = try Resampler(from: from, to: to)
        var pieces: [Int16] = []
        var offset = 0
        var size = 1
        while offset < signal.count {
            let end = min(offset + size, signal.count)
            pieces += streaming.process(Array(signal[offset..<end]))
            offset = end
            size = size * 3 % 997 + 1  // irregular frame sizes
        }
        pieces += streaming.flush()
        #expect(pieces.count == reference.count)
        let maxDifference = zip(pieces, reference).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(maxDifference <= 1)
        // And the output is smooth: no step much larger than the signal's own.
        let maxStep = zip(pieces.dropFirst(), pieces).map { abs(Int($0) - Int($1)) }.max() ?? 0
        let bound = 0.5 * 32767 * 2 * .pi * 440 / Double(min(from, to)) * 1.5 + 64
        #expect(Double(maxStep) < bound)
    }

    @Test func rejectsImpossibleRates() {
        #expect(throws: ResamplerError.self) { try Resampler(from: 0, to: 8000) }
        #expect(throws: ResamplerError.self) { try Resampler(from: 8000, to: 8_000_000) }
    }
}

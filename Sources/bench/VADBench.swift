import ArgumentParser
import Audio
import Foundation
import Stages

/// Where the detector's time goes, per hop (`SpeechDetector.hopMs`) at 8 kHz: the FFT alone, the detector, and the
/// segmenter (pcm16 in, endpointing included), on a minute of noise with bursts of a harmonic
/// "voice" so that both branches of the detector run.
struct VADBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vad", abstract: "Detector cost per hop.")

    @Option(help: "Seconds of audio.") var seconds = 600
    @Option(help: "Runs; the fastest is reported.") var runs = 3

    func run() {
        let rate = 8000
        let count = seconds * rate
        var seed: UInt32 = 1
        let pcm: [Int16] = (0..<count).map { n in
            seed = seed &* 1_664_525 &+ 1_013_904_223
            let noise = Float(Int32(bitPattern: seed) >> 16) / 32768 * 300
            let inBurst = (n / 4000) % 3 == 0
            let t = Float(n) / Float(rate)
            let voice = inBurst ? (0..<12).reduce(Float(0)) { $0 + sin(2 * .pi * 140 * Float($1 + 1) * t) * 900 / Float($1 + 1) } : 0
            return Int16(max(-32768, min(32767, noise + voice)))
        }
        let hop = rate * SpeechDetector.hopMs / 1000
        let hops = count / hop
        let floats = pcm.map { Float($0) / 32768 }

        func best(_ body: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<runs {
                let start = DispatchTime.now()
                body()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
            }
            return best
        }

        var fft = RealFFT(size: 256)
        var power = [Float](repeating: 0, count: 129)
        let fftSeconds = best {
            floats.withUnsafeBufferPointer { all in
                power.withUnsafeMutableBufferPointer { out in
                    for h in 0..<(hops - 2) { fft.powerSpectrum(of: UnsafeBufferPointer(rebasing: all[(h * hop)..<(h * hop + 256)]), bins: 10..<110, into: out) }
                }
            }
        }
        var speech = 0
        let detectorSeconds = best {
            var detector = SpeechDetector(rate: rate)
            speech = 0
            floats.withUnsafeBufferPointer { all in
                for h in 0..<hops where detector.process(UnsafeBufferPointer(rebasing: all[(h * hop)..<(h * hop + hop)])).isSpeech { speech += 1 }
            }
        }
        let segmenterSeconds = best {
            var segmenter = SpeechSegmenter(rate: rate)
            _ = pcm.withUnsafeBufferPointer { segmenter.feed($0, ts: 0) }
        }
        let perHop = { (s: Double) in s / Double(hops) * 1e9 }
        print(String(format: "vad  per %d ms hop: FFT %.0f ns, detector %.0f ns, segmenter %.0f ns (%.3f CPU s per audio hour; %d s of 8 kHz audio, %d%% speech frames)",
                     SpeechDetector.hopMs, perHop(fftSeconds), perHop(detectorSeconds), perHop(segmenterSeconds),
                     segmenterSeconds * 3600 / Double(seconds), seconds, speech * 100 / hops))
    }
}

import ArgumentParser
import Audio
import Foundation
import Stages
import StageOptions
import ToolSupport

struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Print what the detector measured every 20 ms of a sound file, as CSV.",
        discussion: """
            For tuning and for bug reports: one line per 20 ms with the media time (ms), the \
            band level (dBFS), the band SNR over the noise floor (dB), the threshold it was \
            compared with, tonality (0-1) and the decision (1 = speech). \
            The file is resampled to --rate if it is at another rate.

            Example:
              vad features Examples/call.wav > out/call-features.csv
            """)

    @Argument(help: "A sound file (WAV, FLAC, …).", completion: .file())
    var file: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Analyse at this rate: 8000 or 16000.", valueName: "hz"))
    var rate = 8000

    @OptionGroup var detector: VADOptions

    func validate() throws {
        guard VoiceActivityDetector.rates.contains(rate) else { throw ValidationError("--rate must be 8000 or 16000, not \(rate)") }
    }

    func run() throws {
        let reader = try SoundFileReader(path: file)
        var samples = reader.readAll()
        if reader.sampleRate != rate {
            samples = try Resampler.resample(samples, from: reader.sampleRate, to: rate)
        }
        var speechDetector = SpeechDetector(rate: rate, thresholdOffset: detector.thresholdOffset)
        var out = "ms,level_db,band_snr_db,threshold_db,tonality,speech\n"
        var hop = [Float](repeating: 0, count: speechDetector.hop)
        for (index, start) in stride(from: 0, to: samples.count - hop.count + 1, by: hop.count).enumerated() {
            for n in hop.indices { hop[n] = Float(samples[start + n]) / 32768 }
            let f = hop.withUnsafeBufferPointer { speechDetector.process($0) }
            out += String(format: "%d,%.1f,%.2f,%.2f,%.3f,%d\n", index * SpeechDetector.hopMs, f.levelDB, f.bandSNR,
                          f.threshold, f.tonality, f.isSpeech ? 1 : 0)
        }
        try TextOutput.write(out)
    }
}

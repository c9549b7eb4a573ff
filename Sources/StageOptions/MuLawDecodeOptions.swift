import ArgumentParser
import Audio
import Logging
import Stages
import SwitchboardCore

/// `mulaw-decode`: where caller audio comes from, and the pcm16 it becomes.
///
/// The input options (`-i`, `--format`, `--frame-ms`, `--realtime`) say where the frames come
/// from, which is the binding's business (the executable's stdin, or the graph's source); the
/// stage itself only converts.
public struct MuLawDecodeOptions: StageOptionSet {
    public static let toolName = "mulaw-decode"

    public enum InputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
        case auto, twilio, raw, frames
    }

    @Option(name: [.short, .customLong("input")], help: ArgumentHelp(
        "Read this sound file (WAV, FLAC, Ogg, AIFF, AU; .ulaw/.raw as 8 kHz µ-law) instead of stdin.",
        valueName: "file"), completion: .file())
    public var inputFile: String?

    @Option(help: "Input format on stdin.")
    public var format: InputFormat = .auto

    @Option(parsing: .unconditional, help: ArgumentHelp("Sample rate of the pcm16 output, in Hz.", valueName: "hz"))
    var rate = 16000

    @Option(help: "Resampler quality: best, medium, fastest, linear or zoh.")
    var quality: ResamplerQuality = .default

    @Option(parsing: .unconditional, help: ArgumentHelp("Duration of the audio frames cut from files and raw input, and of resampled frames, in ms.", valueName: "ms"))
    public var frameMs = 20

    @Flag(help: "Send audio no faster than real time, as a live call would (for feeding live stages).")
    public var realtime = false

    public init() {}

    public func validate() throws {
        guard (1000...384_000).contains(rate) else { throw ValidationError("--rate must be from 1000 to 384000 Hz, not \(rate)") }
        guard (1...1000).contains(frameMs) else { throw ValidationError("--frame-ms must be from 1 to 1000, not \(frameMs)") }
        if inputFile != nil, format != .auto {
            throw ValidationError("--format describes stdin; it cannot be used with --input")
        }
    }

    public func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage {
        MuLawDecoder(outputRate: rate, quality: quality, frameMs: frameMs)
    }
}

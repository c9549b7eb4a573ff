import ArgumentParser
import Audio
import Logging
import Stages
import SwitchboardCore

/// `mulaw-encode`: how agent audio becomes 8 kHz µ-law, and where it goes.
///
/// The output options (`-o`, `--format`, `--stream-sid`) say where the frames go, which is the
/// binding's business (the executable's stdout, or the graph's sink); the stage itself only
/// converts and paces.
public struct MuLawEncodeOptions: StageOptionSet {
    public static let toolName = "mulaw-encode"

    public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
        case frames, twilio, raw
    }

    @Option(help: "Output format on stdout.")
    public var format: OutputFormat = .frames

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write the audio to this sound file instead of stdout.", valueName: "file"), completion: .file())
    public var outputFile: String?

    @Option(help: ArgumentHelp("Stream SID for Twilio messages (default: from the start event).", valueName: "sid"))
    public var streamSid: String?

    @Flag(help: "Send audio at real time instead of as fast as possible.")
    var pace = false

    @Option(parsing: .unconditional, help: ArgumentHelp("With --pace: how far ahead of real time audio may be sent, in ms.", valueName: "ms"))
    var leadMs = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Duration of each µ-law frame, in ms.", valueName: "ms"))
    var frameMs = 20

    @Option(help: "Resampler quality: best, medium, fastest, linear or zoh.")
    var quality: ResamplerQuality = .default

    public init() {}

    public func validate() throws {
        guard (1...1000).contains(frameMs) else { throw ValidationError("--frame-ms must be from 1 to 1000, not \(frameMs)") }
        guard (0...60_000).contains(leadMs) else { throw ValidationError("--lead-ms must be from 0 to 60000, not \(leadMs)") }
        if outputFile != nil, format != .frames {
            throw ValidationError("--format describes stdout; it cannot be used with --output")
        }
    }

    public func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage {
        MuLawEncoder(pace: pace, leadMs: leadMs, frameMs: frameMs, quality: quality)
    }
}

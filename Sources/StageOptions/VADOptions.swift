import ArgumentParser
import Logging
import Stages
import SwitchboardCore

/// `vad`: the detector and endpointing options, which the stage, `vad eval` and `vad features`
/// share.
public struct VADOptions: StageOptionSet {
    public static let toolName = "vad"

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "How readily noise is taken for speech: 0 (most sensitive) to 3 (strictest), like webrtcvad's modes.",
        valueName: "0-3"))
    var aggressiveness: Int = 1

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Fine tuning on top of --aggressiveness: dB added to the adaptive band-SNR threshold (may be negative).",
        valueName: "dB"))
    var threshold: Float = 0

    @Option(help: ArgumentHelp("Speech needed before an utterance starts; shorter noises are ignored.", valueName: "ms"))
    var minSpeechMs = Endpointer.Settings().minSpeechMs

    @Option(help: ArgumentHelp("Silence after which an utterance ends (the endpointing delay).", valueName: "ms"))
    var silenceMs = Endpointer.Settings().silenceMs

    @Option(help: ArgumentHelp("How far before the detected onset the start event is placed.", valueName: "ms"))
    var preRollMs = Endpointer.Settings().preRollMs

    public init() {}

    public func validate() throws {
        guard (0...3).contains(aggressiveness) else { throw ValidationError("--aggressiveness must be 0, 1, 2 or 3, not \(aggressiveness)") }
        guard (-20...20).contains(threshold) else { throw ValidationError("--threshold must be from -20 to 20 dB, not \(threshold)") }
        guard (10...2000).contains(minSpeechMs) else { throw ValidationError("--min-speech-ms must be from 10 to 2000, not \(minSpeechMs)") }
        guard (20...10_000).contains(silenceMs) else { throw ValidationError("--silence-ms must be from 20 to 10000, not \(silenceMs)") }
        guard (0...1000).contains(preRollMs) else { throw ValidationError("--pre-roll-ms must be from 0 to 1000, not \(preRollMs)") }
    }

    /// Each step of aggressiveness raises the threshold by 1.5 dB, mode 1 being the default.
    public var thresholdOffset: Float { Float(aggressiveness - 1) * 1.5 + threshold }

    public var endpointing: Endpointer.Settings {
        Endpointer.Settings(minSpeechMs: minSpeechMs, silenceMs: silenceMs, preRollMs: preRollMs)
    }

    public func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage {
        VoiceActivityDetector(thresholdOffset: thresholdOffset, endpointing: endpointing)
    }
}

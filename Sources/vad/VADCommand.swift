import ArgumentParser
import Stages
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

/// `vad` runs the stage itself: its options are the root command's, so that `vad --help`
/// shows them (a default subcommand would hide them behind a list of subcommands). `eval` and
/// `features` share the detector options through the same option group.
@main
struct VADCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vad",
        abstract: "Find where the caller speaks: pass audio on, add vad start/end events.",
        usage: """
            vad [<detector options>] [--text] [--log-level <level>]
            vad eval [--corpus <dir>] [--detections <file>] [--json] [<detector options>]
            vad features [--rate <hz>] [<detector options>] <file>
            """,
        discussion: """
            Reads frames on stdin: pcm16 audio at 8000 or 16000 Hz, as mulaw-decode writes it. \
            Every frame is passed on unchanged; after the audio in which a decision fell, a \
            `vad` event is added:
              {"type":"vad","event":"start","ts":1240}   caller speech began at 1240 ms
              {"type":"vad","event":"end","ts":2980}     it ended at 2980 ms (sent --silence-ms later)
            `ts` is media time of the audio, not the time of the decision. A `start` event (new \
            call) makes the detector learn the noise floor afresh; `stop` closes an open \
            utterance, is passed on, and ends the stage. Audio in another format is passed on \
            with an `error` event naming the expected format.

            The detector decides every 20 ms from the telephone band (300-3400 Hz): the energy \
            of 16 bands against each band's adaptive noise floor (band SNR) must cross a \
            threshold that rises with the line's recent noise; a tone (ringback, DTMF: nearly \
            all the energy in one or two spectral peaks) is not speech. It learns each call's \
            noise within about a second.

            `vad eval` scores the detector on a labelled corpus; `vad features` prints what it \
            measured in a sound file. See vad(1).

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, 70 internal error.

            Examples:
              mulaw-decode -i Examples/call.wav | vad | switchboard dump
              mulaw-decode -i Examples/call.wav --rate 8000 |
                vad --silence-ms 600 --aggressiveness 2 --text |
                jq -c 'select(.type=="vad")'
            """,
        version: SwitchboardVersion.current,
        subcommands: [EvalCommand.self, FeaturesCommand.self, RunCommand.self])

    @OptionGroup(title: "Detector options") var options: VADOptions
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "vad")
        let stage = try StageFailure.exitingOnFailure(logger: logger) {
            try options.makeStage(resources: SharedResources(), logger: logger)
        }
        try await StdioBinding.run(stage, encoding: frameOutput.encoding, logger: logger).exit()
    }
}

/// `vad run`: what `vad` alone did as its default subcommand, kept for the command lines that
/// name it; not listed. The options stand on the root command, which parses them wherever they
/// are written, so this only runs the root.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The same as `vad` alone (kept for older command lines).",
        shouldDisplay: false)

    @ParentCommand var vad: VADCommand

    func run() async throws { try await vad.run() }
}

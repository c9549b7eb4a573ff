import ArgumentParser
import Stages
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

@main
struct VADCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vad",
        abstract: "Find where the caller speaks: pass audio on, add vad start/end events.",
        discussion: """
            With no subcommand, `vad` runs the stage (`vad run`): it reads frames on stdin and \
            writes them on stdout, adding `vad` events. `vad eval` scores the detector on a \
            labelled corpus. See vad(1).
            """,
        version: SwitchboardVersion.current,
        subcommands: [RunCommand.self, EvalCommand.self, FeaturesCommand.self],
        defaultSubcommand: RunCommand.self)
}

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Detect speech in a frame stream (the default subcommand).",
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

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, 70 internal error.

            Examples:
              mulaw-decode -i Examples/call.wav | vad | switchboard dump
              mulaw-decode -i Examples/call.wav --rate 8000 |
                vad --silence-ms 600 --aggressiveness 2 --text |
                jq -c 'select(.type=="vad")'
            """)

    @OptionGroup var options: VADOptions
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

import ArgumentParser
import Audio
import Logging
import Stages
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

@main
struct MuLawDecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mulaw-decode",
        abstract: "Turn caller audio into pcm16 frames: the first stage of a Switchboard call.",
        discussion: """
            Reads Twilio Media Streams messages, raw 8 kHz µ-law, Switchboard frames, or (with -i) \
            any sound file, and writes pcm16 audio frames at --rate on stdout, with `start`, `stop`, \
            `mark` and `dtmf` events. Frames it does not convert pass through unchanged.

            Input formats (--format):
              auto    look at the first bytes: Twilio JSON, frames, or raw µ-law (default)
              twilio  one Twilio message per line: connected, start, media, mark, dtmf, stop
              raw     headerless 8 kHz µ-law bytes, cut into --frame-ms frames
              frames  Switchboard frames; µ-law audio is decoded, other rates are resampled

            Time stamps (`ts`, ms) come from Twilio's media timestamps, or else from the sample \
            count. Bad input (malformed JSON, bad base64, …) becomes an `error` event and reading \
            goes on.

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, 66 the input \
            file cannot be read, 70 internal error.

            Examples:
              mulaw-decode -i Examples/call.wav | switchboard dump
              mulaw-decode -i Examples/call.wav --rate 8000 |
                mulaw-encode --format twilio > out/call.twilio.jsonl
              mulaw-decode --format twilio < out/call.twilio.jsonl | vad |
                switchboard dump --no-audio
              mulaw-decode -i Examples/call.wav --realtime --rate 8000 | vad |
                switchboard dump --no-audio
            """,
        version: SwitchboardVersion.current)

    @OptionGroup var options: MuLawDecodeOptions
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "mulaw-decode")
        let (decoder, source) = try StageFailure.exitingOnFailure(logger: logger) {
            let decoder = try options.makeStage(resources: SharedResources(), logger: logger)
            return (decoder, try CallerSource.open(options, stage: decoder.name))
        }
        let output = FrameWriter(fileDescriptor: 1, encoding: frameOutput.encoding)
        let status: ExitStatus =
            switch source {
            case .soundFile(let frames): await run(decoder, frames, output, logger: logger)
            case .twilio(let frames): await run(decoder, frames, output, logger: logger)
            case .raw(let frames): await run(decoder, frames, output, logger: logger)
            case .frames(let frames): await run(decoder, frames, output, logger: logger)
            }
        try (status == .ok && source.sawDataError ? .dataError : status).exit()
    }

    private func run(_ decoder: some Stage, _ source: some AsyncSequence<Frame, Never> & Sendable, _ output: FrameWriter, logger: Logger) async -> ExitStatus {
        options.realtime
            ? await StdioBinding.run(decoder, input: RealtimePaced(source), output: output, logger: logger)
            : await StdioBinding.run(decoder, input: source, output: output, logger: logger)
    }
}

import ArgumentParser
import Audio
import Logging
import Stages
import StageOptions
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
              mulaw-decode -i call.wav | switchboard dump
              mulaw-decode --format twilio < twilio-messages.jsonl | vad
              mulaw-decode -i call.wav --realtime --rate 8000 | stt-stream
            """)

    @OptionGroup var options: MuLawDecodeOptions
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "mulaw-decode")
        let decoder = try StageFailure.exitingOnFailure(logger: logger) {
            try options.makeStage(resources: SharedResources(), logger: logger)
        }
        let output = FrameWriter(fileDescriptor: 1, encoding: frameOutput.encoding)

        if let inputFile = options.inputFile {
            let source: FramedAudio<SoundFileBytes>
            do {
                source = try FramedAudio(soundFile: inputFile, frameMs: options.frameMs)
            } catch {
                logger.error("\(error)")
                try ExitStatus.noInput.exit()
            }
            try await finish(decoder, source, output, logger: logger)
        }

        var kind: InputKind
        var prefix: [UInt8] = []
        switch options.format {
        case .twilio: kind = .twilio
        case .raw: kind = .raw
        case .frames: kind = .frames
        case .auto: (kind, prefix) = InputSniffer.sniff(fileDescriptor: 0)
        }
        let chunks = ByteChunks(fileDescriptor: 0, prefix: prefix)
        switch kind {
        case .twilio:
            try await finish(decoder, TwilioMessageFrames(chunks: chunks), output, logger: logger)
        case .raw:
            let raw = FramedAudio(bytes: chunks, codec: .mulaw, rate: 8000, source: "stdin", frameMs: options.frameMs)
            try await finish(decoder, raw, output, logger: logger)
        case .frames:
            let reader = FrameReader(chunks: chunks, stage: decoder.name)
            try await finish(decoder, reader, output, logger: logger, truncated: { reader.status.sawTruncatedPayload })
        case .soundFile(let container):
            logger.error("stdin holds a \(container) file: read it with -i FILE")
            try ExitStatus.usage.exit()
        }
    }

    private func finish(
        _ decoder: some Stage, _ source: some AsyncSequence<Frame, Never> & Sendable, _ output: FrameWriter,
        logger: Logger, truncated: () -> Bool = { false }
    ) async throws -> Never {
        let status: ExitStatus =
            options.realtime
            ? await StdioBinding.run(decoder, input: RealtimePaced(source), output: output, logger: logger)
            : await StdioBinding.run(decoder, input: source, output: output, logger: logger)
        try (status == .ok && truncated() ? .dataError : status).exit()
    }
}

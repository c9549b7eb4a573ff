import ArgumentParser
import Audio
import Logging
import Stages
import SwitchboardCore
import ToolSupport

@main
struct MuLawEncodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mulaw-encode",
        abstract: "Turn agent audio frames into 8 kHz µ-law for Twilio: the last stage of a call.",
        discussion: """
            Reads frames on stdin, resamples audio of any rate to 8000 Hz, encodes it as µ-law \
            and cuts it into --frame-ms pieces.

            Output formats (--format):
              frames  Switchboard frames: µ-law audio, events passed through (default)
              twilio  Twilio Media Streams messages, one per line: media, mark, clear
              raw     headerless µ-law bytes only
            With -o FILE the audio goes to a sound file instead, its format from the extension: \
            .wav, .au, .caf and .ulaw/.raw keep the µ-law bytes; .flac and .aiff store 16-bit \
            PCM, .ogg Vorbis. Events cannot go into those outputs: `error` events are printed on \
            stderr instead.

            A `start` event is rewritten to say mulaw/8000. `mark` events on the input are \
            Twilio's echoes of played audio and end here. Each `spoken` event becomes a `mark` named t<turn>.s<index>, sent right after that \
            sentence's audio; Twilio echoes it back once the caller has heard it. A \
            `response.end` of turn N that was not interrupted becomes a mark named t<N>.end after \
            the turn's last audio, so its echo means the whole answer was heard. An `interrupt` \
            drops all queued audio of turns up to its `turn` and is sent on at once (as `clear` \
            in Twilio format). The stream SID for Twilio messages comes from the `start` event \
            or --stream-sid.

            With --pace, audio leaves at real time, at most --lead-ms ahead, so that an interrupt \
            can still take back what has not been sent. About ten seconds of audio wait in the \
            queue; beyond that, input is read as the audio plays.

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, \
            73 the output file cannot be written, 70 internal error.

            Examples:
              mulaw-decode -i call.wav | mulaw-encode -o call-8k.wav
              tts-cache < sentences | mulaw-encode --format twilio --stream-sid MZ123
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case frames, twilio, raw
    }

    @Option(help: "Output format on stdout.")
    var format: OutputFormat = .frames

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write the audio to this sound file instead of stdout.", valueName: "file"), completion: .file())
    var outputFile: String?

    @Option(help: ArgumentHelp("Stream SID for Twilio messages (default: from the start event).", valueName: "sid"))
    var streamSid: String?

    @Flag(help: "Send audio at real time instead of as fast as possible.")
    var pace = false

    @Option(help: ArgumentHelp("With --pace: how far ahead of real time audio may be sent, in ms.", valueName: "ms"))
    var leadMs = 100

    @Option(help: ArgumentHelp("Duration of each µ-law frame, in ms.", valueName: "ms"))
    var frameMs = 20

    @Option(help: "Resampler quality: best, medium, fastest, linear or zoh.")
    var quality: ResamplerQuality = .default

    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard (1...1000).contains(frameMs) else { throw ValidationError("--frame-ms must be from 1 to 1000, not \(frameMs)") }
        guard (0...60_000).contains(leadMs) else { throw ValidationError("--lead-ms must be from 0 to 60000, not \(leadMs)") }
        if outputFile != nil, format != .frames {
            throw ValidationError("--format describes stdout; it cannot be used with --output")
        }
    }

    func run() async throws {
        let logger = log.makeLogger(label: "mulaw-encode")
        let encoder = MuLawEncoder(pace: pace, leadMs: leadMs, frameMs: frameMs, quality: quality)
        let input = FrameReader(fileDescriptor: 0, stage: encoder.name)
        let status: ExitStatus
        if let outputFile {
            let sink: SoundFileSink
            do {
                sink = try SoundFileSink(path: outputFile, sampleRate: MuLawEncoder.rate, logger: logger)
            } catch {
                logger.error("\(error)")
                try ExitStatus.cannotCreate.exit()
            }
            status = await StdioBinding.run(encoder, input: input, output: sink, logger: logger)
        } else {
            switch format {
            case .frames:
                let sink = FrameWriter(fileDescriptor: 1, encoding: frameOutput.encoding)
                status = await StdioBinding.run(encoder, input: input, output: sink, logger: logger)
            case .twilio:
                let sink = TwilioMessageWriter(fileDescriptor: 1, streamSid: streamSid, logger: logger)
                status = await StdioBinding.run(encoder, input: input, output: sink, logger: logger)
            case .raw:
                status = await StdioBinding.run(encoder, input: input, output: RawAudioWriter(fileDescriptor: 1, logger: logger), logger: logger)
            }
        }
        try (status == .ok && input.status.sawTruncatedPayload ? .dataError : status).exit()
    }
}

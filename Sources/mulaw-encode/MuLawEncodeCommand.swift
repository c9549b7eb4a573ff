import ArgumentParser
import Audio
import Logging
import Stages
import StageOptions
import Stdio
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
              mulaw-decode -i Examples/call.wav | mulaw-encode -o out/call-8k.wav
              mulaw-decode -i Examples/call.wav |
                mulaw-encode --pace --format twilio --stream-sid MZ123
              echo '{"type":"spoken","turn":1,"index":0,"text":"Hi."}' |
                mulaw-encode --format twilio --stream-sid MZ123
            """,
        version: SwitchboardVersion.current)

    @OptionGroup var options: MuLawEncodeOptions
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "mulaw-encode")
        let (encoder, output) = try StageFailure.exitingOnFailure(logger: logger) {
            (try options.makeStage(resources: SharedResources(), logger: logger),
             try CallDestination.open(options, encoding: frameOutput.encoding, logger: logger))
        }
        let input = FrameReader(fileDescriptor: 0, stage: encoder.name)
        let status = await StdioBinding.run(encoder, input: input, output: output, logger: logger)
        try (status == .ok && input.status.sawDataError ? .dataError : status).exit()
    }
}

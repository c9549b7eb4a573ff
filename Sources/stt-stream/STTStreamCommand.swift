import ArgumentParser
import Stages
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

/// `stt-stream` runs the stage itself (its options are the root command's, so `--help` shows
/// them); `eval` scores the engines on a corpus.
@main
struct STTStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stt-stream",
        abstract: "Recognize the caller: audio and vad events in, transcript events out.",
        usage: """
            stt-stream [<options>] [--text] [--log-level <level>]
            stt-stream eval [--corpus <dir>] [--modes <list>] [--json]
            """,
        discussion: """
            Reads frames on stdin: pcm16 (or µ-law) audio and the `vad` events of `vad`. Each \
            caller utterance — from --pre-roll-ms before `vad start` to `vad end` — goes to the \
            engines, and comes back as `transcript` events:
              {"type":"transcript","text":"tomorrow at ten","final":true,"endpoint":true,
               "confidence":0.91,"ts":10240,"end":11820,"engine":"pocketsphinx"}
            Interims (`final:false`) while the caller speaks, finals as they settle, and \
            `endpoint:true` exactly once per utterance, on its last final. The audio is consumed \
            (--pass-audio sends it on too); every other frame is passed on in order.

            Engines: pocketsphinx (built in, Debian's en-us model: 16 kHz, so 8 kHz calls are \
            resampled), deepgram (the live WebSocket, key in $DEEPGRAM_API_KEY; µ-law goes as \
            it is), whisper (any OpenAI-compatible /v1/audio/transcriptions server, one request \
            per utterance). --engine deepgram,pocketsphinx fails over: the next engine hears the \
            unanswered utterance from its beginning. --engine pocketsphinx+deepgram runs both on \
            the same audio and picks one final per utterance: the one that reads as what the \
            dialogue asked for (a date, a time, yes/no, a known name), else the more confident; \
            the other rides along in `alternatives`, and a `stt.pick` trace says why.

            Grammars: free-form telephone speech is hard for this model. With --grammar FILE \
            (JSGF) or --grammar-from-script FILE (the grammar `llm-stream grammar` writes), \
            pocketsphinx can only hear what the grammar allows; a `listen` event from llm-stream \
            narrows the next utterance to its state's rule ("yes" after "Shall I book it?" is \
            chosen among yes/no answers). --fallback-search recognizes free-form when the grammar \
            match is poor.

            Traces: `stt.final_latency` (ms from `vad end` to an engine's last final, per engine), \
            `stt.pick` (a competition's winner and reason).

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, 69 every \
            engine failed, 78 bad configuration (missing API key or model, malformed grammar).

            Examples:
              mulaw-decode -i Examples/call.wav | vad |
                stt-stream --grammar-from-script Examples/receptionist.yaml |
                jq -c 'select(.type=="transcript")'
              mulaw-decode -i Examples/call.wav | vad |
                stt-stream --engine deepgram,pocketsphinx --text  # needs: DEEPGRAM_API_KEY
            """,
        version: SwitchboardVersion.current,
        subcommands: [EvalCommand.self])

    @OptionGroup var options: STTStreamOptions
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "stt-stream")
        let stage = try StageFailure.exitingOnFailure(logger: logger) { try options.makeStage(resources: SharedResources(), logger: logger) }
        try await StdioBinding.run(stage, encoding: frameOutput.encoding, logger: logger).exit()
    }
}

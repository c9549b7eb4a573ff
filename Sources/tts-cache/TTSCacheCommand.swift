import ArgumentParser
import Stages
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

/// `tts-cache` runs the stage itself (its options are the root command's, so `--help` shows
/// them); `warm` fills the cache ahead of calls and `stats` reports on it.
@main
struct TTSCacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tts-cache",
        abstract: "Speak the agent's sentences: audio from a cache of synthesized clips, or from the engines as they make it.",
        usage: """
            tts-cache [<options>] [--text] [--log-level <level>]
            tts-cache --normalize-only [--lexicon <file>] [--voice <name>]
            tts-cache warm (--phrases <file> | --script <file>) [<options>]
            tts-cache stats [--cache dir|redis] [--cache-dir <dir>] [--redis-url <url>] [--json]
            """,
        discussion: """
            Reads frames on stdin. Each `sentence` event (and each plain line of text) becomes \
            its audio, in 20 ms frames tagged with the sentence's turn, followed by a `spoken` event:
              {"type":"spoken","turn":1,"index":0,"text":"Thanks for calling.","said":"Thanks for calling.",
               "ms":1130,"cache":"hit","engine":"espeak","words":[{"text":"Thanks","ms":0},…]}
            Everything else is passed on in order. An `interrupt` of turn N stops the sentence \
            being synthesized if its turn is N or earlier, drops queued sentences of those \
            turns, and is passed on ahead of them; nothing partial is cached.

            Text is first made fit to speak (--no-normalize: as written): Markdown, emoji and \
            symbols out; money, percentages, ordinals, times, dates, phone numbers, units, \
            e-mail and web addresses in words, in English or (with a Hindi voice, or for \
            Devanagari) Hindi; then --lexicon's pronunciations. `spoken.text` keeps what was \
            written, `spoken.said` what was synthesized; --normalize-only prints the latter.

            The cache key is a SHA-256 of the text as said (Unicode NFC, white space collapsed), the \
            engine, its voice settings, the codec and the rate. A hit is sent at once, \
            exactly the bytes and word offsets the engine first produced; a miss streams the \
            engine's audio as it comes and stores the clip once it is whole. Stored clips are \
            checked (length and SHA-256) on every read: a damaged one is an `error` event, is \
            removed, and is synthesized again. With --cache redis, a Redis that is down or slow \
            is skipped (logged once) and synthesis goes on uncached.

            Engines: espeak (built in, libespeak-ng), and over HTTP openai, deepgram (Aura), \
            elevenlabs, azure and cartesia, whose keys come from $OPENAI_API_KEY, \
            $DEEPGRAM_API_KEY, $ELEVENLABS_API_KEY, $AZURE_SPEECH_KEY (with \
            $AZURE_SPEECH_REGION) and $CARTESIA_API_KEY. A list fails over per sentence.

            Traces: `tts.first_byte` (ms from the sentence's arrival to its first audio frame) \
            and `tts.cache` (`result`: hit or miss; ms: the lookup) per sentence.

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, 78 bad \
            configuration (missing API key, unusable cache directory, bad Redis URL).

            Examples:
              echo "Thanks for calling." | tts-cache | mulaw-encode -o out/hello.wav
              echo 'Your total is **$12.50**, due 22/11.' | tts-cache --normalize-only
              tts-cache warm --script Examples/receptionist.yaml
              llm-stream --script Examples/receptionist.yaml < Examples/transcripts.txt |
                sentence-split | tts-cache | mulaw-encode -o out/answers.wav
            """,
        version: SwitchboardVersion.current,
        subcommands: [WarmCommand.self, StatsCommand.self])

    @OptionGroup var options: TTSCacheOptions
    @Flag(help: "Print what would be said, a line per sentence or line of text, and synthesize nothing.")
    var normalizeOnly = false
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "tts-cache")
        let resources = SharedResources()
        if normalizeOnly {
            let settings = try StageFailure.exitingOnFailure(logger: logger) { try options.settings(resources: resources, logger: logger) }
            try await StdioBinding.run(SpokenTextOnly(settings: settings), output: TextLineWriter(), logger: logger).exit()
        }
        let stage = try StageFailure.exitingOnFailure(logger: logger) { try options.makeStage(resources: resources, logger: logger) }
        try await StdioBinding.run(stage, encoding: frameOutput.encoding, logger: logger).exit()
    }
}

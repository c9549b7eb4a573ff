import ArgumentParser
import Stages
import Stdio
import SwitchboardCore
import ToolSupport

struct DumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Show a frame stream as one readable JSON line per frame.",
        discussion: """
            Reads frames on stdin and writes one JSON object per line on stdout. Audio frames are \
            summarised instead of printed: codec, rate, ts, turn, duration (`ms`), payload \
            `bytes` and level (`rms_dbfs`, −120 for digital silence). Events are printed as they \
            are, a payload replaced by its size (`payload_bytes`). Bad frames show up as the \
            `error` events the reader made of them, with their byte offset.

            Exit status: 0 done, 65 input ended inside a frame payload.

            Examples:
              mulaw-decode -i Examples/call.wav | switchboard dump
              mulaw-decode -i Examples/call.wav | switchboard dump --no-audio
              printf '{"type":"dtmf"}\\n{"type":\\n' | switchboard dump |
                jq -c 'select(.type == "error")'
            """)

    @Flag(inversion: .prefixedNo, help: "Show a line for each audio frame.")
    var audio = true

    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "switchboard.dump")
        // Summaries carry no payload, so text mode is plain JSON lines.
        let status = await StdioBinding.run(FrameDump(showAudio: audio), encoding: .text, logger: logger)
        try status.exit()
    }
}

import ArgumentParser
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

/// `llm-stream` runs the stage itself: its options are the root command's, so that
/// `llm-stream --help` shows them and a usage error names what is missing (a default
/// subcommand would show a list of subcommands instead). `grammar` shares `--script`.
@main
struct LLMStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm-stream",
        abstract: "Hold the conversation: answer the caller's turns as streamed tokens, stop when interrupted.",
        usage: """
            llm-stream --script <file> [<options>]
            llm-stream --engine <name[:model],…> [--script <file>] [<options>]
            llm-stream grammar --script <file>
            llm-stream eval --script <file> --cases <file> […]
            """,
        discussion: """
            Reads frames on stdin; a plain line is typed `text`. A caller turn ends with a final \
            `transcript` that has `endpoint:true`, or a `text` event; the answer goes out as
              {"type":"response.start","turn":1,"text":"<what the caller said>"}
              {"type":"token","turn":1,"text":" Sure"} …
              {"type":"response.end","turn":1,"reason":"done","engine":"script"}
            then `trace` events (llm.ttft, llm.tokens_per_s, llm.total) and a `context` event \
            holding the conversation. A `context` event on input restores it.

            On a terminal (or with --plain) the conversation is shown as text instead: the \
            agent's answers as they stream, one paragraph each, errors on stderr. --frames \
            writes frames to a terminal too.

            A conversation begins with a call's `start`, a `context`, or else the first caller \
            turn, which hears the greeting first. When the script reaches an end state, that \
            answer's `response.end` has "last":true and, in a call, a `hangup` follows once it \
            has been heard; the next caller turn begins a new conversation.

            While the agent speaks (until the mark of its last sentence returns, or until \
            `response.end` where no marks flow), caller speech of at least --barge-in-ms (a `vad` \
            start) or an interim transcript of at least --barge-in-words words sends \
            `interrupt`, cancels the answer at once and ends the turn with reason `interrupted`; \
            history keeps only what the caller heard.

            Engines: `script` runs a dialogue script (--script FILE); `openai` is any \
            OpenAI-compatible server (--provider, --base-url, --model, key from --api-key-env); \
            `groq`, `ollama` and `vllm` are the same with that provider's address and key \
            variable (GROQ_API_KEY, …). With several, each turn fails over in order; 429 halves \
            an engine's concurrency, errors and stalls open its breaker, a turn that waits \
            --queue-ms for a place at a saturated engine moves on; --hedge-ms starts the next \
            engine as well when the first is slow to answer.

            --understand NAME[:MODEL] (openai, groq, ollama, vllm, reached as by --engine) \
            lets an LLM read each caller turn for the script, which still decides what to say: \
            the LLM picks an intent and slot values in a JSON schema built from the state. When \
            it fails, answers outside the schema, or takes longer than --understand-deadline-ms \
            (600), the script's own rules decide; see llm-stream(1), LLM-guided scripts.

            `llm-stream grammar` prints the recognition grammar of a dialogue script; \
            `llm-stream eval` scores one on case files (intent, slot and booking accuracy). \
            See llm-stream(1) and switchboard-script(5).

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, 69 every \
            engine failed and no turn was answered, 78 bad script or configuration.

            Examples:
              echo "I need an appointment tomorrow at ten" |
                llm-stream --script Examples/receptionist.yaml
              llm-stream --engine groq,script --script Examples/receptionist.yaml \\
                --system-file Examples/receptionist-prompt.txt --hedge-ms 800 \\
                < Examples/transcripts.txt
              switchboard mock-providers --replies Examples/replies.txt &
              echo "hello" | llm-stream --engine openai \\
                --base-url http://127.0.0.1:8787/v1
            """,
        version: SwitchboardVersion.current,
        subcommands: [GrammarCommand.self, EvalCommand.self, RunCommand.self])

    @OptionGroup var options: LLMStreamOptions
    @OptionGroup(title: "Output") var output: ConversationOutputOptions
    @OptionGroup var log: LogOptions

    static func main() async { await mainWithBriefUsageErrors() }

    func run() async throws {
        let logger = log.makeLogger(label: "llm-stream")
        let stage = try StageFailure.exitingOnFailure(logger: logger) {
            try options.makeStage(resources: SharedResources(), logger: logger)
        }
        let status: ExitStatus =
            if output.isPlain() {
                await StdioBinding.run(stage, output: PlainConversationWriter(), logger: logger)
            } else {
                await StdioBinding.run(stage, encoding: output.encoding, logger: logger)
            }
        try status.exit()
    }
}

/// `llm-stream run`: what `llm-stream` alone did as its default subcommand, kept for the
/// command lines that name it; not listed. The options stand on the root command, which
/// parses them wherever they are written, so this only runs the root.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The same as `llm-stream` alone (kept for older command lines).",
        shouldDisplay: false)

    @ParentCommand var stage: LLMStreamCommand

    func run() async throws { try await stage.run() }
}

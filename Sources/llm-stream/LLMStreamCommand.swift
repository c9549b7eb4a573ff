import ArgumentParser
import Dialogue
import Foundation
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

@main
struct LLMStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm-stream",
        abstract: "Hold the conversation: answer the caller's turns as streamed tokens, stop when interrupted.",
        discussion: """
            With no subcommand, `llm-stream` runs the stage (`llm-stream run`). `llm-stream \
            grammar` prints the recognition grammar of a dialogue script. See llm-stream(1) and \
            switchboard-script(5).
            """,
        version: SwitchboardVersion.current,
        subcommands: [RunCommand.self, GrammarCommand.self],
        defaultSubcommand: RunCommand.self)
}

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Answer the caller (the default subcommand).",
        discussion: """
            Reads frames on stdin; a plain line is typed `text`. A caller turn ends with a final \
            `transcript` that has `endpoint:true`, or a `text` event; the answer goes out as
              {"type":"response.start","turn":1,"text":"<what the caller said>"}
              {"type":"token","turn":1,"text":" Sure"} …
              {"type":"response.end","turn":1,"reason":"done","engine":"script"}
            then `trace` events (llm.ttft, llm.tokens_per_s, llm.total) and a `context` event \
            holding the conversation. A `context` event on input restores it.

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
            """)

    @OptionGroup var options: LLMStreamOptions
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "llm-stream")
        let stage = try StageFailure.exitingOnFailure(logger: logger) {
            try options.makeStage(resources: SharedResources(), logger: logger)
        }
        try await StdioBinding.run(stage, encoding: frameOutput.encoding, logger: logger).exit()
    }
}

struct GrammarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grammar",
        abstract: "Print the JSGF recognition grammar of a dialogue script.",
        discussion: """
            Every example phrase of every intent, with slot placeholders expanded (names from \
            the slot's list, numbers, dates, times, yes/no), as a JSGF grammar the embedded \
            recognizer can load. Exit status 78 for a bad script.

            Example:
              llm-stream grammar --script Examples/receptionist.yaml \\
                > out/receptionist.gram
            """)

    @Option(name: .long, help: ArgumentHelp("The dialogue script.", valueName: "file"))
    var script: String

    func run() throws {
        do {
            print(try DialogueScript(contentsOf: script).jsgfGrammar(), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("llm-stream: \(error)\n".utf8))
            try ExitStatus.config.exit()
        }
    }
}

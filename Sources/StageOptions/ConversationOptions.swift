import ArgumentParser
import Stages

/// `llm-stream`'s conversation: prompts, greeting, history and when the caller interrupts.
struct ConversationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("System prompt for LLM engines.", valueName: "text"))
    var system: String?

    @Option(name: .long, help: ArgumentHelp("Read the system prompt from a file.", valueName: "file"))
    var systemFile: String?

    @Option(name: .long, help: ArgumentHelp("Directory of per-tenant prompts, read once: <dir>/<tenant>.txt for start.tenant (start.params.system wins over both).", valueName: "dir"))
    var tenantPrompts: String?

    @Option(name: .long, help: ArgumentHelp("Say this when a conversation begins: a call starts, or a caller turn comes with none under way (default: the script's greeting, if the script engine comes first; '' for none).", valueName: "text"))
    var greeting: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("User/assistant exchanges kept and sent to the engine.", valueName: "n"))
    var historyTurns = 8

    // 150: the decision falls at speech onset + 150 ms of media time, and the caller's buffer is
    // cleared about 45 ms later — inside issue 17's 250 ms (at 200 the demo measured 246–258).
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Caller speech over the agent that interrupts it; shorter is a backchannel.", valueName: "ms"))
    var bargeInMs = 150

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Words in an interim transcript over the agent that interrupt it.", valueName: "n"))
    var bargeInWords = 3

    @Flag(name: .long, help: "Start answering a settled interim transcript before its final arrives; keep the head start if the final matches.")
    var speculate = false

    func validate() throws {
        guard system == nil || systemFile == nil else { throw ValidationError("give --system or --system-file, not both") }
        guard historyTurns >= 0 else { throw ValidationError("--history-turns must not be negative") }
        guard bargeInMs >= 0, bargeInWords >= 1 else { throw ValidationError("--barge-in-ms must be ≥ 0 and --barge-in-words ≥ 1") }
    }

    /// Sets the conversation part of `configuration`; prompt files come from `resources`, read
    /// once per process (a file that cannot be read is a configuration error, 78).
    func apply(to configuration: inout LLMStream.Configuration, resources: SharedResources, scriptGreets: Bool) throws {
        configuration.system = try systemFile.map { try resources.promptFile(at: $0, option: "--system-file") } ?? system
        configuration.tenantPrompts = try tenantPrompts.map { try resources.tenantPrompts(in: $0) } ?? [:]
        // `--greeting ''` asks for none, rather than for a turn that says nothing.
        configuration.greeting = greeting.map { $0.isEmpty ? .none : .text($0) } ?? (scriptGreets ? .engines : .none)
        configuration.historyTurns = historyTurns
        configuration.bargeInMs = bargeInMs
        configuration.bargeInWords = bargeInWords
        configuration.speculate = speculate
    }
}

import ArgumentParser
import Dialogue
import Foundation
import Stages

/// `llm-stream`'s engines: which answer, how each is reached, and the resilience around them.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Engines tried in order per turn: script, openai, groq, ollama, vllm; NAME:MODEL picks a model.",
        valueName: "name[:model],…"))
    var engine = "script"

    @OptionGroup var dialogueScript: DialogueScriptOption
    var script: String? { dialogueScript.script }

    @Option(name: .long, help: ArgumentHelp("Base URL preset of the openai engine: openai, groq, ollama or vllm.", valueName: "name"))
    var provider = "openai"

    @Option(name: .long, help: ArgumentHelp("Base URL of the openai engine, ending in /v1 (overrides --provider).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Model of the openai engine (default per provider).", valueName: "name"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("Environment variable holding the openai engine's API key.", valueName: "name"))
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Sampling temperature sent to LLM engines.", valueName: "t"))
    var temperature: Double?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Longest answer, in tokens, asked of LLM engines.", valueName: "n"))
    var maxTokens: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Start the next engine as well when the first has sent nothing for this long.", valueName: "ms"))
    var hedgeMs: Int?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Give up on a provider that sends nothing for this long mid-answer.", valueName: "ms"))
    var stallMs = 10_000

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Failures in a row that open an engine's circuit breaker.", valueName: "n"))
    var breakerFailures = 5

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How long an open breaker keeps an engine out before one probe.", valueName: "s"))
    var breakerOpenS = 30

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Concurrent requests an LLM engine starts with, for all calls of the process: one more per success, half on a 429.",
        valueName: "n"))
    var llmConcurrency = 32

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The most concurrent requests an LLM engine may grow to.", valueName: "n"))
    var llmConcurrencyMax = 256

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "How long a turn waits for a free place at a saturated LLM engine before trying the next engine.",
        valueName: "ms"))
    var queueMs = 2000

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Words per second the script engine streams at (0: all at once; default: the script's rate, else 40).", valueName: "n"))
    var wordsPerSecond: Double?

    @Option(name: .long, help: ArgumentHelp("The date the script engine takes for today (default: the real date).", valueName: "yyyy-mm-dd"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp(
        "An LLM reads each caller turn for the script engine, which still decides what to say: openai, groq, ollama or vllm (as in --engine); NAME:MODEL picks a model.",
        valueName: "name[:model]"))
    var understand: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "How long a turn waits for --understand before the script's own rules decide.", valueName: "ms"))
    var understandDeadlineMs = 600

    func validate() throws {
        guard hedgeMs.map({ $0 > 0 }) ?? true else { throw ValidationError("--hedge-ms must be positive") }
        guard stallMs > 0 else { throw ValidationError("--stall-ms must be positive, not \(stallMs)") }
        guard breakerFailures > 0, breakerOpenS > 0 else { throw ValidationError("--breaker-failures and --breaker-open-s must be positive") }
        guard llmConcurrency > 0, llmConcurrencyMax >= llmConcurrency else {
            throw ValidationError("--llm-concurrency must be positive and at most --llm-concurrency-max (\(llmConcurrency), \(llmConcurrencyMax))")
        }
        guard queueMs >= 0 else { throw ValidationError("--queue-ms must not be negative, not \(queueMs)") }
        guard (wordsPerSecond ?? 0) >= 0 else { throw ValidationError("--words-per-second must not be negative") }
        if let today, CalendarDay(iso: today) == nil { throw ValidationError("--today must be a date like 2026-11-21, not \"\(today)\"") }
        guard ProviderPreset.named(provider) != nil else {
            throw ValidationError("unknown --provider \"\(provider)\" (known: \(ProviderPreset.all.map(\.name).joined(separator: ", ")))")
        }
        for spec in specs where spec.name != "script" && ProviderPreset.named(spec.name) == nil {
            throw ValidationError("unknown engine \"\(spec.name)\" in --engine (known: script, \(ProviderPreset.all.map(\.name).joined(separator: ", ")))")
        }
        if specs.contains(where: { $0.name == "script" }), script == nil {
            throw ValidationError("the script engine needs --script FILE (for example Examples/receptionist.yaml), or choose --engine openai")
        }
        try validateUnderstanding()
    }

    var specs: [(name: String, model: String?)] { EngineList.parse(engine).map { ($0.name, $0.detail) } }
}

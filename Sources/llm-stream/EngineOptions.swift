import ArgumentParser
import Dialogue
import Foundation
import Logging
import Providers
import Resilience
import Stages
import SwitchboardCore

/// Which engines answer, how each is reached, and the resilience around them.
struct EngineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Engines tried in order per turn: script, openai, groq, ollama, vllm; NAME:MODEL picks a model.",
        valueName: "name[:model],…"))
    var engine = "script"

    @Option(name: .long, help: ArgumentHelp("The dialogue script for the script engine.", valueName: "file"))
    var script: String?

    @Option(name: .long, help: ArgumentHelp("Base URL preset of the openai engine: openai, groq, ollama or vllm.", valueName: "name"))
    var provider = "openai"

    @Option(name: .long, help: ArgumentHelp("Base URL of the openai engine, ending in /v1 (overrides --provider).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("Model of the openai engine (default per provider).", valueName: "name"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("Environment variable holding the openai engine's API key.", valueName: "name"))
    var apiKeyEnv = "OPENAI_API_KEY"

    @Option(name: .long, help: ArgumentHelp("Sampling temperature sent to LLM engines.", valueName: "t"))
    var temperature: Double?

    @Option(name: .long, help: ArgumentHelp("Longest answer, in tokens, asked of LLM engines.", valueName: "n"))
    var maxTokens: Int?

    @Option(name: .long, help: ArgumentHelp("Start the next engine as well when the first has sent nothing for this long.", valueName: "ms"))
    var hedgeMs: Int?

    @Option(name: .long, help: ArgumentHelp("Give up on a provider that sends nothing for this long mid-answer.", valueName: "ms"))
    var stallMs = 10_000

    @Option(name: .long, help: ArgumentHelp("Failures in a row that open an engine's circuit breaker.", valueName: "n"))
    var breakerFailures = 5

    @Option(name: .long, help: ArgumentHelp("How long an open breaker keeps an engine out before one probe.", valueName: "s"))
    var breakerOpenS = 30

    @Option(name: .long, help: ArgumentHelp("Words per second the script engine streams at (0: all at once; default: the script's rate, else 40).", valueName: "n"))
    var wordsPerSecond: Double?

    @Option(name: .long, help: ArgumentHelp("The date the script engine takes for today (default: the real date).", valueName: "yyyy-mm-dd"))
    var today: String?

    func validate() throws {
        guard hedgeMs.map({ $0 > 0 }) ?? true else { throw ValidationError("--hedge-ms must be positive") }
        guard stallMs > 0 else { throw ValidationError("--stall-ms must be positive, not \(stallMs)") }
        guard breakerFailures > 0, breakerOpenS > 0 else { throw ValidationError("--breaker-failures and --breaker-open-s must be positive") }
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
    }

    var specs: [(name: String, model: String?)] {
        engine.split(separator: ",").map { item in
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
    }

    /// The script, loaded once (errors carry file:line:column; the tool exits 78 with them).
    func loadScript() throws -> DialogueScript? {
        guard let script else { return nil }
        do {
            return try DialogueScript(contentsOf: script)
        } catch {
            throw StageFailure(.config, "\(error)")
        }
    }

    /// The engines in order, each with its own breaker and limiter. An LLM engine whose key is
    /// missing is left out with a warning; none left is a configuration error (78).
    func engines(script: DialogueScript?, logger: Logger) throws -> [FailoverEngine<Prompt, ResponseChunk>] {
        let http = HTTPClient.shared
        var engines: [FailoverEngine<Prompt, ResponseChunk>] = []
        for spec in specs {
            if spec.name == "script", let script {
                let rate = wordsPerSecond ?? script.wordsPerSecond ?? 40
                engines.append(ScriptEngine(script: script, wordsPerSecond: rate, today: today.flatMap(CalendarDay.init(iso:))).failoverEngine())
                continue
            }
            // `openai` honours --provider/--base-url/--api-key-env; a preset name stands for itself.
            let isGeneric = spec.name == "openai"
            let preset = ProviderPreset.named(isGeneric ? provider : spec.name)!
            let keyVariable = isGeneric ? apiKeyEnv : preset.apiKeyVariable
            let key = ProcessInfo.processInfo.environment[keyVariable]
            if key == nil, preset.needsKey, !(isGeneric && baseURL != nil) {
                logger.warning("engine \(spec.name): no API key in $\(keyVariable); left out")
                continue
            }
            let client = ChatCompletionsClient(baseURL: (isGeneric ? baseURL : nil) ?? preset.baseURL, apiKey: key,
                timeouts: .init(connect: .seconds(5), stall: .milliseconds(stallMs)), http: http)
            let engine = ChatCompletionsEngine(name: spec.name, client: client, model: spec.model ?? model ?? preset.defaultModel,
                temperature: temperature, maxTokens: maxTokens)
            let breaker = CircuitBreaker(name: spec.name, configuration: .init(failureThreshold: breakerFailures, openInterval: .seconds(breakerOpenS)))
            engines.append(engine.failoverEngine(breaker: breaker, limiter: AIMDLimiter(initialLimit: 4, maxLimit: 16)))
        }
        guard !engines.isEmpty else { throw StageFailure(.config, "no engine left to answer: \(engine) (see the warnings above)") }
        return engines
    }
}

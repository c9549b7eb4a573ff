import Dialogue
import Logging
import Providers
import Resilience
import Stages
import SwitchboardCore

extension EngineOptions {
    /// The dialogue script of `--script`, parsed once per process.
    func script(resources: SharedResources) throws -> DialogueScript? {
        try script.map { try resources.script(at: $0) }
    }

    /// The engines in order, each behind its engine's process-wide breaker and limiter. An LLM
    /// engine whose key is missing is left out with a warning; none left is a configuration
    /// error (78).
    func engines(script: DialogueScript?, resources: SharedResources, logger: Logger) throws -> [FailoverEngine<Prompt, ResponseChunk>] {
        var engines: [FailoverEngine<Prompt, ResponseChunk>] = []
        let understander = understander(resources: resources, logger: logger)
        for spec in specs {
            if spec.name == "script", let script {
                let rate = wordsPerSecond ?? script.wordsPerSecond ?? 40
                engines.append(ScriptEngine(script: script, wordsPerSecond: rate, today: today.flatMap(CalendarDay.init(iso:)),
                    understander: understander).failoverEngine())
                continue
            }
            if let engine = chatEngine(spec, resources: resources, logger: logger) { engines.append(engine) }
        }
        guard !engines.isEmpty else { throw StageFailure(.config, "no engine left to answer: \(engine) (see the warnings above)") }
        return engines
    }

    /// An OpenAI-compatible engine; nil (with a warning) when it needs a key and has none.
    private func chatEngine(_ spec: (name: String, model: String?), resources: SharedResources, logger: Logger) -> FailoverEngine<Prompt, ResponseChunk>? {
        // `openai` honours --provider/--base-url/--api-key-env; a preset name stands for itself.
        let isGeneric = spec.name == "openai"
        let preset = ProviderPreset.named(isGeneric ? provider : spec.name)!
        let keyVariable = isGeneric ? apiKeyEnv : preset.apiKeyVariable
        let key = resources.environment[keyVariable]
        if key == nil, preset.needsKey, !(isGeneric && baseURL != nil) {
            logger.warning("engine \(spec.name): no API key in $\(keyVariable); left out")
            return nil
        }
        let identity = EngineIdentity(name: spec.name, baseURL: (isGeneric ? baseURL : nil) ?? preset.baseURL)
        let client = ChatCompletionsClient(baseURL: identity.baseURL, apiKey: key,
            timeouts: .init(connect: .seconds(5), stall: .milliseconds(stallMs)), http: resources.http)
        let engine = ChatCompletionsEngine(name: spec.name, client: client, model: spec.model ?? model ?? preset.defaultModel,
            temperature: temperature, maxTokens: maxTokens)
        let breaker = resources.breaker(for: identity,
            configuration: .init(failureThreshold: breakerFailures, openInterval: .seconds(breakerOpenS)))
        let limiter = resources.limiter(for: identity, initialLimit: llmConcurrency, maxLimit: llmConcurrencyMax, maxWait: .milliseconds(queueMs))
        return engine.failoverEngine(breaker: breaker, limiter: limiter)
    }
}

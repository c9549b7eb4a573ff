import ArgumentParser
import Logging
import Providers
import Stages

/// `--understand NAME[:MODEL]` and `--understand-deadline-ms`: an LLM that reads caller turns
/// for the script engine.
///
/// NAME follows `--engine`'s rules: `openai` is reached at `--base-url` (else `--provider`'s
/// address) with the key in `--api-key-env`; `groq`, `ollama` and `vllm` stand for their own
/// address and key variable. The model is MODEL, else `--model`, else the provider's default.
/// `--breaker-failures` and `--breaker-open-s` configure its breaker, which is its own: a
/// slow understander does not take the answering engine out, nor the other way round.
extension EngineOptions {
    /// NAME and MODEL of `--understand`; nil without it.
    var understandSpec: (name: String, model: String?)? {
        understand.map { EngineList.item($0) }.map { ($0.name, $0.detail) }
    }

    func validateUnderstanding() throws {
        guard understandDeadlineMs > 0 else {
            throw ValidationError("--understand-deadline-ms must be positive, not \(understandDeadlineMs)")
        }
        guard let spec = understandSpec else { return }
        let known = ProviderPreset.all.map(\.name)
        guard spec.name == "openai" || ProviderPreset.named(spec.name) != nil else {
            throw ValidationError("unknown engine \"\(spec.name)\" in --understand \"\(understand ?? "")\" (known: \(known.joined(separator: ", ")))")
        }
        if spec.model?.isEmpty == true {
            throw ValidationError("--understand \"\(understand ?? "")\" names no model after the colon (write NAME or NAME:MODEL)")
        }
        guard specs.contains(where: { $0.name == "script" }) else {
            throw ValidationError("--understand guides the script engine, which --engine \"\(engine)\" does not run: add script to --engine")
        }
    }

    /// The understander of `--understand`, sharing the process's HTTP client and one breaker
    /// per server; nil without the option, or (with a warning) when its server needs a key
    /// and none is set — the script's rules then decide alone.
    func understander(resources: SharedResources, logger: Logger) -> ScriptUnderstander? {
        guard let spec = understandSpec else { return nil }
        let isGeneric = spec.name == "openai"
        guard let preset = ProviderPreset.named(isGeneric ? provider : spec.name) else { return nil }
        let keyVariable = isGeneric ? apiKeyEnv : preset.apiKeyVariable
        let key = resources.environment[keyVariable]
        if key == nil, preset.needsKey, !(isGeneric && baseURL != nil) {
            logger.warning("--understand \(spec.name): no API key in $\(keyVariable); the script's rules decide alone")
            return nil
        }
        let deadline = Duration.milliseconds(understandDeadlineMs)
        // Named apart from the answering engine of the same server: see the type's comment.
        let identity = EngineIdentity(name: "understand:\(spec.name)", baseURL: (isGeneric ? baseURL : nil) ?? preset.baseURL)
        // The deadline cancels the request; curl's own limit is only a backstop behind it.
        let client = ChatCompletionsClient(baseURL: identity.baseURL, apiKey: key,
            timeouts: .init(connect: .seconds(5), total: deadline + .seconds(2)), http: resources.http)
        let breaker = resources.breaker(for: identity,
            configuration: .init(failureThreshold: breakerFailures, openInterval: .seconds(breakerOpenS)))
        return ScriptUnderstander(name: spec.name, client: client, model: spec.model ?? model ?? preset.defaultModel,
            deadline: deadline, breaker: breaker)
    }
}

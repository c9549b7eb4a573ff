import Resilience
import Speech
import Stages

extension SharedResources {
    /// A speech engine as failover runs it: HTTP engines behind the process's one breaker for
    /// that engine (every call's failures count), espeak with none (it has no outage to wait out).
    func resilient(_ engine: any TTSEngine, providers: SpeechProviderOptions) -> FailoverEngine<SpeechJob, SpeechChunk> {
        guard engine.name != "espeak" else { return engine.failoverEngine() }
        let identity = EngineIdentity(name: "tts:" + engine.name, baseURL: providers.endpoint(of: engine.name) ?? "")
        return engine.failoverEngine(breaker: breaker(for: identity, configuration: providers.breakerConfiguration))
    }
}

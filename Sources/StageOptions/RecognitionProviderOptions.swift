import ArgumentParser
import Logging
import Resilience
import Stages
import SwitchboardCore

/// How `stt-stream` reaches its cloud engines: Deepgram's live socket and Whisper-style
/// transcription servers. Keys come from the environment only.
public struct RecognitionProviderOptions: ParsableArguments, Sendable {
    static let cloudEngines = ["deepgram", "whisper"]

    @Option(help: ArgumentHelp(
        "Base URL of cloud engines: URL for both (a local server, the mock), or NAME=URL for one. Repeatable.", valueName: "[name=]url"))
    var endpoint: [String] = []

    @Option(help: ArgumentHelp("Model of a cloud engine, NAME=MODEL (deepgram=nova-3, whisper=whisper-1 by default). Repeatable.",
                               valueName: "name=model"))
    var model: [String] = []

    @Option(help: ArgumentHelp("The caller's language (BCP-47, e.g. en-US, hi; whisper uses its first part).", valueName: "tag"))
    var language = "en-US"

    @Option(parsing: .unconditional, help: ArgumentHelp("deepgram: silence that ends a segment (speech_final).", valueName: "ms"))
    var endpointingMs = 300

    @Option(parsing: .unconditional, help: ArgumentHelp("deepgram: word gap that sends UtteranceEnd (1000–5000; 0 = off).", valueName: "ms"))
    var utteranceEndMs = 1000

    @Option(help: ArgumentHelp("whisper: the environment variable holding the key (none needed for a local server).", valueName: "name"))
    var whisperKeyVariable = "OPENAI_API_KEY"

    public init() {}

    public func validate() throws {
        for item in endpoint {
            let (name, url) = EngineList.named(item)
            if let name, !Self.cloudEngines.contains(name) { throw ValidationError("--endpoint \(item): \"\(name)\" is not a cloud engine (deepgram, whisper)") }
            guard ["http://", "https://", "ws://", "wss://"].contains(where: url.hasPrefix) else { throw ValidationError("--endpoint \(item): not an http(s) or ws(s) URL") }
        }
        for item in model {
            guard case (let name?, _) = EngineList.named(item), Self.cloudEngines.contains(name) else {
                throw ValidationError("--model \(item): write NAME=MODEL, NAME one of deepgram, whisper")
            }
        }
        guard endpointingMs > 0 else { throw ValidationError("--endpointing-ms must be positive, not \(endpointingMs)") }
        guard utteranceEndMs == 0 || (1000...5000).contains(utteranceEndMs) else {
            throw ValidationError("--utterance-end-ms must be 0 (off) or from 1000 to 5000, not \(utteranceEndMs)")
        }
    }

    func deepgram(environment: [String: String], logger: Logger) throws -> DeepgramSTTEngine {
        DeepgramSTTEngine(key: try DeepgramSTTEngine.requireKey(environment: environment),
                          baseURL: endpoint(of: "deepgram") ?? DeepgramSTTEngine.defaultBaseURL,
                          model: model(of: "deepgram") ?? "nova-3", language: language, endpointingMs: endpointingMs,
                          utteranceEndMs: utteranceEndMs == 0 ? nil : utteranceEndMs, logger: logger)
    }

    /// A local server needs no key; OpenAI's (the default endpoint) does.
    func whisper(resources: SharedResources, logger: Logger) throws -> WhisperSTTEngine {
        var base = endpoint(of: "whisper") ?? WhisperSTTEngine.defaultBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        if !base.hasSuffix("/v1") { base += "/v1" }
        let key = resources.environment[whisperKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
        if key == nil, endpoint(of: "whisper") == nil {
            throw StageFailure(.config, "engine whisper needs an API key in $\(whisperKeyVariable) (or --endpoint whisper=URL of a local server)")
        }
        let breaker = resources.breaker(for: EngineIdentity(name: "stt:whisper", baseURL: base),
                                        configuration: .init(failureThreshold: 5, openInterval: .seconds(30)))
        return WhisperSTTEngine(key: key, baseURL: base, model: model(of: "whisper") ?? "whisper-1", language: language,
                                http: resources.http, breaker: breaker, logger: logger)
    }

    private func endpoint(of engine: String) -> String? {
        let pairs = endpoint.map(EngineList.named)
        return pairs.first { $0.name == engine }?.value ?? pairs.first { $0.name == nil }?.value
    }

    private func model(of engine: String) -> String? { model.map(EngineList.named).first { $0.name == engine }?.value }

}

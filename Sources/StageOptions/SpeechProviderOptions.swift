import ArgumentParser
import Foundation
import Providers
import Resilience
import Speech
import Stages
import SwitchboardCore

/// How `tts-cache` reaches its HTTP engines: endpoints, models, keys, and the resilience
/// around them. Keys come from the environment only (never a command line, which `ps` shows).
public struct SpeechProviderOptions: ParsableArguments, Sendable {
    static let engineNames = ["espeak", "openai", "deepgram", "elevenlabs", "azure", "cartesia"]
    /// The environment variable holding each HTTP engine's key.
    public static let keyVariables = ["openai": "OPENAI_API_KEY", "deepgram": "DEEPGRAM_API_KEY", "elevenlabs": "ELEVENLABS_API_KEY",
                               "azure": "AZURE_SPEECH_KEY", "cartesia": "CARTESIA_API_KEY"]

    @Option(help: ArgumentHelp(
        "Base URL of HTTP engines: URL for all of them (a local server, the mock), or NAME=URL for one. Repeatable.",
        valueName: "[name=]url"))
    var endpoint: [String] = []

    @Option(help: ArgumentHelp("Model of an HTTP engine, as NAME=MODEL (e.g. elevenlabs=eleven_flash_v2). Repeatable.", valueName: "name=model"))
    var model: [String] = []

    @Option(help: ArgumentHelp("Azure Speech region (default: $AZURE_SPEECH_REGION, else eastus).", valueName: "region"))
    var azureRegion: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Give up on a provider that sends nothing for this long.", valueName: "ms"))
    var stallMs = 5000

    @Option(parsing: .unconditional, help: ArgumentHelp("Failures in a row that open an engine's circuit breaker.", valueName: "n"))
    var breakerFailures = 5

    @Option(parsing: .unconditional, help: ArgumentHelp("How long an open breaker keeps an engine out before one probe.", valueName: "s"))
    var breakerOpenS = 30

    public init() {}

    public func validate() throws {
        guard stallMs > 0 else { throw ValidationError("--stall-ms must be positive, not \(stallMs)") }
        guard breakerFailures > 0, breakerOpenS > 0 else { throw ValidationError("--breaker-failures and --breaker-open-s must be positive") }
        for item in endpoint {
            let (name, url) = EngineList.named(item)
            if let name, !Self.engineNames.dropFirst().contains(name) {
                throw ValidationError("--endpoint \(item): \"\(name)\" is not an HTTP engine (\(Self.engineNames.dropFirst().joined(separator: ", ")))")
            }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw ValidationError("--endpoint \(item): not an http(s) URL") }
        }
        for item in model {
            guard case (let name?, _) = EngineList.named(item), Self.engineNames.dropFirst().contains(name) else {
                throw ValidationError("--model \(item): write NAME=MODEL, NAME one of \(Self.engineNames.dropFirst().joined(separator: ", "))")
            }
        }
    }

    /// The base URL given for `engine`, if any: its own `NAME=URL`, else a bare URL. OpenAI's
    /// paths start at `/v1` (as llm-stream's `--base-url`), so one URL serves every engine of a
    /// server such as the mock: `/v1` is added to it for openai when it lacks it.
    func endpoint(of engine: String) -> String? {
        let pairs = endpoint.map(EngineList.named)
        guard var url = pairs.first(where: { $0.name == engine })?.value ?? pairs.first(where: { $0.name == nil })?.value else { return nil }
        while url.hasSuffix("/") { url.removeLast() }
        if engine == "openai", !url.hasSuffix("/v1") { url += "/v1" }
        return url
    }

    func model(of engine: String) -> String? {
        model.map(EngineList.named).first { $0.name == engine }?.value
    }


    var timeouts: HTTPTimeouts { HTTPTimeouts(connect: .seconds(5), stall: .milliseconds(stallMs)) }
    var breakerConfiguration: CircuitBreaker.Configuration { .init(failureThreshold: breakerFailures, openInterval: .seconds(breakerOpenS)) }
}

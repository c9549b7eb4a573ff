import Providers
import Speech
import Stages
import SwitchboardCore

extension SpeechProviderOptions {
    /// The engine `name` with `voice` (nil: its default), reached at `--endpoint` if given. A
    /// missing API key is a configuration error (78) naming the variable to set.
    func engine(_ name: String, voice: String?, espeak: EspeakTTSEngine, speed: Double, resources: SharedResources) throws -> any TTSEngine {
        if name == "espeak" { return espeak }
        guard let variable = Self.keyVariables[name] else { throw StageFailure(.usage, "unknown engine \(name)") }
        guard let key = resources.environment[variable], !key.isEmpty else {
            throw StageFailure(.config, "engine \(name) needs an API key in $\(variable)")
        }
        let (http, url, model) = (resources.http, endpoint(of: name), model(of: name))
        switch name {
        case "openai":
            return OpenAISpeechEngine(baseURL: url ?? OpenAISpeechEngine.defaultBaseURL, apiKey: key, model: model ?? OpenAISpeechEngine.defaultModel,
                voice: voice ?? OpenAISpeechEngine.defaultVoice, speed: speed, http: http, timeouts: timeouts)
        case "deepgram":
            // Aura's voice is its model (aura-2-thalia-en): either spelling picks it.
            return AuraSpeechEngine(baseURL: url ?? AuraSpeechEngine.defaultBaseURL, apiKey: key, model: voice ?? model ?? AuraSpeechEngine.defaultModel,
                http: http, timeouts: timeouts)
        case "elevenlabs":
            return ElevenLabsSpeechEngine(baseURL: url ?? ElevenLabsSpeechEngine.defaultBaseURL, apiKey: key,
                voiceID: voice ?? ElevenLabsSpeechEngine.defaultVoiceID, model: model ?? ElevenLabsSpeechEngine.defaultModel, speed: speed,
                http: http, timeouts: timeouts)
        case "azure":
            let region = azureRegion ?? resources.environment["AZURE_SPEECH_REGION"] ?? AzureSpeechEngine.defaultRegion
            return AzureSpeechEngine(region: region, baseURL: url, apiKey: key, voice: voice ?? AzureSpeechEngine.defaultVoice, speed: speed,
                http: http, timeouts: timeouts)
        default:
            return CartesiaSpeechEngine(baseURL: url ?? CartesiaSpeechEngine.defaultBaseURL, apiKey: key,
                voiceID: voice ?? CartesiaSpeechEngine.defaultVoiceID, model: model ?? CartesiaSpeechEngine.defaultModel, http: http, timeouts: timeouts)
        }
    }
}

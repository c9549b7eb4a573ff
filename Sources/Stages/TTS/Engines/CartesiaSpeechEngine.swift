import Providers
import Speech
import SwitchboardCore

/// Cartesia's bytes endpoint, `POST {base}/tts/bytes` (tts-providers.md §3), with the
/// `Cartesia-Version` header it requires and a bearer key. The format goes in the body's
/// `output_format`, always `container: raw`: µ-law 8 kHz as asked, otherwise `pcm_s16le` at a
/// rate Cartesia has, converted here.
public struct CartesiaSpeechEngine: TTSEngine {
    public let name = "cartesia"
    public static let defaultBaseURL = "https://api.cartesia.ai"
    public static let defaultVoiceID = "694f9389-aac1-45b6-b726-9d9369183238"
    public static let defaultModel = "sonic-2"
    public let voiceID: String
    public let model: String
    public let language: String
    /// The API version date sent as `Cartesia-Version`.
    public let version: String
    let endpoint: HTTPSpeechEndpoint
    static let formats = ProviderFormats(mulaw: [8000], pcm16: [8000, 16000, 22050, 24000, 44100, 48000])

    public init(baseURL: String = Self.defaultBaseURL, apiKey: String, voiceID: String = Self.defaultVoiceID,
        model: String = Self.defaultModel, language: String = "en", version: String = "2025-04-16", http: HTTPClient = .shared,
        timeouts: HTTPTimeouts = .speech)
    {
        endpoint = HTTPSpeechEndpoint(engine: "cartesia", baseURL: baseURL, apiKey: apiKey, http: http, timeouts: timeouts)
        (self.voiceID, self.model, self.language, self.version) = (voiceID, model, language, version)
    }

    public var voiceIdentity: String { "cartesia voice=\(voiceID) model=\(model) language=\(language)" }

    public func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error> {
        let delivered = Self.formats.delivered(for: format)
        let body: JSONObject = [
            "model_id": .string(model), "transcript": .string(text), "voice": ["mode": "id", "id": .string(voiceID)],
            "output_format": ["container": "raw", "encoding": delivered.codec == .mulaw ? "pcm_mulaw" : "pcm_s16le", "sample_rate": .int(delivered.rate)],
            "language": .string(language),
        ]
        return try await endpoint.post("/tts/bytes", headers: [("Cartesia-Version", version), ("Authorization", "Bearer \(endpoint.apiKey)"),
            ("Content-Type", "application/json")], body: body.bytes, delivered: delivered, as: format)
    }
}

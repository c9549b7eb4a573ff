import Providers
import Speech
import SwitchboardCore

/// ElevenLabs' streaming endpoint, `POST {base}/v1/text-to-speech/{voice_id}/stream`
/// (tts-providers.md §1), keyed by `xi-api-key`. `output_format=ulaw_8000` is Twilio's audio
/// as is; other requests get `pcm_{rate}` (raw 16-bit) at a rate it has, converted here.
/// `pcm_44100` is left out: it needs a higher plan, and 48 kHz serves instead.
public struct ElevenLabsSpeechEngine: TTSEngine {
    public let name = "elevenlabs"
    public static let defaultBaseURL = "https://api.elevenlabs.io"
    public static let defaultVoiceID = "21m00Tcm4TlvDq8ikWAM"
    public static let defaultModel = "eleven_turbo_v2_5"
    public let voiceID: String
    public let model: String
    /// 0.7 to 1.2.
    public let speed: Double
    public let stability: Double
    public let similarityBoost: Double
    let endpoint: HTTPSpeechEndpoint
    static let formats = ProviderFormats(mulaw: [8000], pcm16: [8000, 16000, 22050, 24000, 48000])

    public init(baseURL: String = Self.defaultBaseURL, apiKey: String, voiceID: String = Self.defaultVoiceID,
        model: String = Self.defaultModel, speed: Double = 1.0, stability: Double = 0.5, similarityBoost: Double = 0.75,
        http: HTTPClient = .shared, timeouts: HTTPTimeouts = .speech)
    {
        endpoint = HTTPSpeechEndpoint(engine: "elevenlabs", baseURL: baseURL, apiKey: apiKey, http: http, timeouts: timeouts)
        (self.voiceID, self.model, self.speed) = (voiceID, model, speed)
        (self.stability, self.similarityBoost) = (stability, similarityBoost)
    }

    public var voiceIdentity: String {
        "elevenlabs voice=\(voiceID) model=\(model) speed=\(speed) stability=\(stability) similarity=\(similarityBoost)"
    }

    public func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error> {
        let delivered = Self.formats.delivered(for: format)
        let outputFormat = delivered.codec == .mulaw ? "ulaw_\(delivered.rate)" : "pcm_\(delivered.rate)"
        let body: JSONObject = ["text": .string(text), "model_id": .string(model),
            "voice_settings": ["stability": .double(stability), "similarity_boost": .double(similarityBoost), "speed": .double(speed)]]
        return try await endpoint.post("/v1/text-to-speech/\(voiceID.urlEscaped)/stream?output_format=\(outputFormat)",
            headers: [("xi-api-key", endpoint.apiKey), ("Content-Type", "application/json")],
            body: body.bytes, delivered: delivered, as: format)
    }
}

import Providers
import Speech
import SwitchboardCore

/// Deepgram Aura, `POST {base}/v1/speak` (deepgram-live.md §6). The format goes in the query:
/// µ-law at 8 or 16 kHz comes as asked (`encoding=mulaw&sample_rate=8000` is Twilio's
/// audio), anything else as `linear16` at a rate Aura has, converted here. `container=none`
/// always: whether `wav` is the default is not known, and a header is not audio.
public struct AuraSpeechEngine: TTSEngine {
    public let name = "deepgram"
    public static let defaultBaseURL = "https://api.deepgram.com"
    public static let defaultModel = "aura-2-thalia-en"
    /// `aura-2-<voice>-en|es` (Aura-2) or `aura-<voice>-en` (Aura-1): the voice is the model.
    public let model: String
    let endpoint: HTTPSpeechEndpoint
    static let formats = ProviderFormats(mulaw: [8000, 16000], pcm16: [8000, 16000, 24000, 32000, 48000])

    public init(baseURL: String = Self.defaultBaseURL, apiKey: String, model: String = Self.defaultModel,
        http: HTTPClient = .shared, timeouts: HTTPTimeouts = .speech)
    {
        endpoint = HTTPSpeechEndpoint(engine: "deepgram", baseURL: baseURL, apiKey: apiKey, http: http, timeouts: timeouts)
        self.model = model
    }

    public var voiceIdentity: String { "deepgram model=\(model)" }

    public func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error> {
        let delivered = Self.formats.delivered(for: format)
        let encoding = delivered.codec == .mulaw ? "mulaw" : "linear16"
        let query = "model=\(model.urlEscaped)&encoding=\(encoding)&sample_rate=\(delivered.rate)&container=none"
        let body: JSONObject = ["text": .string(text)]
        return try await endpoint.post("/v1/speak?" + query, headers: [("Authorization", "Token \(endpoint.apiKey)"), ("Content-Type", "application/json")],
            body: body.bytes, delivered: delivered, as: format)
    }
}

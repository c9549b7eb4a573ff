import Providers
import Speech
import SwitchboardCore

/// OpenAI's `POST {base}/audio/speech` (openai-compatible.md §4), or any server speaking it.
/// The API has no µ-law and no choice of rate, so the engine always asks for `pcm` (raw
/// 24 kHz 16-bit) — the one raw format, and among the fastest to start — and converts it to
/// the requested format as the body streams.
public struct OpenAISpeechEngine: TTSEngine {
    public let name = "openai"
    public static let defaultBaseURL = "https://api.openai.com/v1"
    public static let defaultModel = "gpt-4o-mini-tts"
    public static let defaultVoice = "alloy"
    public let model: String
    public let voice: String
    /// 0.25 to 4.0.
    public let speed: Double
    /// A style prompt ("calm, friendly"); `gpt-4o-mini-tts` only, not `tts-1`.
    public let instructions: String?
    let endpoint: HTTPSpeechEndpoint
    static let formats = ProviderFormats(mulaw: [], pcm16: [24000])

    /// `baseURL` ends in `/v1` (OpenAI, or a local server); `/audio/speech` is appended.
    public init(baseURL: String = Self.defaultBaseURL, apiKey: String, model: String = Self.defaultModel,
        voice: String = Self.defaultVoice, speed: Double = 1.0, instructions: String? = nil, http: HTTPClient = .shared,
        timeouts: HTTPTimeouts = .speech)
    {
        endpoint = HTTPSpeechEndpoint(engine: "openai", baseURL: baseURL, apiKey: apiKey, http: http, timeouts: timeouts)
        (self.model, self.voice, self.speed, self.instructions) = (model, voice, speed, instructions)
    }

    public var voiceIdentity: String {
        "openai voice=\(voice) model=\(model) speed=\(speed)" + (instructions.map { " instructions=\($0)" } ?? "")
    }

    public func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error> {
        var body: JSONObject = ["model": .string(model), "input": .string(text), "voice": .string(voice),
            "response_format": "pcm", "speed": .double(speed)]
        if let instructions { body["instructions"] = .string(instructions) }
        return try await endpoint.post("/audio/speech", headers: [("Authorization", "Bearer \(endpoint.apiKey)"), ("Content-Type", "application/json")],
            body: body.bytes, delivered: Self.formats.delivered(for: format), as: format)
    }
}

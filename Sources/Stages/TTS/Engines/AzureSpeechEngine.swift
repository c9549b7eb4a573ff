import Providers
import Speech

/// Azure AI Speech, `POST https://{region}.tts.speech.microsoft.com/cognitiveservices/v1`
/// (tts-providers.md §2): SSML in, keyed by `Ocp-Apim-Subscription-Key`, the format in
/// `X-Microsoft-OutputFormat` — always a `raw-*` one, never `riff-*`, whose header would have
/// to be cut off. µ-law 8 kHz comes as asked; other requests get 16-bit PCM at a rate Azure
/// has, converted here.
public struct AzureSpeechEngine: TTSEngine {
    static let formats = ProviderFormats(mulaw: [8000], pcm16: [8000, 16000, 22050, 24000, 44100, 48000])
    static let rateNames = [8000: "8khz", 16000: "16khz", 22050: "22050hz", 24000: "24khz", 44100: "44100hz", 48000: "48khz"]
    public let name = "azure"
    public static let defaultRegion = "eastus"
    public static let defaultVoice = "en-US-JennyNeural"
    let endpoint: HTTPSpeechEndpoint
    /// A neural voice's short name.
    public let voice: String
    /// `xml:lang` of the SSML.
    public let language: String
    /// 1.0 is the voice's own pace; sent as SSML `<prosody rate>` in percent when not 1.
    public let speed: Double

    /// The host is the resource's region's (`eastus`, `westeurope`, …) unless `baseURL` says
    /// otherwise (a custom subdomain, a local stand-in).
    public init(region: String = Self.defaultRegion, baseURL: String? = nil, apiKey: String, voice: String = Self.defaultVoice,
        language: String = "en-US", speed: Double = 1.0, http: HTTPClient = .shared, timeouts: HTTPTimeouts = .speech)
    {
        endpoint = HTTPSpeechEndpoint(engine: "azure", baseURL: baseURL ?? "https://\(region).tts.speech.microsoft.com",
            apiKey: apiKey, http: http, timeouts: timeouts)
        (self.voice, self.language, self.speed) = (voice, language, speed)
    }

    public var voiceIdentity: String { "azure voice=\(voice) language=\(language) speed=\(speed)" }

    public func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error> {
        let delivered = Self.formats.delivered(for: format)
        let outputFormat = delivered.codec == .mulaw ? "raw-8khz-8bit-mono-mulaw" : "raw-\(Self.rateNames[delivered.rate] ?? "24khz")-16bit-mono-pcm"
        return try await endpoint.post("/cognitiveservices/v1", headers: [
            ("Ocp-Apim-Subscription-Key", endpoint.apiKey), ("Content-Type", "application/ssml+xml"),
            ("X-Microsoft-OutputFormat", outputFormat), ("User-Agent", "switchboard"),
        ], body: Array(ssml(text).utf8), delivered: delivered, as: format)
    }

    /// The request body: the text, XML-escaped, in the voice, at the pace.
    func ssml(_ text: String) -> String {
        var spoken = Self.escaped(text)
        if speed != 1 {
            let percent = Int(((speed - 1) * 100).rounded())
            spoken = "<prosody rate='\(percent >= 0 ? "+" : "")\(percent)%'>\(spoken)</prosody>"
        }
        let lang = Self.escaped(language)
        return "<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='\(lang)'>"
            + "<voice xml:lang='\(lang)' name='\(Self.escaped(voice))'>\(spoken)</voice></speak>"
    }

    /// `&`, `<`, `>`, `'`, `"` as XML entities: text or an attribute value, it cannot break out.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "'": escaped += "&apos;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// The provider endpoints the mock serves, by the names faults and stats use.
public enum MockRoute: String, Sendable, CaseIterable, Codable {
    /// `POST /v1/chat/completions` (OpenAI-compatible, streaming or not).
    case chat
    /// `POST /v1/audio/speech`.
    case speech
    /// `POST /v1/audio/transcriptions` (multipart upload).
    case transcriptions
    /// `GET /v1/listen` WebSocket (Deepgram live).
    case listen
    /// `POST /v1/speak` (Deepgram Aura text-to-speech).
    case aura
    /// `POST /v1/text-to-speech/{voice_id}[/stream]` (ElevenLabs).
    case elevenlabs
    /// `POST /cognitiveservices/v1` (Azure AI Speech, SSML in).
    case azure
    /// `POST /tts/bytes` (Cartesia, JSON in).
    case cartesia
    /// `POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json` (Twilio's REST API, updating a live call).
    case twilio
}

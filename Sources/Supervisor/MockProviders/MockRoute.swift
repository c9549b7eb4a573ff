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
}

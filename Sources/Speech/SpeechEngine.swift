/// What a text-to-speech stage asks of an engine: a request in, its audio out as chunks
/// while it is made (in the request's format), then the end or an error. `EspeakSynthesizer`
/// is one; an HTTP engine (OpenAI, Aura, ElevenLabs, Azure…) can be another, mapping `voice`
/// to its own voice names and converting or asking for the request's `format`.
///
/// A stage that caches clips collects the chunks (audio and words) and stores the clip only
/// when the sequence has ended without error, so nothing partial is ever cached.
public protocol SpeechEngine: Sendable {
    associatedtype Chunks: AsyncSequence<SpeechChunk, any Error>

    /// Starts `request`; throws at once when it cannot even be queued (bad request, busy).
    /// Cancelling the task that reads the chunks stops the synthesis.
    func stream(_ request: SpeechRequest) throws -> Chunks
}

extension EspeakSynthesizer: SpeechEngine {}

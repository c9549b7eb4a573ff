import Providers
import Speech

/// The embedded engine: the process's one espeak-ng (`EspeakSynthesizer.shared`), with a
/// voice, pace and pitch of its own.
public struct EspeakTTSEngine: TTSEngine {
    public let name = "espeak"
    public var voice: String
    public var rate: Int
    public var pitch: Int
    var synthesizer: EspeakSynthesizer

    public init(voice: String = "en-us", rate: Int = 175, pitch: Int = 50, synthesizer: EspeakSynthesizer = .shared) {
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.synthesizer = synthesizer
    }

    public var voiceIdentity: String { "espeak voice=\(voice) rate=\(rate) pitch=\(pitch)" }

    public func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error> {
        let speech = try synthesizer.stream(SpeechRequest(text: text, voice: voice, rate: rate, pitch: pitch, format: format, group: group))
        // Pulled, not pushed: converted in the reader's task as it asks, and dropping this
        // stream drops the speech stream (which cancels the job).
        return AsyncThrowingStream(pulling: speech.makeAsyncIterator())
    }
}

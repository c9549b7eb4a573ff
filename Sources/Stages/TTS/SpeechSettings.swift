import Resilience
import Speech
import SpeechCache

/// Everything `tts-cache` speaks with: the engines in failover order, the store, the format.
/// Built once (per process, per distinct options) and shared by every call.
public struct SpeechSettings: Sendable {
    /// The engines as failover runs them, each behind its breaker and limiter.
    public var failover: Failover<SpeechJob, SpeechChunk>
    /// Each engine's `voiceIdentity`, by name: a clip is stored under the voice that made it.
    public var voices: [String: String]
    /// The first engine's name: lookups use its voice.
    public var primary: String
    /// nil: `--cache off`.
    public var store: (any ClipStore)?
    public var format: SpeechFormat
    /// Length of the audio frames sent (the last of a sentence may be shorter).
    public var frameMs: Int
    /// A sentence longer than this (after normalization) is refused with an `error` event.
    public var maxChars: Int
    /// Makes text fit to speak before it is keyed and synthesized (Markdown and symbols out;
    /// numbers, money, times, dates and addresses in words; the lexicon); nil: `--no-normalize`.
    public var speakable: SpeakableText?
    /// The language numbers are said in: a language code or the first engine's voice name
    /// (`SpeakableText.normalize` reads `hi`, `hi-IN-…` as Hindi, anything else as English).
    public var language: String

    /// `engines` in order; `resilient` wraps each for failover (breaker, limiter).
    public init(engines: [any TTSEngine], resilient: (any TTSEngine) -> FailoverEngine<SpeechJob, SpeechChunk> = { $0.failoverEngine() },
                store: (any ClipStore)?, format: SpeechFormat = .telephone, frameMs: Int = 20, maxChars: Int = 2000,
                speakable: SpeakableText? = nil, language: String = "en") {
        precondition(!engines.isEmpty, "tts-cache needs at least one engine")
        failover = Failover(engines: engines.map(resilient))
        voices = Dictionary(engines.map { ($0.name, $0.voiceIdentity) }, uniquingKeysWith: { first, _ in first })
        primary = engines[0].name
        self.store = store
        self.format = format
        self.frameMs = frameMs
        self.maxChars = maxChars
        self.speakable = speakable
        self.language = language
    }

    /// What is synthesized for `text` (`spoken.said`), and what its cache key is made of.
    public func said(_ text: String) -> String {
        SpeechText.normalized(speakable.map { $0.normalize(text, language: language) } ?? text)
    }
}

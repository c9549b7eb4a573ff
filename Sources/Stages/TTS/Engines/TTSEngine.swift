import Resilience
import Speech

/// A text-to-speech engine as `tts-cache` uses it: espeak-ng in-process, or a provider over
/// HTTP. Each is built with its own voice settings; a request is only the text and the format.
public protocol TTSEngine: Sendable {
    /// `espeak`, `openai`, `deepgram`, `elevenlabs`, `azure`, `cartesia`: in traces, in
    /// `spoken.engine` and in error messages.
    var name: String { get }
    /// Everything besides text and format that decides how this engine sounds — its name,
    /// voice, model, pace, pitch — as one string. Part of the cache key, so clips of two
    /// voices never mix.
    var voiceIdentity: String { get }
    /// Starts saying `text` in `format` and streams the audio as it is made, converted to
    /// `format` if the engine cannot produce it directly. Throws before the first chunk when the
    /// engine cannot start (refused request, HTTP error status, bad voice). Cancelling the task
    /// that reads the stream stops the work (aborts the HTTP transfer, drops espeak's job).
    /// `group` ties the request to a turn (espeak drops a cancelled turn's queued work).
    func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error>
}

extension TTSEngine {
    /// The engine as `Failover` runs it, behind its own breaker and limiter.
    public func failoverEngine(breaker: CircuitBreaker? = nil, limiter: AIMDLimiter? = nil) -> FailoverEngine<SpeechJob, SpeechChunk> {
        FailoverEngine(name: name, breaker: breaker, limiter: limiter) { job in
            try await synthesize(job.text, format: job.format, group: job.group)
        }
    }
}

/// One sentence to synthesize, as failover hands it to each engine in turn.
public struct SpeechJob: Sendable {
    public var text: String
    public var format: SpeechFormat
    public var group: String?

    public init(text: String, format: SpeechFormat, group: String? = nil) {
        self.text = text
        self.format = format
        self.group = group
    }
}

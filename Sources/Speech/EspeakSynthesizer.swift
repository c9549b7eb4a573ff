import Synchronization

/// The process's espeak-ng: requests from any task queue to one dedicated thread, and each
/// comes back as a `SpeechStream` that yields audio while the rest is still being made.
///
/// ```swift
/// let speech = try EspeakSynthesizer.shared.stream(SpeechRequest(text: "Thanks for calling.", group: "t3"))
/// for try await chunk in speech { send(chunk.audio); words += chunk.words }
/// ```
///
/// libespeak-ng keeps global state, so there is exactly one (`shared`); synthesis is
/// ~300–700× faster than real time, so one thread serves many calls. Requests run in arrival
/// order; conversion to the requested rate and codec happens in the reader's task, so the
/// thread only ever runs espeak.
public final class EspeakSynthesizer: Sendable {
    public static let nativeRate = 22050

    public struct Configuration: Sendable {
        /// Requests allowed to wait for the thread; more throw `SpeechError.queueFull`.
        public var queueLimit = 256
        /// Audio a request may run ahead of its reader before the thread waits for it.
        public var bufferSeconds = 60.0
        /// How long the thread waits for a reader that takes nothing before failing it.
        public var stallTimeout: Duration = .seconds(5)

        public init() {}
    }

    /// The one instance. Its thread starts (and espeak-ng loads) on first use.
    public static let shared = EspeakSynthesizer()

    private let settings = Mutex(Configuration())
    private let thread: SynthesisThread
    /// Jobs not yet finished, so `cancel(group:)` can reach the one being spoken.
    private let running = Mutex<[ObjectIdentifier: EspeakJob]>([:])

    private init() { thread = SynthesisThread() }

    /// The limits new requests get (a process sets them once, at start-up).
    public var configuration: Configuration { settings.withLock { $0 } }

    public func configure(_ change: (inout Configuration) -> Void) { settings.withLock { change(&$0) } }

    /// Queues `request` and returns its audio as it is produced. Throws at once for a bad
    /// request or a full queue; an unknown voice or an engine failure is thrown by the stream.
    /// Cancelling the reading task (or dropping the stream) stops the synthesis.
    public func stream(_ request: SpeechRequest) throws(SpeechError) -> SpeechStream {
        try stream(request, configuration: configuration)
    }

    /// `stream(_:)` with limits of its own (tests use small ones without changing the process's).
    func stream(_ request: SpeechRequest, configuration: Configuration) throws(SpeechError) -> SpeechStream {
        try Self.validate(request)
        let job = EspeakJob(request: request,
            bufferSamples: Int(configuration.bufferSeconds * Double(Self.nativeRate)), stallTimeout: configuration.stallTimeout)
        let ticket = SpeechTicket(job: job, synthesizer: self)
        running.withLock { $0[ObjectIdentifier(job)] = job }
        do throws(SpeechError) { try thread.submit(.speak(job), limit: configuration.queueLimit) } catch {
            running.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(job)) }
            throw error
        }
        return SpeechStream(ticket: ticket, format: request.format)
    }

    /// The whole clip at once (for a mock provider, or to fill a cache).
    public func synthesize(_ request: SpeechRequest) async throws -> SpeechClip {
        var clip = SpeechClip(audio: [], words: [], format: request.format)
        for try await chunk in try stream(request) {
            clip.audio += chunk.audio
            clip.words += chunk.words
        }
        return clip
    }

    /// Drops every request of `group`: queued ones never start, the one being spoken stops at
    /// its next buffer. Their streams throw `SpeechError.cancelled`.
    public func cancel(group: String) {
        let error = SpeechError.cancelled(group: group)
        for job in thread.remove(where: { $0.request.group == group }) {
            job.drop(error)
            forget(job)
        }
        let active = running.withLock { $0.values.filter { $0.request.group == group } }
        for job in active { job.drop(error) }
    }

    /// The voices espeak-ng has (loads it if this is the first use).
    public func voices() async throws -> [EspeakVoice] {
        try await withCheckedThrowingContinuation { continuation in
            do {
                try thread.submit(.call { engine, error in
                    if let engine { continuation.resume(returning: engine.voices) } else {
                        continuation.resume(throwing: error ?? .engine("not started"))
                    }
                }, limit: configuration.queueLimit)
            } catch { continuation.resume(throwing: error) }
        }
    }

    func cancel(_ job: EspeakJob) {
        _ = thread.remove(where: { $0 === job })
        job.drop(.cancelled(group: job.request.group ?? "the request"))
        forget(job)
    }

    func forget(_ job: EspeakJob) { running.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(job)) } }

    static func validate(_ request: SpeechRequest) throws(SpeechError) {
        guard request.text.contains(where: { !$0.isWhitespace }) else { throw .emptyText }
        guard SpeechRequest.rates.contains(request.rate) else { throw .badRate(request.rate) }
        guard SpeechRequest.pitches.contains(request.pitch) else { throw .badPitch(request.pitch) }
        guard SpeechFormat.rates.contains(request.format.rate) else { throw .badFormat(request.format) }
        if let script = WritingSystem.unreadable(in: request.text, by: request.voice) { throw .unreadableScript(voice: request.voice, script: script) }
    }
}

/// Ties a job to its stream: when the last copy of the stream and its iterator are gone, an
/// unfinished job is cancelled, so an abandoned reader never keeps the thread busy.
final class SpeechTicket: Sendable {
    let job: EspeakJob
    let synthesizer: EspeakSynthesizer

    init(job: EspeakJob, synthesizer: EspeakSynthesizer) {
        self.job = job
        self.synthesizer = synthesizer
    }

    deinit { synthesizer.cancel(job) }
}

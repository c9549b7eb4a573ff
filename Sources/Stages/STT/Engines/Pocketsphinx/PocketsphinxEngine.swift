import Audio
import Channels
import Speech

/// The embedded recognizer: pocketsphinx with Debian's US English model, decoders borrowed per
/// utterance from the process's `PocketsphinxDecoderPool`.
///
/// With a grammar, each utterance is recognised with one public rule of it (the one the last
/// `listen` named, else the first): accurate on telephone audio, but it can only return
/// sentences of the grammar. Without one, it decodes free-form with the n-gram model, which
/// is poor on telephone audio (see the README's numbers). `fallbackSearch` combines them: a
/// poor grammar match is decoded again free-form.
///
/// Results: an interim whenever the partial hypothesis changes (checked every 100 ms of
/// audio), and at the `end` one final with `isLast`. Its `confidence` is the posterior
/// probability of the returned words in the utterance's word lattice (`ps_get_prob`): how
/// much of the lattice's probability mass the best path holds, not a calibrated chance of
/// being right; 0 for an empty result. `startTs`/`endTs` are the span of audio decoded.
public struct PocketsphinxEngine: STTEngine {
    public let name = "pocketsphinx"
    public let pool: PocketsphinxDecoderPool
    public let grammar: RecognitionGrammar?
    public let fallbackSearch: Bool

    /// How much speech may wait for a free decoder before the engine gives up on the call.
    public static let backlogSeconds = 30
    /// A grammar match whose posterior is below this (or that found nothing) is decoded again
    /// free-form when `fallbackSearch` is set. Measured: a grammar search's lattice posterior
    /// is 1.0 even for speech outside the grammar forced onto it, so in practice the second
    /// pass runs when the grammar finds nothing.
    public static let fallbackConfidence = 0.5

    static let format = SpeechFormat(codec: .pcm16, rate: 16000)
    /// Audio between two looks at the partial hypothesis (100 ms).
    static let interimSamples = 1600

    public init(pool: PocketsphinxDecoderPool, grammar: RecognitionGrammar? = nil, fallbackSearch: Bool = false) {
        self.pool = pool
        self.grammar = grammar
        self.fallbackSearch = fallbackSearch
    }

    public func inputFormat(for call: SpeechFormat) -> SpeechFormat { Self.format }

    public func recognize(_ input: BoundedChannel<RecognitionInput>, emit: @escaping @Sendable (Recognition) async throws -> Void) async throws {
        // Input is moved here at once, so that audio is kept (up to a bound) while every
        // decoder is busy, rather than holding the stage back.
        let backlogBytes = Self.backlogSeconds * Self.format.bytesPerSecond
        let backlog = BoundedChannel<RecognitionInput>(limits: .init(count: 16_384, weight: backlogBytes)) { item in
            if case .audio(let chunk) = item { chunk.bytes.count } else { 0 }
        }
        // Whatever ends recognition (the input's end, an error, cancellation), a producer still
        // sending must not wait for a reader that has gone.
        defer { input.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { backlog.finish() }
                for await item in input {
                    switch backlog.offer(item) {
                    case .accepted: continue
                    case .full: throw PocketsphinxError.backlogFull(seconds: Self.backlogSeconds)
                    case .closed: return
                    }
                }
            }
            group.addTask {
                defer { backlog.close() }
                try await decodeUtterances(backlog, emit: emit)
            }
            for try await _ in group {}
        }
    }

    private func decodeUtterances(_ backlog: BoundedChannel<RecognitionInput>, emit: @escaping @Sendable (Recognition) async throws -> Void) async throws {
        var items = backlog.makeAsyncIterator()
        var next = await items.next()
        while let item = next {
            guard case .begin(let utterance, let ts, let listen) = item else {
                next = await items.next()  // audio or an end outside an utterance: nothing to decode
                continue
            }
            let outcome = try await pool.withDecoder { thread in
                var decoding = UtteranceDecoding(engine: self, thread: thread, utterance: utterance, ts: ts, emit: emit)
                try await decoding.begin(listen: listen)
                return try await decoding.run(&items)
            }
            switch outcome {
            case .finished(let last):
                try await emit(last)
                next = await items.next()
            case .interrupted(let following):
                next = following
            }
        }
    }
}

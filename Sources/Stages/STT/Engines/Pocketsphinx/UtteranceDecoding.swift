import Audio
import Channels

/// One utterance on a borrowed decoder: from its `begin` to its `end`.
struct UtteranceDecoding {
    enum Outcome {
        /// The utterance's last result, to emit once the decoder is back in the pool.
        case finished(Recognition)
        /// Input ended (nil), or a new `begin` came before this utterance's `end`: it is dropped.
        case interrupted(RecognitionInput?)
    }

    let engine: PocketsphinxEngine
    let thread: DecoderThread
    let utterance: Int
    let emit: @Sendable (Recognition) async throws -> Void
    /// Call milliseconds of the utterance's first sample (the decoder counts frames from it).
    private var audioTs: Int
    private var isGrammarSearch = false
    /// The search the utterance is decoded with.
    private var search = ""
    private var pending: [Int16] = []
    private var lastPartial = ""
    /// The whole utterance, for the final's second pass; nil once it outgrows the backlog bound.
    private var kept: [Int16]? = nil

    init(engine: PocketsphinxEngine, thread: DecoderThread, utterance: Int, ts: Int, emit: @escaping @Sendable (Recognition) async throws -> Void) {
        self.engine = engine
        self.thread = thread
        self.utterance = utterance
        self.audioTs = ts
        self.emit = emit
    }

    mutating func begin(listen: ListenContext?) async throws {
        let grammar = engine.grammar
        let rule = grammar?.rule(for: listen)
        search = try await thread.perform { decoder in
            let search = if let grammar, let rule { try decoder.search(for: grammar, rule: rule) } else { decoder.freeFormSearch }
            decoder.begin(search: search)
            return search
        }
        isGrammarSearch = grammar != nil
        if isGrammarSearch { kept = [] }
    }

    mutating func run(_ items: inout BoundedChannel<RecognitionInput>.Iterator) async throws -> Outcome {
        var sawAudio = false
        while let item = await items.next() {
            switch item {
            case .audio(let chunk):
                guard chunk.format == PocketsphinxEngine.format else { continue }
                if !sawAudio {
                    sawAudio = true
                    audioTs = chunk.ts
                }
                let samples = PCM16.samples(chunk.bytes)
                pending += samples
                if kept != nil {
                    kept! += samples
                    if kept!.count > PocketsphinxEngine.backlogSeconds * PocketsphinxEngine.format.rate { kept = nil }
                }
                if pending.count >= PocketsphinxEngine.interimSamples { try await feedPending() }
            case .end:
                return .finished(try await finish())
            case .begin:
                return .interrupted(item)
            }
        }
        return .interrupted(nil)
    }

    /// Decodes the audio gathered so far and reports a changed partial hypothesis.
    private mutating func feedPending() async throws {
        let batch = pending
        pending = []
        let partial = try await thread.perform { $0.feed(batch) }
        guard !partial.isEmpty, partial != lastPartial else { return }
        lastPartial = partial
        try await emit(Recognition(utterance: utterance, text: partial, isFinal: false))
    }

    /// The first pass (the one interims came from) normalised the utterance with the telephone
    /// average cepstrum; a grammar search's final decodes it again normalised with its own
    /// mean, which suits this caller's voice and line (free-form is left to one pass: it costs
    /// about RTF 0.2 already). Tuning set, grammar rule per state: sentence accuracy
    /// clean 31 → 57 %, at 10 dB SNR 7 → 25 % (pocketsphinx alone, /tmp harness).
    private mutating func finish() async throws -> Recognition {
        let batch = pending
        pending = []
        let (kept, search) = (kept, search)
        var hypothesis = try await thread.perform { decoder in
            _ = decoder.feed(batch)
            let first = decoder.finish()
            guard let kept, let mean = decoder.utteranceCepstralMean() else { return first }
            return decoder.decode(kept, search: search, cepstralMean: mean)
        }
        if isGrammarSearch, engine.fallbackSearch, let kept,
           hypothesis.text.isEmpty || hypothesis.confidence < PocketsphinxEngine.fallbackConfidence {
            let freeForm = try await thread.perform { $0.decode(kept, search: $0.freeFormSearch) }
            if !freeForm.text.isEmpty { hypothesis = freeForm }
        }
        // The span decoded, not word boundaries: this pocketsphinx numbers segment frames from
        // the decoder's start, not the utterance's, and not reliably so in grammar searches.
        return Recognition(
            utterance: utterance, text: hypothesis.text, isFinal: true, isLast: true, confidence: hypothesis.confidence,
            startTs: audioTs, endTs: audioTs + hypothesis.frames * 10)
    }
}

import Audio
import Channels
import Foundation
import Speech
import Stages
import Synchronization

/// Telephone speech for the pocketsphinx tests, and a driver that feeds utterances to an
/// engine through its `recognize(_:emit:)` as the stage does.
enum PocketsphinxTestSupport {
    /// One pool for the whole test process, as in a real one (`ps_init` is 0.3 s).
    static let pool = PocketsphinxDecoderPool(size: 2)

    /// `text` spoken by espeak-ng, through the telephone path: 8 kHz, µ-law and back, then
    /// resampled to the 16 kHz the engine asks for; 300 ms of silence either side (pre-roll).
    static func telephoneSpeech(_ text: String, voice: String = "en-us") async throws -> [Int16] {
        let speech = try await SynthesizedSpeech(text, voice: voice, rate: 8000)
        let padded = TestSignal.silence(ms: 300, rate: 8000) + speech.samples + TestSignal.silence(ms: 300, rate: 8000)
        let telephone = MuLaw.decode(MuLaw.encode(padded))
        return try Resampler.resample(telephone, from: 8000, to: 16000, quality: .medium)
    }

    struct Utterance {
        var samples: [Int16]
        var listen: ListenContext? = nil
    }

    /// Runs `engine` over `utterances` (begin, 20 ms chunks, end; 1 s apart in call time) and
    /// returns every result in order.
    static func recognize(_ engine: PocketsphinxEngine, _ utterances: [Utterance]) async throws -> [Recognition] {
        let input = BoundedChannel<RecognitionInput>(limits: .init(count: 64))
        let results = Mutex<[Recognition]>([])
        async let run: Void = engine.recognize(input) { result in results.withLock { $0.append(result) } }
        var ts = 0
        // An engine that stops early closes its input: its error comes from `run`.
        do {
        for (index, utterance) in utterances.enumerated() {
            try await input.send(.begin(utterance: index + 1, ts: ts, listen: utterance.listen))
            for start in stride(from: 0, to: utterance.samples.count, by: 320) {
                let chunk = Array(utterance.samples[start..<min(start + 320, utterance.samples.count)])
                try await input.send(.audio(AudioChunk(format: SpeechFormat(codec: .pcm16, rate: 16000), ts: ts + start / 16, bytes: PCM16.bytes(chunk))))
            }
            ts += utterance.samples.count / 16
            try await input.send(.end(utterance: index + 1, ts: ts))
            ts += 1000
        }
        } catch is ChannelClosed {}
        input.finish()
        try await run
        return results.withLock { $0 }
    }

    /// Word error rate of `hypothesis` against `reference` (word-level edit distance / words).
    static func wordErrorRate(_ hypothesis: String, reference: String) -> Double {
        let hyp = hypothesis.split(separator: " ")
        let ref = reference.split(separator: " ")
        var row = Array(0...hyp.count)
        for (i, word) in ref.enumerated() {
            let previous = row
            row[0] = i + 1
            for j in hyp.indices {
                row[j + 1] = min(previous[j + 1] + 1, row[j] + 1, previous[j] + (hyp[j] == word ? 0 : 1))
            }
        }
        return Double(row[hyp.count]) / Double(max(1, ref.count))
    }
}

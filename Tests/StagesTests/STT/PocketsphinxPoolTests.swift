import Audio
import Channels
import Foundation
import Speech
import Stages
import Synchronization
import Testing

@Suite("Pocketsphinx decoder pool", .serialized)
struct PocketsphinxPoolTests {
    typealias Support = PocketsphinxTestSupport

    static let grammar = try! RecognitionGrammar(jsgf: """
        #JSGF V1.0;
        grammar answers;
        public <utterance> = yes [please] | no [thanks] | when are you open | i would like to book an appointment;
        """, file: "answers.gram")

    @Test("20 concurrent streams all get their words from at most 2 decoders")
    func concurrentStreams() async throws {
        let pool = PocketsphinxDecoderPool(size: 2)
        let engine = PocketsphinxEngine(pool: pool, grammar: Self.grammar, fallbackSearch: false)
        let phrases = ["yes please", "when are you open", "no thanks", "i would like to book an appointment"]
        var spoken: [[Int16]] = []
        for phrase in phrases { spoken.append(try await Support.telephoneSpeech(phrase)) }
        let speech = spoken
        let started = ContinuousClock.now
        let heard = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for stream in 0..<20 {
                group.addTask {
                    let utterances = (0..<2).map { Support.Utterance(samples: speech[(stream + $0) % phrases.count]) }
                    let results = try await Support.recognize(engine, utterances)
                    return (stream, results.filter(\.isLast).map(\.text))
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        print("20 streams × 2 utterances in \(ContinuousClock.now - started)")
        for stream in 0..<20 {
            #expect(heard[stream] == [phrases[stream % phrases.count], phrases[(stream + 1) % phrases.count]], "stream \(stream)")
        }
        // Created decoders are never dropped (unless ps_init fails), so the count now is the peak.
        #expect(pool.decodersCreated == 2)
        #expect(pool.decodersInUse == 0 && pool.waiting == 0)
    }

    @Test("cancelling a waiting stream leaves the queue; cancelling a decoding one gives its decoder back")
    func cancellation() async throws {
        let pool = PocketsphinxDecoderPool(size: 1)
        let engine = PocketsphinxEngine(pool: pool, grammar: Self.grammar, fallbackSearch: false)
        let format = SpeechFormat(codec: .pcm16, rate: 16000)
        let silence = AudioChunk(format: format, ts: 0, bytes: [UInt8](repeating: 0, count: 640))
        func openUtterance() async throws -> (BoundedChannel<RecognitionInput>, Task<Void, any Error>) {
            let input = BoundedChannel<RecognitionInput>(limits: .init(count: 64))
            let task = Task { try await engine.recognize(input) { _ in } }
            try await input.send(.begin(utterance: 1, ts: 0, listen: nil))
            try await input.send(.audio(silence))
            return (input, task)
        }
        let (_, holder) = try await openUtterance()
        #expect(try await Self.eventually { pool.decodersInUse == 1 })
        let (_, waiter) = try await openUtterance()
        #expect(try await Self.eventually { pool.waiting == 1 })
        waiter.cancel()
        #expect(try await Self.eventually { pool.waiting == 0 })
        #expect(pool.decodersInUse == 1)
        holder.cancel()
        #expect(try await Self.eventually { pool.decodersInUse == 0 })
        _ = await (holder.result, waiter.result)
        // The decoder left mid-utterance serves the next call normally.
        let results = try await Support.recognize(engine, [.init(samples: await Support.telephoneSpeech("no thanks"))])
        #expect(results.last?.text == "no thanks")
        #expect(pool.decodersCreated == 1)
    }

    static func eventually(timeout: Duration = .seconds(60), _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return true
    }
}

import Foundation
import Speech
import SpeechCache
import Stages
import SwitchboardCore

/// The stage's own numbers: a sentence in, its frames and `spoken` out, one at a time, on a hit
/// (the same sentence again) and on a miss (espeak-ng, a new sentence each time, cache off).
struct StageLatency {
    let store: any ClipStore

    func report(loads: Int) async throws {
        let hit = try await measure(TTSCache(settings: SpeechSettings(engines: [EspeakTTSEngine()], store: store)), count: loads) { _ in
            TTSBench.clipText
        }
        print("hit through the stage, sentence in → first frame   \(hit.first.summary)")
        print("hit through the stage, sentence in → spoken out    \(hit.whole.summary)")
        let miss = try await measure(TTSCache(settings: SpeechSettings(engines: [EspeakTTSEngine()], store: nil)), count: 200) { index in
            "Your appointment number \(index) is confirmed for tomorrow."
        }
        print("miss (espeak-ng), sentence in → first frame        \(miss.first.summary)")
        print("miss (espeak-ng), sentence in → spoken out         \(miss.whole.summary)")
    }

    private func measure(_ stage: TTSCache, count: Int, text: @escaping (Int) -> String) async throws -> (first: LatencySample, whole: LatencySample) {
        let (input, feed) = AsyncStream.makeStream(of: Frame.self)
        let (signals, signal) = AsyncStream.makeStream(of: Signal.self)
        let running = Task { try await stage.run(input, to: SignallingSink(signal: signal)) }
        var first = LatencySample()
        var whole = LatencySample()
        var iterator = signals.makeAsyncIterator()
        for index in 0..<count {
            let start = ContinuousClock.now
            feed.yield(.event(Event("sentence", ["turn": .int(index), "index": 0, "text": .string(text(index))])))
            var firstAt: ContinuousClock.Instant?
            while let next = await iterator.next() {
                if case .firstFrame = next, firstAt == nil { firstAt = .now }
                if case .spoken = next { break }
            }
            first.add((firstAt ?? .now) - start)
            whole.add(ContinuousClock.now - start)
        }
        feed.finish()
        try await running.value
        return (first, whole)
    }

    enum Signal: Sendable { case firstFrame, spoken }

    /// Tells the measuring loop when a sentence's first frame and its `spoken` event arrive.
    struct SignallingSink: FrameSink {
        let signal: AsyncStream<Signal>.Continuation
        func send(_ frame: Frame) async throws {
            // Each sentence is a turn of its own, so its first frame is the one at media time 0.
            if frame.audio?.ts == 0 { signal.yield(.firstFrame) } else if frame.event?.type == "spoken" { signal.yield(.spoken) }
        }
        func finish() async throws {}
    }
}

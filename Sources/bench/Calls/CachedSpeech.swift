import SwitchboardCore

/// Stands in for `tts-cache` on a cache hit: each `sentence` becomes µ-law audio at once
/// (60 ms per character, at most 3 s, sliced from one shared buffer) and a `spoken` event,
/// so the benchmark measures the runtime and not a synthesizer.
struct CachedSpeech: ProcessingStage {
    let name = "cached-speech"
    private static let clip = [UInt8]((0..<24_000).map { UInt8(truncatingIfNeeded: 0x80 | ($0 * 37) % 64) })

    func makeProcessor() -> any FrameProcessor { Processor() }

    struct Processor: FrameProcessor {
        func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            guard let event = frame.event, event.type == "sentence", let turn = event["turn"]?.int,
                let index = event["index"]?.int, let text = event["text"]?.string
            else {
                output.append(frame)
                return .more
            }
            let bytes = min(text.count * 480, CachedSpeech.clip.count)
            var ts = 0
            for start in stride(from: 0, to: bytes, by: 160) {
                let payload = Array(CachedSpeech.clip[start..<min(start + 160, bytes)])
                output.append(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: ts, turn: turn, payload: payload)))
                ts += 20
            }
            output.append(.event(Event("spoken", [
                "turn": .int(turn), "index": .int(index), "text": .string(text), "said": .string(text),
                "ms": .int(bytes / 8), "cache": "hit",
            ])))
            return .more
        }

        func finish(into output: inout [Frame]) {}
    }
}

import SwitchboardCore

/// Stands in for `tts-cache` on a cache hit: each `sentence` becomes µ-law audio at once
/// (60 ms per character, at most 3 s, sliced from one shared buffer) and a `spoken` event,
/// so the benchmark measures the runtime and not a synthesizer.
struct CachedSpeech: Stage {
    let name = "cached-speech"
    private static let clip = [UInt8]((0..<24_000).map { UInt8(truncatingIfNeeded: 0x80 | ($0 * 37) % 64) })

    func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        for await frame in input {
            guard let event = frame.event, event.type == "sentence", let turn = event["turn"]?.int,
                let index = event["index"]?.int, let text = event["text"]?.string
            else {
                try await output.send(frame)
                continue
            }
            let bytes = min(text.count * 480, Self.clip.count)
            var ts = 0
            for start in stride(from: 0, to: bytes, by: 160) {
                let payload = Array(Self.clip[start..<min(start + 160, bytes)])
                try await output.send(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: ts, turn: turn, payload: payload)))
                ts += 20
            }
            try await output.send(.event(Event("spoken", [
                "turn": .int(turn), "index": .int(index), "text": .string(text), "said": .string(text),
                "ms": .int(bytes / 8), "cache": "hit",
            ])))
        }
    }
}

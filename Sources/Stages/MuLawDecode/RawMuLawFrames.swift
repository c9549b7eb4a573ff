import Audio
import SwitchboardCore

/// Headerless 8 kHz µ-law bytes as 20 ms audio frames, between a `start` and a `stop`.
public struct RawMuLawFrames<Chunks: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Chunks.Element == [UInt8], Chunks.Failure == Never {
    public typealias Element = Frame
    public typealias Failure = Never

    public let chunks: Chunks
    public let source: String
    public let frameMs: Int

    public init(chunks: Chunks, source: String = "stdin", frameMs: Int = 20) {
        self.chunks = chunks
        self.source = source
        self.frameMs = frameMs
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: chunks.makeAsyncIterator(), source: source, chunker: AudioChunker(rate: 8000, bytesPerSample: 1, frameMs: frameMs))
    }

    public struct Iterator: AsyncIteratorProtocol {
        var chunks: Chunks.AsyncIterator
        let source: String
        var chunker: AudioChunker
        var phase = Phase.starting

        enum Phase { case starting, streaming, flushing, stopping, ended }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            while true {
                switch phase {
                case .starting:
                    phase = .streaming
                    return .event(.syntheticStart(source: source, codec: .mulaw, rate: 8000))
                case .streaming:
                    if let frame = chunker.nextFrame() { return audio(frame) }
                    if let chunk = await chunks.next(isolation: actor) { chunker.append(chunk) } else { phase = .flushing }
                case .flushing:
                    phase = .stopping
                    if let last = chunker.flush() { return audio(last) }
                case .stopping:
                    phase = .ended
                    return .event(Event("stop", ["reason": "end of input"]))
                case .ended:
                    return nil
                }
            }
        }

        public mutating func next() async -> Frame? { await next(isolation: nil) }

        private func audio(_ piece: (ts: Int, payload: [UInt8])) -> Frame {
            .audio(AudioFrame(codec: .mulaw, rate: 8000, ts: piece.ts, payload: piece.payload))
        }
    }
}

extension Event {
    /// The `start` a source emits when no telephony provider sent one (a file, raw bytes).
    public static func syntheticStart(source: String, codec: AudioCodec, rate: Int) -> Event {
        Event("start", [
            "v": 1, "call": .string(source), "stream": .null, "tenant": .null, "params": [:],
            "codec": .string(codec.rawValue), "rate": .int(rate),
        ])
    }
}

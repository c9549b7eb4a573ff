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
        var ready: [Frame] = []
        var phase = Phase.starting

        enum Phase { case starting, streaming, ended }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            while ready.isEmpty {
                switch phase {
                case .starting:
                    phase = .streaming
                    return .event(.syntheticStart(source: source, codec: .mulaw, rate: 8000))
                case .streaming:
                    if let chunk = await chunks.next(isolation: actor) {
                        ready = chunker.push(chunk).map { .audio(AudioFrame(codec: .mulaw, rate: 8000, ts: $0.ts, payload: $0.payload)) }
                    } else {
                        phase = .ended
                        if let last = chunker.flush() {
                            ready.append(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: last.ts, payload: last.payload)))
                        }
                        ready.append(.event(Event("stop", ["reason": "end of input"])))
                    }
                case .ended:
                    return nil
                }
            }
            return ready.removeFirst()
        }

        public mutating func next() async -> Frame? { await next(isolation: nil) }
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

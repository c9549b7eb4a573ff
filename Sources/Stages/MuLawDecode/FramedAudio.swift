import Audio
import SwitchboardCore

/// A source of audio bytes (raw µ-law from stdin, samples from a sound file) cut into frames
/// of `frameMs`, between the `start` and `stop` a telephony provider would have sent.
public struct FramedAudio<Bytes: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Bytes.Element == [UInt8], Bytes.Failure == Never {
    public typealias Element = Frame
    public typealias Failure = Never

    public let bytes: Bytes
    public let codec: AudioCodec
    public let rate: Int
    /// Names the input in the `start` event's `call` (a file path, or "stdin").
    public let source: String
    public let frameMs: Int

    public init(bytes: Bytes, codec: AudioCodec, rate: Int, source: String, frameMs: Int = 20) {
        self.bytes = bytes
        self.codec = codec
        self.rate = rate
        self.source = source
        self.frameMs = frameMs
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(bytes: bytes.makeAsyncIterator(), framing: self,
            chunker: AudioChunker(rate: rate, bytesPerSample: codec.bytesPerSample, frameMs: frameMs))
    }

    public struct Iterator: AsyncIteratorProtocol {
        var bytes: Bytes.AsyncIterator
        let framing: FramedAudio
        var chunker: AudioChunker
        var phase = Phase.starting

        enum Phase { case starting, streaming, flushing, stopping, ended }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            while true {
                switch phase {
                case .starting:
                    phase = .streaming
                    return .event(.syntheticStart(source: framing.source, codec: framing.codec, rate: framing.rate))
                case .streaming:
                    if let frame = chunker.nextFrame() { return audio(frame) }
                    if let chunk = await bytes.next(isolation: actor) { chunker.append(chunk) } else { phase = .flushing }
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
            .audio(AudioFrame(codec: framing.codec, rate: framing.rate, ts: piece.ts, payload: piece.payload))
        }
    }
}

extension FramedAudio where Bytes == SoundFileBytes {
    /// A sound file, opened at once so a bad path is reported before anything is sent.
    public init(soundFile path: String, frameMs: Int = 20) throws {
        let reader = try SoundFileReader(path: path)
        self.init(bytes: SoundFileBytes(reader: reader), codec: .pcm16, rate: reader.sampleRate, source: path, frameMs: frameMs)
    }
}

/// The samples of a sound file (mixed to mono) as pcm16 bytes, in pieces of 200 ms.
/// It is read once: the sequence shares the open file with its iterator.
public struct SoundFileBytes: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    public typealias Failure = Never
    let reader: SoundFileReader

    public func makeAsyncIterator() -> Iterator { Iterator(reader: reader) }

    public struct Iterator: AsyncIteratorProtocol {
        let reader: SoundFileReader
        public mutating func next(isolation actor: isolated (any Actor)?) async -> [UInt8]? {
            let samples = reader.read(reader.sampleRate / 5)
            return samples.isEmpty ? nil : PCM16.bytes(samples)
        }
        public mutating func next() async -> [UInt8]? { await next(isolation: nil) }
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

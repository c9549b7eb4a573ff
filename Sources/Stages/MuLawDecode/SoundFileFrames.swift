import Audio
import SwitchboardCore

/// A sound file as 20 ms pcm16 frames at the file's own rate, between a `start` and a `stop`.
public struct SoundFileFrames: AsyncSequence, Sendable {
    public typealias Element = Frame
    public typealias Failure = Never

    public let path: String
    public let frameMs: Int

    /// Opens the file at once, so a bad path is reported before anything is sent.
    public init(path: String, frameMs: Int = 20) throws {
        _ = try SoundFileReader(path: path)
        self.path = path
        self.frameMs = frameMs
    }

    public func makeAsyncIterator() -> Iterator { Iterator(path: path, frameMs: frameMs) }

    public struct Iterator: AsyncIteratorProtocol {
        let path: String
        let frameMs: Int
        var reader: SoundFileReader?
        var chunker: AudioChunker?
        var ready: [Frame] = []
        var finished = false

        init(path: String, frameMs: Int) {
            self.path = path
            self.frameMs = frameMs
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            if !ready.isEmpty { return ready.removeFirst() }
            if finished { return nil }
            guard let reader else {
                do {
                    let opened = try SoundFileReader(path: path)
                    reader = opened
                    chunker = AudioChunker(rate: opened.sampleRate, bytesPerSample: 2, frameMs: frameMs)
                    return .event(.syntheticStart(source: path, codec: .pcm16, rate: opened.sampleRate))
                } catch {
                    finished = true
                    return .error(stage: "mulaw-decode", message: "\(error)", fatal: true)
                }
            }
            let rate = reader.sampleRate
            while ready.isEmpty {
                let samples = reader.read(rate * frameMs / 1000 * 10)
                if samples.isEmpty {
                    if let last = chunker?.flush() {
                        ready.append(.audio(AudioFrame(codec: .pcm16, rate: rate, ts: last.ts, payload: last.payload)))
                    }
                    ready.append(.event(Event("stop", ["reason": "end of input"])))
                    finished = true
                } else {
                    ready = chunker!.push(PCM16.bytes(samples)).map {
                        .audio(AudioFrame(codec: .pcm16, rate: rate, ts: $0.ts, payload: $0.payload))
                    }
                }
            }
            return ready.removeFirst()
        }

        public mutating func next() async -> Frame? { await next(isolation: nil) }
    }
}

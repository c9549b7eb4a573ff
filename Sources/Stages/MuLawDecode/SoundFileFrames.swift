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
        var phase = Phase.starting

        enum Phase { case starting, streaming, flushing, stopping, ended }

        init(path: String, frameMs: Int) {
            self.path = path
            self.frameMs = frameMs
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            while true {
                switch phase {
                case .starting:
                    do {
                        let opened = try SoundFileReader(path: path)
                        reader = opened
                        chunker = AudioChunker(rate: opened.sampleRate, bytesPerSample: 2, frameMs: frameMs)
                        phase = .streaming
                        return .event(.syntheticStart(source: path, codec: .pcm16, rate: opened.sampleRate))
                    } catch {
                        phase = .ended
                        return .error(stage: "mulaw-decode", message: "\(error)", fatal: true)
                    }
                case .streaming:
                    if let frame = chunker!.nextFrame() { return audio(frame) }
                    let samples = reader!.read(reader!.sampleRate * frameMs / 100)
                    if samples.isEmpty { phase = .flushing } else { chunker!.append(PCM16.bytes(samples)) }
                case .flushing:
                    phase = .stopping
                    if let last = chunker!.flush() { return audio(last) }
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
            .audio(AudioFrame(codec: .pcm16, rate: reader!.sampleRate, ts: piece.ts, payload: piece.payload))
        }
    }
}

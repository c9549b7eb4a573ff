/// Re-cuts a stream of audio bytes into frames of a fixed duration (20 ms by default),
/// keeping the media time of each frame from the running sample count.
///
/// Bytes are appended as they come; frames are taken out one at a time from a read offset, so
/// nothing is shifted per frame.
public struct AudioChunker {
    public let rate: Int
    public let bytesPerSample: Int
    public let samplesPerFrame: Int
    public var startMs: Int
    private var pending: [UInt8] = []
    private var readIndex = 0
    /// Samples handed out so far; with `startMs`, the media time of the next frame.
    private var emittedSamples = 0

    public init(rate: Int, bytesPerSample: Int, frameMs: Int = 20, startMs: Int = 0) {
        self.rate = rate
        self.bytesPerSample = bytesPerSample
        self.samplesPerFrame = max(1, rate * frameMs / 1000)
        self.startMs = startMs
    }

    public var bufferedBytes: Int { pending.count - readIndex }

    /// Media time (ms) of the next sample to come out.
    public var nextTs: Int { startMs + emittedSamples * 1000 / rate }

    public mutating func append(_ bytes: [UInt8]) {
        if readIndex > 0 {
            pending.removeSubrange(0..<readIndex)
            readIndex = 0
        }
        pending.append(contentsOf: bytes)
    }

    /// The next complete frame, if there is one.
    public mutating func nextFrame() -> (ts: Int, payload: [UInt8])? {
        take(samplesPerFrame * bytesPerSample)
    }

    /// Appends bytes and returns every complete frame.
    public mutating func push(_ bytes: [UInt8]) -> [(ts: Int, payload: [UInt8])] {
        append(bytes)
        var frames: [(ts: Int, payload: [UInt8])] = []
        while let frame = nextFrame() { frames.append(frame) }
        return frames
    }

    /// The partial frame left over, if any (at end of stream, or before a mark).
    public mutating func flush() -> (ts: Int, payload: [UInt8])? {
        take(bufferedBytes / bytesPerSample * bytesPerSample)
    }

    /// Drops buffered audio without emitting it.
    public mutating func discard() {
        pending.removeAll(keepingCapacity: true)
        readIndex = 0
    }

    private mutating func take(_ count: Int) -> (ts: Int, payload: [UInt8])? {
        guard count > 0, bufferedBytes >= count else { return nil }
        let frame = (nextTs, Array(pending[readIndex..<readIndex + count]))
        readIndex += count
        emittedSamples += count / bytesPerSample
        return frame
    }
}

/// Re-cuts a stream of audio bytes into frames of a fixed duration (20 ms by default),
/// keeping the media time of each frame from the running sample count.
public struct AudioChunker {
    public let rate: Int
    public let bytesPerSample: Int
    public let samplesPerFrame: Int
    private var pending: [UInt8] = []
    /// Samples handed out so far; with `startMs`, the media time of the next frame.
    private var emittedSamples = 0
    public var startMs: Int

    public init(rate: Int, bytesPerSample: Int, frameMs: Int = 20, startMs: Int = 0) {
        self.rate = rate
        self.bytesPerSample = bytesPerSample
        self.samplesPerFrame = max(1, rate * frameMs / 1000)
        self.startMs = startMs
    }

    public var bufferedBytes: Int { pending.count }

    /// Media time (ms) of the next sample to come out.
    public var nextTs: Int { startMs + emittedSamples * 1000 / rate }

    /// Appends bytes and returns every complete frame as (ts, payload).
    public mutating func push(_ bytes: some Collection<UInt8>) -> [(ts: Int, payload: [UInt8])] {
        pending.append(contentsOf: bytes)
        let frameBytes = samplesPerFrame * bytesPerSample
        var frames: [(ts: Int, payload: [UInt8])] = []
        var offset = 0
        while pending.count - offset >= frameBytes {
            frames.append((nextTs, Array(pending[offset..<offset + frameBytes])))
            emittedSamples += samplesPerFrame
            offset += frameBytes
        }
        if offset > 0 { pending.removeFirst(offset) }
        return frames
    }

    /// The partial frame left over, if any (at end of stream, or before a mark).
    public mutating func flush() -> (ts: Int, payload: [UInt8])? {
        let whole = pending.count / bytesPerSample * bytesPerSample
        guard whole > 0 else { return nil }
        let frame = (nextTs, Array(pending[0..<whole]))
        emittedSamples += whole / bytesPerSample
        pending.removeAll(keepingCapacity: true)
        return frame
    }

    /// Drops buffered audio without emitting it; time keeps running as if it had played.
    public mutating func discard() {
        pending.removeAll(keepingCapacity: true)
    }
}

import Audio

/// Both sides of a call in one stereo µ-law WAV at 8 kHz, written as the call goes: the caller
/// on the left as sent, the agent on the right as PLAYED — what the caller heard, silence where
/// nothing played, nothing of what a `clear` dropped. Frames are gathered and written about
/// once a second, so the line's 20 ms clock does not make a file write every tick.
public final class CallRecording {
    public let path: String
    private let writer: SoundFileWriter
    private var pending: [UInt8] = []
    /// About a second of stereo frames.
    private static let flushBytes = 2 * 8000

    public init(path: String) throws {
        writer = try SoundFileWriter(path: path, sampleRate: 8000, encoding: .mulaw, channels: 2)
        guard writer.storesMuLaw else {
            writer.close()
            throw SoundFileError("\(path): a call recording must be a µ-law file (.wav)")
        }
        self.path = path
    }

    /// One step of the line: what the caller sent and what the agent played, equally long.
    public func append(caller: [UInt8], agent: [UInt8]) throws {
        precondition(caller.count == agent.count, "both sides of a step cover the same time")
        pending.reserveCapacity(pending.count + 2 * caller.count)
        for index in caller.indices {
            pending.append(caller[index])
            pending.append(agent[index])
        }
        if pending.count >= Self.flushBytes { try flush() }
    }

    public func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        try writer.writeMuLaw(pending)
    }

    /// Writes what is left and closes the file; later appends fail.
    public func close() throws {
        defer { writer.close() }
        try flush()
    }
}

import SwitchboardCore

extension FrameReader where Chunks == ByteChunks {
    /// Frames from a file descriptor, e.g. `FrameReader(fileDescriptor: 0, stage: "vad")`.
    public init(fileDescriptor: Int32, stage: String, limits: FrameLimits = .standard) {
        self.init(chunks: ByteChunks(fileDescriptor: fileDescriptor), stage: stage, limits: limits)
    }
}

import SwitchboardCore

/// Writes only the audio payload bytes (headerless 8 kHz µ-law, as from `sox -t ul`).
public final class RawAudioWriter: FrameSink {
    private let output: FileDescriptorWriter

    public init(fileDescriptor: Int32 = 1) { output = FileDescriptorWriter(fileDescriptor: fileDescriptor) }

    public func send(_ frame: Frame) async throws {
        if case .audio(let audio) = frame { try await output.write(audio.payload) }
    }

    public func finish() async throws { try await output.finish() }
}

import Audio
import SwitchboardCore

/// Writes the audio to a sound file (its format from the extension); events are not kept.
public final class SoundFileSink: FrameSink, @unchecked Sendable {
    private let writer: SoundFileWriter

    public init(path: String, sampleRate: Int) throws {
        writer = try SoundFileWriter(path: path, sampleRate: sampleRate)
    }

    public func send(_ frame: Frame) async throws {
        guard case .audio(let audio) = frame else { return }
        guard audio.rate == writer.sampleRate else {
            throw SoundFileError("audio at \(audio.rate) Hz cannot go into a \(writer.sampleRate) Hz file")
        }
        try writer.write(audio.pcmSamples)
    }

    public func finish() async throws { writer.close() }
}

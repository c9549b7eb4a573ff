import Audio
import Logging
import Stdio
import Stages
import SwitchboardCore

/// Writes the audio to a sound file (its format from the extension); events are not kept,
/// but `error` events go to stderr.
public final class SoundFileSink: FrameSink, @unchecked Sendable {
    private let writer: SoundFileWriter
    private let logger: Logger

    public init(path: String, sampleRate: Int, logger: Logger) throws {
        writer = try SoundFileWriter(path: path, sampleRate: sampleRate)
        self.logger = logger
    }

    public func send(_ frame: Frame) async throws {
        guard case .audio(let audio) = frame else {
            if case .event(let event) = frame { logger.report(event) }
            return
        }
        guard audio.rate == writer.sampleRate else {
            throw SoundFileError("audio at \(audio.rate) Hz cannot go into a \(writer.sampleRate) Hz file")
        }
        try writer.write(audio.pcmSamples)
    }

    public func finish() async throws { writer.close() }
}

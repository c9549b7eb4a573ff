import Logging
import Stdio
import Stages
import SwitchboardCore

/// Writes only the audio payload bytes (headerless 8 kHz µ-law, as from `sox -t ul`);
/// `error` events go to stderr.
public final class RawAudioWriter: FrameSink {
    private let output: FileDescriptorWriter
    private let logger: Logger

    public init(fileDescriptor: Int32 = 1, logger: Logger) {
        output = FileDescriptorWriter(fileDescriptor: fileDescriptor)
        self.logger = logger
    }

    public func send(_ frame: Frame) async throws {
        switch frame {
        case .audio(let audio): try await output.write(audio.payload)
        case .event(let event): logger.report(event)
        }
    }

    public func finish() async throws { try await output.finish() }
}

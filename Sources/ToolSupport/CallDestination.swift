import Logging
import Stages
import StageOptions
import Stdio
import SwitchboardCore

/// Where agent frames go, as `mulaw-encode`'s output options say: frames on stdout, Twilio
/// messages, raw µ-law, or a sound file (`-o`). The `mulaw-encode` tool writes to it, and so
/// does `switchboard run` when its graph ends with `mulaw-encode`.
public enum CallDestination: FrameSink {
    case frames(FrameWriter)
    case twilio(TwilioMessageWriter)
    case raw(RawAudioWriter)
    case soundFile(SoundFileSink)

    /// Opens the destination; a sound file that cannot be created is exit status 73.
    public static func open(_ options: MuLawEncodeOptions, encoding: FrameEncoding, logger: Logger) throws -> CallDestination {
        if let outputFile = options.outputFile {
            do {
                return .soundFile(try SoundFileSink(path: outputFile, sampleRate: MuLawEncoder.rate, logger: logger))
            } catch {
                throw StageFailure(.cannotCreate, "\(error)")
            }
        }
        switch options.format {
        case .frames: return .frames(FrameWriter(fileDescriptor: 1, encoding: encoding))
        case .twilio: return .twilio(TwilioMessageWriter(fileDescriptor: 1, streamSid: options.streamSid, logger: logger))
        case .raw: return .raw(RawAudioWriter(fileDescriptor: 1, logger: logger))
        }
    }

    public func send(_ frame: Frame) async throws {
        switch self {
        case .frames(let sink): try await sink.send(frame)
        case .twilio(let sink): try await sink.send(frame)
        case .raw(let sink): try await sink.send(frame)
        case .soundFile(let sink): try await sink.send(frame)
        }
    }

    public func finish() async throws {
        switch self {
        case .frames(let sink): try await sink.finish()
        case .twilio(let sink): try await sink.finish()
        case .raw(let sink): try await sink.finish()
        case .soundFile(let sink): try await sink.finish()
        }
    }
}

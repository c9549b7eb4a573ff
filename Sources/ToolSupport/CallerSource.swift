import Stages
import StageOptions
import Stdio
import SwitchboardCore

/// Where caller frames come from, as `mulaw-decode`'s input options say: a sound file
/// (`-i`), or stdin as Twilio messages, raw µ-law or frames (`--format`, sniffed by default).
/// The `mulaw-decode` tool reads it, and so does `switchboard run` when its graph starts with
/// `mulaw-decode`: one choice of source for both.
public enum CallerSource: Sendable {
    case soundFile(FramedAudio<SoundFileBytes>)
    case twilio(TwilioMessageFrames<ByteChunks>)
    case raw(FramedAudio<ByteChunks>)
    case frames(FrameReader<ByteChunks>)

    /// Opens the source. A file that cannot be read is exit status 66; a sound file piped
    /// to stdin is a usage error (64): it must be named with `-i`.
    public static func open(_ options: MuLawDecodeOptions, stage: String) throws -> CallerSource {
        if let inputFile = options.inputFile {
            do {
                return .soundFile(try FramedAudio(soundFile: inputFile, frameMs: options.frameMs))
            } catch {
                throw StageFailure(.noInput, "\(error)")
            }
        }
        return try stdin(format: options.format, frameMs: options.frameMs, stage: stage)
    }

    /// Stdin in `format` (`.auto` looks at the first bytes).
    public static func stdin(format: MuLawDecodeOptions.InputFormat, frameMs: Int = 20, stage: String) throws -> CallerSource {
        var kind: InputKind
        var prefix: [UInt8] = []
        switch format {
        case .twilio: kind = .twilio
        case .raw: kind = .raw
        case .frames: kind = .frames
        case .auto: (kind, prefix) = InputSniffer.sniff(fileDescriptor: 0)
        }
        let chunks = ByteChunks(fileDescriptor: 0, prefix: prefix)
        switch kind {
        case .twilio: return .twilio(TwilioMessageFrames(chunks: chunks))
        case .raw: return .raw(FramedAudio(bytes: chunks, codec: .mulaw, rate: 8000, source: "stdin", frameMs: frameMs))
        case .frames: return .frames(FrameReader(chunks: chunks, stage: stage))
        case .soundFile(let container): throw StageFailure(.usage, "stdin holds a \(container) file: read it with -i FILE")
        }
    }

    /// True once the input has ended inside a frame payload (exit status 65).
    public var sawDataError: Bool {
        if case .frames(let reader) = self { return reader.status.sawDataError }
        return false
    }

    /// Sends every frame into `channel` (no faster than real time with `realtime`), then
    /// finishes it unless told not to. Returns early if the channel's reader goes away.
    public func pump(into channel: FrameChannel, realtime: Bool, finishing: Bool = true) async {
        switch self {
        case .soundFile(let source): await Self.pump(source, into: channel, realtime: realtime, finishing: finishing)
        case .twilio(let source): await Self.pump(source, into: channel, realtime: realtime, finishing: finishing)
        case .raw(let source): await Self.pump(source, into: channel, realtime: realtime, finishing: finishing)
        case .frames(let source): await Self.pump(source, into: channel, realtime: realtime, finishing: finishing)
        }
    }

    private static func pump(
        _ source: some AsyncSequence<Frame, Never> & Sendable, into channel: FrameChannel, realtime: Bool, finishing: Bool
    ) async {
        do {
            if realtime {
                for await frame in RealtimePaced(source) { try await channel.send(frame) }
            } else {
                for await frame in source { try await channel.send(frame) }
            }
        } catch {
            return  // the graph has stopped reading
        }
        if finishing { channel.finish() }
    }
}

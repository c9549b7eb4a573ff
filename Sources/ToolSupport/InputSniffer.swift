import Foundation
import Stdio
import SwitchboardCore

/// Reads the start of stdin to tell what kind of input it is, keeping the bytes it read so
/// they can be handed on (`ByteChunks(prefix:)`).
public enum InputKind: Equatable, Sendable {
    /// One Twilio Media Streams JSON message per line.
    case twilio
    /// Switchboard frames.
    case frames
    /// A sound file with a header (WAV, FLAC, Ogg, AIFF, AU).
    case soundFile(String)
    /// Anything else: headerless bytes.
    case raw
}

public enum InputSniffer {
    /// Reads from `fileDescriptor` until the first line is complete (or 64 KiB, or end of input).
    public static func sniff(fileDescriptor: Int32) -> (kind: InputKind, prefix: [UInt8]) {
        var prefix: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while prefix.count < 64 * 1024 {
            let n = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            prefix += chunk[0..<n]
            if prefix.count >= SoundFileMagic.length, classify(prefix) != .frames { break }
            if prefix.contains(0x0A) { break }
        }
        return (classify(prefix), prefix)
    }

    /// The kind of input that starts with `bytes` (the whole first line, when it is JSON).
    public static func classify(_ bytes: [UInt8]) -> InputKind {
        if let format = SoundFileMagic.format(of: bytes) { return .soundFile(format) }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return .frames }
        // Text that is not JSON is still frames: bare lines become `text` events.
        guard first == UInt8(ascii: "{") else { return isMostlyText(bytes) ? .frames : .raw }
        // A `{` byte is also a quiet µ-law sample: only a first line that is a JSON object
        // makes this Twilio messages or frames.
        let firstLine = Array(bytes.prefix { $0 != 0x0A })
        guard let header = try? JSONParser.parse(firstLine).object else { return isMostlyText(bytes) ? .frames : .raw }
        // Twilio messages are keyed by "event"; frames by "type".
        return header["event"] != nil && header["type"] == nil ? .twilio : .frames
    }

    /// Raw µ-law is mostly bytes ≥ 0x80 or control characters; text is printable.
    static func isMostlyText(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(512)
        let printable = sample.filter { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }.count
        return printable * 10 >= sample.count * 9
    }
}
